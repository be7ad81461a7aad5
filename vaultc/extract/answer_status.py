"""Whether an answer is one: answered, unanswered (nothing there) or a stub (only a placeholder).

Why a module of its own: the walk (:mod:`vaultc.extract.walk`) and the shapes collect what stands
where an answer goes; judging it is one decision, made here on the whole answer: a formula, code, an
image or a table answer; nothing is unanswered; a bare link, a placeholder (``DEFAULT_STUB_PATTERNS``,
configurable), a short remark in brackets ("(to be added)", "（待补充）") or only sub-questions is a stub.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from vaultc.extract.answers import ANSWER_LABEL, Piece
from vaultc.extract.model import QuestionStatus
from vaultc.extract.wording import ends_asking, strip_trailing_symbols

_NOTE_TO_SELF = re.compile(r"[(（\[［【][^()（）\[\]［］【】]{1,40}[)）\]］】]")
"""An answer that is only a short remark in brackets, "(to be added)", "（待补充）": a note to self."""
_LINK_FILLER = frozenset({"see", "read", "link", "links", "here", "source", "sources", "ref", "more", "at", "video"})


def answer_status(
    pieces: Sequence[Piece], stub_patterns: Iterable[str], questions_answer: bool = False
) -> tuple[QuestionStatus, str]:
    """Answered, unanswered or stub (with the reason), judged on the whole answer; with
    ``questions_answer`` (a card's back: "Frame size is equal to what?::Page size?") an answer that
    only asks is still an answer."""
    if not pieces:
        return QuestionStatus.UNANSWERED, ""
    if any(piece.substance for piece in pieces):
        return QuestionStatus.ANSWERED, ""
    lines = [line for piece in pieces for line in piece.lines]
    text = ANSWER_LABEL.sub("", " ".join(" ".join(lines).split()))
    if not text:
        return QuestionStatus.UNANSWERED, ""
    if _only_links(pieces):
        return QuestionStatus.STUB, "bare link"
    for pattern in _compiled(tuple(stub_patterns)):
        if pattern.fullmatch(text):
            return QuestionStatus.STUB, text[:60]
    if _NOTE_TO_SELF.fullmatch(text):
        return QuestionStatus.STUB, text[:60]
    if not questions_answer and all(ends_asking(strip_trailing_symbols(line)) for line in lines):
        return QuestionStatus.STUB, "only sub-questions"
    return QuestionStatus.ANSWERED, ""


def _only_links(pieces: Sequence[Piece]) -> bool:
    """Links or URLs, and no words of its own beyond "see", "read", "link"..."""
    if not any(piece.links for piece in pieces):
        return False
    prose = " ".join(ANSWER_LABEL.sub("", piece.prose) for piece in pieces)
    words = re.findall(r"\w+", prose.casefold())
    return all(word in _LINK_FILLER for word in words)


@functools.lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE | re.DOTALL) for pattern in patterns)
