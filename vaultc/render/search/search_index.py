"""Offline full-text search: the prebuilt index (``search-index.js``) and the search page.

Why a prebuilt index in a script: the site must search with no server, on GitHub Pages and from
``file://``, where browsers refuse ``fetch()`` of a local JSON file but still run a ``<script>``. So
the index is JSON assigned to ``window.VAULTC_SEARCH_INDEX``, and only ``search.html`` loads it
(``static/search.js`` adds the script tag), every other page just has a GET form pointing there.

The index is an inverted index: token -> postings, the documents holding the token and its weight
there. Tokens follow ``search_tokens.py``; the weights make title hits outrank heading and body
hits (``search_query.py`` is the reference of how the browser ranks). Documents are
``[kind, title, url, status, snippet, where]`` rows (see ``search_docs.py``; kind and status are
positions in the index's ``kinds`` and ``statuses``); a question's url is just ``#anchor``, on the
page of the note document ``where``.

Postings are packed in a string, because a vault's common words are in most documents and a JSON
array spends four or five bytes per entry: doc ids ascend, each is stored as the gap from the
previous one, and ``gap * 32 + weight`` is written in base 44 with the digits in
``POSTING_DIGITS`` (the first 44 characters end a number, the other 44 are leading digits). A
word in every document costs one character per document.
"""

from __future__ import annotations

import functools
from typing import Any

from vaultc.render.context import QUESTION_STATUSES, Page, SiteContext
from vaultc.render.data_script import data_script
from vaultc.render.search.search_docs import KINDS, SearchDoc, search_documents
from vaultc.render.search.search_tokens import MAX_TOKEN, STOPWORDS, index_token_counts, joined_pairs
from vaultc.render.sitemap import GLOSSARY, QUESTIONS, SEARCH, SEARCH_INDEX, url_from

STATUSES = (*QUESTION_STATUSES, "undefined", "defined")
"""Questions' statuses (answered, unanswered, stub, prompt), then terms'; a row stores a position here."""
TITLE_WEIGHT = 16
"""A token in the title weighs 16; all other fields together stay below 16, so a weight of 16 or
more means "in the title" (the browser uses that to find exact title matches quickly)."""
ALIAS_WEIGHT = 8
HEADING_WEIGHT, HEADING_CAP = 2, 2
BODY_WEIGHT, BODY_CAP = 1, 3
INDEX_GLOBAL = "VAULTC_SEARCH_INDEX"
WEIGHT_BITS = 32
"""Weights are 1..31 (16 + 8 + 2 * 2 + 3), so ``gap * 32 + weight`` keeps both."""
POSTING_DIGITS = "!#$%()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~"
"""88 characters needing no escape in JSON or in an HTML script: 44 final digits, 44 leading ones."""
_BASE = len(POSTING_DIGITS) // 2
_DIGIT_VALUES = {character: position for position, character in enumerate(POSTING_DIGITS)}
def search_pages(site: SiteContext) -> list[Page]:
    """``search-index.js`` and ``search.html``."""
    url = url_from(SEARCH)
    index = build_index(search_documents(site))
    page = site.page(
        "search.html",
        SEARCH,
        page_title="Search",
        index_url=url(SEARCH_INDEX),
        glossary_url=url(GLOSSARY),
        questions_url=url(QUESTIONS),
        statuses=STATUSES,
        document_count=len(index["docs"]),
    )
    return [page, Page(SEARCH_INDEX, index_script(index))]


def token_weights(doc: SearchDoc) -> dict[str, int]:
    """Each token of the document and its weight (title > alias > headings > body, counts capped)."""
    body = index_token_counts(doc.body)
    weights = {token: BODY_WEIGHT * (count if count < BODY_CAP else BODY_CAP) for token, count in body.items()}
    for token, count in index_token_counts(" \n ".join(doc.headings)).items():
        weights[token] = weights.get(token, 0) + HEADING_WEIGHT * min(count, HEADING_CAP)
    for token in set().union(*map(index_token_counts, doc.aliases)):
        weights[token] = weights.get(token, 0) + ALIAS_WEIGHT
    for token in index_token_counts(doc.title):
        weights[token] = weights.get(token, 0) + TITLE_WEIGHT
    return weights


