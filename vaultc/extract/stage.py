"""The extract stage: every published note's questions and terms, joined into concepts, plus the
findings lint reports about them (:mod:`vaultc.extract.findings`).

Pure: it reads the resolved vault and returns :class:`~vaultc.extract.model.Knowledge`. Two passes,
both linear in the vault's size: the first surveys every note for the vault's habits (the openers
its questions use, the headings it puts over question sections), the second reads each note with
that evidence. With a cache, a note's survey and reading from the last run are reused while the
note and the vault's habits are unchanged (:mod:`vaultc.extract.readings`); the vault-wide steps
(terms in use, concepts, mentions, findings) always run. Concepts are grouped by key, never
compared pairwise (misspelling checks compare a term with a dictionary, not with every other term).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from types import MappingProxyType

from vaultc.diagnostics import sort_diagnostics
from vaultc.extract.answers import DEFAULT_STUB_PATTERNS
from vaultc.extract.concepts import build_concepts, vault_words
from vaultc.extract.definitions import blocks_prose
from vaultc.extract.evidence import (
    DEFAULT_CARD_TAGS,
    MIN_HABIT,
    NoteSurvey,
    note_evidence,
    survey_note,
    vault_evidence,
)
from vaultc.extract.findings import concept_findings, question_findings
from vaultc.extract.mentions import ProseIndex, find_mentions, prose_index
from vaultc.extract.model import Knowledge, Question, QuestionForm, QuestionStatus, Term
from vaultc.extract.questions import extract_questions
from vaultc.extract.readings import (
    NO_READINGS,
    Habits,
    Reading,
    Readings,
    Survey,
    encoded,
    light_survey,
    reading_key,
    survey_key,
)
from vaultc.extract.spelling import concept_key
from vaultc.extract.term_lines import MAX_TERM_WORDS, reads_as_term
from vaultc.extract.term_titles import glossary_vault
from vaultc.extract.terms import extract_terms, term_heads, term_paragraphs, vault_fields
from vaultc.extract.wording import has_question_mark
from vaultc.model import ParsedNote
from vaultc.parallel import run_jobs, split
from vaultc.resolve import ResolvedVault

MIN_NOTES_FOR_WORKERS = 200
"""Below this many notes the per-note passes are over before workers would have started."""


def extract_knowledge(
    vault: ResolvedVault,
    stub_patterns: tuple[str, ...] = DEFAULT_STUB_PATTERNS,
    card_tags: tuple[str, ...] = DEFAULT_CARD_TAGS,
    workers: int = 1,
) -> Knowledge:
    """Questions, answers, terms and concepts of the whole vault, with their findings."""
    return extract_remembering(vault, stub_patterns, card_tags, workers)[0]


def extract_remembering(
    vault: ResolvedVault,
    stub_patterns: tuple[str, ...] = DEFAULT_STUB_PATTERNS,
    card_tags: tuple[str, ...] = DEFAULT_CARD_TAGS,
    workers: int = 1,
    remembered: Readings = NO_READINGS,
) -> tuple[Knowledge, Mapping[str, bytes]]:
    """The knowledge, and every note's survey and reading as entries for the next run (none without
    a cache). Notes whose survey or reading is ``remembered`` are not read again; the others are
    read on ``workers`` processes when there are many (only plain values travel back)."""
    notes = list(vault.notes.values())
    surveys = _surveys(notes, remembered, workers)
    habits = _habits(notes, stub_patterns, card_tags, [survey for survey, _ in surveys])
    found = _readings(notes, surveys, habits, remembered, workers)
    entries = _entries(notes, surveys, found, habits.digest(), remembered) if remembered.kept else {}
    return _knowledge(vault, notes, found), MappingProxyType(entries)


def _surveys(notes: list[ParsedNote], remembered: Readings, workers: int) -> list[tuple[Survey, tuple | None]]:
    """Each note's light survey, with the full survey and paragraphs when this process made them
    (the second pass needs them; workers send back only the light part, 4x cheaper to pickle)."""
    found: list = [None if (light := remembered.survey(note.path)) is None else (light, None) for note in notes]
    todo = [index for index, item in enumerate(found) if item is None]
    if _in_workers(todo, workers):
        made = [(light, None) for light in _per_note([notes[i] for i in todo], _habits_of, workers)]
    else:
        made = [_surveyed(notes[i]) for i in todo]
    for index, item in zip(todo, made, strict=True):
        found[index] = item
    return found


def _surveyed(note: ParsedNote) -> tuple[Survey, tuple]:
    survey, paragraphs = full = _survey(note)
    return light_survey(survey, term_heads(paragraphs)), full


def _habits(notes, stub_patterns, card_tags, surveys: list[Survey]) -> Habits:
    fields = vault_fields(heads for _, heads in surveys)
    evidence = vault_evidence((survey for survey, _ in surveys), card_tags)
    return Habits(tuple(stub_patterns), evidence, fields, glossary_vault(notes, fields))


def _readings(notes, surveys, habits: Habits, remembered: Readings, workers: int) -> list[Reading]:
    """Each note's questions and terms: remembered, or read again."""
    digest = habits.digest()
    found: list = [remembered.reading(note.path, digest) for note in notes]
    todo = [index for index, reading in enumerate(found) if reading is None]
    read = functools.partial(_read, habits)
    if _in_workers(todo, workers):
        made = _per_note([notes[i] for i in todo], lambda note: read(note, *_survey(note)), workers)
    else:
        made = [read(notes[i], *(surveys[i][1] or _survey(notes[i]))) for i in todo]
    for index, reading in zip(todo, made, strict=True):
        found[index] = reading
    return found


