"""A note's top-level blocks, read once from its tokens: what every shape of question looks at.

Why a module of its own: the evidence a note gives about its habits (which heading level asks,
whether its "?" lines are followed by answers, where its cards are) and the shapes that find its
questions all read the same blocks; reading them once, as typed values, keeps those modules free
of token bookkeeping and gives them one plain-text reading of every line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

_KINDS = {
    "heading_open": "heading", "paragraph_open": "paragraph", "bullet_list_open": "list",
    "ordered_list_open": "list", "callout_open": "callout", "blockquote_open": "quote", "hr": "hr",
    "fence": "code", "code_block": "code", "table_open": "table", "html_block": "html",
    "math_block": "math", "math_block_label": "math", "dl_open": "deflist",
}  # fmt: skip
_TEXT_CHILDREN = frozenset({"text", "code_inline", "math_inline", "math_inline_double", "cloze"})


@dataclass(frozen=True)
class Block:
    """One top-level block: its tokens, its lines, and the plain text of its first line."""

    start: int
    end: int
    """[start, end) indices of its tokens in the note's top-level token stream."""
    kind: str
    """heading, paragraph, list, callout, quote, hr, code, table, html, math, deflist or other."""
    first_line: int
    last_line: int
    """1-based, inclusive (0 for a block without a position)."""
    level: int = 0
    """Heading level (1-6), 0 for the other kinds."""
    text: str = ""
    """Plain text of the first line: the heading's text, the paragraph's first line."""

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def note_blocks(tokens: Sequence[Token]) -> tuple[Block, ...]:
    """Every top-level block of the token stream, in order."""
    blocks, opened = [], 0
    for position, token in enumerate(tokens):
        if token.level != 0:
            continue
        if token.nesting == 1:
            opened = position
        else:
            start = opened if token.nesting == -1 else position
            blocks.append(_block(tokens, start, position + 1))
    return tuple(blocks)


def _block(tokens: Sequence[Token], start: int, end: int) -> Block:
    opening = tokens[start]
    first, last = (opening.map[0] + 1, _last_line(tokens, start, end)) if opening.map else (0, 0)
    kind = _KINDS.get(opening.type, "other")
    level = int(opening.tag[1]) if kind == "heading" else 0
    text = line_texts(tokens[start + 1])[0] if kind in ("heading", "paragraph") else ""
    return Block(start, end, kind, first, last, level, text.strip())


def _last_line(tokens: Sequence[Token], start: int, end: int) -> int:
    """The block's last written line: a list's map also covers the blank lines after it."""
    leaves = [token.map[1] for token in tokens[start:end] if token.map and token.nesting == 0]
    return max(leaves) if leaves else (tokens[start].map[1] if tokens[start].map else 0)


def line_texts(inline: Token) -> list[str]:
    """The plain text of each source line of an inline token (markup removed, code and math kept)."""
    lines, current = [], []
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            lines.append("".join(current))
            current = []
        elif child.type in _TEXT_CHILDREN or child.type == "card_separator":
            current.append(child.content)
        elif child.type == "tag":
            current.append(child.meta.get("raw", ""))
    lines.append("".join(current))
    return lines


def line_number(inline: Token, index: int) -> int:
    """1-based source line of the ``index``-th line of an inline token."""
    return (inline.map[0] + 1 if inline.map else 0) + index


def blank_between(earlier: Block, later: Block) -> int:
    """Blank (or skipped) lines between two blocks."""
    return max(later.first_line - earlier.last_line - 1, 0)
