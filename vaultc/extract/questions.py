"""Questions and their answers, read from one parsed note's token stream.

Why this module exists: interview notes, FAQs and notebooks are mostly questions, and the site and
the lint need each one with its answer and a status (answered / unanswered / stub) to say what is
still missing. :mod:`vaultc.extract.forms` says what each top-level block asks; this module walks
the blocks once, in order, deciding which candidates really start a question and which blocks
belong to the open question's answer (:mod:`vaultc.extract.answers` holds the boundary and status
rules). The walk is linear in the number of tokens and reads nothing but tokens.

Which candidate starts a question, and why:

* A STRONG heading (a "?" or a ``QX)`` prefix) always starts one.
* A WEAK heading (no "?": "What is the argmax function") starts one when no question is open, or
  when it is a sibling of the open heading question (same level: the previous question simply got
  no answer). At any other level it is a title inside the answer: "### How `argmax` Works" under
  "##### What is the argmax function" is written in title case by a chat assistant and is part of
  that answer, as are "### Example" and "### In Summary".
* A heading that does not ask ends the open answer when it closes the question's section (same or
  shallower level; any level after a paragraph-level question), unless the note separates its
  entries explicitly (``---`` or ``<br>`` right before its questions). Such notes say themselves
  where an answer ends, and a pasted answer brings its own ``###`` titles (seed 000 even starts
  with an accidental setext ``##`` made of a URL over ``---``, so heading levels prove nothing).
* Inside a heading question's answer, paragraph-level forms (a line ending in "?", a bold line, a
  ``1)`` item, a callout) are sub-questions, part of the answer: the heading owns its section.
* A numbered slot continues a run: after ``17)``, an item numbered ``1)`` is a step of the answer.
  After a line or bold question, a ``1)`` item is a step unless it asks.

Anchors: a heading question keeps its heading's anchor; other questions get ``q-`` + the slug of
their text, made unique within the note in document order, so an edit elsewhere in the note does
not move them (only another question with the same text earlier in the note would).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from vaultc.extract.answers import (
    DEFAULT_STUB_PATTERNS,
    Piece,
    answer_status,
    build_answer,
    is_ignorable,
    is_spacer,
    read_blocks,
    starts_too_far,
)
from vaultc.extract.forms import Candidate, candidates_in
from vaultc.extract.model import Question, QuestionForm
from vaultc.extract.wording import Strength, question_key
from vaultc.model import ParsedNote
from vaultc.names import unique_slug

__all__ = ["DEFAULT_STUB_PATTERNS", "extract_questions"]

_Span = tuple[int, int]


def extract_questions(note: ParsedNote, stub_patterns: tuple[str, ...] = DEFAULT_STUB_PATTERNS) -> tuple[Question, ...]:
    """Every question the note asks, in document order, with its answer and status."""
    tokens = note.tokens
    blocks = _top_level_blocks(tokens)
    asked = [candidates_in(tokens, start, end) for start, end in blocks]
    walk = _Walk(tokens, _separators_in_use(tokens, blocks, asked))
    for block, candidates in zip(blocks, asked, strict=True):
        walk.visit(block, candidates)
    walk.close()
    return _questions(note, walk.entries, stub_patterns)


def _top_level_blocks(tokens: Sequence[Token]) -> list[_Span]:
    """[start, end) of each top-level block (its opening token to its matching close)."""
    blocks, opened = [], 0
    for position, token in enumerate(tokens):
        if token.level != 0:
            continue
        if token.nesting == 1:
            opened = position
        else:
            blocks.append((opened if token.nesting == -1 else position, position + 1))
    return blocks


@dataclass(frozen=True)
class _Separators:
    """Which explicit separators the note puts between its entries."""

    spacers: bool
    breaks: bool

    @property
    def explicit(self) -> bool:
        return self.spacers or self.breaks


def _separators_in_use(tokens: Sequence[Token], blocks: list[_Span], asked: list[list[Candidate]]) -> _Separators:
    """A separator is in use when one stands right before a question (headings and comments between)."""
    pending: set[str] = set()
    used: set[str] = set()
    for (start, _), candidates in zip(blocks, asked, strict=True):
        first = tokens[start]
        if first.type == "hr" or is_spacer(first):
            pending.add(first.type)
        elif candidates:
            used |= pending
            pending = set()
        elif not (is_ignorable(first) or first.type == "heading_open"):
            pending = set()
    return _Separators(spacers="html_block" in used, breaks="hr" in used)


@dataclass
class _Entry:
    """A question found by the walk and the answer pieces collected so far."""

    candidate: Candidate
    quiet_until: int
    """The question's last line, then the last line of any comment or spacer skipped before its answer."""
    pieces: list[Piece] = field(default_factory=list)


