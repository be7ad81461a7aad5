"""The words of a question: what a reader sees, whether it asks, and its key for duplicates.

Why a module of its own: the same question is written "###### Q6) **What is a corpus?**" in one
note, "##### What is a corpus?" in another and "Q6) What is a corpus?" in a plain-text copy; all
three must read "What is a corpus?" and share a key. Everything here works on the plain text of
one line that the token stream already gave (markup removed); the few regular expressions look
at that one line only.

* Stripped from the text: numbering (``17)``, ``7, 8)``, ``3.``), prefixes (``QX)``, ``Q6)``,
  ``Q:``, ``(A)``), difficulty emoji and other trailing symbols, and a trailing URL, which is
  moved to the answer ("Result of Convolution? http://..." is a question answered by a link).
* Two questions on one line, "What is a dropout layer? / What is drop off?", are two questions
  (each with its own key, sharing one answer): duplicates are found by key.
* A numbered slot that only names a topic and writes ``Term: value`` carries its answer inline
  ("25) Max: (15 8)/(8, 17)" asks about "Max"), as a glossary line does.
* The key is NFKC, case-folded, without punctuation, symbols or emoji, whitespace collapsed.
  Slots with no text have the empty key, which duplicate detection must skip.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from dataclasses import dataclass

from vaultc.extract.model import QuestionForm

_NUMBERED = re.compile(r"^\d+(?:\s*,\s*\d+)*\)\s*")
_Q_PREFIX = re.compile(r"^(?:Q\s*(?:\d+|[Xx])?\s*[):]|Q\s*\d+\s*\.|Question\s*\d*\s*[):.])\s*")
_OTHER_PREFIX = re.compile(r"^(?:\(\s*[A-Za-z0-9]{1,2}\s*\)|\d+(?:\.\d+)*[.)])\s+")
_TRAILING_URL = re.compile(r"\s+<?(?:https?://|www\.)\S+$")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)$")
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|„[^“”]*[“”]|「[^」]*」|\([^()]*\)')
"""A quoted question ('TA asked "What if...?"') or one in brackets ("(was send() called?)") is not asked."""
QUESTION_MARKS = "?？؟"
"""The question marks of the world's scripts: Latin, full-width (Chinese, Japanese), Arabic."""
_ALTERNATIVE = re.compile(r"(?<=[?？؟])\s+/\s+")
_CLAUSES = re.compile(r"[,;:]")
_APOSTROPHES = str.maketrans("", "", "'’‘`´")


class Strength(enum.Enum):
    """How sure the wording is that it asks."""

    STRONG = "strong"
    """Holds a "?" or an explicit ``QX)``/``Q:`` prefix."""
    WEAK = "weak"
    """Starts like a question ("What is the argmax function", "Explain ...") without a "?"."""


@dataclass(frozen=True)
class Wording:
    """One written question line, read."""

    texts: tuple[str, ...]
    """The question(s) as a reader sees them (two for "A? / B?"); ("",) for an empty slot."""
    strength: Strength | None
    """None when the line does not ask (for a numbered slot: a topic such as "Linear Regression")."""
    inline_answer: str = ""
    """Text on the question's own line that answers it (a trailing URL, the value of "Max: 15")."""


def numbered_prefix(text: str) -> str:
    """The ``17)`` / ``7, 8)`` numbering a paragraph line starts with ("" if none)."""
    match = _NUMBERED.match(text.lstrip())
    return match.group(0) if match else ""


@functools.lru_cache(maxsize=262144)
def read_wording(line: str, form: QuestionForm, openers: frozenset[str] = frozenset()) -> Wording:
    """Read one plain-text line written in the given form; ``openers`` are the first words the vault's
    own questions start with (:mod:`vaultc.extract.evidence`), which make a line without "?" ask."""
    text = _NUMBERED.sub("", line.strip()) if form is QuestionForm.NUMBERED else line.strip()
    text, url = _split_trailing_url(text)
    text = strip_trailing_symbols(text)
    q_match = _Q_PREFIX.match(text)
    text = text[q_match.end() :] if q_match else _OTHER_PREFIX.sub("", text)
    strength = _strength(strip_trailing_symbols(text), form, q_match.group(0) if q_match else "", openers)
    if form is QuestionForm.NUMBERED and strength is None:
        text, inline = _topic_slot(text)
        url = " ".join(part for part in (inline, url) if part)
    parts = _ALTERNATIVE.split(text) if strength else [text]
    return Wording(tuple(" ".join(part.split()) for part in parts), strength, url)


