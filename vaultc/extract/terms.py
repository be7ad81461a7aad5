"""Glossary terms as people write them: glossary lines, bare term lists, definition lists, bold
definitions, term cards, and notes whose title is the term they define.

Read from the token stream, paragraph by paragraph (:mod:`vaultc.extract.term_lines` reads each
line's shape), and decided on the note's own evidence:

* a paragraph of glossary lines (``Term: text``, one per line, some maybe only ``Term:``) lists
  every one of them; a ``Term:`` line with nothing after it there is a term still to define;
* a paragraph whose first line is ``Term: text`` defines that term, its other lines continuing the
  definition; alone (one item of a list, a line in prose) it counts only when the vault uses the term
  elsewhere, and a head written in code ("`enableRSS`: ...", an option of an API) only among
  glossary paragraphs;
* a ``Term:`` line alone is a term to define only among glossary paragraphs; above a list, code, a
  table or a quote it is a label ("After:", "Common examples include:"); followed by a paragraph
  that starts with the term ("AI:" then "AI is ...") it is defined by that paragraph; inside a
  question's answer it is a label;
* a head the vault uses in several notes ("Source:", "Types:", "Category:") is a template field,
  not a term (:func:`term_heads` gathers them);
* a paragraph of three or more bare short lines is a term list (terms set down to be defined);
  one or two bare lines count among glossary paragraphs;
* Markdown definition lists (``Term`` / ``: definition``);
* a bold term opening a paragraph ("**Overfitting** is ...", "A **group** is ...");
* ``Term::definition`` cards whose front is a term (:mod:`.shapes.cards` finds the cards);
* a note's title when the note reads as its definition (:mod:`vaultc.extract.term_titles`).

Question subjects ("What is X?") become terms in :mod:`vaultc.extract.concepts`, which sees the
questions.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.extract.definitions import inline_prose
from vaultc.extract.model import Term
from vaultc.extract.spelling import concept_key
from vaultc.extract.term_bold import bold_opening, bold_terms
from vaultc.extract.term_lines import TermLine, line_children, read_term_line
from vaultc.extract.term_titles import title_terms
from vaultc.model import ParsedNote
from vaultc.parse import inline_text

FIELD_NOTES = 3
"""A head written in this many notes is a field of their template, not a term each defines."""
_LABELLED_BLOCKS = frozenset({
    "bullet_list_open", "ordered_list_open", "fence", "code_block", "table_open", "blockquote_open",
    "callout_open", "math_block", "math_block_label", "html_block",
})  # fmt: skip


class _Kind(enum.Enum):
    GLOSSARY = "glossary"
    """Every line a glossary line, at least one with a definition."""
    DEFINITION = "definition"
    LABEL = "label"
    LIST = "list"
    """Three or more bare terms."""
    BARE = "bare"
    OTHER = "other"


@dataclass(frozen=True)
class _Paragraph:
    level: int
    inline: Token
    lines: tuple[TermLine, ...]
    after: Token | None
    """The first block token after the paragraph (a list opening makes a lead-in line)."""
    next_inline: Token | None
    """The next paragraph's inline token, when a paragraph follows directly."""
    kind: _Kind
    in_callout: bool = False
    """Inside a callout that does not ask (a definition block, a note)."""


def term_paragraphs(note: ParsedNote) -> tuple[_Paragraph, ...]:
    """The note's paragraphs, each line read as a glossary line: read once, used by both passes."""
    return tuple(_paragraphs(note.tokens))


def term_heads(paragraphs: Iterable[_Paragraph]) -> dict[str, bool]:
    """Keys of the heads of the note's ``Head: text`` lines, each with whether the note leaves one of
    them empty (vault evidence of template fields)."""
    heads: dict[str, bool] = {}
    for paragraph in paragraphs:
        for line in paragraph.lines:
            if line.kind in ("definition", "label", "value"):
                key = concept_key(line.head)
                heads[key] = heads.get(key, False) or line.kind == "label"
    return heads


