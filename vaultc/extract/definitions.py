"""What a glossary shows as a term's definition: one or two readable sentences that define it.

Why a module of its own: definitions come from answers, glossary lines and notes, written every way:
a story before the point ("Once upon a time, in a land of gradients..."), code, notebook output
(``In [27]: ...``), several blocks in a row. The glossary must show clean text, so this module picks,
from the text a definition was taken from (lines, math kept as ``$...$`` so it is shown as math):

* only lines of prose: code lines and notebook output (``In [3]:``, ``Out[3]:``, ``>>>``) are left out;
* the first sentence that names the term, when one does and an earlier one does not (the story is
  skipped); otherwise the first sentence;
* that sentence and the next, at most :data:`MAX_LENGTH` characters (cut on a word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.extract.spelling import american, singular, words

MAX_SENTENCES = 2
MAX_LENGTH = 300
_NOTEBOOK = re.compile(r"^\s*(?:In|Out)\s*\[\s*\d*\s*\]\s*:|^\s*>>>|^\s*\.\.\.\s")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+(?=[^\s])")
_MATH = re.compile(r"\$[^$]+\$")


def readable_definition(text: str, term: str) -> str:
    """One or two sentences of ``text`` that define ``term`` ("" when there is no prose)."""
    prose = " ".join(line.strip() for line in text.split("\n") if line.strip() and not _is_output(line))
    sentences = [sentence for sentence in _sentences(prose) if sentence]
    if not sentences:
        return ""
    start = next((index for index, sentence in enumerate(sentences) if _names(sentence, term)), 0)
    return _cut(" ".join(sentences[start : start + MAX_SENTENCES]))


def _is_output(line: str) -> bool:
    return _NOTEBOOK.match(line) is not None


def _sentences(prose: str) -> list[str]:
    """Sentences, never cut inside a formula ("$a. b$")."""
    shielded = _MATH.sub(lambda match: match.group(0).replace(".", "\0"), prose)
    return [part.replace("\0", ".").strip() for part in _SENTENCE_END.split(shielded)]


def _names(sentence: str, term: str) -> bool:
    wanted = _folded(term)
    found = _folded(sentence)
    return bool(wanted) and any(found[start : start + len(wanted)] == wanted for start in range(len(found)))


def _folded(text: str) -> list[str]:
    return [singular(american(word)) for word in words(text)]


def _cut(text: str) -> str:
    if len(text) <= MAX_LENGTH:
        return text
    cut = text[: MAX_LENGTH - 1].rsplit(" ", 1)[0]
    if cut.count("$") % 2:
        cut = cut[: cut.rfind("$")].rstrip()  # never leave a formula open
    return cut.rstrip(" ,;:.-–—(") + "…"


def inline_prose(inline: Token, first: int = 0, last: int = 0) -> str:
    """An inline token's text as a reader sees it, formulas kept as ``$...$`` so they show as math;
    with ``first``/``last``, only its source lines first..last (1-based)."""
    chosen, line = [], (inline.map[0] + 1 if inline.map else 0)
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            chosen.append(child)
            line += 1
        elif not last or first <= line <= last:
            chosen.append(child)
    return " ".join(children_prose(chosen).split())


def children_prose(children: Sequence[Token]) -> str:
    """The text of some inline children as a reader sees it, formulas kept as ``$...$``."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline", "cloze"):
            parts.append(child.content)
        elif child.type == "math_inline":
            parts.append(f"${child.content}$")
        elif child.type == "math_inline_double":
            parts.append(f"$${child.content}$$")
        elif child.type == "tag":
            parts.append(child.meta.get("raw", ""))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def blocks_prose(tokens: Sequence[Token], start: int, end: int, first: int = 0, last: int = 0) -> str:
    """The prose of tokens[start:end] (on source lines first..last when given), a line per
    paragraph, list item or cell: code, formulas set apart and raw HTML are not prose."""
    found = (
        inline_prose(token, first, last)
        for position, token in enumerate(tokens[start:end], start)
        if token.type == "inline" and token.children and tokens[position - 1].type != "callout_title_open"
    )  # a callout's title ("Finetuning" over "Finetuning is ...") is a heading, not prose
    return "\n".join(text for text in found if text)
