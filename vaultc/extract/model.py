"""What the extract stage finds: questions, answers, terms and concepts, as immutable values.

Everything is located (note, line, column) so lint can point at it and the site can link to it.
Token positions index the note's top-level token stream (``ParsedNote.tokens``), which the
renderer uses to place anchors and badges without re-parsing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from vaultc.diagnostics import Diagnostic
from vaultc.names import VaultPath


class QuestionForm(enum.Enum):
    """How a question was written."""

    HEADING = "heading"  # ##### What is fine tuning?
    NUMBERED = "numbered"  # 17) What is ...?  /  7, 8) What is ...
    LINE = "line"  # a plain line ending in "?", the answer on the next lines
    BOLD = "bold"  # **What is regression?**
    CALLOUT = "callout"  # > [!question] title = question, body = answer
    EXPLICIT = "explicit"  # Q: ... / A: ...
    SECTION = "section"  # # Question (EN) / > What is ...? / ## Answer (EN) / ...
    CARD = "card"  # Front::Back, Front:::Back, front / ? / back, ==cloze== (spaced-repetition cards)
    LIST = "list"  # - What is ...? (an item of a list of questions)


class QuestionStatus(enum.Enum):
    ANSWERED = "answered"
    UNANSWERED = "unanswered"
    """Nothing before the answer's boundary."""
    STUB = "stub"
    """Only a placeholder: "-", "TODO", "Answer here", a bare link, only sub-questions..."""
    PROMPT = "prompt"
    """Left open on purpose: a follow-up, further-questions or exam list nobody expects answered here."""


class Confidence(enum.Enum):
    """How sure the extractor is that a question was asked to be answered (see ARCHITECTURE.md)."""

    SURE = "sure"
    """The note's own evidence says so: its shape proves it, or the note's habits do."""
    POSSIBLE = "possible"
    """Only possibly a question (a lone "?" heading in prose): shown on the site, never a finding."""


@dataclass(frozen=True)
class Answer:
    """The blocks after a question, up to its boundary (next question, thematic break, spacer)."""

    first_line: int
    """1-based first line of the answer (0 when there is none)."""
    last_line: int
    tokens: tuple[int, int]
    """[start, end) indices into the note's top-level tokens ((0, 0) when there is none)."""
    text: str
    """Plain text of the answer (for search, JSON export and stub detection)."""


@dataclass(frozen=True)
class Question:
    """One question asked in one place."""

    note: VaultPath
    text: str
    """The question as a reader sees it, markup and numbering removed ("What is an embedding?")."""
    key: str
    """Normalised text: questions with equal keys are one question asked in several places."""
    form: QuestionForm
    line: int
    column: int
    anchor: str
    """Stable id on the note's page: the heading's anchor, or ``q-`` + slug of the text."""
    token: int
    """Index of the question's first token in the note's top-level tokens."""
    answer: Answer
    status: QuestionStatus
    stub_reason: str = ""
    """For stubs: which placeholder was found ("TODO", "bare link"...)."""
    confidence: Confidence = Confidence.SURE


@dataclass(frozen=True)
class Definition:
    """A statement of what a term means, and where it stands."""

    text: str
    note: VaultPath
    line: int
    source: str
    """definition-line | deflist | question | title | alias."""


@dataclass(frozen=True)
class Term:
    """A term as written in one place (a glossary line, a term list, a question's subject...)."""

    name: str
    note: VaultPath
    line: int
    column: int
    source: str
    """definition-line | term-list | question | deflist | title | alias."""
    definition: str | None
    """The definition given with it here, if any ("RMS Prop:" alone has none)."""
    needs_use: bool = False
    """Its shape alone does not prove a glossary entry (one ``Head: text`` item of a list, a bold
    phrase opening a paragraph): it is kept only when the vault uses the term somewhere else."""


LISTING_SOURCES = ("term-list", "definition-line", "deflist")
"""Term sources that list a term as something the notes should define."""


@dataclass(frozen=True)
class Concept:
    """All spellings of one idea across the vault, with everything the vault says about it."""

    key: str
    """Canonical merge key (variants of case, plural, hyphenation, British/American spelling)."""
    name: str
    """Preferred display name (the most frequent spelling; ties by first in path/line order)."""
    variants: tuple[str, ...]
    acronyms: tuple[str, ...]
    terms: tuple[Term, ...]
    definitions: tuple[Definition, ...]
    questions: tuple[int, ...]
    """Indices into ``Knowledge.questions`` of questions about this concept."""

    @property
    def needs_definition(self) -> bool:
        """Listed as a term (glossary line, term list, definition list) yet never defined anywhere.

        What lint reports as ``undefined-term`` and the site flags "needs a definition". A concept only
        asked about ("What is fine tuning?") is not listed: its answer is where it is explained."""
        return not self.definitions and any(term.source in LISTING_SOURCES for term in self.terms)

    @property
    def in_glossary(self) -> bool:
        """Defined somewhere, or listed as a term: a glossary entry. A concept only asked about in a
        question nobody answered yet is not an entry (its question is on the open page instead)."""
        return bool(self.definitions) or any(term.source in LISTING_SOURCES for term in self.terms)


@dataclass(frozen=True)
class Knowledge:
    """The extract stage's output for the whole vault."""

    questions: tuple[Question, ...]
    concepts: tuple[Concept, ...]
    mentions: Mapping[str, tuple[tuple[VaultPath, int], ...]]
    """Concept key -> (note, line) of every paragraph, heading or cell that mentions the concept."""
    diagnostics: tuple[Diagnostic, ...]
