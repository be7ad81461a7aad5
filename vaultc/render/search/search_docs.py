"""What search finds: every note, question and term of the site as one :class:`SearchDoc`.

Each document keeps what a result shows (kind, title, URL, status, snippet, the note it lives in)
and the text it is found by, split into fields of different weight so a hit in a title ranks above
a hit in a paragraph. Each piece of text is indexed once, in the most precise document: an answer
under its question, the rest of a note under the note. Documents are numbered in the order of
their normalised titles (then kind and URL), so ids are deterministic and results of equal score
are put in title order by comparing ids, with no string comparison in the browser.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass

from vaultc.extract.model import Concept, Question
from vaultc.model import ParsedNote
from vaultc.names import VaultPath
from vaultc.parse import inline_text
from vaultc.render.context import SiteContext
from vaultc.render.glossary.concept_text import concept_status, plain_definition
from vaultc.render.notes.pages import description
from vaultc.render.search.search_tokens import normalize
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
    """answered | unanswered | stub | prompt (questions); defined | undefined (needs a definition) |
    "" (only asked about) for terms, as on the concept pages; "" for notes."""
    snippet: str
    note: VaultPath | None
    """The note it lives in (a note: itself; a term: where it is defined, else first named)."""
    aliases: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    body: str = ""


def search_documents(site: SiteContext) -> list[SearchDoc]:
    """Every note, question and concept, in title order."""
    docs = _documents(site)
    return sorted(docs, key=lambda doc: (normalize(doc.title), KINDS.index(doc.kind), doc.url))


def _documents(site: SiteContext) -> list[SearchDoc]:
    """Notes (by path), then questions (knowledge order), then concepts (by key)."""
    url = url_from(SEARCH)
    runs = {path: _text_runs(note) for path, note in site.vault.notes.items()}
    answers: dict[VaultPath, set[int]] = defaultdict(set)
    docs = []
    for question in site.knowledge.questions:
        if question.note in runs:
            page_url = url(site.sitemap.note(question.note), question.anchor)
            docs.append(_question_doc(question, runs[question.note], page_url))
            answers[question.note].update(range(*question.answer.tokens))
    for path, note in sorted(site.vault.notes.items()):
        docs.append(_note_doc(note, url(site.sitemap.note(path)), runs[path], answers[path]))
    for concept in sorted(site.knowledge.concepts, key=lambda concept: concept.key):
        docs.append(_concept_doc(concept, url(site.sitemap.concept(concept.key)), _home_of(concept, runs)))
    return docs


def _note_doc(note: ParsedNote, page_url: str, runs: _TextRuns, answers: set[int]) -> SearchDoc:
    """Its text outside headings and answers: each answer is indexed once, under its question."""
    summary = description(note)
    return SearchDoc(
        kind="note",
        title=note.title,
        url=page_url,
        status="",
        snippet=snippet("" if summary == note.title else summary),
        note=note.path,
        aliases=note.front_matter.aliases,
        headings=tuple(heading.text for heading in note.headings),
        body=_capped(text for position, in_heading, text in runs if not in_heading and position not in answers),
    )


def _question_doc(question: Question, runs: _TextRuns, page_url: str) -> SearchDoc:
    start, end = question.answer.tokens
    first = bisect.bisect_left(runs, (start,))
    last = bisect.bisect_left(runs, (end,))
    answer = _capped(text for _, _, text in runs[first:last])
    status = question.status.value
    return SearchDoc("question", question.text, page_url, status, snippet(answer), question.note, body=answer)


def _concept_doc(concept: Concept, page_url: str, home: VaultPath | None) -> SearchDoc:
    definitions = [plain_definition(definition.text) for definition in concept.definitions]
    return SearchDoc(
        kind="term",
        title=concept.name,
        url=page_url,
        status=concept_status(concept),
        snippet=snippet(definitions[0] if definitions else ""),
        note=home,
        aliases=tuple(dict.fromkeys((*concept.variants, *concept.acronyms))),
        body=_capped(definitions),
    )


def _home_of(concept: Concept, published: Container[VaultPath]) -> VaultPath | None:
    """The note defining the concept, else the first note naming it as a term."""
    places = [definition.note for definition in concept.definitions] + [term.note for term in concept.terms]
    return next((path for path in places if path in published), None)


_TextRuns = list[tuple[int, bool, str]]
"""(token position, inside a heading, plain text) of every inline run of a note, in order."""


def _text_runs(note: ParsedNote) -> _TextRuns:
    """The plain text of every inline run (paragraphs, list items, cells, headings), read once per
    note for the note and its answers."""
    runs, in_heading = [], False
    for position, token in enumerate(note.tokens):
        if token.type in ("heading_open", "heading_close"):
            in_heading = token.type == "heading_open"
        elif token.type == "inline":
            runs.append((position, in_heading, inline_text(token)))
    return runs


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
    flat = _SPACES.sub(" ", text[: length * 4]).strip()  # enough text, not a whole note
    if len(flat) <= length < len(text) and len(text) > length * 4:
        flat = _SPACES.sub(" ", text).strip()
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1]
    if " " in cut[length // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"
