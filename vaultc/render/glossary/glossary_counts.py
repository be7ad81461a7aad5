"""How much the vault knows: the counts the home page and the glossary show at their top.

Counted once from :class:`~vaultc.extract.model.Knowledge`, so every page quoting "N terms, M need a
definition" or "K open questions" agrees with every other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from vaultc.extract.model import Knowledge, QuestionStatus


@dataclass(frozen=True)
class KnowledgeCounts:
    """Questions by status (every place a question is asked counts) and concepts by status."""

    answered: int
    unanswered: int
    stubs: int
    prompts: int
    """Questions left open on purpose: counted among the questions, never among the open ones."""
    defined: int
    """Concepts with at least one definition."""
    undefined: int
    """Concepts the notes list as terms but never define (``Concept.needs_definition``); a concept
    only asked about is neither, its answer being where it will be explained."""
    terms: int

    @property
    def questions(self) -> int:
        return self.answered + self.unanswered + self.stubs + self.prompts

    @property
    def open(self) -> int:
        """Questions still waiting for a real answer: unanswered ones and stubs (a prompt expects none)."""
        return self.unanswered + self.stubs


def knowledge_counts(knowledge: Knowledge) -> KnowledgeCounts:
    statuses = Counter(question.status for question in knowledge.questions)
    return KnowledgeCounts(
        answered=statuses[QuestionStatus.ANSWERED],
        unanswered=statuses[QuestionStatus.UNANSWERED],
        stubs=statuses[QuestionStatus.STUB],
        prompts=statuses[QuestionStatus.PROMPT],
        defined=sum(1 for concept in knowledge.concepts if concept.definitions),
        undefined=sum(1 for concept in knowledge.concepts if concept.needs_definition),
        terms=sum(1 for concept in knowledge.concepts if concept.in_glossary),
    )
