"""One concept per idea: terms and question subjects joined across the vault.

Spellings merge when their :func:`~vaultc.extract.spelling.concept_key` agrees, when a note's
aliases name it, when the notes tie an acronym to its long form ("Principal component analysis
(PCA)"), or by a classifier word or a contraction (:mod:`vaultc.extract.merges`). Each concept
collects its definitions (definition lines, definition lists, term notes, and the answers to "What
is X?" / "Define X" / "What does X mean?" questions), the questions about it, and the places that
list it. Near-misspellings are suggested, never merged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from vaultc.extract.definitions import readable_definition
from vaultc.extract.merges import join_classified, join_contractions
from vaultc.extract.model import Concept, Definition, Question, QuestionStatus, Term
from vaultc.extract.spelling import concept_key, words
from vaultc.extract.term_lines import reads_as_term

_SUBJECT_PATTERNS = (
    re.compile(r"^what is (?:an? |the )?(?P<subject>.+?)\??$", re.IGNORECASE),
    re.compile(r"^what are (?!the )(?P<subject>.+?)\??$", re.IGNORECASE),  # "what are the X" lists X's parts
    re.compile(r"^define (?:an? |the )?(?P<subject>.+?)[!.?]*$", re.IGNORECASE),
    re.compile(r"^what does (?:an? |the )?(?P<subject>.+?) mean\??$", re.IGNORECASE),
    re.compile(r"^what do you mean by (?:an? |the )?(?P<subject>.+?)\??$", re.IGNORECASE),
    re.compile(r"^(?:.*\b)?explain what (?:an? |the )?(?P<subject>.+?) (?:is|are|means?)[!.?]*$", re.IGNORECASE),
)
"""English phrasings of a definitional question: their subject is a term the answer defines."""
_ACRONYM = re.compile(r"\((?P<short>[A-Z][A-Za-z]{1,5})\)")
MAX_SUBJECT_WORDS = 4
_TRAILING_WORDS = frozenset({"for", "of", "in", "on", "to", "with", "by", "from", "about", "like", "used"})
"""A subject ending in one of these is a clause cut short ("What is Ada Lovelace known for?")."""
_QUALIFIED = re.compile(r"\s(?:in|when|if|vs|versus)\s", re.IGNORECASE)
"""A subject qualified by a context ("temperature in softmax") asks about a use, not a term."""


def question_subject(text: str) -> str | None:
    """X in "What is X?", "Define X", "What does X mean?", when X reads as a term."""
    plain = re.sub(r"\([^)]*\)", " ", text).strip()
    for pattern in _SUBJECT_PATTERNS:
        match = pattern.match(plain)
        if match:
            subject = " ".join(match["subject"].split()).strip(" .!?:")
            parts = subject.split()
            if (0 < len(parts) <= MAX_SUBJECT_WORDS and not set(subject) & set(",/;?") and " and " not in subject
                    and parts[-1].casefold() not in _TRAILING_WORDS and reads_as_term(subject, MAX_SUBJECT_WORDS)
                    and not _QUALIFIED.search(subject)):
                return subject
    return None


def acronym_pairs(text: str) -> Iterable[tuple[str, str]]:
    """("Principal component analysis", "PCA") for every long form followed by its initials."""
    for match in _ACRONYM.finditer(text):
        short = match["short"].removesuffix("s")
        long_words = text[max(0, match.start() - 200):match.start()].split()[-len(short):]
        if (len(long_words) == len(short) and all(word.isalpha() for word in long_words)
                and "".join(w[0] for w in long_words).casefold() == short.casefold()):
            yield " ".join(long_words), short


class _Merger:
    """Union-find over concept keys."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[key] = root
        return root

    def join(self, first: str, second: str) -> None:
        a, b = sorted((self.find(first), self.find(second)))
        self.parent[b] = a


def build_concepts(
    terms: Iterable[Term],
    questions: tuple[Question, ...],
    texts: Iterable[str],
    answer_prose: Callable[[Question], str] = lambda question: question.answer.text,
) -> tuple[Concept, ...]:
    """Concepts from terms, question subjects and acronyms found in ``texts`` (answers, definitions);
    ``answer_prose`` gives a question's answer as prose, for the definition its subject gets (only
    asked of questions that have a subject)."""
    all_terms = list(terms) + list(_subject_terms(questions, answer_prose))
    merger = _Merger()
    for term in all_terms:
        merger.find(concept_key(term.name))
    _join_aliases(merger, all_terms)
    join_classified(merger.join, all_terms)
    join_contractions(merger.join, all_terms)
    for text in texts:
        for long_form, short in acronym_pairs(text):
            if merger.parent.get(concept_key(long_form)) or merger.parent.get(concept_key(short)):
                merger.join(concept_key(long_form), concept_key(short))
    groups: dict[str, list[Term]] = defaultdict(list)
    for term in all_terms:
        groups[merger.find(concept_key(term.name))].append(term)
    asked: dict[str, list[int]] = defaultdict(list)
    for position, question in enumerate(questions):
        subject = question_subject(question.text)
        if subject:
            asked[merger.find(concept_key(subject))].append(position)
    return tuple(_concept(key, members, tuple(asked[key])) for key, members in sorted(groups.items()))


def _subject_terms(questions: tuple[Question, ...], answer_prose: Callable[[Question], str]) -> Iterable[Term]:
    for question in questions:
        subject = question_subject(question.text)
        if subject:
            answered = question.status is QuestionStatus.ANSWERED
            definition = answer_prose(question) if answered else None
            yield Term(subject, question.note, question.line, question.column, "question", definition or None)


def _join_aliases(merger: _Merger, terms: list[Term]) -> None:
    titles = {term.note: term for term in terms if term.source == "title"}
    for term in terms:
        if term.source == "alias" and term.note in titles:
            merger.join(concept_key(term.name), concept_key(titles[term.note].name))


def _concept(key: str, members: list[Term], about: tuple[int, ...]) -> Concept:
    spellings = Counter(term.name for term in members)
    first_seen = {name: position for position, name in reversed(list(enumerate(t.name for t in members)))}
    name = min(spellings, key=lambda spelling: (-spellings[spelling], first_seen[spelling]))
    readable = ((term, readable_definition(term.definition, term.name)) for term in members if term.definition)
    definitions = tuple(Definition(text, term.note, term.line, term.source) for term, text in readable if text)
    acronyms = tuple(sorted({s for s in spellings if s.isupper() and 2 <= len(s) <= 6 and " " not in s}))
    return Concept(key, name, tuple(sorted(spellings)), acronyms, tuple(members), definitions, about)


def vault_words(texts: Iterable[str]) -> tuple[str, ...]:
    """Words the vault uses at least twice, sorted: its own vocabulary, trusted over the dictionary."""
    counts = Counter(word for text in texts for word in words(text))
    return tuple(sorted(word for word, count in counts.items() if count >= 2))