def _in_workers(todo: list[int], workers: int) -> bool:
    return workers > 1 and len(todo) >= MIN_NOTES_FOR_WORKERS


def _entries(notes, surveys, found, habits: str, remembered: Readings) -> dict[str, bytes]:
    """Every note's survey and reading by key: kept entries as they were, new ones encoded."""
    entries = {}
    for note, (survey, _), reading in zip(notes, surveys, found, strict=True):
        note_key = remembered.note_keys[note.path]
        for key, value in ((survey_key(note_key), survey), (reading_key(note_key, habits), reading)):
            entries[key] = remembered.entries.get(key) or encoded(value)
    return entries


def _knowledge(vault: ResolvedVault, notes: list[ParsedNote], found: list[Reading]) -> Knowledge:
    """The vault-wide steps: terms in use, concepts, mentions, findings."""
    asked = tuple(question for questions, _ in found for question in questions)
    terms = [term for _, defined in found for term in defined]
    prose = prose_index(notes)
    terms = list(_used(terms, notes, prose))
    texts = [q.answer.text for q in asked] + [t.definition for t in terms if t.definition]
    concepts = build_concepts(terms, asked, texts, lambda question: _answer_prose(question, vault))
    vocabulary = vault_words(_note_texts(notes))
    mentions = find_mentions(prose, (concept.key for concept in concepts))
    open_places = frozenset((q.note, q.line) for q in asked if q.status is not QuestionStatus.ANSWERED)
    problems = [*question_findings(asked), *concept_findings(concepts, vocabulary, open_places)]
    return Knowledge(asked, concepts, MappingProxyType(dict(mentions)), sort_diagnostics(problems))


def _survey(note: ParsedNote) -> tuple[NoteSurvey, tuple]:
    """The first pass over one note: its habits, and its paragraphs read as glossary lines."""
    return survey_note(note), term_paragraphs(note)


def _habits_of(note: ParsedNote) -> Survey:
    """In a worker: what the first pass adds to the vault's habits (the survey without its blocks)."""
    survey, paragraphs = _survey(note)
    return light_survey(survey, term_heads(paragraphs))


