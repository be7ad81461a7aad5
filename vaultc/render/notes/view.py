"""What a renderer rule knows while it renders: the note, the page it lands on, and the vault."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from vaultc.embed_budget import EmbedBudget
from vaultc.embeds import Unit
from vaultc.model import ParsedNote
from vaultc.names import SitePath, absolute_url, relative_url
from vaultc.render.sitemap import SiteMap
from vaultc.resolve import ResolvedVault, Target, TargetKind


@dataclass
class UnescapedOutput:
    """Whether a rendering wrote a note's raw HTML, which markdown-it does not escape: only then does
    its HTML need the sanitizer (a formula's MathML is cleaned when parsed: :mod:`vaultc.mathml_policy`).
    Shared by a view and its nested views, so an embedded note's raw HTML counts for its page."""

    seen: bool = False


@dataclass(frozen=True)
class NoteView:
    """The note being rendered, the page it lands on, and the vault around it."""

    note: ParsedNote
    page: SitePath
    vault: ResolvedVault
    sitemap: SiteMap
    embed_stack: tuple[Unit, ...]
    """Units being rendered, outermost (the page's own note) first: meeting one again is a loop."""
    fragment: bool = False
    """Part of the note shown on another page (an answer): the note's own page is elsewhere."""
    embed_budget: EmbedBudget = field(default_factory=EmbedBudget, compare=False)
    """What this rendering has expanded: a new view starts a budget, its nested views share it."""
    unescaped: UnescapedOutput = field(default_factory=UnescapedOutput, compare=False)
    """Set by the rules that write raw HTML (:func:`note_unescaped`)."""
    base_url: str | None = None
    """Links absolute under this address: the HTML is read away from the site (an Anki card)."""
    author: bool = False
    """Rendering the author's view: what the vault lacks is shown as such (a missing embed)."""

    @property
    def on_own_page(self) -> bool:
        """Rendering the note's own page (not an embed, not a fragment): in-page anchors work here."""
        return len(self.embed_stack) == 1 and not self.fragment

    def own_page_url(self, anchor: str = "") -> str:
        """The note's own page (at ``anchor``), relative to the page being written."""
        return self.url_of(self.sitemap.note(self.note.path), anchor)

    def url_of(self, path: SitePath, anchor: str = "") -> str:
        """The URL of a page of the site from the page being written (absolute with a ``base_url``)."""
        if self.base_url:
            return absolute_url(self.base_url, path, anchor)
        return relative_url(self.page, path, anchor)

    def target(self, token: Token) -> Target:
        return self.vault.targets[self.note.path][token.meta["link_index"]]

    def href(self, target: Target) -> str:
        if target.kind is TargetKind.ATTACHMENT:
            return self.url_of(self.sitemap.attachment(target.path))
        anchor = "" if target.anchor_missing else target.anchor
        return self.url_of(self.sitemap.note(target.path), anchor)

    def nested(self, note: ParsedNote, unit: Unit) -> NoteView:
        """The view for an embedded unit of ``note`` shown on this view's page."""
        return replace(self, note=note, embed_stack=self.embed_stack + (unit,))


def note_unescaped(env: dict) -> None:
    """Record, from a renderer rule, that the rendering holds HTML markdown-it did not escape."""
    view = env.get("vaultc")
    if view is not None:
        view.unescaped.seen = True
