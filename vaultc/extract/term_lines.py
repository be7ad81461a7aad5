"""One line of a paragraph read as a glossary line: ``Term: definition``, a label ``Term:``, a bare
term, or anything else.

Why a module of its own: the same ``Head: text`` shape is a glossary entry ("Dense Layer: Is a linear
model"), a label over a code block ("After:"), a template field ("Source: [[...]]", "Types: _Not
Applicable_"), or a sentence ("The gradient can be calculated:"). This module only reads the shape
of one line from its inline tokens; which of those it is depends on the paragraph and the vault
around it (:mod:`vaultc.extract.terms`).

* The head is what stands before the first ":" of the line's text (never inside code, a link or a
  formula). A head written in code keeps its code: "`Mutex`: ..." defines ``Mutex``; a head mixing
  code and words ("`Mutex` and `Lock`: ...") is not one term and defines nothing.
* A head reads as a term when it has at most :data:`MAX_TERM_WORDS` words, starts with a letter,
  holds no sentence punctuation and does not end in "."; the few words below that make a head a
  clause or a label in English are a guard for English notes only, the shape rules hold in any
  language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.extract.definitions import children_prose

MAX_TERM_WORDS = 5
MAX_LIST_LINE_WORDS = 4
_BREAKS = ("softbreak", "hardbreak")
_TERM_PUNCTUATION = frozenset(" -'/()&+.’")
_QUOTES = frozenset("\"“„«「'‘")
_ABBREVIATION = re.compile(r"(?:\w\.)+\w?")
"""A dotted word in a term is an abbreviation ("P.A.", "i.i.d."), not code ("model.layers")."""
_CLAUSE_WORDS = frozenset({
    "is", "are", "was", "were", "be", "been", "can", "could", "will", "would", "should", "do", "does", "did",
    "if", "when", "then", "this", "that", "these", "those", "we", "you", "i", "it", "they", "there", "here",
    "include", "includes", "following",
})  # fmt: skip
_LABEL_WORDS = frozenset({
    "answer", "answers", "example", "examples", "note", "notes", "step", "steps", "solution", "question",
    "result", "results", "summary", "input", "inputs", "output", "outputs", "e.g", "eg", "see", "source",
    "proof", "remark", "definition", "theorem", "lemma", "corollary", "case", "hint", "tip", "warning",
})  # fmt: skip


@dataclass(frozen=True)
class TermLine:
    """A line as a glossary line."""

    kind: str
    """definition (``Term: text``), label (``Term:`` alone), value (``Size: 16 KB``, ``Words: `[...]```:
    a field with a value, not a definition), bare (a short term) or other."""
    head: str
    """The term as written (code marks removed), "" for other lines."""
    rest: str
    """What follows the ":" (code and math kept), "" for labels and bare terms."""
    text: str
    """The whole line's plain text."""
    code: bool = False
    """The head is written in code ("`enableRSS`: ..."): an identifier, a term only in a glossary."""


def line_children(inline: Token) -> list[list[Token]]:
    """The inline token's children, split into source lines."""
    lines: list[list[Token]] = [[]]
    for child in inline.children or ():
        if child.type in _BREAKS:
            lines.append([])
        else:
            lines[-1].append(child)
    return lines


def read_term_line(children: Sequence[Token]) -> TermLine:
    text = children_prose(children).strip()
    split = _split_at_colon(children)
    if split is None:
        kind = "bare" if reads_as_term(text, MAX_LIST_LINE_WORDS) else "other"
        return TermLine(kind, text if kind == "bare" else "", "", text)
    head_children, rest_children = split
    head = _head(head_children)
    if head is None or not reads_as_term(head, MAX_TERM_WORDS):
        return TermLine("other", "", "", text)
    rest = children_prose(rest_children).strip().strip("*_").strip()
    if rest.startswith("//"):
        return TermLine("other", "", "", text)  # a URL, "https://..."
    if rest and not _words(rest_children):
        return TermLine("value", head, rest, text)  # a value, in code, math or digits ("Frequency: 2 GHz")
    if rest[:1] in _QUOTES:
        return TermLine("other", "", "", text)  # speech ('Chris: "Why do you rename...?"'), not a definition
    code = any(child.type == "code_inline" for child in head_children)
    return TermLine("definition" if rest else "label", head, rest, text, code)


def reads_as_term(text: str, max_words: int) -> bool:
    parts = text.split()
    return (
        0 < len(parts) <= max_words
        and sum(char.isalpha() for char in text) >= 2
        and all("." not in part or _ABBREVIATION.fullmatch(part) for part in parts)
        and text[0].isalpha()
        and all(char.isalnum() or char in _TERM_PUNCTUATION for char in text)
        and not text.endswith(".")
        and not any(part.casefold() in _CLAUSE_WORDS for part in parts)
        and parts[0].casefold().rstrip(".") not in _LABEL_WORDS
    )


def _split_at_colon(children: Sequence[Token]) -> tuple[list[Token], list[Token]] | None:
    """Children before and after the first ":" of a text child outside links."""
    in_link = 0
    for position, child in enumerate(children):
        in_link += {"link_open": 1, "wikilink_open": 1, "link_close": -1, "wikilink_close": -1}.get(child.type, 0)
        if child.type == "text" and not in_link and ":" in child.content:
            before, _, after = child.content.partition(":")
            return [*children[:position], _text(before)], [_text(after), *children[position + 1 :]]
    return None


def _head(children: Sequence[Token]) -> str | None:
    """The term a head names: its words, or its one code span; None when it mixes code and words."""
    codes = [child.content for child in children if child.type == "code_inline"]
    words = "".join(child.content for child in children if child.type == "text").strip().strip("*_").strip()
    if any(
        child.type not in ("text", "code_inline", "strong_open", "strong_close", "em_open", "em_close")
        for child in children
    ):
        return None
    if codes:
        return codes[0].strip() if len(codes) == 1 and not words else None
    return words


def _words(children: Sequence[Token]) -> bool:
    """Does some text outside code and math hold a word?"""
    return any(child.type == "text" and any(char.isalpha() for char in child.content) for child in children)


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
