"""The ways a question is written, recognised block by block in a note's token stream.

Why a module of its own: people ask questions in many shapes (headings, numbered slots copied from
a notebook, plain lines ending in "?", bold lines, callouts, ``Q:`` lines) and each shape is read
from the tokens markdown-it already made, so nothing inside code is ever taken for a question.
This module only says *what a block asks* (a :class:`Candidate`); whether the candidate really
starts a question depends on what is open around it, which :mod:`vaultc.extract.questions` decides.

Wording rules (see :mod:`vaultc.extract.wording` for prefixes, keys and question words):

* a heading asks when it holds a "?" (outside URLs) or an explicit ``QX)``/``Q6)``/``Q:`` prefix
  (STRONG), or when it starts like a question, "What is the argmax function" (WEAK);
* a top-level paragraph asks when its first line ends with "?" (a trailing "(...)" remark,
  difficulty emoji or URL aside) or carries a ``Q6)`` prefix (LINE); when that line is one bold
  span that asks (BOLD); when it starts with ``Q:`` (EXPLICIT, later ``Q:`` lines of the paragraph
  ask too); or when it starts with ``7, 8)`` (NUMBERED). The rest of the paragraph is the answer's
  start;
* an item of a top-level ordered list written with ``)`` is a numbered slot: a question whether it
  asks or only names a topic ("5) Linear Regression"); an empty slot (``36) -``, ``50)``) is a
  question with empty text, and its status comes from what follows it;
* a ``[!question]``, ``[!faq]`` or ``[!help]`` callout: title = question, body = answer (with no
  title written, the body's first line is the question).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.extract.answers import Piece, line_starts, read_blocks, read_lines, text_piece
from vaultc.extract.model import QuestionForm
from vaultc.extract.wording import Wording, numbered_prefix, read_wording

_DASH_ONLY = frozenset("-*+–— ")


@dataclass(frozen=True)
class Candidate:
    """Something a block asks, with the part of its answer written inside the same block."""

    form: QuestionForm
    wording: Wording
    line: int
    token: int
    """Index of the question's first token (heading, paragraph, list item or callout opening)."""
    span: tuple[int, int]
    """[start, end) tokens the question and its in-block answer cover."""
    inside: tuple[Piece, ...] = ()
    level: int = 0
    """Heading level (0 for the other forms)."""
    number: int | None = None
    """For numbered slots, the (last) number written."""
    self_contained: bool = False
    """Callouts: the answer ends with the block."""


def candidates_in(tokens: Sequence[Token], start: int, end: int) -> list[Candidate]:
    """What the top-level block tokens[start:end] asks, in document order."""
    kind = tokens[start].type
    if kind == "heading_open":
        found = _heading(tokens, start, end)
        return [found] if found else []
    if kind == "paragraph_open":
        return _paragraph(tokens, start)
    if kind == "ordered_list_open" and tokens[start].markup == ")":
        return _numbered_items(tokens, start, end)
    if kind == "callout_open" and tokens[start].meta.get("type") == "question":
        found = _callout(tokens, start, end)
        return [found] if found else []
    return []


def _heading(tokens: Sequence[Token], start: int, end: int) -> Candidate | None:
    wording = read_wording(_line_texts(tokens[start + 1])[0], QuestionForm.HEADING)
    if wording.strength is None:
        return None
    line = tokens[start].map[0] + 1 if tokens[start].map else 0
    level = int(tokens[start].tag[1])
    return Candidate(QuestionForm.HEADING, wording, line, start, (start, end), level=level)


def _paragraph(tokens: Sequence[Token], start: int) -> list[Candidate]:
    """The first line's question, then any later ``Q:`` lines (a run of explicit pairs)."""
    inline = tokens[start + 1]
    texts = _line_texts(inline)
    first = _line_form(inline, texts[0])
    if first is None:
        return []
    starts = [(0, *first)]
    if first[0] is QuestionForm.EXPLICIT:
        later = ((index, read_wording(text, QuestionForm.EXPLICIT)) for index, text in enumerate(texts) if index)
        starts += [(index, QuestionForm.EXPLICIT, wording) for index, wording in later if wording.strength]
    found, child_starts = [], line_starts(inline)
    for position, (index, form, wording) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else None
        line = (tokens[start].map[0] + 1 if tokens[start].map else 0) + index
        rest = read_lines(tokens, start, index + 1, stop, child_starts)
        inside = _with_inline_answer(wording, line, (start, start + 3), rest)
        number = _written_number(texts[0]) if form is QuestionForm.NUMBERED else None
        found.append(Candidate(form, wording, line, start, (start, start + 3), inside, number=number))
    return found


def _line_form(inline: Token, text: str) -> tuple[QuestionForm, Wording] | None:
    """How a paragraph's first line asks, if it does."""
    if numbered_prefix(text):
        return QuestionForm.NUMBERED, read_wording(text, QuestionForm.NUMBERED)
    for form in (QuestionForm.EXPLICIT, QuestionForm.BOLD, QuestionForm.LINE):
        if form is QuestionForm.BOLD and not _first_line_is_bold(inline.children or []):
            continue
        wording = read_wording(text, form)
        if wording.strength is not None:
            return form, wording
    return None