def question_key(text: str) -> str:
    """Normalised text: equal keys are the same question asked in several places."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)
    kept = [" " if unicodedata.category(char)[0] in "PSZC" else char for char in folded]
    return " ".join("".join(kept).split())


def _strength(text: str, form: QuestionForm, prefix: str, openers: frozenset[str]) -> Strength | None:
    if not any(char.isalnum() for char in text):
        return None
    if form is QuestionForm.EXPLICIT:
        return Strength.STRONG if text and prefix.rstrip().endswith(":") else None
    if prefix and form is not QuestionForm.NUMBERED:
        return Strength.STRONG if text else None
    if form is QuestionForm.LINE:
        asks = ends_asking(_TRAILING_REMARK.sub("", text)) and (len(text.split()) >= 2 or not _spaced(text))
        return Strength.STRONG if asks else None
    if has_question_mark(_QUOTED.sub(" ", _URL.sub("", text))):
        return Strength.STRONG
    return Strength.WEAK if starts_like_question(text, openers) or is_instruction(text) else None


def starts_like_question(text: str, openers: frozenset[str]) -> bool:
    """Does the text, or one of its clauses, start with one of the vault's question openers? ("In your
    own words, explain..." when the vault asks "Explain ...?"). A label ("How this works:") does not."""
    if not openers or text.rstrip().endswith(":"):
        return False
    for clause in _CLAUSES.split(text):
        words = clause.split()
        if len(words) >= 2 and first_word(clause) in openers:
            return True
    return False


def is_instruction(text: str) -> bool:
    """A whole sentence (at least two words, ending in "." or "!"): an instruction or a statement of
    a task ("Explain paging.", "Define the gradient descent algorithm!"), never a title."""
    stripped = text.rstrip()
    return len(stripped.split()) >= 2 and stripped.endswith((".", "!")) and not stripped.endswith("...")


def first_word(text: str) -> str:
    """The first word, case-folded, without surrounding punctuation ("" when there is none)."""
    for word in text.split():
        cleaned = word.strip("*_\"'“”‘’«»()[]¿¡").casefold()
        if cleaned:
            return cleaned
    return ""


def _split_trailing_url(text: str) -> tuple[str, str]:
    match = _TRAILING_URL.search(text)
    if match is None or not text[: match.start()].strip():
        return text, ""
    return text[: match.start()].rstrip(), match.group(0).strip().strip("<>")


def strip_trailing_symbols(text: str) -> str:
    """Drop trailing emoji and their joiners (the difficulty markers 👶 ⭐️ 🚀, even with a stray
    letter typed after one, "⭐️I")."""
    if text.isascii():
        return text.rstrip()  # no emoji, joiner or combining mark in ASCII text
    last = max(text.rfind(mark) for mark in QUESTION_MARKS)
    tail = text[last + 1 :] if last >= 0 else ""
    if any(unicodedata.category(char) == "So" for char in tail) and sum(char.isalnum() for char in tail) <= 1:
        return text[: last + 1]
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) in ("So", "Sk", "Cf", "Mn")):
        end -= 1
    return text[:end] if any(unicodedata.category(char) in ("So", "Sk") for char in text[end:]) else text.rstrip()


def _topic_slot(text: str) -> tuple[str, str]:
    """A topic slot's text, and the answer it writes inline after "Term:" ("-" alone is no text)."""
    if set(text) <= set("-–— "):
        return "", ""
    term, colon, rest = text.partition(":")
    if colon and rest.strip() and term.strip() and not rest.startswith("//"):
        return term.strip(), rest.strip()
    return text, ""


SLOT_DIGITS = 18
"""Digits a slot number may have; a longer "number" is no count (and ``int()`` refuses 4,300 digits)."""


def written_number(text: str) -> int | None:
    """The last number of a ``7, 8)`` prefix (None without one, or when it is too long to count)."""
    digits = numbered_prefix(text).replace(",", " ").replace(")", " ").split()
    return int(digits[-1]) if digits and len(digits[-1]) <= SLOT_DIGITS else None


def question_marks(text: str) -> int:
    """How many questions a line asks (question marks outside quotes and brackets)."""
    return sum(_QUOTED.sub(" ", text).count(mark) for mark in QUESTION_MARKS)


def has_question_mark(text: str) -> bool:
    return any(mark in text for mark in QUESTION_MARKS)


def ends_asking(text: str) -> bool:
    """Does the text end with a question mark (of any script)?"""
    return text.rstrip().endswith(tuple(QUESTION_MARKS))


def _spaced(text: str) -> bool:
    """Is the text written with spaces between words? (Chinese and Japanese are not.)"""
    return " " in text.strip()