def extract_terms(
    note: ParsedNote,
    inside_answer: Callable[[int], bool] = lambda line: False,
    fields: frozenset[str] = frozenset(),
    glossary_vault: bool = False,
    paragraphs: tuple[_Paragraph, ...] | None = None,
) -> tuple[Term, ...]:
    """Every term the note writes down, in document order (``paragraphs``: its
    :func:`term_paragraphs`, when already read)."""
    found = list(title_terms(note, glossary_vault, fields))
    every = paragraphs if paragraphs is not None else term_paragraphs(note)
    not_terms = fields | _repeated_heads(every)
    paragraphs = [paragraph for paragraph in every if not _is_field(paragraph, not_terms)]
    in_glossary = _glossary_neighbourhood([(p.level, p.kind) for p in paragraphs])  # top-level runs only
    for paragraph, glossary in zip(paragraphs, in_glossary, strict=True):
        found.extend(_paragraph_terms(note, paragraph, glossary, inside_answer))
    found.extend(_definition_list_terms(note))
    return tuple(found)


def _paragraph_terms(note: ParsedNote, paragraph: _Paragraph, glossary: bool, inside_answer) -> Iterator[Term]:
    kind, line = paragraph.kind, paragraph.inline.map[0] + 1
    if kind is _Kind.GLOSSARY:
        for offset, term_line in enumerate(paragraph.lines):
            yield _term(note, term_line.head, line + offset, "definition-line", term_line.rest or None)
    elif kind is _Kind.DEFINITION and _has_words(paragraph.lines[0].rest) and (glossary or not paragraph.lines[0].code):
        first = paragraph.lines[0]
        more = " ".join(term_line.text for term_line in paragraph.lines[1:])
        definition = " ".join(f"{first.rest} {more}".split())
        alone = not glossary or inside_answer(line)  # one item of a list, a line in prose or an answer
        yield _term(note, first.head, line, "definition-line", definition, needs_use=alone)
    elif kind is _Kind.LABEL:
        yield from _label_term(note, paragraph, glossary, inside_answer(line))
    elif kind is _Kind.LIST or (kind is _Kind.BARE and glossary):
        for offset, term_line in enumerate(paragraph.lines):
            yield _term(note, term_line.head, line + offset, "term-list", None)
    elif kind is _Kind.OTHER:
        found = bold_terms(paragraph.inline) if paragraph.in_callout else bold_opening(paragraph.inline)
        definition = inline_prose(paragraph.inline)
        yield from (_term(note, bold, line, "definition-line", definition, needs_use=True) for bold in found)


def _label_term(note: ParsedNote, paragraph: _Paragraph, glossary: bool, in_answer: bool) -> Iterator[Term]:
    """``Term:`` alone: defined by the next paragraph, a term to define among glossary lines, or a label."""
    head, line = paragraph.lines[0].head, paragraph.inline.map[0] + 1
    following = paragraph.next_inline
    if following is not None and inline_text(following).casefold().startswith(head.casefold()):
        yield _term(note, head, line, "definition-line", inline_prose(following))
    elif glossary and not in_answer and not _introduces_block(paragraph.after):
        yield _term(note, head, line, "definition-line", None)


def _has_words(text: str) -> bool:
    """At least two words with letters: "Frequency: 2 GHz" gives a value, not a definition."""
    return sum(1 for word in text.split() if any(char.isalpha() for char in word)) >= 2


def _term(note: ParsedNote, name: str, line: int, source: str, definition: str | None, needs_use: bool = False) -> Term:
    return Term(name, note.path, line, note.column_of(line, name), source, definition or None, needs_use)


def _introduces_block(after: Token | None) -> bool:
    """A label-only line followed by a list, code, a table or a quote is a lead-in ("Common examples
    include:", "After:"), not a term."""
    return after is not None and after.type in _LABELLED_BLOCKS


