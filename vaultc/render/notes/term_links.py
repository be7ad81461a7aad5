"""Links from a note's prose to the concept pages of the terms it mentions.

Why: a reader meeting "activation functions" in an answer should be one click from everything the
vault says about activation functions (``terms/<slug>.html``). Which words are a term is decided
exactly as :mod:`vaultc.extract.mentions` decides it (same folding: :func:`words`,
:func:`american`, :func:`singular`, runs of up to ``MAX_WORDS`` words, keys of at least
``MIN_KEY_LENGTH`` characters), and a text is only searched for the keys ``knowledge.mentions``
already records at its paragraph, so every link is a recorded mention and paragraphs without
mentions cost one dictionary lookup.

Where: all prose (paragraphs, list items, table cells, callout bodies), not only answers. The
issue speaks of answers, but definitions, term lists and notes without questions explain terms
too, and a link is as useful there; "once per section" keeps the page from turning blue. Never in
headings or callout titles (titles, not prose), code, math, or inside a link (no ``<a>`` in
``<a>``), and never a term at the place that defines it: not on its definition line ("Dropout:
..." does not link to itself), nowhere in a note titled (or aliased) with the term.
Transcluded text is not linked: it is another note's prose, framed and linked to its source.

How: leftmost-longest matching ("activation function" wins over "function"); a match consumes its
words even when its concept was already linked in the section. A match lies inside one ``text``
token (never across emphasis), so links nest correctly. The result is new ``term_link`` tokens
(the note's own tokens are never changed), rendered by :func:`render_term_link`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from vaultc.extract.mentions import MAX_WORDS, MIN_KEY_LENGTH
from vaultc.extract.model import Knowledge
from vaultc.extract.spelling import american, singular
from vaultc.names import SitePath, VaultPath, relative_url

DEFINING_SOURCES = frozenset({"definition-line", "deflist"})
"""Term sources whose line defines the term: no link to its own page there."""
NOTE_SOURCES = frozenset({"title", "alias"})
"""Term sources that make the whole note about the term: no link to its page anywhere in it."""
WHOLE_NOTE = 0
"""The "line" of a place that is a whole note."""
_WORD = re.compile(r"[^\W_]+")
_GLUE = "-_"
"""A word glued to its neighbour by these is part of a compound ("non-linear"): never split it."""


@dataclass(frozen=True)
class TermIndex:
    """What every note page needs to link terms: built once per site."""

    pages: Mapping[str, SitePath]
    """Linkable concept key -> its concept page."""
    prefixes: frozenset[str]
    """Every prefix of every linkable key: a run of words stops growing outside this set."""
    mentioned: Mapping[VaultPath, Mapping[int, frozenset[str]]]
    """Note -> first line of a paragraph/cell -> keys mentioned there (from ``knowledge.mentions``)."""
    defined_at: Mapping[VaultPath, frozenset[tuple[int, str]]]
    """Note -> (line, key) of every place a term is defined (line WHOLE_NOTE: the note is about it)."""


def term_index(knowledge: Knowledge, concept_pages: Mapping[str, SitePath]) -> TermIndex:
    """Index the concepts that have a page, with their mentions and definition places."""
    pages = {
        concept.key: concept_pages[concept.key]
        for concept in knowledge.concepts
        if len(concept.key) >= MIN_KEY_LENGTH and concept.key in concept_pages
    }
    prefixes = frozenset(key[:end] for key in pages for end in range(1, len(key) + 1))
    mentioned: dict[VaultPath, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for key, places in knowledge.mentions.items():
        if key in pages:
            for note, line in places:
                mentioned[note][line].add(key)
    defined_at: dict[VaultPath, set[tuple[int, str]]] = defaultdict(set)
    for concept in knowledge.concepts:
        for term in concept.terms:
            if term.source in DEFINING_SOURCES:
                defined_at[term.note].add((term.line, concept.key))
            elif term.source in NOTE_SOURCES:
                defined_at[term.note].add((WHOLE_NOTE, concept.key))
    return TermIndex(
        pages,
        prefixes,
        {note: {line: frozenset(keys) for line, keys in lines.items()} for note, lines in mentioned.items()},
        {note: frozenset(places) for note, places in defined_at.items()},
    )


@dataclass
class TermLinker:
    """Links terms in one note's inline tokens, in document order, remembering the section's links."""

    index: TermIndex
    note: VaultPath
    page: SitePath
    linked: set[str] = field(default_factory=set)
    """Keys already linked in the current section."""

    def new_section(self) -> None:
        self.linked.clear()

    def link(self, inline: Token) -> list[Token]:
        """The inline token's children with term mentions turned into ``term_link`` tokens."""
        children = inline.children or []
        first_line = inline.map[0] + 1 if inline.map else 0
        wanted = self.index.mentioned.get(self.note, {}).get(first_line)
        if not wanted or wanted <= self.linked:
            return children
        result: list[Token] = []
        changed = False
        for child, line, in_link in _prose_children(children, first_line):
            pieces = self._link_text(child, line, wanted) if child.type == "text" and not in_link else None
            changed = changed or pieces is not None
            result.extend(pieces or (child,))
        return result if changed else children

    def _link_text(self, text: Token, line: int, wanted: frozenset[str]) -> list[Token] | None:
        """The text split around its new links, or None when nothing in it is linked."""
        defined_here = self.index.defined_at.get(self.note, frozenset())
        pieces, done = [], 0
        for start, end, key in longest_matches(text.content, wanted, self.index.prefixes):
            if key in self.linked or (line, key) in defined_here or (WHOLE_NOTE, key) in defined_here:
                continue
            self.linked.add(key)
            if start > done:
                pieces.append(_text(text.content[done:start]))
            href = relative_url(self.page, self.index.pages[key])
            pieces.append(_term_link(text.content[start:end], href, key))
            done = end
        if not pieces:
            return None
        if done < len(text.content):
            pieces.append(_text(text.content[done:]))
        return pieces


