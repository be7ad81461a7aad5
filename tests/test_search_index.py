"""The search index: which documents exist, where they point, how they are weighted and ranked,
and that the shipped script is deterministic and cannot be broken out of."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.vaults import resolve_files
from vaultc.analysis import StageTimer, analyse
from vaultc.extract.stage import extract_knowledge
from vaultc.graph import build_graph
from vaultc.render.context import SiteContext, SiteOptions, site_context
from vaultc.render.search.search_docs import BODY_CHAR_LIMIT, SNIPPET_LENGTH, search_documents, snippet
from vaultc.render.search.search_index import (
    ALIAS_WEIGHT,
    INDEX_GLOBAL,
    KINDS,
    POSTING_DIGITS,
    TITLE_WEIGHT,
    WEIGHT_BITS,
    build_index,
    decode_postings,
    doc_url,
    encode_postings,
    index_script,
    search_pages,
)
from vaultc.render.search.search_query import SearchIndex, typos_within
from vaultc.render.search.search_tokens import normalize
from vaultc.resolve import ResolvedVault
from vaultc.theme import load_theme

ROOT = Path(__file__).resolve().parent.parent

FILES = {
    "Glossary.md": (  # the short intro keeps this note from reading as one short definition (see Café)
        "# Glossary\n\nTerms we use.\n\nEmbedding: a learned dense vector that represents an item.\n\n"
        "Gradient descent: an optimisation method.\n\nRMS Prop:\n"
    ),
    "Deep Learning.md": (
        "Intro about embeddings.\n\n## What is an embedding?\n\n## What is backpropagation?\n\n"
        "It computes gradients with the chain rule.\n\n## What is dropout?\n\nTODO\n"
    ),
    # Its first paragraph opens with its title, so the title (and its alias) is a term it defines.
    "sub/Café.md": (
        "---\ntitle: Café notes\naliases: [Coffee]\n---\nCafé notes are 機械学習とは何ですか。 fine-tuning est naïve.\n"
    ),
}


def site_from(vault: ResolvedVault, knowledge=None) -> SiteContext:
    knowledge = knowledge or extract_knowledge(vault)
    return site_context(vault, knowledge, build_graph(vault, knowledge), load_theme(), SiteOptions("Test"))


def site_of(files: dict[str, str]) -> SiteContext:
    return site_from(resolve_files(files))


def index_of(files: dict[str, str]) -> dict:
    return build_index(search_documents(site_of(files)))


def script_payload(script: bytes) -> dict:
    text = script.decode("utf-8")
    prefix = f"window.{INDEX_GLOBAL} = "
    assert text.startswith(prefix) and text.endswith(";\n")
    return json.loads(text[len(prefix) : -2])


@pytest.fixture(scope="module")
def site() -> SiteContext:
    return site_of(FILES)


@pytest.fixture(scope="module")
def index(site: SiteContext) -> dict:
    return build_index(search_documents(site))


def docs_by_title(index: dict) -> dict[str, tuple[int, list]]:
    """ "kind:title" -> (doc id, row)."""
    return {f"{KINDS[row[0]]}:{row[1]}": (doc_id, row) for doc_id, row in enumerate(index["docs"])}


def found(index: dict, query: str) -> list[str]:
    """The "kind:title" of every result, best first."""
    return [
        f"{KINDS[index['docs'][hit.doc][0]]}:{index['docs'][hit.doc][1]}" for hit in SearchIndex(index).search(query)
    ]


def weights_of(index: dict, token: str) -> dict[int, int]:
    return dict(decode_postings(index["postings"].get(token, [])))


def test_every_note_question_and_concept_is_a_document_in_title_order(site: SiteContext, index: dict) -> None:
    kinds = Counter(KINDS[row[0]] for row in index["docs"])
    assert kinds == {"note": 3, "question": 3, "term": len(site.knowledge.concepts)}
    keys = [(normalize(row[1]), row[0]) for row in index["docs"]]
    assert keys == sorted(keys)  # equal scores rank by title just by comparing ids
    assert [row[1] for row in index["docs"][:4]] == ["backpropagation", "Café notes", "Café notes", "Deep Learning"]
    assert [KINDS[row[0]] for row in index["docs"][1:3]] == ["note", "term"]


def test_urls_point_at_planned_pages(site: SiteContext, index: dict) -> None:
    planned = set(site.sitemap.notes.values()) | set(site.sitemap.concepts.values())
    for doc_id, row in enumerate(index["docs"]):
        assert unquote(doc_url(index["docs"], doc_id).split("#")[0]) in planned, row
    by_title = docs_by_title(index)
    question_id, question = by_title["question:What is an embedding?"]
    assert question[2] == "#what-is-an-embedding"  # on the page of its note, document question[5]
    assert doc_url(index["docs"], question_id) == "notes/deep-learning.html#what-is-an-embedding"
    assert by_title["term:Embedding"][1][2] == "terms/embedding.html"
    assert by_title["note:Café notes"][1][2] == "notes/sub/caf%C3%A9.html"


def test_statuses_and_where_they_live(index: dict) -> None:
    by_title = docs_by_title(index)
    notes = {row[1]: doc_id for doc_id, row in enumerate(index["docs"]) if row[0] == 0}

    def status(name: str) -> str:
        return index["statuses"][by_title[name][1][3]]

    assert index["statuses"] == ["", "answered", "unanswered", "stub", "prompt", "undefined", "defined"]
    assert status("question:What is an embedding?") == "unanswered"
    assert by_title["question:What is an embedding?"][1][4:] == ["", notes["Deep Learning"]]
    assert status("question:What is backpropagation?") == "answered"
    assert status("question:What is dropout?") == "stub"
    assert status("term:Embedding") == "defined"
    embedding = by_title["term:Embedding"][1]
    assert embedding[4:] == ["a learned dense vector that represents an item.", notes["Glossary"]]
    assert status("term:RMS Prop") == "undefined"  # listed, never defined: "needs a definition"
    assert status("term:dropout") == ""  # only asked about: its question carries the status
    assert all(row[3] == 0 and row[5] == -1 for row in index["docs"] if row[0] == 0)


def test_title_hits_outweigh_everything_else(index: dict) -> None:
    by_title = docs_by_title(index)
    embedding = weights_of(index, "embedding")
    assert embedding[by_title["term:Embedding"][0]] >= TITLE_WEIGHT
    assert embedding[by_title["question:What is an embedding?"][0]] >= TITLE_WEIGHT
    assert embedding[by_title["note:Glossary"][0]] < TITLE_WEIGHT  # only in the body
    assert weights_of(index, "coffee")[by_title["note:Café notes"][0]] == ALIAS_WEIGHT
    heading_only = weights_of(index, "backpropagation")[by_title["note:Deep Learning"][0]]
    assert 0 < heading_only < TITLE_WEIGHT


def test_postings_are_ascending_doc_ids_with_weights(index: dict) -> None:
    for token, packed in index["postings"].items():
        pairs = decode_postings(packed)
        ids = [doc for doc, _ in pairs]
        assert ids and ids == sorted(set(ids)) and ids[-1] < len(index["docs"]), token
        assert all(0 < weight < WEIGHT_BITS for _, weight in pairs)
        assert encode_postings(pairs) == packed


@pytest.mark.parametrize(
    "pairs",
    [[], [(0, 1)], [(0, 31), (1, 1), (2, 16)], [(5, 3), (1000, 31), (1001, 1), (987_654, 17)]],
)
def test_postings_round_trip(pairs: list[tuple[int, int]]) -> None:
    packed = encode_postings(pairs)
    assert decode_postings(packed) == pairs
    assert set(packed) <= set(POSTING_DIGITS)


def test_dense_postings_cost_one_character_per_document() -> None:
    assert len(encode_postings([(doc, 1) for doc in range(1000)])) == 1000
    assert len(encode_postings([(doc, 1) for doc in range(0, 10_000, 10)])) == 1999  # gaps of 10: two (the first: one)


def test_unicode_and_compound_tokens_are_indexed(index: dict) -> None:
    cafe = docs_by_title(index)["note:Café notes"][0]
    for token in ("cafe", "機械", "学習", "とは", "naive", "fine", "tuning", "finetuning"):
        assert cafe in weights_of(index, token), token
    assert "the" not in index["postings"] and "is" not in index["postings"]


def test_ranking_puts_exact_term_then_question_first(index: dict) -> None:
    results = found(index, "embedding")
    assert results[:2] == ["term:Embedding", "question:What is an embedding?"]
    assert set(results[2:]) == {"note:Glossary", "note:Deep Learning"}  # note titles that define nothing are not terms
    assert found(index, "embed")[:2] == results[:2]  # the last word is a prefix
    assert found(index, "What is an embedding?")[:2] == results[:2]  # stopwords aside, exact
    assert found(index, "embeddings") == ["note:Deep Learning"]


CAFE = ["term:Café notes", "note:Café notes"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("CAFÉ", CAFE),
        ("cafe", CAFE),
        ("Café notes", CAFE),  # exact title: the term before the note
        ("coffee", ["note:Café notes", "term:Café notes"]),  # alias / variant: a tie, broken by id
        ("学習", CAFE),
        ("学", CAFE),  # one CJK character: every bigram holding it
        ("naïve fine-tuning", CAFE),
        ("finetuning", CAFE),
        ("dense vector", ["term:Embedding", "note:Glossary"]),  # AND
        ("dense gradients", []),
        ("chain rul", ["term:backpropagation", "question:What is backpropagation?"]),  # answers: not the note
        ("what is the", []),  # only stopwords
        ("", []),
        ("cafes", CAFE),  # "cafes" begins no token: one letter too many is one typo
        ("xyzw", []),  # nothing within one typo
    ],
)
def test_queries(index: dict, query: str, expected: list[str]) -> None:
    assert found(index, query) == expected


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("embeding", "embedding"),  # a letter left out
        ("embeddimg", "embedding"),  # one changed
        ("backpropagaton", "backpropagation"),
        ("backporpagaiton", "backpropagation"),  # two typos in a long word
        ("dropuot", "dropout"),  # neighbours swapped
        ("gradeint descnet", "gradient descent"),  # every word of the query
    ],
)
def test_a_word_with_typos_finds_what_the_word_finds(index: dict, typed: str, meant: str) -> None:
    assert found(index, meant) and found(index, typed) == found(index, meant)


def test_typos_are_tried_only_when_the_word_finds_nothing(index: dict) -> None:
    assert found(index, "drop") == found(index, "dropout")  # a prefix that begins tokens: taken as written
    assert found(index, "rul dense") == []  # a three-letter word that is not last is taken as written
    assert "term:Embedding" in found(index, "embedings")


@pytest.mark.parametrize(
    ("written", "token", "limit", "within"),
    [
        ("embeding", "embedding", 1, True),  # a letter left out
        ("embeddding", "embedding", 1, True),  # one added
        ("embedding", "embedding", 0, True),
        ("embeddimg", "embedding", 1, True),  # one changed
        ("emebdding", "embedding", 1, True),  # neighbours swapped: one typo, not two
        ("emdebding", "embedding", 1, False),  # two changes
        ("emdebding", "embedding", 2, True),
        ("loss", "lose", 1, True),
        ("loss", "lost", 1, True),
        ("loss", "glossary", 2, False),  # lengths apart by more than the limit
        ("cafe", "café", 1, True),
    ],
)
def test_typos_within(written: str, token: str, limit: int, within: bool) -> None:
    assert typos_within(written, token, limit) is within


def test_ties_are_broken_by_title_then_id() -> None:
    files = {f"{name}.md": "shared words here\n" for name in ("b", "A", "c")}
    index = index_of(files)
    hits = [hit for hit in SearchIndex(index).search("shared") if index["docs"][hit.doc][0] == 0]
    assert [index["docs"][hit.doc][1] for hit in hits] == ["A", "b", "c"]
    assert len({hit.score for hit in hits}) == 1


def test_script_is_deterministic(site: SiteContext) -> None:
    first = index_script(build_index(search_documents(site)))
    again = index_script(build_index(search_documents(site_of(dict(reversed(FILES.items()))))))
    assert first == again


def test_script_cannot_be_broken_out_of() -> None:
    text = "Beware `</script><script>alert(1)</script>` `<!--` & \u2028 line \u2029 para"
    index = index_of({"Evil <script>.md": text + "\n"})
    script = index_script(index)
    body = script.decode("utf-8")
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in body
    payload = script_payload(script)
    assert payload == index
    assert payload["docs"][0][1] == "Evil <script>"
    assert "</script><script>alert(1)" in payload["docs"][0][4]


def test_long_bodies_are_capped() -> None:
    words = " ".join(f"word{number}" for number in range(5000))
    index = index_of({"Long.md": words + "\n"})
    assert "word0" in index["postings"]
    last_indexed = max(int(token[4:]) for token in index["postings"] if token.startswith("word"))
    assert len(" ".join(f"word{n}" for n in range(last_indexed + 1))) <= BODY_CHAR_LIMIT
    assert "word4999" not in index["postings"]


def test_snippets_are_short_single_lines() -> None:
    assert snippet("  a\n b\t c ") == "a b c"
    long = snippet("word " * 100)
    assert len(long) <= SNIPPET_LENGTH and long.endswith("word…")
    assert snippet("字" * 300) == "字" * (SNIPPET_LENGTH - 1) + "…"
    assert snippet(" \n" * 1000 + "late words") == "late words"  # whitespace before the text


def test_search_page(site: SiteContext) -> None:
    pages = {page.path: page.content for page in search_pages(site)}
    html = pages["search.html"].decode("utf-8")
    assert '<input id="search-input" type="search" name="q"' in html
    assert '<label for="search-input">' in html
    assert '<ol id="search-results"' in html and 'role="status"' in html
    assert 'data-index="search-index.js"' in html and 'src="static/search.js"' in html
    assert 'search-index.js"></script>' not in html  # loaded lazily by search.js, not by the page
    noscript = html.split("<noscript>")[1].split("</noscript>")[0]
    assert 'href="glossary.html"' in noscript and 'href="questions/index.html"' in noscript
    assert '<span class="badge badge-undefined">needs a definition</span>' in html
    assert html.count("<h1>") == 1
    assert script_payload(pages["search-index.js"])["docs"]


def test_default_vault_index() -> None:
    analysis = analyse(ROOT / "vault", (), StageTimer(lambda message: None))
    site = site_from(analysis.resolved, analysis.knowledge)
    index = script_payload({page.path: page.content for page in search_pages(site)}["search-index.js"])
    rows = {(KINDS[row[0]], row[1]): row for row in index["docs"]}
    question = rows["question", "What is an embedding?"]
    assert index["statuses"][question[3]] == "unanswered"
    url = doc_url(index["docs"], index["docs"].index(question))
    assert url.startswith("notes/deep-learning-interview-questions.html#")
    assert rows["term", "embedding"][2] == "terms/embedding.html"
    hits = SearchIndex(index).search("embedding")
    assert [(KINDS[index["docs"][h.doc][0]], index["docs"][h.doc][1]) for h in hits[:2]] == [
        ("term", "embedding"),
        ("question", "What is an embedding?"),
    ]


def test_hidden_text_is_not_indexed() -> None:
    files = {
        "Public.md": "Visible words. %%secretcomment%% <!-- htmlsecret -->\n\n%%\nblocksecret\n%%\n",
        "Private.md": "---\npublish: false\n---\nunpublishedsecret\n",
    }
    index = index_of(files)
    assert "visible" in index["postings"]
    for hidden in ("secretcomment", "htmlsecret", "blocksecret", "unpublishedsecret", "private"):
        assert hidden not in index["postings"], hidden
    assert [row[1] for row in index["docs"] if row[0] == 0] == ["Public"]