def build_index(docs: list[SearchDoc]) -> dict[str, Any]:
    """The index as plain data: settings the browser must share, documents, postings."""
    postings: dict[str, list[int]] = {}
    for doc_id, doc in enumerate(docs):
        for token, weight in token_weights(doc).items():
            postings.setdefault(token, []).append(doc_id * WEIGHT_BITS + weight)
    _add_joined_pairs(docs, postings)
    return {
        "version": 1,
        "kinds": list(KINDS),
        "statuses": ["", *STATUSES],
        "stopwords": sorted(STOPWORDS),
        "maxToken": MAX_TOKEN,
        "titleWeight": TITLE_WEIGHT,
        "postingDigits": POSTING_DIGITS,
        "weightBits": WEIGHT_BITS,
        "docs": _rows(docs),
        "postings": {token: _packed(entries) for token, entries in postings.items()},
    }


def _add_joined_pairs(docs: list[SearchDoc], postings: dict[str, list[int]]) -> None:
    """Index "soft max" under "softmax" too, where another document writes "softmax" (a word the
    index already has): one spelling of a term finds the other. Postings stay in document order."""
    added: dict[str, list[int]] = {}
    for doc_id, doc in enumerate(docs):
        for joined in joined_pairs(" \n ".join([doc.title, *doc.headings, doc.body])):
            if joined in postings:
                added.setdefault(joined, []).append(doc_id)
    for token, doc_ids in added.items():
        present = {entry // WEIGHT_BITS for entry in postings[token]}
        postings[token] += [doc_id * WEIGHT_BITS + BODY_WEIGHT for doc_id in doc_ids if doc_id not in present]
        postings[token].sort()


def _rows(docs: list[SearchDoc]) -> list[list[Any]]:
    """``[kind, title, url, status, snippet, where]``: ``where`` is the id of the note document it
    lives in (-1 for notes); a question's URL is just its ``#anchor`` on that note's page."""
    note_ids = {doc.note: doc_id for doc_id, doc in enumerate(docs) if doc.kind == "note"}
    rows = []
    for doc in docs:
        where = -1 if doc.kind == "note" else note_ids.get(doc.note, -1)
        url = doc.url
        if doc.kind == "question" and where >= 0 and url.startswith(docs[where].url + "#"):
            url = url[len(docs[where].url) :]
        status = STATUSES.index(doc.status) + 1 if doc.status else 0
        rows.append([KINDS.index(doc.kind), doc.title, url, status, doc.snippet, where])
    return rows


def encode_postings(pairs: list[tuple[int, int]]) -> str:
    """``[(doc id, weight), ...]`` (ids ascending) -> the packed string (see the module docstring)."""
    return _packed([doc_id * WEIGHT_BITS + weight for doc_id, weight in pairs])


def _packed(entries: list[int]) -> str:
    """``doc id * 32 + weight`` entries (ascending) -> the packed string."""
    starts = [0, *(entry - entry % WEIGHT_BITS for entry in entries[:-1])]
    numbers = _number_strings()
    return "".join(
        [numbers[value] if value < len(numbers) else _number(value) for value in map(int.__sub__, entries, starts)]
    )


@functools.cache
def _number_strings() -> tuple[str, ...]:
    """Every number of up to two digits, written out once (common words' gaps are small)."""
    return tuple(_number(value) for value in range(_BASE * _BASE))


def _number(value: int) -> str:
    digits = [POSTING_DIGITS[value % _BASE]]
    value //= _BASE
    while value:
        digits.append(POSTING_DIGITS[_BASE + value % _BASE])
        value //= _BASE
    return "".join(reversed(digits))


def decode_postings(packed: str) -> list[tuple[int, int]]:
    """The packed string -> ``[(doc id, weight), ...]``."""
    pairs, value, doc_id = [], 0, 0
    for character in packed:
        digit = _DIGIT_VALUES[character]
        value = value * _BASE + digit % _BASE
        if digit < _BASE:
            doc_id += value // WEIGHT_BITS
            pairs.append((doc_id, value % WEIGHT_BITS))
            value = 0
    return pairs


def doc_url(docs: list[list[Any]], doc_id: int) -> str:
    """A document row's URL relative to search.html (questions keep only their ``#anchor``)."""
    url = docs[doc_id][2]
    return docs[docs[doc_id][5]][2] + url if url.startswith("#") else url


def index_script(index: dict[str, Any]) -> bytes:
    """The index as a script assigning a global. JSON is valid JavaScript; ``<``, ``>``, ``&`` and
    the line separators U+2028/2029 are escaped so no text can end the script or break parsing."""
    return data_script(INDEX_GLOBAL, index)
