"""Questions written at the start of a paragraph: a line ending in "?", a bold line, ``Q: ...``
(with later ``Q:`` lines of the same paragraph asking too), and ``7, 8) ...`` pasted from a
notebook. The rest of the paragraph is the start of the answer.

How sure: ``Q:`` lines are explicit, so sure; with an ``A:`` line the answer is what that line says,
even when it says nothing (the next paragraph is not the answer). A line or bold question is sure
only in a note with the paragraph habit (it writes such questions followed by their answers at least
twice); in prose, a "?" line is at most a possible question ("Got everything set up? Let's
build...", "Would you like to explore weight decay next?"), never reported when nothing answers it.
A ``7, 8)`` paragraph is sure in a note with the numbered habit. In a note with the paragraph habit,
a first line that asks before its end ("How many processes does this create? fork(); fork();") asks
too when its answer follows on the next line. In a note that writes bold questions between ``<br>``
spacers, a bold entry title right after a spacer that does not ask ("**Precision-recall trade-off**")
names the topic it asks about: a possible question, shown when answered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.extract.answers import is_spacer, line_starts, read_lines, starts_with_answer_label, text_piece
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import MIN_HABIT, NoteEvidence
from vaultc.extract.model import Confidence, QuestionForm, QuestionStatus
from vaultc.extract.wording import (
    Strength,
    Wording,
    ends_asking,
    has_question_mark,
    is_instruction,
    numbered_prefix,
    question_marks,
    read_wording,
    starts_like_question,
    strip_trailing_symbols,
    written_number,
)

_ASKS_INSIDE = re.compile(r"\w[?？؟]\s+\S")
_ANSWER_INSIDE = re.compile(r"[.!:;]\s")
"""A sentence that states something between the questions."""


def paragraph_questions(tokens: Sequence[Token], block: Block, evidence: NoteEvidence) -> list[Candidate]:
    """The first line's question, then any later ``Q:`` lines (a run of explicit pairs)."""
    inline = tokens[block.start + 1]
    texts = line_texts(inline)
    first = _line_form(inline, texts[0], evidence) or _asks_mid_line(texts, evidence)
    first = first or _entry_title(tokens, block, texts, evidence)
    if first is None:
        return []
    starts = [(0, *first)]
    if first[0] is QuestionForm.EXPLICIT:
        later = ((index, read_wording(text, QuestionForm.EXPLICIT)) for index, text in enumerate(texts) if index)
        starts += [(index, QuestionForm.EXPLICIT, wording) for index, wording in later if wording.strength]
    child_starts = line_starts(inline)
    found = []
    for position, (index, form, wording) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else None
        rest = read_lines(tokens, block.start, index + 1, stop, child_starts)
        found.append(_candidate(block, texts, block.first_line + index, form, wording, rest, evidence))
    return found


def _candidate(
    block: Block, texts: list[str], line: int, form: QuestionForm, wording: Wording, rest, evidence: NoteEvidence
) -> Candidate:
    """One question of the paragraph, with the rest of its lines (up to the next ``Q:``) as its answer."""
    confidence, empty = _confidence(form, evidence, wording), QuestionStatus.UNANSWERED
    if form is QuestionForm.LINE and not evidence.paragraph_habit and _only_questions(texts):
        confidence, empty = Confidence.SURE, QuestionStatus.PROMPT
    labelled = form is QuestionForm.EXPLICIT and rest is not None and starts_with_answer_label(rest.lines[0])
    return Candidate(
        form, wording, line, block.start, block.span, with_inline_answer(wording, line, block.span, rest),
        number=written_number(texts[0]) if form is QuestionForm.NUMBERED else None,
        confidence=confidence, self_contained=labelled, empty_status=empty,
    )  # fmt: skip


def _line_form(inline: Token, text: str, evidence: NoteEvidence) -> tuple[QuestionForm, Wording] | None:
    """How a paragraph's first line asks, if it does."""
    if numbered_prefix(text):
        return QuestionForm.NUMBERED, read_wording(text, QuestionForm.NUMBERED, evidence.openers)
    explicit = read_wording(text, QuestionForm.EXPLICIT)
    if explicit.strength is not None:
        return QuestionForm.EXPLICIT, explicit
    if first_line_is_bold(inline.children or []):
        bold = read_wording(text, QuestionForm.BOLD, evidence.openers)
        if bold.strength is Strength.STRONG or (bold.strength is Strength.WEAK and evidence.paragraph_habit):
            return QuestionForm.BOLD, bold
    line = read_wording(text, QuestionForm.LINE)
    return (QuestionForm.LINE, line) if line.strength is not None else None


def _asks_mid_line(texts: list[str], evidence: NoteEvidence) -> tuple[QuestionForm, Wording] | None:
    """ "How many processes does this create? fork(); fork(); fork();" over an answer line: in a note
    of line questions, a first line that asks before its end, when the answer follows on the next
    line (a one-line "The result? A faster model." answers itself and is no question)."""
    first = " ".join(texts[0].split())
    if not evidence.paragraph_habit or len(texts) < 2 or not _ASKS_INSIDE.search(first):
        return None
    return QuestionForm.LINE, Wording((first,), Strength.STRONG)


def _entry_title(
    tokens: Sequence[Token], block: Block, texts: list[str], evidence: NoteEvidence
) -> tuple[QuestionForm, Wording] | None:
    """ "**Precision-recall trade-off ⭐️**" right after a ``<br>`` spacer, over its answer, in a note
    whose entries are bold questions between spacers: the entry's title names the topic it asks
    about, as a topic slot does in a numbered note. Only possibly a question: shown when answered."""
    after_spacer = block.start > 0 and is_spacer(tokens[block.start - 1])
    if not (after_spacer and evidence.spacers and evidence.paragraph_habit):
        return None
    if not first_line_is_bold(tokens[block.start + 1].children or []):
        return None
    return QuestionForm.BOLD, Wording((strip_trailing_symbols(texts[0]),), None)


def _only_questions(texts: list[str]) -> bool:
    """A paragraph of questions only, at least two ("Why do you want to work here? Where do you want
    to take your career?"): questions to think about, in a note that does not answer its lines."""
    text = " ".join(" ".join(texts).split())
    return question_marks(text) >= MIN_HABIT and ends_asking(text) and not _ANSWER_INSIDE.search(text)


def _confidence(form: QuestionForm, evidence: NoteEvidence, wording: Wording) -> Confidence:
    if form is QuestionForm.EXPLICIT:
        return Confidence.SURE
    if form is QuestionForm.BOLD and wording.strength is None:
        return Confidence.POSSIBLE  # an entry's title that names a topic
    text = wording.texts[0]
    asks = has_question_mark(text) or starts_like_question(text, evidence.openers) or is_instruction(text)
    if form is QuestionForm.LINE and not asks:
        return Confidence.POSSIBLE  # a "QX)" prefix over words that do not ask: "QX) Artem's video"
    habit = evidence.numbered_habit if form is QuestionForm.NUMBERED else evidence.paragraph_habit
    return Confidence.SURE if habit else Confidence.POSSIBLE


def with_inline_answer(wording: Wording, line: int, span: tuple[int, int], *rest) -> tuple:
    """The answer pieces inside the block, led by any answer written on the question's own line."""
    leading = text_piece(wording.inline_answer, line, span) if wording.inline_answer else None
    return tuple(piece for piece in (leading, *rest) if piece is not None)


def first_line_is_bold(children: Sequence[Token]) -> bool:
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
