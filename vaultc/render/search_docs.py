"""What search finds: every note, question and term of the site as one :class:`SearchDoc`.

Each document keeps what a result shows (kind, title, URL, status, snippet, the note it lives in)
and the text it is found by, split into fields of different weight so a hit in a title ranks above
a hit in a paragraph. Documents are numbered in the order of their normalised titles (then kind and
URL), so ids are deterministic and results of equal score are put in title order by comparing ids,
with no string comparison in the browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from markdown_it.token import Token

from vaultc.extract.model import Concept, Question
from vaultc.model import ParsedNote
from vaultc.names import VaultPath
from vaultc.parse import inline_text
from vaultc.render.context import SiteContext
from vaultc.render.notes import description
from vaultc.render.search_tokens import normalize
from vaultc.render.sitemap import SEARCH, url_from

KINDS = ("note", "question", "term")
SNIPPET_LENGTH = 140
BODY_CHAR_LIMIT = 16_000
"""Text indexed per document body (about the first 2,000-2,500 words): long notes are found by
their beginning, headings and title, which keeps the index small on big vaults."""


@dataclass(frozen=True)
class SearchDoc:
    """One search result and the text it is found by."""

    kind: str
    """note | question | term."""
    title: str
    url: str
    """Relative to search.html (the site root), e.g. ``notes/a.html#q-what-is-x``."""
    status: str
    """answered | unanswered | stub (questions), defined | undefined (terms), "" (notes)."""
    snippet: str
    where: int
    """Id of the note document it lives in (questions, terms); -1 for notes and unplaced terms."""
    aliases: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    body: str = ""


def search_documents(site: SiteContext) -> list[SearchDoc]:
    """Every note, question and concept, in title order."""
    return _in_title_order(_documents(site))


def _documents(site: SiteContext) -> list[SearchDoc]:
    """Notes (by path), then questions (knowledge order), then concepts (by key)."""
    url = url_from(SEARCH)
    paths = sorted(site.vault.notes)
    note_ids = {path: position for position, path in enumerate(paths)}
    docs = [_note_doc(site.vault.notes[path], url(site.sitemap.note(path))) for path in paths]
    for question in site.knowledge.questions:
        if question.note in note_ids:
            note_url = url(site.sitemap.note(question.note), question.anchor)
            note = site.vault.notes[question.note]
            docs.append(_question_doc(question, note, note_url, note_ids[question.note]))
    for concept in sorted(site.knowledge.concepts, key=lambda concept: concept.key):
        docs.append(_concept_doc(concept, url(site.sitemap.concept(concept.key)), _home_of(concept, note_ids)))
    return docs


def _in_title_order(docs: list[SearchDoc]) -> list[SearchDoc]:
    order = sorted(range(len(docs)), key=lambda i: (normalize(docs[i].title), KINDS.index(docs[i].kind), docs[i].url))
    new_ids = {old: new for new, old in enumerate(order)}
    return [replace(docs[old], where=new_ids.get(docs[old].where, -1)) for old in order]


def _note_doc(note: ParsedNote, page_url: str) -> SearchDoc:
    summary = description(note)
    return SearchDoc(
        kind="note",
        title=note.title,
        url=page_url,
        status="",
        snippet=snippet("" if summary == note.title else summary),
        where=-1,
        aliases=note.front_matter.aliases,
        headings=tuple(heading.text for heading in note.headings),
        body=_capped(_inline_texts(note.tokens, with_headings=False)),
    )


def _question_doc(question: Question, note: ParsedNote, page_url: str, note_id: int) -> SearchDoc:
    start, end = question.answer.tokens
    answer = _capped(_inline_texts(note.tokens[start:end], with_headings=True))
    return SearchDoc("question", question.text, page_url, question.status.value, snippet(answer), note_id, body=answer)


def _concept_doc(concept: Concept, page_url: str, note_id: int) -> SearchDoc:
    definitions = [definition.text for definition in concept.definitions]
    return SearchDoc(
        kind="term",
        title=concept.name,
        url=page_url,
        status="defined" if definitions else "undefined",
        snippet=snippet(definitions[0] if definitions else ""),
        where=note_id,
        aliases=tuple(dict.fromkeys((*concept.variants, *concept.acronyms))),
        body=_capped(definitions),
    )


def _home_of(concept: Concept, note_ids: dict[VaultPath, int]) -> int:
    """The note defining the concept, else the first note naming it as a term."""
    places = [definition.note for definition in concept.definitions] + [term.note for term in concept.terms]
    return next((note_ids[path] for path in places if path in note_ids), -1)


def _inline_texts(tokens: Sequence[Token], with_headings: bool) -> Iterator[str]:
    """Plain text of every inline run (paragraphs, list items, cells), headings optional (a note's
    headings are indexed on their own)."""
    in_heading = False
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        elif token.type == "inline" and (with_headings or not in_heading):
            yield inline_text(token)


def _capped(texts: Iterable[str]) -> str:
    """The texts joined by spaces, up to the limit (cut at a space when one is near)."""
    taken, size = [], 0
    for text in texts:
        taken.append(text)
        size += len(text) + 1
        if size > BODY_CHAR_LIMIT:
            break
    joined = " ".join(taken)
    if len(joined) <= BODY_CHAR_LIMIT:
        return joined
    cut = joined[:BODY_CHAR_LIMIT]
    return cut.rsplit(" ", 1)[0] if " " in cut[-100:] else cut


_SPACES = re.compile(r"\s+")


def snippet(text: str, length: int = SNIPPET_LENGTH) -> str:
    """The start of ``text`` on one line, cut at a word boundary with an ellipsis."""
    flat = _SPACES.sub(" ", text).strip()
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    if " " in cut[length // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"
