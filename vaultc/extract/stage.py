"""The extract stage: every published note's questions and terms, joined into concepts, plus the
findings lint reports about them (unanswered questions, stubs, undefined terms, duplicates and
possible misspellings).

Pure: it reads the resolved vault and returns :class:`~vaultc.extract.model.Knowledge`. Linear in
the vault's size: each note is read once; concepts are grouped by key, never compared pairwise
(misspelling checks compare a term with a dictionary, not with every other term).
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from vaultc.diagnostics import Diagnostic, diagnostic, sort_diagnostics
from vaultc.extract.answers import DEFAULT_STUB_PATTERNS
from vaultc.extract.concepts import build_concepts, vault_words
from vaultc.extract.mentions import find_mentions
from vaultc.extract.model import LISTING_SOURCES, Concept, Knowledge, Question, QuestionStatus
from vaultc.extract.questions import extract_questions
from vaultc.extract.spelling import concept_key, misspelling_suggestion
from vaultc.extract.terms import extract_terms
from vaultc.model import ParsedNote
from vaultc.resolve import ResolvedVault

"""Where a term is written down as a glossary entry (so it should be defined somewhere)."""


def extract_knowledge(vault: ResolvedVault, stub_patterns: tuple[str, ...] = DEFAULT_STUB_PATTERNS) -> Knowledge:
    """Questions, answers, terms and concepts of the whole vault, with their findings."""
    questions: list[Question] = []
    terms = []
    for note in vault.notes.values():
        found = extract_questions(note, stub_patterns)
        questions.extend(found)
        terms.extend(extract_terms(note, _answer_lines(found)))
    asked = tuple(questions)
    texts = [q.answer.text for q in asked] + [t.definition for t in terms if t.definition]
    concepts = build_concepts(terms, asked, texts)
    vocabulary = vault_words(_note_texts(vault.notes.values()))
    mentions = find_mentions(vault.notes.values(), (concept.key for concept in concepts))
    problems = [*_question_problems(asked), *_concept_problems(concepts, vocabulary)]
    return Knowledge(asked, concepts, MappingProxyType(dict(mentions)), sort_diagnostics(problems))


def _answer_lines(questions: tuple[Question, ...]):
    """Whether a line lies inside one of these answers."""
    spans = [(q.answer.first_line, q.answer.last_line) for q in questions if q.answer.first_line]
    return lambda line: any(first <= line <= last for first, last in spans)


def _note_texts(notes: Iterable[ParsedNote]) -> Iterable[str]:
    return (note.text for note in notes)


def _question_problems(questions: tuple[Question, ...]) -> Iterable[Diagnostic]:
    first_asked: dict[str, Question] = {}
    for question in questions:
        subject = question.text or f"question at line {question.line}"
        if question.status is QuestionStatus.UNANSWERED:
            yield diagnostic(
                question.note,
                question.line,
                question.column,
                "unanswered-question",
                f"'{subject}' has no answer yet",
                subject,
            )
        elif question.status is QuestionStatus.STUB:
            yield diagnostic(
                question.note,
                question.line,
                question.column,
                "stub-answer",
                f"'{subject}' has only a placeholder answer ({question.stub_reason})",
                subject,
            )
        if question.key and question.key in first_asked:
            earlier = first_asked[question.key]
            yield diagnostic(
                question.note,
                question.line,
                question.column,
                "duplicate-question",
                f"'{subject}' is also asked in {earlier.note}:{earlier.line}",
                subject,
            )
        first_asked.setdefault(question.key, question)


def _concept_problems(concepts: tuple[Concept, ...], vocabulary: tuple[str, ...]) -> Iterable[Diagnostic]:
    known_keys = {concept.key for concept in concepts}
    for concept in concepts:
        if concept.needs_definition:
            place = next(term for term in concept.terms if term.source in LISTING_SOURCES)
            yield diagnostic(
                place.note,
                place.line,
                place.column,
                "undefined-term",
                f"'{place.name}' is listed but never defined; add '{place.name}: ...' or a note about it",
                place.name,
            )
        suggestion = misspelling_suggestion(concept.name, vocabulary)
        if suggestion and concept_key(suggestion) != concept.key:
            place = concept.terms[0]
            known = " (another term of the vault)" if concept_key(suggestion) in known_keys else ""
            yield diagnostic(
                place.note,
                place.line,
                place.column,
                "possible-misspelling",
                f"'{concept.name}' may be a misspelling of '{suggestion}'{known}",
                concept.name,
            )
