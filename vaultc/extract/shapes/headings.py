"""Questions written as headings: ``##### What is fine tuning?``, ``###### Q6) What is a corpus?``.

A heading that ends in "?" (outside URLs) or carries a ``Q1)`` prefix asks. It is a sure question
at a level where the note asks (its question levels); elsewhere (one "Why Quartz?" among the titles
of a documentation page) only a possible one. At a question level a heading without "?" asks too
when it starts with one of the vault's question openers ("What is the argmax function") or is
numbered like its asking siblings ("## 4. ..."); a whole sentence ("Define the dense layer.") is
only a possible question there, since statements end in "." too. At any other level it is a title
("How Priority is Computed", "Cache Invalidation") and asks nothing.
A ``QX)`` prefix over words that do not ask ("QX) Artem's video") is only a possible question.
"""

from __future__ import annotations

from vaultc.extract.blocks import Block
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence, numbered_heading
from vaultc.extract.model import Confidence, QuestionForm
from vaultc.extract.wording import (
    Strength,
    Wording,
    has_question_mark,
    read_wording,
    starts_like_question,
)


def _like_asking_siblings(block: Block, evidence: NoteEvidence) -> bool:
    """Numbered like the note's asking headings ("## 4. ..." among "## 3. ...?"), or opening with the
    same two words as one of them ("Can you explain the concept of transfer" under "Can you explain
    the concept of X?")."""
    if numbered_heading(block.text) and evidence.numbered_headings_ask:
        return True
    return " ".join(block.text.casefold().split()[:2]) in evidence.heading_openings.get(block.level, ())


def _asks_itself(text: str, evidence: NoteEvidence) -> bool:
    """The words ask (not only a ``QX)`` prefix over a topic such as "Artem's video"). A sentence
    ("Define the dense layer.") asks too, but a statement ends in "." as well ("If the hypothesis is
    false, the statement is true."), so a sentence alone only makes a possible question."""
    return has_question_mark(text) or starts_like_question(text, evidence.openers)


def heading_question(block: Block, evidence: NoteEvidence) -> Candidate | None:
    """The question a heading asks, if it asks."""
    wording = read_wording(block.text, QuestionForm.HEADING, evidence.openers)
    at_question_level = block.level in evidence.question_levels
    like_siblings = at_question_level and _like_asking_siblings(block, evidence)
    if wording.strength is None and like_siblings:
        wording = Wording(wording.texts, Strength.WEAK, wording.inline_answer)
    if wording.strength is None or (wording.strength is Strength.WEAK and not at_question_level):
        return None
    sure = at_question_level and (like_siblings or _asks_itself(wording.texts[0], evidence))
    confidence = Confidence.SURE if sure else Confidence.POSSIBLE
    return Candidate(
        QuestionForm.HEADING,
        wording,
        block.first_line,
        block.start,
        block.span,
        level=block.level,
        confidence=confidence,
    )
