"""Glossary terms as people write them: definition lines, bare term lists, definition lists,
and notes whose title is a term.

Read from the token stream, block by block:

* a *definition line* is a paragraph (top level or in a list) whose first line is ``Term: text``
  (bold or not); ``RMS Prop:`` with nothing after it is a term without a definition, unless the
  next paragraph starts with the term ("AI:" then "AI is incorporating..."). A label-only line
  inside a question's answer ("Backward Pass:" above a formula) is a label, not a term;
* a *bare term list* is a top-level paragraph of three or more short lines with no sentence
  punctuation (the 19-line list in the main seed note); a single short line counts when it stands
  in a run of glossary paragraphs (the FAQ's "Layer", "Weights" between definition lines);
* Markdown definition lists (``Term`` / ``: definition``);
* a note's title, when it reads as a term (short, not "... Questions", "... FAQ"), with its
  front-matter aliases as synonyms.

Question subjects ("What is X?") become terms in :mod:`vaultc.extract.concepts`, which sees the
questions.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.extract.model import Term
from vaultc.model import ParsedNote
from vaultc.parse import inline_text

MAX_TERM_WORDS = 5
MAX_LIST_LINE_WORDS = 4
_SENTENCE_WORDS = frozenset({
    "is", "are", "was", "were", "be", "been", "can", "could", "will", "would", "should", "do", "does", "did",
    "given", "consider", "if", "when", "then", "this", "that", "these", "those", "we", "you", "i", "it", "they",
    "there", "here", "how", "what", "why", "which", "who", "for", "in", "has", "have", "include", "includes",
    "following", "supports", "use", "uses",
})
_LABEL_WORDS = frozenset({
    "answer", "answers", "example", "examples", "note", "input", "inputs", "output", "outputs", "process",
    "result", "results", "step", "steps", "summary", "solution", "question", "max", "min", "average", "e.g",
})
"""First words of labels that structure an answer ("Answer 1:", "**Inputs**:"), not terms."""
_COLLECTION_WORDS = frozenset({
    "questions", "question", "notes", "note", "faq", "faqs", "notebook", "interview", "index", "readme", "todo",
    "journal", "daily", "log",
})
_TERM_PUNCTUATION = frozenset(" -'/()&+")


class _Kind(enum.Enum):
    DEFINITION = "definition"
    BARE = "bare"
    LIST = "list"
    OTHER = "other"


@dataclass(frozen=True)
class _Paragraph:
    level: int
    inline: Token
    after: Token | None
    """The block token right after the paragraph (a list opening makes a lead-in line)."""
    next_inline: Token | None
    """The next paragraph's inline token, when a paragraph follows directly."""
    kind: _Kind


def extract_terms(note: ParsedNote, inside_answer: Callable[[int], bool] = lambda line: False) -> tuple[Term, ...]:
    """Every term the note writes down, in document order."""
    found = list(_title_terms(note))
    paragraphs = list(_paragraphs(note.tokens))
    in_glossary = _glossary_neighbourhood([(p.level, p.kind) for p in paragraphs])
    for paragraph, glossary in zip(paragraphs, in_glossary, strict=True):
        if paragraph.kind is _Kind.DEFINITION:
            found.extend(_definition_term(note, paragraph, inside_answer))
        elif paragraph.kind is _Kind.LIST or (paragraph.kind is _Kind.BARE and glossary):
            found.extend(_list_terms(note, paragraph.inline))
    found.extend(_definition_list_terms(note))
    return tuple(found)


def _paragraphs(tokens: tuple[Token, ...]) -> Iterator[_Paragraph]:
    for position, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.map and position + 1 < len(tokens):
            after = tokens[position + 3] if position + 3 < len(tokens) else None
            next_inline = tokens[position + 4] if after is not None and after.type == "paragraph_open" else None
            inline = tokens[position + 1]
            yield _Paragraph(token.level, inline, after, next_inline, _classify(inline))


def _split_definition(line_text: str) -> tuple[str, str] | None:
    """("Term", "definition") if the text reads as ``Term: definition``."""
    head, colon, rest = line_text.partition(":")
    term = head.strip().strip("*_").strip()
    if not colon or not _reads_as_term(term, MAX_TERM_WORDS) or rest.startswith("//"):
        return None
    return term, rest.strip().strip("*_").strip()


