"""Spaced-repetition cards (the obsidian-spaced-repetition plugin's syntax), in notes that carry a
flashcard tag, as the plugin requires: each card is a question with its answer.

* ``Front::Back`` and ``Front:::Back`` (reversible): one card per line, in a paragraph or a list item;
* multi-line cards: the lines of a block of text (up to a blank line) before a line ``?`` (or ``??``)
  are the front, the lines after it the back, even when the ``?`` stands inside a list item;
* clozes: a line holding ``==hidden==`` or ``{{c1::hidden}}`` asks for what is hidden.

A card whose back is empty is unanswered. Tag-only lines (``#flashcards/memory``) before a card
name its deck and are not part of its front. The separators themselves are found by the parse
stage (:mod:`vaultc.markdown.cards`, :mod:`vaultc.markdown.cloze`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.extract.answers import Piece, read_children_after, read_line_range, text_piece
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.model import QuestionForm
from vaultc.extract.wording import read_wording

_INLINE = frozenset({"inline", "inline_reversed"})
_MULTILINE = frozenset({"multiline", "multiline_reversed"})
_BREAKS = ("softbreak", "hardbreak")


@dataclass(frozen=True)
class CardQuestions:
    candidates: tuple[Candidate, ...]
    claimed: frozenset[int]
    """Indices of the blocks that hold cards (no other shape reads them)."""


def card_questions(tokens: Sequence[Token], blocks: Sequence[Block]) -> CardQuestions:
    """Every card of a note that carries a flashcard tag."""
    candidates: list[Candidate] = []
    claimed: set[int] = set()
    for group in _groups(blocks):
        first, last = blocks[group[0]], blocks[group[-1]]
        found = _multiline(tokens, first.start, last.end) or list(_single_lines(tokens, first.start, last.end))
        if found:
            candidates += found
            claimed |= set(group)
    return CardQuestions(tuple(candidates), frozenset(claimed))


def _groups(blocks: Sequence[Block]) -> Iterator[list[int]]:
    """Runs of blocks with no blank line between them (a card ends at a blank line)."""
    group: list[int] = []
    for index, block in enumerate(blocks):
        if group and block.first_line != blocks[group[-1]].last_line + 1:
            yield group
            group = []
        group.append(index)
    if group:
        yield group


def _multiline(tokens: Sequence[Token], start: int, end: int) -> list[Candidate]:
    """The card of a block of text with a ``?`` line: front before it, back after it."""
    for position in range(start, end):
        token = tokens[position]
        if token.type != "inline" or not token.map:
            continue
        line = _separator_line(token)
        if line is not None:
            return _card_around(tokens, start, end, line)
    return []


def _separator_line(inline: Token) -> int | None:
    line = inline.map[0] + 1
    for child in inline.children or ():
        if child.type in _BREAKS:
            line += 1
        elif child.type == "card_separator" and child.meta.get("kind") in _MULTILINE:
            return line
    return None


def _card_around(tokens: Sequence[Token], start: int, end: int, separator: int) -> list[Candidate]:
    front = [(line, text) for line, text in _lines(tokens, start, end) if line < separator and not _tags_only(text)]
    if not front:
        return []
    last = max(token.map[1] for token in tokens[start:end] if token.map)
    back = read_line_range(tokens, start, end, separator + 1, last)
    wording = read_wording(" ".join(" ".join(text for _, text in front).split()), QuestionForm.CARD)
    opening = _opening_at(tokens, start, end, front[0][0])
    pieces = (back,) if back is not None else ()
    return [Candidate(QuestionForm.CARD, wording, front[0][0], opening, (start, end), pieces, self_contained=True)]


def _single_lines(tokens: Sequence[Token], start: int, end: int) -> Iterator[Candidate]:
    """``Front::Back`` lines, then cloze lines, of the blocks tokens[start:end]."""
    for position in range(start, end):
        token = tokens[position]
        if token.type == "inline" and token.map:
            yield from _line_cards(tokens, position)


def _line_cards(tokens: Sequence[Token], position: int) -> Iterator[Candidate]:
    children = tokens[position].children or []
    line_index, line_start = 0, 0
    for index, child in enumerate([*children, None]):
        if child is None or child.type in _BREAKS:
            yield from _card_on_line(tokens, position, line_start, index, line_index)
            line_index, line_start = line_index + 1, index + 1


def _card_on_line(tokens, position: int, begin: int, end: int, line_index: int) -> Iterator[Candidate]:
    inline = tokens[position]
    children = (inline.children or [])[begin:end]
    line = inline.map[0] + 1 + line_index
    opening = _block_opening(tokens, position)
    separator = next((i for i, child in enumerate(children) if child.type == "card_separator"
                      and child.meta.get("kind") in _INLINE), None)
    if separator is not None:
        front = "".join(_texts_of(children[:separator])).strip()
        if front and not _tags_only(front):
            back = read_children_after(tokens, position, begin + separator + 1, line_index)
            wording = read_wording(front, QuestionForm.CARD)
            yield Candidate(QuestionForm.CARD, wording, line, opening, (opening, position + 2),
                            (back,) if back is not None else (), self_contained=True)
        return
    hidden = _hidden(children)
    if hidden:
        wording = read_wording(_with_blanks(children), QuestionForm.CARD)
        answer: Piece = text_piece(", ".join(hidden), line, (opening, position + 2))
        yield Candidate(QuestionForm.CARD, wording, line, opening, (opening, position + 2), (answer,),
                        self_contained=True)


def _texts_of(children: Sequence[Token]) -> list[str]:
    return [child.content for child in children if child.type in ("text", "code_inline", "math_inline", "cloze")]


def _hidden(children: Sequence[Token]) -> list[str]:
    """The texts a line hides: ``{{c1::...}}`` clozes and ``==...==`` highlights."""
    hidden, inside_mark = [], False
    for child in children:
        if child.type == "cloze":
            hidden.append(child.content)
        elif child.type in ("mark_open", "mark_close"):
            inside_mark = child.type == "mark_open"
            if inside_mark:
                hidden.append("")
        elif inside_mark and child.type in ("text", "code_inline", "math_inline"):
            hidden[-1] += child.content
    return [text.strip() for text in hidden if text.strip()]


def _with_blanks(children: Sequence[Token]) -> str:
    """The line with what it hides shown as ``[...]``."""
    parts, inside_mark = [], False
    for child in children:
        if child.type == "cloze":
            parts.append("[...]")
        elif child.type == "mark_open":
            inside_mark = True
            parts.append("[...]")
        elif child.type == "mark_close":
            inside_mark = False
        elif not inside_mark and child.type in ("text", "code_inline", "math_inline"):
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _lines(tokens: Sequence[Token], start: int, end: int) -> Iterator[tuple[int, str]]:
    for token in tokens[start:end]:
        if token.type == "inline" and token.map:
            for index, text in enumerate(line_texts(token)):
                if text.strip():
                    yield token.map[0] + 1 + index, text.strip()


def _tags_only(text: str) -> bool:
    words = text.split()
    return bool(words) and all(word.startswith("#") for word in words)


def _opening_at(tokens: Sequence[Token], start: int, end: int, line: int) -> int:
    """The block token (paragraph or list item) whose lines hold ``line``."""
    best = start
    for position in range(start, end):
        token = tokens[position]
        if token.nesting == 1 and token.map and token.map[0] + 1 <= line < token.map[1] + 1:
            best = position
    return best


def _block_opening(tokens: Sequence[Token], inline_position: int) -> int:
    """The paragraph (or the list item around it) an inline token belongs to."""
    opening = inline_position - 1
    if opening > 0 and tokens[opening - 1].type == "list_item_open":
        return opening - 1
    return opening
