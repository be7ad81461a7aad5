"""Where each answer ends: one pass over a note's blocks, holding at most one open question.

Why a module of its own: the shapes (:mod:`vaultc.extract.shapes`) say what each block asks; an
answer is about layout, where the author stops writing about one question. The rules, in the order
the walk applies them:

* A block another shape took whole (a question section and its answers, a block of cards) ends the
  open question and is not read again.
* A thematic break (``---``) always ends the open answer; a ``<br>`` spacer does in a note that
  puts spacers between its entries (:mod:`vaultc.extract.answers`).
* A heading question starts a question, unless it is only a possible one (its level does not ask)
  or stands deeper than the open question at a level where the note does not ask: then it is a
  title inside that answer (an assistant's "### Why does it matter?" under "##### What is dropout?").
* A heading that does not ask, while a question is open: right above a block that surely asks (a
  question heading, a list of exam questions) it is their topic and ends the answer; right under a
  sure question with nothing written yet, it opens that question's answer ("##### So what does it
  compute?" / "## tl;dr"), unless it is a sibling of the question heading; otherwise it ends a sure
  heading question's answer only at the question's level or at a level the note puts its topics at
  (a pasted answer brings its own ``###`` titles), a possible one's at its level or above, and a
  paragraph-level question's always.
* Inside a sure heading question's answer, paragraph-level questions (a "?" line, a bold line, a
  list of questions, a callout) are part of the answer: the heading owns its section. A possible
  heading question ("# Any Questions?" in prose) owns nothing: the questions under it are their own.
* A numbered slot continues a run: after ``17)``, an item numbered ``1)`` is a step of the answer.
  After a line or bold question, a ``1)`` item is a step unless it asks.
* The first block after a question more than ``MAX_ANSWER_GAP`` blank lines below it is not its
  answer: the blank lines are the room left for one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from vaultc.extract.answers import Piece, is_ignorable, is_spacer, read_blocks, starts_too_far
from vaultc.extract.blocks import Block
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence
from vaultc.extract.model import Confidence, QuestionForm


@dataclass
class Entry:
    """A question found by the walk and the answer pieces collected so far."""

    candidate: Candidate
    quiet_until: int
    """The question's last line, then the last line of any comment or spacer skipped before its answer."""
    pieces: list[Piece] = field(default_factory=list)
    answer_level: int = 0
    """The level of the heading its answer was found under ("## tl;dr" right after the question), or 0."""


