"""Questions and their answers, read from one parsed note: evidence, then shapes, then the walk.

Why this module exists: interview notes, FAQs, lecture notes and card decks are mostly questions,
and the site and the lint need each one with its answer, a status (answered / unanswered / stub /
prompt) and a confidence. The work is split so that each decision has one home:

1. :mod:`vaultc.extract.evidence` says what the note's habits are (which heading level asks,
   whether its "?" lines are followed by answers, whether it holds cards);
2. the note-wide shapes take their blocks whole: cards (:mod:`.shapes.cards`) and question
   sections with their answer sections (:mod:`.shapes.sections`);
3. the block shapes (:mod:`.shapes.headings`, ``paragraphs``, ``numbered``, ``lists``,
   ``callouts``) say what each remaining block asks, and the walk (:mod:`vaultc.extract.walk`)
   decides where each open question's answer ends;
4. :mod:`vaultc.extract.answers` judges each answer.

Confidence: a question is sure when its shape or the note's habits prove it; a possible question
(a lone "?" line in prose) is kept only when something answers it, so it shows on the site with its
answer and is never a finding. Anchors: a heading question keeps its heading's anchor; other
questions get ``q-`` + the slug of their text, unique within the note in document order, so an edit
elsewhere in the note does not move them.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.extract.answer_status import answer_status
from vaultc.extract.answers import DEFAULT_STUB_PATTERNS, build_answer
from vaultc.extract.blocks import Block
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence, note_evidence, survey_note, vault_evidence
from vaultc.extract.model import Confidence, Question, QuestionForm, QuestionStatus
from vaultc.extract.shapes.callouts import callout_question, is_question_callout
from vaultc.extract.shapes.cards import card_questions
from vaultc.extract.shapes.headings import heading_question
from vaultc.extract.shapes.lists import list_questions, with_prompt_habit
from vaultc.extract.shapes.numbered import is_numbered_list, numbered_questions
from vaultc.extract.shapes.paragraphs import paragraph_questions
from vaultc.extract.shapes.sections import section_questions
from vaultc.extract.walk import Entry, Walk
from vaultc.extract.wording import question_key
from vaultc.model import ParsedNote
from vaultc.names import Slugger

__all__ = ["DEFAULT_STUB_PATTERNS", "extract_questions"]


def extract_questions(
    note: ParsedNote,
    stub_patterns: tuple[str, ...] = DEFAULT_STUB_PATTERNS,
    evidence: NoteEvidence | None = None,
    blocks: Sequence[Block] | None = None,
) -> tuple[Question, ...]:
    """Every question the note asks, in document order, with its answer and status. Without
    ``evidence`` the note is read as a vault of its own."""
    if evidence is None or blocks is None:
        survey = survey_note(note)
        blocks = survey.blocks
        evidence = evidence or note_evidence(survey, vault_evidence([survey]))
    entries = _entries(note.tokens, blocks, evidence)
    return _questions(note, entries, stub_patterns)


def _entries(tokens: Sequence[Token], blocks: Sequence[Block], evidence: NoteEvidence) -> list[Entry]:
    """Note-wide shapes first (they take their blocks whole), then the walk over the rest."""
    whole = [card_questions(tokens, blocks)] if evidence.cards else []
    whole.append(section_questions(tokens, blocks, evidence.known_sections))
    claimed = set().union(*(found.claimed for found in whole))
    asked = [[] if index in claimed else block_questions(tokens, block, evidence) for index, block in enumerate(blocks)]
    asked = with_prompt_habit(asked)
    walk = Walk(tokens, evidence)
    for index, block in enumerate(blocks):
        if index in claimed:
            walk.claimed()
        else:
            next_asks = index + 1 < len(blocks) and _asks_surely(asked[index + 1])
            walk.visit(block, asked[index], next_asks)
    walk.close()
    taken = [
        Entry(candidate, candidate.line, list(candidate.inside)) for found in whole for candidate in found.candidates
    ]
    return sorted([*walk.entries, *taken], key=lambda entry: (entry.candidate.token, entry.candidate.line))


def _asks_surely(candidates: list[Candidate]) -> bool:
    """Does the block surely ask (a question heading, a list of questions, a ``Q:`` line...)?"""
    return any(candidate.confidence is Confidence.SURE for candidate in candidates)


def block_questions(tokens: Sequence[Token], block: Block, evidence: NoteEvidence) -> list[Candidate]:
    """What one block asks, by the block shapes."""
    if block.kind == "heading":
        found = heading_question(block, evidence)
        return [found] if found else []
    if block.kind == "paragraph":
        return paragraph_questions(tokens, block, evidence)
    if is_numbered_list(tokens, block):
        return numbered_questions(tokens, block, evidence)
    if block.kind == "list":
        return list_questions(tokens, block)
    if is_question_callout(tokens, block):
        found = callout_question(tokens, block, evidence)
        return [found] if found else []
    return []


def _questions(note: ParsedNote, entries: list[Entry], stub_patterns: tuple[str, ...]) -> tuple[Question, ...]:
    taken = Slugger(heading.anchor for heading in note.headings)
    source_lines = note.text.split("\n")
    found = []
    for entry in entries:
        candidate = entry.candidate
        status, reason = answer_status(entry.pieces, stub_patterns, candidate.form is QuestionForm.CARD)
        if status is QuestionStatus.UNANSWERED:
            status = candidate.empty_status
        if candidate.confidence is Confidence.POSSIBLE and status is not QuestionStatus.ANSWERED:
            continue  # only possibly a question, and nothing answers it: not shown, never a finding
        if not any(candidate.wording.texts):
            continue  # an empty slot ("36) -") ends the slot before it, but asks nothing itself
        answer = build_answer(entry.pieces)
        for position, text in enumerate(candidate.wording.texts):
            anchor = _anchor(note.tokens[candidate.token], candidate, position, text, taken)
            column = _column(source_lines, candidate.line, text)
            found.append(_question(note, candidate, text, column, anchor, answer, (status, reason)))
    return tuple(found)


def _question(note: ParsedNote, candidate: Candidate, text: str, column: int, anchor: str, answer,
              judged: tuple[QuestionStatus, str]) -> Question:
    status, reason = judged
    return Question(
        note=note.path, text=text, key=question_key(text), form=candidate.form, line=candidate.line,
        column=column, anchor=anchor, token=candidate.token, answer=answer, status=status,
        stub_reason=reason, confidence=candidate.confidence,
    )  # fmt: skip


def _anchor(opening: Token, candidate: Candidate, position: int, text: str, taken: Slugger) -> str:
    """The heading's own anchor, else ``q-`` + slug of the text (of the slot number when empty)."""
    heading_id = opening.attrGet("id") if candidate.form is QuestionForm.HEADING and position == 0 else None
    if isinstance(heading_id, str) and heading_id:
        return heading_id
    name = text or str(candidate.number if candidate.number is not None else candidate.line)
    return taken.slug(f"q {name}")


def _column(source_lines: list[str], line: int, text: str) -> int:
    """1-based column where the question's text starts as written (its first words if markup splits it)."""
    source = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    words = text.split()
    for fragment in (text, " ".join(words[:3]), words[0] if words else ""):
        found = source.find(fragment) if fragment else -1
        if found >= 0:
            return found + 1
    return len(source) - len(source.lstrip()) + 1
