"""Where an answer's own text begins, when it shares its first paragraph with its question.

Why this module exists: an answer is a range of a note's top-level tokens, and a paragraph is one
token, so a question written as the first line of a paragraph ("What is TSNE?" then the answer on
the next line), a flash card (``Front::Back``, or ``Front`` / ``?`` / ``Back``) or a card under a
line of tags would show the question again inside its own answer. Cards and concept pages show the
question above the answer, so the answer's first paragraph is cut where the answer starts: its
lines before the answer's first line go, and a card's front goes up to its separator. The note's
tokens are never changed: the cut paragraph is a copy.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from markdown_it.token import Token

_BREAKS = ("softbreak", "hardbreak")


def from_answer_start(tokens: Sequence[Token], first_line: int, card: bool) -> list[Token]:
    """``tokens`` (an answer's) with the part of their first inline block before the answer cut off:
    the lines before ``first_line`` (1-based), and for a ``card`` a front ending in a separator.
    Blocks that end before the answer's first line (a card's front and its ``?`` line) go whole."""
    kept = _blocks_from(list(tokens), first_line)
    for position, token in enumerate(kept):
        if token.type != "inline":
            continue
        if token.map and token.map[0] + 1 <= first_line:
            kept[position] = _cut(token, first_line - (token.map[0] + 1), card)
        break  # only the answer's first inline block can hold its question
    return kept


def _blocks_from(tokens: list[Token], first_line: int) -> list[Token]:
    """``tokens`` without the leading top-level blocks whose lines all come before ``first_line``."""
    start = 0
    while start < len(tokens) and tokens[start].map and tokens[start].map[1] < first_line:
        start = _after_block(tokens, start)
    return tokens[start:] if start < len(tokens) else tokens  # never cut an answer away entirely


def _after_block(tokens: list[Token], start: int) -> int:
    """The position after the block opened (or held whole) at ``start``."""
    depth = 0
    for position in range(start, len(tokens)):
        depth += tokens[position].nesting
        if depth <= 0:
            return position + 1
    return len(tokens)


def _cut(inline: Token, lines: int, card: bool) -> Token:
    children = list(inline.children or [])
    start = _after_breaks(children, lines)
    separator = _separator_on_line(children, start) if card else None
    if separator is not None:
        start = separator + 1
    if start == 0:
        return inline
    while start < len(children) and children[start].type in _BREAKS:
        start += 1  # a separator alone on its line leaves the break after it
    cut = copy.copy(inline)
    cut.children = children[start:]
    cut.content = ""  # the source text no longer matches the children; nothing renders from it
    return cut


def _after_breaks(children: list[Token], lines: int) -> int:
    """The position after the ``lines``-th line break (0 for none)."""
    if lines <= 0:
        return 0
    seen = 0
    for position, child in enumerate(children):
        if child.type in _BREAKS:
            seen += 1
            if seen == lines:
                return position + 1
    return 0  # fewer lines than expected: keep the paragraph whole rather than lose the answer


def _separator_on_line(children: list[Token], start: int) -> int | None:
    """The position of the card separator on the line starting at ``start``, if any."""
    for position in range(start, len(children)):
        child = children[position]
        if child.type == "card_separator":
            return position
        if child.type in _BREAKS:
            return None
    return None
