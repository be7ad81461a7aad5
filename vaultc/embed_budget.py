"""How much one page may expand of the notes it embeds, and which pages reach that limit.

Embeds nest: a note that embeds the next one twice, twenty times over, asks for a million copies
(issue 9 found a 19.5 MB page at 16 levels and a build killed at 2.3 GB at 25). Loops are cut
by :mod:`vaultc.embeds`; this module bounds the rest. Each rendering of a note (its page, or an
answer shown on another page) may expand embedded units until it has embedded
:data:`EMBED_BUDGET` characters; each embed counts its unit's text, and at least
:data:`EMBED_MIN_COST` (about the frame it adds), so tiny units cannot multiply either. The embed
that finds the budget spent, and every later one on that page, is shown as a link to its source.

The renderer spends an :class:`EmbedBudget` as it renders (:mod:`vaultc.render.notes.transclude`);
:func:`embed_limit_problems` walks every note page in the same order with the same costs, before
anything is rendered, so ``vaultc lint`` and ``vaultc build`` report the same ``embed-limit``
findings, at the first embed each page leaves as a link.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.embeds import Unit, unit_tokens
from vaultc.model import LinkRef, ParsedNote
from vaultc.names import VaultPath
from vaultc.resolve import Target, TargetKind

EMBED_BUDGET = 200_000
"""Characters of embedded text one rendering expands: about forty long notes (a note of 5,000
characters is a long one), far more than a page of embeds that a reader can use."""
EMBED_MIN_COST = 250
"""What one embed costs at least, whatever its size: the frame and source link it adds weigh about
this much, so one page expands at most 800 embeds."""


class EmbedBudget:
    """What one rendering has spent. Mutable on purpose: a page's nested views share one, and the
    renderer spends it in the order it renders."""

    def __init__(self) -> None:
        self.spent = 0

    def spend(self, cost: int) -> bool:
        """Whether one more unit may be expanded (the last one may go past the budget)."""
        if self.spent >= EMBED_BUDGET:
            return False
        self.spent += cost
        return True


def unit_cost(tokens: list[Token]) -> int:
    """A unit's text (block tokens' content: inline text, code, math), at least the minimum."""
    return max(EMBED_MIN_COST, sum(len(token.content) for token in tokens))


@dataclass(frozen=True)
class _Unit:
    cost: int
    embeds: tuple[tuple[LinkRef, Unit], ...]
    """The unit's note embeds in render order: the embed link and the unit it includes."""


class _Units:
    """Costs and embeds of every unit, worked out once however many pages include it."""

    def __init__(self, notes: Mapping[VaultPath, ParsedNote], targets: Mapping[VaultPath, tuple[Target, ...]]):
        self.notes, self.targets = notes, targets
        self._known: dict[Unit, _Unit] = {}

    def __getitem__(self, unit: Unit) -> _Unit:
        if unit not in self._known:
            path, anchor = unit
            note = self.notes[path]
            tokens = unit_tokens(note.tokens, anchor)  # a page's own note: all but front matter, as embedded
            self._known[unit] = _Unit(unit_cost(tokens), tuple(self._embeds(note, tokens)))
        return self._known[unit]

    def _embeds(self, note: ParsedNote, tokens: list[Token]) -> Iterator[tuple[LinkRef, Unit]]:
        for block in tokens:
            for child in block.children or ():
                if child.type == "embed" and "link_index" in child.meta:
                    target = self.targets[note.path][child.meta["link_index"]]
                    if target.kind is TargetKind.NOTE and target.path in self.notes:
                        yield note.links[child.meta["link_index"]], (target.path, target.anchor)


def first_cut(units: _Units, page: VaultPath) -> tuple[VaultPath, LinkRef] | None:
    """The first embed the page of ``page`` leaves as a link (its note and link), walking the
    embeds depth first in render order, as the renderer does; None if every embed fits."""
    budget = EmbedBudget()
    path: list[Unit] = [(page, "")]
    pending = [iter(units[path[0]].embeds)]
    while pending:
        step = next(pending[-1], None)
        if step is None:
            pending.pop()
            path.pop()
            continue
        link, unit = step
        if unit in path:
            continue  # a loop: shown as a link, costs nothing (reported as embed-cycle)
        if not budget.spend(units[unit].cost):
            return path[-1][0], link
        path.append(unit)
        pending.append(iter(units[unit].embeds))
    return None


def embed_limit_problems(
    notes: Mapping[VaultPath, ParsedNote], targets: Mapping[VaultPath, tuple[Target, ...]]
) -> list[Diagnostic]:
    """One ``embed-limit`` finding per embed at which some note page stops expanding."""
    units = _Units(notes, targets)
    pages_cut_at: dict[tuple[VaultPath, int, int], list[VaultPath]] = {}
    for page in sorted(notes):
        cut = first_cut(units, page)
        if cut is not None:
            note, link = cut
            pages_cut_at.setdefault((note, link.line, link.column), []).append(page)
    return [_report(place, pages) for place, pages in sorted(pages_cut_at.items())]


def _report(place: tuple[VaultPath, int, int], pages: list[VaultPath]) -> Diagnostic:
    others = f" (and on {len(pages) - 1} other pages)" if len(pages) > 1 else ""
    message = (
        f"the page of {pages[0]}{others} has embedded {EMBED_BUDGET:,} characters when it reaches this embed: "
        "it and every later embed on that page are shown as links"
    )
    return diagnostic(*place, "embed-limit", message, subject=", ".join(pages))
