"""When a note's title is a glossary term: when the note reads as its definition.

Why a module of its own: most titles are not terms. In a vault of templates, people, books, daily
notes or documentation pages the title names a page ("Book Template", "Ada Lovelace", "limit 100",
"Obsidian compatibility"); only a note that defines its title makes the title a term. The evidence,
from the note and the vault:

* the note opens by defining it: its first paragraph starts with the title, its first heading or an
  alias ("Caching is used to ...", "A **TreeMap** ..."), at most one word before it;
* or the vault is a glossary, one note per term: most of its notes are a short definition (no
  sections, a paragraph of prose first), and this note is one of them.

A term note's aliases are its synonyms and its description (or first paragraph) its definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from vaultc.extract.definitions import inline_prose
from vaultc.extract.model import Term
from vaultc.extract.spelling import american, concept_key, singular, words
from vaultc.extract.term_lines import line_children, read_term_line, reads_as_term
from vaultc.model import ParsedNote
from vaultc.parse import inline_text

MAX_TITLE_WORDS = 6
MIN_PROSE_WORDS = 5
_PARENTHESES = re.compile(r"\([^()]*\)")
_NOT_CONTENT = frozenset({"front_matter", "html_block", "heading_open", "inline", "comment_block", "hr"})
MIN_GLOSSARY_NOTES = 10
"""A vault of a handful of notes, two of them short, is no evidence of a glossary: a glossary is many
notes that are each one definition (its titles are then terms even when a note does not repeat it)."""
_GLOSSARY_SHARE = 2 / 3
"""A vault is a glossary when at least this share of its notes (a clear majority) is a short definition."""


def title_terms(note: ParsedNote, glossary_vault: bool = False, fields: frozenset[str] = frozenset()) -> Iterator[Term]:
    """The note's title (and aliases) when the note defines it."""
    title = note.title
    if not reads_as_term(_PARENTHESES.sub(" ", title).strip() or title, MAX_TITLE_WORDS):
        return
    first = first_prose(note, fields)
    names = [title, *note.front_matter.aliases, *_first_heading(note)]
    defines = (glossary_vault and definition_shaped(note, fields)) or any(_opens_with(first, name) for name in names)
    if not defines:
        return
    definition = note.front_matter.description or first
    yield Term(title, note.path, 1, 1, "title", definition or None)
    for alias in note.front_matter.aliases:
        yield Term(alias, note.path, 1, 1, "alias", definition or None)


def definition_shaped(note: ParsedNote, fields: frozenset[str] = frozenset()) -> bool:
    """No sections (an opening title heading aside), and a paragraph of prose is its first content."""
    levels = [heading.level for heading in note.headings]
    if len(levels) > 1 or (levels and note.headings[0].line > _first_block_line(note)):
        return False
    first = _first_content(note, fields)
    return first is not None and len(inline_text(first).split()) >= MIN_PROSE_WORDS


def glossary_vault(notes: Iterable[ParsedNote], fields: frozenset[str] = frozenset()) -> bool:
    """Is the vault a glossary, one short definition per note?"""
    shapes = [definition_shaped(note, fields) for note in notes]
    return sum(shapes) >= MIN_GLOSSARY_NOTES and sum(shapes) >= _GLOSSARY_SHARE * len(shapes)


def first_prose(note: ParsedNote, fields: frozenset[str] = frozenset()) -> str:
    """The text of the first top-level paragraph that holds words: not only an embed, tags, or the
    template's fields ("Date Created: ...", "Tags: #Type/Definition")."""
    tokens = note.tokens
    for position, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0 and position + 1 < len(tokens):
            text = inline_prose(tokens[position + 1])
            if _prose(text) and not _fields_only(tokens[position + 1], fields):
                return text
    return ""


def _first_content(note: ParsedNote, fields: frozenset[str]):
    """The inline token of the note's first content block, if that block is a paragraph (front
    matter, raw HTML, headings, embeds, tags and the template's fields do not count)."""
    tokens = note.tokens
    for position, token in enumerate(tokens):
        if token.level != 0 or token.nesting == -1 or token.type in _NOT_CONTENT:
            continue
        if token.type != "paragraph_open":
            return None
        inline = tokens[position + 1]
        if _prose(inline_text(inline)) and not _fields_only(inline, fields):
            return inline
    return None


def _prose(text: str) -> bool:
    return any(char.isalpha() for char in text) and not all(word.startswith("#") for word in text.split())


def _fields_only(inline, fields: frozenset[str]) -> bool:
    lines = [read_term_line(children) for children in line_children(inline)]
    heads = [line.head for line in lines if line.kind in ("definition", "label", "value")]
    return (
        bool(heads)
        and len(heads) == len([line for line in lines if line.text])
        and all(concept_key(head) in fields for head in heads)
    )


def _opens_with(text: str, name: str) -> bool:
    """Does the text start with the name (folded like concept keys), at most one word before it?"""
    wanted = _folded(_PARENTHESES.sub(" ", name))
    if not wanted:
        return False
    if " " not in name.strip() and not any(char.isspace() for char in text[:40]) and text.startswith(name):
        return True  # scripts written without spaces
    found = _folded(text)[: len(wanted) + 1]
    return found[: len(wanted)] == wanted or found[1 : len(wanted) + 1] == wanted


def _folded(text: str) -> list[str]:
    return [singular(american(word)) for word in words(text)]


def _first_heading(note: ParsedNote) -> list[str]:
    return [note.headings[0].text] if note.headings and note.headings[0].level == 1 else []


def _first_block_line(note: ParsedNote) -> int:
    return next(
        (
            token.map[0] + 1
            for token in note.tokens
            if token.level == 0 and token.map and token.type not in ("front_matter", "heading_open")
        ),
        0,
    )
