"""Spaced-repetition card separators: ``Front::Back``, ``Front:::Back``, and a line ``?`` or ``??``
between the front and the back of a multi-line card (the obsidian-spaced-repetition plugin's syntax).

Why a markdown-it rule: to CommonMark the separators are plain text, and a card written in a code
span (`` `a::b` ``), a fence or a formula must stay code. This core rule runs after inline parsing and
reads only ``text`` children, so code, math, links and clozes (:mod:`vaultc.markdown.cloze`) are
never split.

Tokens: a ``card_separator`` inline token replaces the separator's text (``content`` = the separator
as written; ``meta["kind"]``: ``inline``, ``inline_reversed``, ``multiline`` or
``multiline_reversed``; ``meta["offset"]``/``meta["raw"]`` for its line:column). Only the first
inline separator of a line is one: the rest of the line is the back. It renders as the separator's
text, so a page shows the card as written, as Obsidian's reading view does. Whether a note's
separators make cards is the extract stage's decision (the plugin only reads notes carrying its
flashcard tag).

Options: ``separators`` maps each kind to its separator, since the plugin lets people change them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

DEFAULT_SEPARATORS: Mapping[str, str] = MappingProxyType({
    "inline": "::",
    "inline_reversed": ":::",
    "multiline": "?",
    "multiline_reversed": "??",
})  # fmt: skip

_BREAKS = ("softbreak", "hardbreak")


def cards_plugin(md: MarkdownIt, separators: Mapping[str, str] = DEFAULT_SEPARATORS) -> None:
    """Register the rule that marks card separators in ``text`` children."""
    chosen = {**DEFAULT_SEPARATORS, **separators}
    inline = sorted(
        ((chosen[kind], kind) for kind in ("inline", "inline_reversed") if chosen[kind]),
        key=lambda pair: -len(pair[0]),
    )  # the longer separator first: ":::" is not "::" followed by ":"
    lines = {chosen[kind]: kind for kind in ("multiline", "multiline_reversed") if chosen[kind]}
    md.core.ruler.after("inline", "vaultc_cards", lambda state: _mark_cards(state, tuple(inline), lines))
    md.add_render_rule("card_separator", _render_separator)


def _mark_cards(state: StateCore, inline: tuple[tuple[str, str], ...], lines: Mapping[str, str]) -> None:
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _split_children(block.children, block.content, inline, lines)


def _split_children(
    children: list[Token], content: str, inline: tuple[tuple[str, str], ...], lines: Mapping[str, str]
) -> list[Token]:
    """The children with separators as tokens: a line that is only ``?``/``??``, and the first
    ``::``/``:::`` of each line (``searched`` keeps offsets moving forward through ``content``)."""
    result: list[Token] = []
    split_on_line, searched = False, 0
    for position, child in enumerate(children):
        if child.type in _BREAKS:
            split_on_line = False
        elif child.type == "text" and _whole_line(children, position) and child.content.strip() in lines:
            searched = max(content.find(child.content.strip(), searched), 0)
            result.append(_separator(child.content.strip(), lines[child.content.strip()], searched))
            continue
        elif child.type == "text" and not split_on_line and (found := _first_separator(child.content, inline)):
            at, separator, kind = found
            searched = max(content.find(child.content, searched), 0) + at
            result.extend(_split_text(child, at, separator, kind, searched))
            split_on_line = True
            continue
        result.append(child)
    return result


def _whole_line(children: list[Token], position: int) -> bool:
    """Is children[position] alone on its line (between breaks or the token's ends)?"""
    before = position == 0 or children[position - 1].type in _BREAKS
    after = position + 1 == len(children) or children[position + 1].type in _BREAKS
    return before and after


def _first_separator(text: str, inline: tuple[tuple[str, str], ...]) -> tuple[int, str, str] | None:
    """(index, separator, kind) of the earliest inline separator in ``text`` (the longest at a tie)."""
    best = None
    for separator, kind in inline:
        at = text.find(separator)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, separator, kind)
    return best


def _split_text(child: Token, at: int, separator: str, kind: str, offset: int) -> list[Token]:
    parts = []
    if at:
        parts.append(_text(child.content[:at]))
    parts.append(_separator(separator, kind, offset))
    if child.content[at + len(separator) :]:
        parts.append(_text(child.content[at + len(separator) :]))
    return parts


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _separator(separator: str, kind: str, offset: int) -> Token:
    token = Token("card_separator", "", 0)
    token.content = separator
    token.markup = separator
    token.meta = {"kind": kind, "raw": separator, "offset": offset}
    return token


def _render_separator(self: object, tokens: list[Token], idx: int, options: object, env: object) -> str:
    return escapeHtml(tokens[idx].content)
