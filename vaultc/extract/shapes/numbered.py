"""Numbered slots copied from a notebook: the items of a ``17)`` list.

In a note with the numbered habit (at least half of its slots with words ask), every slot is a
question, whether it asks ("17) What is ...?") or only names a topic ("5) Linear Regression"); an
empty slot (``36) -``, its question lost in an export) still ends the answer before it, but asks
nothing. The first line is the question, the rest of the item the start of its answer (answers
mostly follow as separate blocks, which the walk collects). Without the habit only slots that ask
are possible questions, and task items (``1) [ ] renew passport``) never ask.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from markdown_it.token import Token

from vaultc.extract.answers import read_blocks, read_lines
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence
from vaultc.extract.model import Confidence, QuestionForm
from vaultc.extract.shapes.paragraphs import with_inline_answer
from vaultc.extract.wording import Strength, read_wording

_DASH_ONLY = frozenset("-*+–— ")


def is_numbered_list(tokens: Sequence[Token], block: Block) -> bool:
    return (
        block.kind == "list" and tokens[block.start].type == "ordered_list_open" and tokens[block.start].markup == ")"
    )


def numbered_questions(tokens: Sequence[Token], block: Block, evidence: NoteEvidence) -> list[Candidate]:
    found = []
    for start, end in list_items(tokens, block.start, block.end):
        if "task-list-item" in str(tokens[start].attrGet("class") or ""):
            continue
        candidate = _slot(tokens, start, end, evidence)
        if evidence.numbered_habit:
            found.append(candidate)
        elif candidate.wording.strength is Strength.STRONG:
            found.append(_possible(candidate))
    return found


def _slot(tokens: Sequence[Token], start: int, end: int, evidence: NoteEvidence) -> Candidate:
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
    wording = read_wording(line_texts(tokens[paragraph + 1])[0], QuestionForm.NUMBERED, evidence.openers)
    rest = (read_lines(tokens, paragraph, 1), read_blocks(tokens, paragraph + 3, end - 1))
    inside = with_inline_answer(wording, line, (start, end), *rest)
    return Candidate(QuestionForm.NUMBERED, wording, line, start, (start, end), inside, number=number)


def _possible(candidate: Candidate) -> Candidate:
    return replace(candidate, confidence=Confidence.POSSIBLE)


def list_items(tokens: Sequence[Token], start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) of each direct item of the list tokens[start:end]."""
    item_level = tokens[start].level + 1
    opened = start
    for position in range(start + 1, end):
        token = tokens[position]
        if token.level == item_level and token.type == "list_item_open":
            opened = position
        elif token.level == item_level and token.type == "list_item_close":
            yield opened, position + 1
