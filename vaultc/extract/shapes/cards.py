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
from vaultc.extract.blocks import Block
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
        found = _group_cards(tokens, blocks[group[0]].start, blocks[group[-1]].end)
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


@dataclass(frozen=True)
class _Line:
    """One source line of a block of text, as the card rules see it."""

    number: int
    kind: str
    """inline (a ``::`` card), separator (``?``), tags (only tags), cloze or text."""
    inline: int
    """Index of the inline token holding it."""
    begin: int
    end: int
    """[begin, end) of its children in that token."""
    text: str


def _group_cards(tokens: Sequence[Token], start: int, end: int) -> list[Candidate]:
    """Single-line cards, multi-line cards (front above a ``?`` line, back below it, each up to the
    next card) and clozes, in the order written."""
    lines = list(_lines(tokens, start, end))
    found, in_back = [], False
    for position, line in enumerate(lines):
        if line.kind == "inline":
            found += _inline_card(tokens, line)
            in_back = False
        elif line.kind == "separator" and not in_back:
            found += _multiline_card(tokens, start, end, lines, position)
            in_back = True  # a later "?" line before the blank line belongs to this card's back
        elif line.kind == "cloze" and not _has_multiline(lines):
            found.append(_cloze_card(tokens, line))
    return found


def _lines(tokens: Sequence[Token], start: int, end: int) -> Iterator[_Line]:
    for position in range(start, end):
        token = tokens[position]
        if token.type != "inline" or not token.map:
            continue
        children = token.children or []
        line_start, number = 0, token.map[0] + 1
        for index, child in enumerate([*children, None]):
            if child is None or child.type in _BREAKS:
                part = children[line_start:index]
                yield _Line(number, _kind(part), position, line_start, index, "".join(_texts_of(part)).strip())
                line_start, number = index + 1, number + 1


def _kind(children: Sequence[Token]) -> str:
    kinds = {child.meta.get("kind") for child in children if child.type == "card_separator"}
    if kinds & _MULTILINE:
        return "separator"
    if kinds & _INLINE:
        return "inline"
    if _hidden(children):
        return "cloze"
    text = "".join(_texts_of(children)).strip()
    raw = " ".join(child.meta.get("raw", "") for child in children if child.type == "tag")
    return "tags" if raw and not text.replace(raw.replace(" ", ""), "").strip() and _tags_only(raw) else "text"


def _inline_card(tokens: Sequence[Token], line: _Line) -> list[Candidate]:
    children = (tokens[line.inline].children or [])[line.begin : line.end]
    separator = next(i for i, child in enumerate(children) if child.type == "card_separator")
    front = "".join(_texts_of(children[:separator])).strip()
    if not front:
        return []
    back = read_children_after(tokens, line.inline, line.begin + separator + 1, line.number - _first(tokens, line))
    opening = _block_opening(tokens, line.inline)
    return [
        Candidate(
            QuestionForm.CARD,
            read_wording(front, QuestionForm.CARD),
            line.number,
            opening,
            (opening, line.inline + 2),
            (back,) if back is not None else (),
            self_contained=True,
        )
    ]


def _multiline_card(tokens, start: int, end: int, lines: list[_Line], position: int) -> list[Candidate]:
    front = []
    for line in reversed(lines[:position]):
        if line.kind in ("inline", "separator"):
            break
        if line.kind != "tags" and line.text:
            front.insert(0, line)
    if not front:
        return []
    following = next((later for later in range(position + 1, len(lines)) if lines[later].kind == "inline"), None)
    if following is None:
        last = max(token.map[1] for token in tokens[start:end] if token.map)
    else:
        last = lines[following].number - 1  # the back ends where the next card starts
    back = read_line_range(tokens, start, end, lines[position].number + 1, last)
    wording = read_wording(" ".join(" ".join(line.text for line in front).split()), QuestionForm.CARD)
    opening = _opening_at(tokens, start, end, front[0].number)
    return [
        Candidate(
            QuestionForm.CARD,
            wording,
            front[0].number,
            opening,
            (start, end),
            (back,) if back is not None else (),
            self_contained=True,
        )
    ]


def _has_multiline(lines: list[_Line]) -> bool:
    """In a block of text holding a multi-line card, a highlight is part of that card."""
    return any(line.kind == "separator" for line in lines)


def _cloze_card(tokens: Sequence[Token], line: _Line) -> Candidate:
    children = (tokens[line.inline].children or [])[line.begin : line.end]
    opening = _block_opening(tokens, line.inline)
    answer: Piece = text_piece(", ".join(_hidden(children)), line.number, (opening, line.inline + 2))
    return Candidate(
        QuestionForm.CARD,
        read_wording(_with_blanks(children), QuestionForm.CARD),
        line.number,
        opening,
        (opening, line.inline + 2),
        (answer,),
        self_contained=True,
    )


def _first(tokens: Sequence[Token], line: _Line) -> int:
    return tokens[line.inline].map[0] + 1


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