def _repeated_heads(paragraphs: Iterable[_Paragraph]) -> frozenset[str]:
    """Heads the note writes on several lines ("Petra: ...", "Chris: ..." in meeting notes): speakers
    or fields, since a term is defined once."""
    counts = Counter(
        concept_key(line.head)
        for paragraph in paragraphs
        for line in paragraph.lines
        if line.kind in ("definition", "label")
    )
    return frozenset(head for head, count in counts.items() if count > 1)


def _is_field(paragraph: _Paragraph, fields: frozenset[str]) -> bool:
    heads = [line.head for line in paragraph.lines if line.kind in ("definition", "label", "value")]
    return bool(heads) and all(concept_key(head) in fields for head in heads)


def _paragraphs(tokens: tuple[Token, ...]) -> Iterator[_Paragraph]:
    callouts: list[int] = []  # levels of the callouts around the current token
    for position, token in enumerate(tokens):
        if token.type == "callout_open":
            callouts.append(token.level if token.meta.get("type") != "question" else -1)
        elif token.type == "callout_close" and callouts:
            callouts.pop()
        if token.type == "paragraph_open" and token.map and position + 1 < len(tokens):
            inline = tokens[position + 1]
            lines = tuple(read_term_line(children) for children in line_children(inline))
            after = _block_after(tokens, position + 2)
            next_inline = tokens[position + 4] if after is not None and after.type == "paragraph_open" else None
            if next_inline is not None and next_inline.type != "inline":
                next_inline = None
            in_callout = bool(callouts) and callouts[-1] >= 0
            yield _Paragraph(token.level, inline, lines, after, next_inline, _classify(lines), in_callout)


def _block_after(tokens: tuple[Token, ...], close: int) -> Token | None:
    """The first block token after the paragraph's close, skipping the closes of blocks around it."""
    return next(
        (tokens[position] for position in range(close + 1, len(tokens)) if tokens[position].nesting != -1), None
    )


def _classify(lines: Sequence[TermLine]) -> _Kind:
    kinds = [line.kind for line in lines if line.text]
    if not kinds:
        return _Kind.OTHER
    if len(kinds) >= 2 and set(kinds) <= {"definition", "label"} and "definition" in kinds:
        return _Kind.GLOSSARY
    if kinds[0] == "definition":
        return _Kind.DEFINITION
    if kinds == ["label"]:
        return _Kind.LABEL
    if set(kinds) == {"bare"}:
        return _Kind.LIST if len(kinds) >= 3 else _Kind.BARE
    return _Kind.OTHER


def _glossary_neighbourhood(blocks: list[tuple[int, _Kind]]) -> list[bool]:
    """For each paragraph: does it stand in a run of glossary paragraphs with a definition?"""
    flags = [False] * len(blocks)
    start = 0
    term_kinds = {_Kind.GLOSSARY, _Kind.DEFINITION, _Kind.LABEL, _Kind.LIST, _Kind.BARE}
    defining = {_Kind.GLOSSARY, _Kind.DEFINITION}
    while start < len(blocks):
        end = start
        while end < len(blocks) and blocks[end][1] in term_kinds and blocks[end][0] == 0:
            end += 1
        if end - start >= 2 and any(kind in defining for _, kind in blocks[start:end]):
            flags[start:end] = [True] * (end - start)
        start = max(end, start + 1)
    return flags


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
            return next((inline_prose(t) for t in tokens[position:] if t.type == "inline"), "")
        if tokens[position].type == "dt_open" and position != dt_position:
            return ""
    return ""


def vault_fields(heads: Iterable[dict[str, bool]], min_notes: int = FIELD_NOTES) -> frozenset[str]:
    """A template's fields ("Source:", "Types:", "Author:"): heads used in at least ``min_notes``
    notes, or in two notes one of which leaves it empty (the template itself)."""
    counts: Counter[str] = Counter()
    empty: Counter[str] = Counter()
    for note_heads in heads:
        counts.update(note_heads.keys())
        empty.update(head for head, left_empty in note_heads.items() if left_empty)
    return frozenset(head for head, count in counts.items() if count >= min_notes or (count >= 2 and empty[head]))
