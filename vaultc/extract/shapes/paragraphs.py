"""Questions written at the start of a paragraph: a line ending in "?", a bold line, ``Q: ...``
(with later ``Q:`` lines of the same paragraph asking too), and ``7, 8) ...`` pasted from a
notebook. The rest of the paragraph is the start of the answer.

How sure: ``Q:`` lines are explicit, so sure; with an ``A:`` line the answer is what that line
says, even when it says nothing (the next paragraph is not the answer). A line or bold question is sure only in a note with the
paragraph habit (it writes such questions followed by their answers at least twice); in prose, a
"?" line is at most a possible question ("Got everything set up? Let's build...", "Would you like to
explore weight decay next?"), never reported when nothing answers it. A ``7, 8)`` paragraph is sure
in a note with the numbered habit.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.extract.answers import line_starts, read_lines, starts_with_answer_label, text_piece
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence
from vaultc.extract.model import Confidence, QuestionForm
from vaultc.extract.wording import Strength, Wording, numbered_prefix, read_wording, written_number


def paragraph_questions(tokens: Sequence[Token], block: Block, evidence: NoteEvidence) -> list[Candidate]:
    """The first line's question, then any later ``Q:`` lines (a run of explicit pairs)."""
    inline = tokens[block.start + 1]
    texts = line_texts(inline)
    first = _line_form(inline, texts[0], evidence)
    if first is None:
        return []
    starts = [(0, *first)]
    if first[0] is QuestionForm.EXPLICIT:
        later = ((index, read_wording(text, QuestionForm.EXPLICIT)) for index, text in enumerate(texts) if index)
        starts += [(index, QuestionForm.EXPLICIT, wording) for index, wording in later if wording.strength]
    found, child_starts = [], line_starts(inline)
    for position, (index, form, wording) in enumerate(starts):
        stop = starts[position + 1][0] if position + 1 < len(starts) else None
        line = block.first_line + index
        rest = read_lines(tokens, block.start, index + 1, stop, child_starts)
        inside = with_inline_answer(wording, line, block.span, rest)
        number = written_number(texts[0]) if form is QuestionForm.NUMBERED else None
        confidence = _confidence(form, evidence)
        labelled = form is QuestionForm.EXPLICIT and rest is not None and starts_with_answer_label(rest.lines[0])
        found.append(Candidate(form, wording, line, block.start, block.span, inside, number=number,
                               confidence=confidence, self_contained=labelled))
    return found


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


def _confidence(form: QuestionForm, evidence: NoteEvidence) -> Confidence:
    if form is QuestionForm.EXPLICIT:
        return Confidence.SURE
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