def _reads_as_term(text: str, max_words: int) -> bool:
    parts = text.split()
    return (
        0 < len(parts) <= max_words
        and text[0].isalpha()
        and all(char.isalnum() or char in _TERM_PUNCTUATION for char in text)
        and not text.endswith(".")
        and not any(part.casefold() in _SENTENCE_WORDS for part in parts)
        and parts[0].casefold() not in _LABEL_WORDS
    )


def _classify(inline: Token) -> _Kind:
    plain = inline_text_lines(inline)
    if _split_definition(plain[0]) is not None:
        return _Kind.DEFINITION
    if all(_reads_as_term(line, MAX_LIST_LINE_WORDS) for line in plain):
        return _Kind.LIST if len(plain) >= 3 else _Kind.BARE
    return _Kind.OTHER


def inline_text_lines(inline: Token) -> list[str]:
    """The paragraph's prose, line by line: markup removed, and code left out (terms are not code)."""
    lines, current = [], []
    for child in inline.children or ():
        if child.type in ("softbreak", "hardbreak"):
            lines.append("".join(current).strip())
            current = []
        elif child.type == "text":
            current.append(child.content)
    lines.append("".join(current).strip())
    return [line for line in lines if line] or [""]


def _glossary_neighbourhood(blocks: list[tuple[int, _Kind]]) -> list[bool]:
    """For each paragraph: does it stand in a run of top-level glossary paragraphs with a definition?"""
    flags = [False] * len(blocks)
    start = 0
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end][0] == 0 and blocks[end][1] is not _Kind.OTHER:
            end += 1
        if any(kind is _Kind.DEFINITION for _, kind in blocks[start:end]):
            flags[start:end] = [True] * (end - start)
        start = max(end, start + 1)
    return flags


def _definition_term(note: ParsedNote, paragraph: _Paragraph, inside_answer: Callable[[int], bool]) -> Iterator[Term]:
    inline, following = paragraph.inline, paragraph.next_inline
    term, _ = _split_definition(inline_text_lines(inline)[0]) or ("", "")
    definition = inline_text(inline).partition(":")[2].strip().strip("*_").strip()  # code counts here
    line = inline.map[0] + 1
    if not definition and following is not None and inline_text(following).casefold().startswith(term.casefold()):
        definition = inline_text(following)
    if not definition and (inside_answer(line) or _introduces_list(paragraph.after)):
        return
    yield Term(term, note.path, line, note.column_of(line, term), "definition-line", definition or None)


def _introduces_list(after: Token | None) -> bool:
    """A label-only line followed by a list is a lead-in ("Common examples include:"), not a term."""
    return after is not None and after.type in ("bullet_list_open", "ordered_list_open")


def _list_terms(note: ParsedNote, inline: Token) -> Iterator[Term]:
    for offset, text in enumerate(inline.content.split("\n")):
        name = text.strip()
        if name:
            line = inline.map[0] + 1 + offset
            yield Term(name, note.path, line, note.column_of(line, name), "term-list", None)


def _definition_list_terms(note: ParsedNote) -> Iterator[Term]:
    tokens = note.tokens
    for position, token in enumerate(tokens):
        if token.type == "dt_open" and token.map:
            name = inline_text(tokens[position + 1])
            definition = _next_definition(tokens, position)
            line = token.map[0] + 1
            yield Term(name, note.path, line, note.column_of(line, name), "deflist", definition or None)


def _next_definition(tokens: tuple[Token, ...], dt_position: int) -> str:
    for position in range(dt_position, len(tokens)):
        if tokens[position].type == "dd_open":
            return next((inline_text(t) for t in tokens[position:] if t.type == "inline"), "")
        if tokens[position].type == "dt_open" and position != dt_position:
            return ""
    return ""


def _title_terms(note: ParsedNote) -> Iterator[Term]:
    title_words = note.title.split()
    generic = any(word.casefold() in _COLLECTION_WORDS for word in title_words)
    if not note.front_matter.aliases and (generic or not _reads_as_term(note.title, 3)):
        return
    definition = note.front_matter.description or _first_paragraph(note)
    yield Term(note.title, note.path, 1, 1, "title", definition or None)
    for alias in note.front_matter.aliases:
        yield Term(alias, note.path, 1, 1, "alias", definition or None)


def _first_paragraph(note: ParsedNote) -> str:
    return next((inline_text(p.inline) for p in _paragraphs(note.tokens) if p.level == 0), "")
