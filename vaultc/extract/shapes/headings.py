"""Questions written as headings: ``##### What is fine tuning?``, ``###### Q6) What is a corpus?``.

A heading that ends in "?" (outside URLs) or carries a ``Q1)`` prefix asks. It is a sure question
at a level where the note asks (its question levels); elsewhere (one "Why Quartz?" among the titles
of a documentation page) only a possible one. At a question level a heading without "?" asks too
when it starts with one of the vault's question openers ("What is the argmax function") or is a
whole sentence ("Define the dense layer."); at any other level it is a title ("How Priority is
Computed", "Cache Invalidation") and asks nothing.
"""

from __future__ import annotations

from vaultc.extract.blocks import Block
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence
from vaultc.extract.model import Confidence, QuestionForm
from vaultc.extract.wording import Strength, read_wording


def heading_question(block: Block, evidence: NoteEvidence) -> Candidate | None:
    """The question a heading asks, if it asks."""
    wording = read_wording(block.text, QuestionForm.HEADING, evidence.openers)
    at_question_level = block.level in evidence.question_levels
    if wording.strength is None or (wording.strength is Strength.WEAK and not at_question_level):
        return None
    confidence = Confidence.SURE if at_question_level else Confidence.POSSIBLE
    return Candidate(
        QuestionForm.HEADING, wording, block.first_line, block.start, block.span, level=block.level,
        confidence=confidence,
    )