class Walk:
    """One pass over the top-level blocks, holding at most one open question (module-private state)."""

    def __init__(self, tokens: Sequence[Token], evidence: NoteEvidence) -> None:
        self.tokens = tokens
        self.evidence = evidence
        self.entries: list[Entry] = []
        self.open: Entry | None = None
        self.last_number: int | None = None

    def visit(self, block: Block, candidates: list[Candidate], next_asks: bool = False) -> None:
        """Read one block; ``next_asks``: the block after it surely asks (a heading right above a
        question heading or a list of exam questions is a topic over them, never an answer)."""
        first = self.tokens[block.start]
        if block.kind == "hr":
            self.close()
            self.last_number = None
        elif is_spacer(first) and self.evidence.spacers:
            self.close()
        elif is_spacer(first) or is_ignorable(first):
            self._skip(block)
        elif block.kind == "heading":
            self._heading(block, candidates[0] if candidates else None, next_asks)
        elif self._owned_by_open_heading():
            self._content(block.span)
        else:
            self._paragraph_level(block, candidates)

    def _owned_by_open_heading(self) -> bool:
        """A sure heading question owns its section: what asks inside is part of its answer. A possible
        one ("# Any Questions?" in prose) does not hide the questions listed under it."""
        opened = self.open.candidate if self.open is not None else None
        return opened is not None and opened.form is QuestionForm.HEADING and opened.confidence is Confidence.SURE

    def claimed(self) -> None:
        """A block another shape took whole: it ends the open question."""
        self.close()
        self.last_number = None

    def close(self) -> None:
        if self.open is not None:
            self.entries.append(self.open)
            self.open = None

    def _heading(self, block: Block, candidate: Candidate | None, next_asks: bool) -> None:
        if candidate is not None and not self._title_inside_answer(candidate):
            self._start(candidate)
            return
        if self.open is not None:
            self._title(block, next_asks)
        if self.open is None:
            self.last_number = None

    def _title(self, block: Block, next_asks: bool) -> None:
        """A heading that does not ask, while a question is open: a topic over the next question ends
        the answer; deeper than a heading question it is a point of the answer; right under a sure
        question that has no answer yet it opens the answer's section ("## tl;dr"); otherwise it ends
        the answer where it closes the question's section, else it is a title inside the answer."""
        assert self.open is not None
        opened = self.open.candidate
        if next_asks:
            self.close()
        elif opened.form is QuestionForm.HEADING and block.level > opened.level and not self.open.answer_level:
            self._content(block.span)  # a deeper title: a point of the answer, its words count
        elif self._answered_below(block.level):
            self.open.answer_level = block.level  # the heading's own words are not the answer
            self.open.quiet_until = block.last_line
        elif self._heading_ends_answer(block.level):
            self.close()
        else:
            self._content(block.span)

    def _answered_below(self, level: int) -> bool:
        """A sure question with nothing under it yet: the heading that follows opens its answer, unless
        it is a sibling of a question heading. A new topic could stand there too, but then the
        question is only not reported: precision first."""
        assert self.open is not None
        opened = self.open.candidate
        sibling = opened.form is QuestionForm.HEADING and level == opened.level
        sure = opened.confidence is Confidence.SURE  # a possible question is only dropped
        return sure and not sibling and not self.open.pieces and not self.open.answer_level

    def _title_inside_answer(self, candidate: Candidate) -> bool:
        """A heading that is only possibly a question, inside an open sure heading question's answer
        where a title would not end it (an assistant's "### Why does it matter?" under "##### What is
        dropout?"); and a deeper heading where the note does not ask."""
        opened = self.open.candidate if self.open is not None else None
        if opened is None or opened.form is not QuestionForm.HEADING or opened.confidence is not Confidence.SURE:
            return False
        if candidate.confidence is Confidence.POSSIBLE:
            return not self._heading_ends_answer(candidate.level)
        return candidate.level > opened.level and candidate.level not in self.evidence.question_levels

    def _heading_ends_answer(self, level: int) -> bool:
        """Does a title at ``level`` close the open question's section? After a sure heading question,
        only at the question's own level or at a level the note puts its topics at (its titles may
        stand at any other: a pasted answer brings its own ``###``); after a possible one, at its
        level or above; after a paragraph-level question, always; under an answer section taken from
        a heading, at that heading's level or above."""
        assert self.open is not None
        opened = self.open.candidate
        if self.open.answer_level:
            return level <= self.open.answer_level
        if opened.form is QuestionForm.HEADING and opened.confidence is Confidence.SURE:
            return level == opened.level or (level < opened.level and level in self.evidence.topic_levels)
        if opened.form is QuestionForm.HEADING:
            return level <= opened.level  # a possible one: its own section, deeper titles included
        return True

    def _paragraph_level(self, block: Block, candidates: list[Candidate]) -> None:
        """Each candidate starts a question or, if it does not, is read once as answer content."""
        if not candidates:
            self._content(block.span)
        read_up_to = block.start
        for candidate in candidates:
            if self._starts_question(candidate):
                self._start(candidate)
            elif candidate.span[0] >= read_up_to:
                self._content(candidate.span)
            read_up_to = max(read_up_to, candidate.span[1])

    def _starts_question(self, candidate: Candidate) -> bool:
        if self.open is None or candidate.form is not QuestionForm.NUMBERED:
            return True
        if self.open.candidate.form is QuestionForm.NUMBERED:
            previous, number = self.last_number, candidate.number
            return previous is None or number is None or number > previous
        return candidate.wording.strength is not None

    def _start(self, candidate: Candidate) -> None:
        self.close()
        entry = Entry(candidate, self._question_end(candidate), list(candidate.inside))
        if candidate.self_contained:
            self.entries.append(entry)
        else:
            self.open = entry
        if candidate.number is not None:
            self.last_number = candidate.number

    def _content(self, span: tuple[int, int]) -> None:
        if self.open is None:
            return
        piece = read_blocks(self.tokens, *span)
        if piece is None:
            return
        if not self.open.pieces and starts_too_far(self.open.quiet_until, piece):
            self.close()
            return
        self.open.pieces.append(piece)

    def _skip(self, block: Block) -> None:
        """A block that is neither content nor boundary: its lines do not count as room left blank."""
        if self.open is not None and not self.open.pieces and block.last_line:
            self.open.quiet_until = max(self.open.quiet_until, block.last_line)

    def _question_end(self, candidate: Candidate) -> int:
        """The last line of the question itself (a setext heading takes two)."""
        opening = self.tokens[candidate.token]
        if candidate.form in (QuestionForm.HEADING, QuestionForm.CALLOUT) and opening.map:
            return opening.map[1]
        return candidate.line
