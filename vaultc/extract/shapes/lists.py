"""Questions written as the items of a list: a checklist of questions to ask, follow-ups, an exam list,
or questions answered by the items nested under them.

A list is a list of questions when more than half of its items are questions and at least two of
them ask (their first line holds a "?" outside quotes, or a ``Q1)`` prefix). Its items that ask, or
that are whole sentences in such a list ("List the marker interfaces in Java."), are questions; the
rest of an item (its other lines, its nested lists) is its answer. When no item of the list has an
answer, the list is left open on purpose (questions to ask an interviewer, "Follow-ups", "Possible
exam questions"): its questions are prompts. When some items are answered, an item without an answer
is unanswered.

In a list that is not a list of questions, an item that asks and has an answer nested under it is a
possible question; one that asks and has no answer is a possible prompt, a prompt in a note that
leaves lists of questions open at least twice (a checklist of questions to ask, with a statement or
two among them: :func:`with_prompt_habit`). Lists nested in such a list are looked at too (a
checklist of questions under a bold topic item); a list nested in a question's item is part of that question's answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from markdown_it.token import Token

from vaultc.extract.answers import Piece, read_blocks, read_lines
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import MIN_HABIT
from vaultc.extract.model import Confidence, QuestionForm, QuestionStatus
from vaultc.extract.shapes.numbered import list_items
from vaultc.extract.wording import Strength, Wording, is_instruction, question_marks, read_wording

_LISTS = ("bullet_list_open", "ordered_list_open")


def list_questions(tokens: Sequence[Token], block: Block) -> list[Candidate]:
    """The questions of every list of questions in the list block, outermost first."""
    return list(_questions_in(tokens, block.start, block.end))


def _questions_in(tokens: Sequence[Token], start: int, end: int) -> Iterator[Candidate]:
    items = list(list_items(tokens, start, end))
    asked = [(_ask(tokens, item), item) for item in items]
    if _asks_mostly([wording for wording, _ in asked]):
        yield from _list_of_questions(tokens, asked)
        return
    yield from _answered_items(tokens, asked)
    for item_start, item_end in items:
        for position in range(item_start + 1, item_end):
            token = tokens[position]
            if token.type in _LISTS and token.level == tokens[item_start].level + 1:
                yield from _questions_in(tokens, position, _close_of(tokens, position, item_end))


def _list_of_questions(
    tokens: Sequence[Token], asked: list[tuple[Wording | None, tuple[int, int]]]
) -> Iterator[Candidate]:
    chosen = [(wording, item, _answer(tokens, *item)) for wording, item in asked if _is_question(wording)]
    answered_somewhere = any(pieces for _, _, pieces in chosen)
    status = QuestionStatus.UNANSWERED if answered_somewhere else QuestionStatus.PROMPT
    for wording, (start, end), pieces in chosen:
        line = tokens[start].map[0] + 1 if tokens[start].map else 0
        yield Candidate(
            QuestionForm.LIST, wording, line, start, (start, end), pieces, self_contained=True, empty_status=status
        )


def _answered_items(
    tokens: Sequence[Token], asked: list[tuple[Wording | None, tuple[int, int]]]
) -> Iterator[Candidate]:
    """In a list that is not a list of questions, an item that asks and is answered by what is nested
    under it ("- Should we have one big memory?" over "- No: access time grows with size") is a
    possible question: shown with its answer, never a finding."""
    for wording, (start, end) in asked:
        if not _asks(wording):
            continue
        pieces = _answer(tokens, start, end)
        line = tokens[start].map[0] + 1 if tokens[start].map else 0
        yield Candidate(
            QuestionForm.LIST, wording, line, start, (start, end), pieces,
            self_contained=True, confidence=Confidence.POSSIBLE,
            empty_status=QuestionStatus.UNANSWERED if pieces else QuestionStatus.PROMPT,
        )  # fmt: skip


def with_prompt_habit(asked: list[list[Candidate]]) -> list[list[Candidate]]:
    """The blocks' candidates, with the possible prompts of mixed lists made sure when the note leaves
    at least two lists of questions open (its habit is to list questions it does not answer), and
    dropped otherwise: an item that asks once in a list of statements is then part of the prose."""
    open_lists = sum(1 for found in asked if any(_is_open_list(candidate) for candidate in found))
    habit = open_lists >= MIN_HABIT
    return [
        [replace(candidate, confidence=Confidence.SURE) if _is_possible_prompt(candidate) else candidate
         for candidate in found if habit or not _is_possible_prompt(candidate)]
        for found in asked
    ]  # fmt: skip


def _is_open_list(candidate: Candidate) -> bool:
    return (
        candidate.form is QuestionForm.LIST
        and candidate.confidence is Confidence.SURE
        and candidate.empty_status is QuestionStatus.PROMPT
    )


def _is_possible_prompt(candidate: Candidate) -> bool:
    return (
        candidate.form is QuestionForm.LIST
        and candidate.confidence is Confidence.POSSIBLE
        and candidate.empty_status is QuestionStatus.PROMPT
    )


def _ask(tokens: Sequence[Token], item: tuple[int, int]) -> Wording | None:
    start, _ = item
    if tokens[start + 1].type != "paragraph_open" or "task-list-item" in str(tokens[start].attrGet("class") or ""):
        return None
    return read_wording(line_texts(tokens[start + 2])[0], QuestionForm.LIST)


def _asks_mostly(wordings: list[Wording | None]) -> bool:
    """More than half the items are questions, and they ask at least twice ("?" in two items, or
    several questions in one: "Who has access? How much access? ...")."""
    asking = sum(question_marks(wording.texts[0]) for wording in wordings if _asks(wording))
    questions = sum(1 for wording in wordings if _is_question(wording))
    return asking >= MIN_HABIT and 2 * questions > len(wordings)


def _asks(wording: Wording | None) -> bool:
    return wording is not None and wording.strength is Strength.STRONG


def _is_question(wording: Wording | None) -> bool:
    return _asks(wording) or (wording is not None and is_instruction(wording.texts[0]))


def _answer(tokens: Sequence[Token], start: int, end: int) -> tuple[Piece, ...]:
    """The item's other lines and nested blocks."""
    paragraph = start + 1
    pieces = (read_lines(tokens, paragraph, 1), read_blocks(tokens, paragraph + 3, end - 1))
    return tuple(piece for piece in pieces if piece is not None)


def _close_of(tokens: Sequence[Token], opening: int, limit: int) -> int:
    level = tokens[opening].level
    for position in range(opening + 1, limit):
        if tokens[position].level == level and tokens[position].nesting == -1:
            return position + 1
    return limit
