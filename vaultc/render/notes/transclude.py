"""Note embeds (``![[Note]]``, ``![[Note#Heading]]``, ``![[Note#^block]]``) rendered in place.

The embedded part is a slice of the target note's tokens: the whole note, a heading's section (to
the next heading of the same or a higher level), or one block. It is rendered with the target
note's own link targets, ids removed (the page already has its own), and a stack of the units being
embedded: meeting one again means a loop, shown as a plain link instead of recursing. Each unit
expanded spends the rendering's :class:`~vaultc.embed_budget.EmbedBudget`; once it is spent, embeds
are links too (``class="transclusion-limit"``), as :func:`~vaultc.embed_budget.embed_limit_problems`
reports.
"""

from __future__ import annotations

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from vaultc.embed_budget import EMBED_BUDGET, unit_cost
from vaultc.embeds import unit_tokens
from vaultc.render.notes.view import NoteView
from vaultc.resolve import Target


def transclude(renderer: RendererHTML, view: NoteView, target: Target, options) -> str:
    """The embedded unit's HTML, framed with a link to its source."""
    note = view.vault.notes[target.path]
    unit = (note.path, target.anchor)
    href = escapeHtml(view.href(target))
    heading = next((h.text for h in note.headings if h.anchor == target.anchor), "")
    title = escapeHtml(note.title + (f" › {heading}" if heading else ""))
    if unit in view.embed_stack:
        return f'<a class="transclusion-loop" href="{href}" title="Embeds loop back here">{title}</a>'
    tokens = unit_tokens(note.tokens, target.anchor)
    if not view.embed_budget.spend(unit_cost(tokens)):
        reason = f"Not embedded: this page already embeds {EMBED_BUDGET:,} characters"
        return f'<a class="transclusion-limit" href="{href}" title="{reason}">{title}</a>'
    body = renderer.render(without_ids(tokens), options, {"vaultc": view.nested(note, unit)})
    return f'<div class="transclusion"><div class="transclusion-source"><a href="{href}">{title}</a></div>{body}</div>'


def without_ids(tokens: list[Token]) -> list[Token]:
    return [
        token.copy(attrs={k: v for k, v in token.attrs.items() if k != "id"}) if "id" in token.attrs else token
        for token in tokens
    ]