def _numbered_items(tokens: Sequence[Token], start: int, end: int) -> list[Candidate]:
    found = []
    for item_start, item_end in _items(tokens, start, end):
        found.append(_numbered_item(tokens, item_start, item_end))
    return found


def _numbered_item(tokens: Sequence[Token], start: int, end: int) -> Candidate:
    """A ``17)`` slot: its first line is the question, the rest of the item its answer's start."""
    item = tokens[start]
    number = int(item.info) if item.info.isdigit() else None
    line = item.map[0] + 1 if item.map else 0
    if tokens[start + 1].type != "paragraph_open":
        inner = read_blocks(tokens, start + 1, end - 1)
        placeholder = inner is None or set("".join(inner.lines)) <= _DASH_ONLY
        inside = () if placeholder or inner is None else (inner,)
        wording = read_wording("", QuestionForm.NUMBERED)
        return Candidate(QuestionForm.NUMBERED, wording, line, start, (start, end), inside, number=number)
    paragraph = start + 1
    wording = read_wording(_line_texts(tokens[paragraph + 1])[0], QuestionForm.NUMBERED)
    rest = (read_lines(tokens, paragraph, 1), read_blocks(tokens, paragraph + 3, end - 1))
    inside = _with_inline_answer(wording, line, (start, end), *rest)
    return Candidate(QuestionForm.NUMBERED, wording, line, start, (start, end), inside, number=number)


def _callout(tokens: Sequence[Token], start: int, end: int) -> Candidate | None:
    """Title = question and body = answer; an untitled callout asks its body's first line."""
    opening = tokens[start]
    line = opening.map[0] + 1 if opening.map else 0
    title = _line_texts(tokens[start + 2])[0]
    body_start = start + 4  # callout_open, title_open, inline, title_close
    untitled = title == opening.meta.get("written_type", "").capitalize()
    if untitled and tokens[body_start].type == "paragraph_open":
        wording = read_wording(_line_texts(tokens[body_start + 1])[0], QuestionForm.CALLOUT)
        rest = (read_lines(tokens, body_start, 1), read_blocks(tokens, body_start + 3, end - 1))
        if wording.strength is None and not _present(*rest):
            return None  # '> [!question]' over one statement line shows the syntax, it asks nothing
        return Candidate(
            QuestionForm.CALLOUT, wording, line + 1, start, (start, end), _present(*rest), self_contained=True
        )
    wording = read_wording("" if untitled else title, QuestionForm.CALLOUT)
    body = read_blocks(tokens, body_start, end - 1)
    if wording.strength is None and body is None:
        return None  # a [!question] callout titled with a statement and nothing in it shows the syntax
    return Candidate(QuestionForm.CALLOUT, wording, line, start, (start, end), _present(body), self_contained=True)


def _with_inline_answer(wording: Wording, line: int, span: tuple[int, int], *rest: Piece | None) -> tuple[Piece, ...]:
    """The answer pieces inside the block, led by any answer written on the question's own line."""
    leading = text_piece(wording.inline_answer, line, span) if wording.inline_answer else None
    return _present(leading, *rest)


def _present(*pieces: Piece | None) -> tuple[Piece, ...]:
    return tuple(piece for piece in pieces if piece is not None)


def _items(tokens: Sequence[Token], start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of each direct item of the list tokens[start:end]."""
    item_level = tokens[start].level + 1
    items, opened = [], start
    for position in range(start + 1, end):
        token = tokens[position]
        if token.level == item_level and token.type == "list_item_open":
            opened = position
        elif token.level == item_level and token.type == "list_item_close":
            items.append((opened, position + 1))
    return items


def _line_texts(inline: Token) -> list[str]:
    """The plain text of each source line of an inline token (markup removed, code kept)."""
    lines, current = [], []
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            lines.append("".join(current))
            current = []
        elif child.type in ("text", "code_inline", "math_inline"):
            current.append(child.content)
        elif child.type == "tag":
            current.append(child.meta.get("raw", ""))
    lines.append("".join(current))
    return lines


def _first_line_is_bold(children: Sequence[Token]) -> bool:
    """Is the first line one bold span (a difficulty emoji after it aside)?"""
    start = next((position for position, child in enumerate(children) if child.type != "text" or child.content), 0)
    if start >= len(children) or children[start].type != "strong_open":
        return False
    depth = 0
    for position, child in enumerate(children[start:], start):
        if child.type in ("softbreak", "hardbreak"):
            return False
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if depth == 0:
            return _only_decoration(children[position + 1 :])
    return False


def _only_decoration(children: Sequence[Token]) -> bool:
    """Nothing but spaces and symbols (emoji) up to the end of the line."""
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            return True
        if child.type != "text" or any(char.isalnum() for char in child.content):
            return False
    return True


def _written_number(text: str) -> int | None:
    digits = numbered_prefix(text).replace(",", " ").replace(")", " ").split()
    return int(digits[-1]) if digits else None
