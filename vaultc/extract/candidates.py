"""What a shape proposes: a question, where it stands, how sure the shape is, and any answer it found.

Why a value of its own: every shape (:mod:`vaultc.extract.shapes`) answers the same question, "does
this block ask, and how sure am I?", and the walk (:mod:`vaultc.extract.walk`) that decides where each
answer ends reads only these values, never a shape's internals. A new convention is a new shape
returning candidates.
"""

from __future__ import annotations

from dataclasses import dataclass

from vaultc.extract.answers import Piece
from vaultc.extract.model import Confidence, QuestionForm, QuestionStatus
from vaultc.extract.wording import Wording


@dataclass(frozen=True)
class Candidate:
    """Something a block asks, with the part of its answer written inside the same block."""

    form: QuestionForm
    wording: Wording
    line: int
    token: int
    """Index of the question's first token (heading, paragraph, list item, callout or quote)."""
    span: tuple[int, int]
    """[start, end) tokens the question and its in-block answer cover."""
    inside: tuple[Piece, ...] = ()
    """Answer pieces found by the shape itself (in the block, or sections it knows belong)."""
    level: int = 0
    """Heading level (0 for the other forms)."""
    number: int | None = None
    """For numbered slots, the (last) number written."""
    self_contained: bool = False
    """The shape found the whole answer (callouts, cards, list items, sections): the walk adds none."""
    confidence: Confidence = Confidence.SURE
    empty_status: QuestionStatus = QuestionStatus.UNANSWERED
    """The status when nothing answers it: PROMPT for a question left open on purpose."""
    text_lines: tuple[str, ...] = ()
    """For a card, the front as written on several lines (else the wording's text is the question)."""