class _Walk:
    """One pass over the top-level blocks, holding at most one open question."""

    def __init__(self, tokens: Sequence[Token], separators: _Separators) -> None:
        self.tokens = tokens
        self.separators = separators
        self.entries: list[_Entry] = []
        self.open: _Entry | None = None
        self.last_number: int | None = None

    def visit(self, block: _Span, candidates: list[Candidate]) -> None:
        first = self.tokens[block[0]]
        if first.type == "hr":
            self.close()
            self.last_number = None
        elif is_spacer(first) and self.separators.spacers:
            self.close()
        elif is_spacer(first) or is_ignorable(first):
            self._skip(first)
        elif first.type == "heading_open":
            self._heading(block, candidates[0] if candidates else None)
        elif self.open is not None and self.open.candidate.form is QuestionForm.HEADING:
            self._content(block)
        else:
            self._paragraph_level(block, candidates)

    def close(self) -> None:
        if self.open is not None:
            self.entries.append(self.open)
            self.open = None

    def _heading(self, block: _Span, candidate: Candidate | None) -> None:
        if candidate is not None and candidate.wording.strength is Strength.STRONG:
            self._start(candidate)
            return
        level = int(self.tokens[block[0]].tag[1])
        if self.open is not None and self._heading_ends_answer(candidate, level):
            self.close()
        if self.open is not None:
            self._content(block)
            return
        self.last_number = None
        if candidate is not None:
            self._start(candidate)

    def _heading_ends_answer(self, candidate: Candidate | None, level: int) -> bool:
        assert self.open is not None
        opened = self.open.candidate
        if opened.form is QuestionForm.HEADING and candidate is not None and level == opened.level:
            return True
        if self.separators.explicit:
            return False
        return opened.form is not QuestionForm.HEADING or level <= opened.level

    def _paragraph_level(self, block: _Span, candidates: list[Candidate]) -> None:
        """Each candidate starts a question or, if it does not, is read once as answer content."""
        if not candidates:
            self._content(block)
        read_up_to = block[0]
        for candidate in candidates:
            if self._starts_question(candidate):
                self._start(candidate)
            elif candidate.span[0] >= read_up_to:
                self._content(candidate.span)
            read_up_to = max(read_up_to, candidate.span[1])

    def _starts_question(self, candidate: Candidate) -> bool:
        if self.open is None:
            return True
        if candidate.form is not QuestionForm.NUMBERED:
            return True
        if self.open.candidate.form is QuestionForm.NUMBERED:
            previous, number = self.last_number, candidate.number
            return previous is None or number is None or number > previous
        return candidate.wording.strength is not None

    def _start(self, candidate: Candidate) -> None:
        self.close()
        entry = _Entry(candidate, self._question_end(candidate), list(candidate.inside))
        if candidate.self_contained:
            self.entries.append(entry)
        else:
            self.open = entry
        if candidate.number is not None:
            self.last_number = candidate.number

    def _content(self, span: _Span) -> None:
        if self.open is None:
            return
        piece = read_blocks(self.tokens, *span)
        if piece is None:
            return
        if not self.open.pieces and starts_too_far(self.open.quiet_until, piece):
            self.close()
            return
        self.open.pieces.append(piece)

    def _skip(self, block: Token) -> None:
        """A block that is neither content nor boundary: its lines do not count as room left blank."""
        if self.open is not None and not self.open.pieces and block.map:
            self.open.quiet_until = max(self.open.quiet_until, block.map[1])

    def _question_end(self, candidate: Candidate) -> int:
        """The last line of the question itself (a setext heading takes two)."""
        opening = self.tokens[candidate.token]
        if candidate.form is QuestionForm.HEADING and opening.map:
            return opening.map[1]
        return candidate.line


def _questions(note: ParsedNote, entries: list[_Entry], stub_patterns: tuple[str, ...]) -> tuple[Question, ...]:
    taken = {heading.anchor for heading in note.headings}
    source_lines = note.text.split("\n")
    found = []
    for entry in entries:
        candidate = entry.candidate
        answer = build_answer(entry.pieces)
        status, reason = answer_status(entry.pieces, stub_patterns)
        for position, text in enumerate(candidate.wording.texts):
            found.append(
                Question(
                    note=note.path,
                    text=text,
                    key=question_key(text),
                    form=candidate.form,
                    line=candidate.line,
                    column=_column(source_lines, candidate.line, text),
                    anchor=_anchor(note.tokens[candidate.token], candidate, position, text, taken),
                    token=candidate.token,
                    answer=answer,
                    status=status,
                    stub_reason=reason,
                )
            )
    return tuple(found)


def _anchor(opening: Token, candidate: Candidate, position: int, text: str, taken: set[str]) -> str:
    """The heading's own anchor, else ``q-`` + slug of the text (of the slot number when empty)."""
    heading_id = opening.attrGet("id") if candidate.form is QuestionForm.HEADING and position == 0 else None
    if isinstance(heading_id, str) and heading_id:
        return heading_id
    name = text or str(candidate.number if candidate.number is not None else candidate.line)
    return unique_slug(f"q {name}", taken)


def _column(source_lines: list[str], line: int, text: str) -> int:
    """1-based column where the question's text starts as written (its first words if markup splits it)."""
    source = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    words = text.split()
    for fragment in (text, " ".join(words[:3]), words[0] if words else ""):
        found = source.find(fragment) if fragment else -1
        if found >= 0:
            return found + 1
    return len(source) - len(source.lstrip()) + 1
