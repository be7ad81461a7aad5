"""Note embeds (``![[Note]]``, ``![[Note#Heading]]``, ``![[Note#^block]]``) rendered in place.

The embedded part is a slice of the target note's tokens: the whole note, a heading's section (to
the next heading of the same or a higher level), or one block. It is rendered with the target
note's own link targets, ids removed (the page already has its own), and a stack of the units being
embedded: meeting one again means a loop, shown as a plain link instead of recursing.
"""

from __future__ import annotations

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from vaultc.render.view import NoteView
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
    tokens = without_ids(unit_tokens(note.tokens, target.anchor))
    body = renderer.render(tokens, options, {"vaultc": view.nested(note, unit)})
    return f'<div class="transclusion"><div class="transclusion-source"><a href="{href}">{title}</a></div>{body}</div>'


def unit_tokens(tokens: tuple[Token, ...], anchor: str) -> list[Token]:
    """The tokens of a whole note (without front matter), a heading's section, or a block."""
    if not anchor:
        return [token for token in tokens if token.type != "front_matter"]
    start = next((i for i, t in enumerate(tokens) if _anchor_of(t) == anchor), None)
    if start is None:
        return []
    if tokens[start].type == "heading_open":
        level = int(tokens[start].tag[1])
        end = next(
            (
                i
                for i in range(start + 1, len(tokens))
                if tokens[i].type == "heading_open" and int(tokens[i].tag[1]) <= level and tokens[i].level == 0
            ),
            len(tokens),
        )
        return list(tokens[start:end])
    return list(tokens[start : _matching_close(tokens, start) + 1])


def _anchor_of(token: Token) -> str | None:
    if "block_id" in token.meta:
        return "^" + token.meta["block_id"]
    return token.attrGet("id") if token.type == "heading_open" else None


def _matching_close(tokens: tuple[Token, ...], start: int) -> int:
    depth = 0
    for position in range(start, len(tokens)):
        depth += tokens[position].nesting
        if depth <= 0:
            return position
    return len(tokens) - 1


def without_ids(tokens: list[Token]) -> list[Token]:
    return [
        token.copy(attrs={k: v for k, v in token.attrs.items() if k != "id"}) if "id" in token.attrs else token
        for token in tokens
    ]