def _prose_children(children: Sequence[Token], first_line: int) -> Iterator[tuple[Token, int, bool]]:
    """Each child with its source line and whether it sits inside a link (Markdown, wiki or HTML)."""
    line, depth = first_line, 0
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        depth += _link_nesting(child)
        yield child, line, depth > 0


def _link_nesting(token: Token) -> int:
    if token.type in ("link_open", "wikilink_open"):
        return 1
    if token.type in ("link_close", "wikilink_close"):
        return -1
    if token.type == "html_inline":
        tag = token.content.lower()
        if tag.startswith("<a") and tag[2:3] in (" ", ">", "\t", "\n"):
            return 1
        if tag.startswith("</a"):
            return -1
    return 0


def longest_matches(text: str, wanted: frozenset[str], prefixes: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each leftmost-longest run of words whose key is wanted, without overlap."""
    spans = _word_spans(text)
    position = 0
    while position < len(spans):
        found, joined = None, ""
        for last in range(position, min(position + MAX_WORDS, len(spans))):
            word = spans[last][2]
            if joined + singular(word) in wanted:
                found = (last, joined + singular(word))
            joined += word
            if joined not in prefixes:
                break
        if found is None:
            position += 1
            continue
        start, end = spans[position][0], spans[found[0]][1]
        if not _glued(text, start, end):
            yield start, end, found[1]
        position = found[0] + 1


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """Each word's place in ``text`` and its folded spelling (as :func:`vaultc.extract.spelling.words`)."""
    spans = []
    for match in _WORD.finditer(text):
        for word in _WORD.findall(unicodedata.normalize("NFKC", match.group()).casefold()):
            spans.append((match.start(), match.end(), american(word)))
    return spans


def _glued(text: str, start: int, end: int) -> bool:
    before = start >= 2 and text[start - 1] in _GLUE and text[start - 2].isalnum()
    after = end + 1 < len(text) and text[end] in _GLUE and text[end + 1].isalnum()
    return before or after


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _term_link(content: str, href: str, key: str) -> Token:
    token = Token("term_link", "a", 0, meta={"href": href, "key": key})
    token.content = content
    return token


def render_term_link(renderer, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    token = tokens[idx]
    return f'<a class="term-link" href="{escapeHtml(token.meta["href"])}">{escapeHtml(token.content)}</a>'