def _read(habits: Habits, note: ParsedNote, survey: NoteSurvey, paragraphs: tuple) -> Reading:
    """The second pass over one note: its questions, then its terms (outside its answers)."""
    evidence = note_evidence(survey, habits.evidence)
    asked = extract_questions(note, habits.stub_patterns, evidence, survey.blocks)
    lines = _answer_lines(asked)
    defined = [*extract_terms(note, lines, habits.fields, habits.glossary, paragraphs), *card_terms(asked)]
    return asked, defined


def _per_note(items: list, read: Callable, workers: int) -> list:
    """``read`` of every item, in order, by ``workers`` processes in contiguous slices."""
    if workers <= 1:
        return [read(item) for item in items]
    jobs = [functools.partial(_read_slice, read, part) for part in split(items, workers * 4)]
    return [result for part in run_jobs(jobs, workers) for result in part]


def _read_slice(read: Callable, part) -> list:
    return [read(item) for item in part]


def _unzipped(pairs: list[tuple], width: int) -> tuple[list, ...]:
    return tuple([pair[index] for pair in pairs] for index in range(width))


def card_terms(questions: Sequence[Question]) -> Iterable[Term]:
    """``Term::definition`` cards: a card whose front is a term (no question) defines it by its back.
    In a deck of such cards (most of the note's cards) each one-line card counts; any other term card
    counts when the vault uses the term again ("Cache Hit", not "L1 Cache facts"). A card with an
    empty back ("Liveness::") lists a term still to define; a back without words defines nothing."""
    cards = [question for question in questions if question.form is QuestionForm.CARD]
    fronts = [card for card in cards if not has_question_mark(card.text) and reads_as_term(card.text, MAX_TERM_WORDS)]
    deck = len(fronts) >= MIN_HABIT and 2 * len(fronts) >= len(cards)
    for card in fronts:
        definition = " ".join(card.answer.text.split()) or None
        if definition is not None and not _has_words(definition):
            continue  # a value or a formula on the back ("Log2 64 word Calculation::$6$"): no definition
        one_line = card.answer.first_line == card.line  # "Term::definition"; a multi-line card is a topic
        yield Term(
            card.text,
            card.note,
            card.line,
            card.column,
            "definition-line",
            definition,
            needs_use=definition is not None and not (deck and one_line),
        )


def _has_words(text: str) -> bool:
    return sum(1 for word in text.split() if any(char.isalpha() for char in word)) >= 2


def _used(terms: list[Term], notes: list[ParsedNote], prose: ProseIndex) -> Iterable[Term]:
    """The terms, without those whose shape needs a use elsewhere and that the vault never uses again
    (mentions are placed by paragraph, so the term's own paragraph does not count)."""
    doubtful = {concept_key(term.name) for term in terms if term.needs_use}
    places = find_mentions(prose, doubtful) if doubtful else {}
    by_path = {note.path: note for note in notes}
    for term in terms:
        if not term.needs_use:
            yield term
            continue
        own = (term.note, _paragraph_line(by_path[term.note], term.line))
        if any(place != own for place in places.get(concept_key(term.name), ())):
            yield term


def _paragraph_line(note: ParsedNote, line: int) -> int:
    """The first line of the inline block holding ``line`` (how mentions are placed)."""
    return next(
        (
            token.map[0] + 1
            for token in note.tokens
            if token.type == "inline" and token.map and token.map[0] < line <= token.map[1]
        ),
        line,
    )


def _answer_prose(question: Question, vault: ResolvedVault) -> str:
    """A question's answer as prose (code and formula blocks left out), for definitions; a card's
    back is its answer's text (the front shares its line)."""
    if question.form is QuestionForm.CARD:
        return question.answer.text
    answer = question.answer
    return blocks_prose(vault.notes[question.note].tokens, *answer.tokens, answer.first_line, answer.last_line)


def _answer_lines(questions: tuple[Question, ...]):
    """Whether a line lies inside one of these answers."""
    spans = [(q.answer.first_line, q.answer.last_line) for q in questions if q.answer.first_line]
    return lambda line: any(first <= line <= last for first, last in spans)


def _note_texts(notes: Iterable[ParsedNote]) -> Iterable[str]:
    return (note.text for note in notes)
