"""search-engine.js against its Python reference: same tokens, same results, same order, same URLs.

The browser side cannot run in pure Python, so when Node.js is installed this runs search.js in a
bare ``vm`` context (it has no DOM code: tokeniser, query engine, highlight matcher) on indexes
built by search_index.py. Skipped without Node; the page itself is exercised by the browser tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.test_render_prompts import site_of as prompt_site
from tests.test_search_index import FILES, ROOT, site_from, site_of
from tests.test_search_tokens import TOKEN_CASES
from vaultc.analysis import StageTimer, analyse
from vaultc.render.search.search_docs import SearchDoc, search_documents
from vaultc.render.search.search_index import build_index, doc_url, index_script
from vaultc.render.search.search_query import SearchIndex
from vaultc.render.search.search_tokens import MAX_TOKEN, query_tokens, tokens

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
SEARCH_JS = ROOT / "themes" / "default" / "static" / "search-engine.js"
HARNESS = r"""
const fs = require("fs"), vm = require("vm");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const context = { window: {}, document: { readyState: "complete", getElementById: () => null } };
vm.createContext(context);
vm.runInContext(fs.readFileSync(input.script, "utf8"), context);
vm.runInContext(input.index, context);
const api = context.window.vaultcSearch;
const index = new api.Index(context.window.VAULTC_SEARCH_INDEX);
process.stdout.write(JSON.stringify({
  tokens: input.texts.map((text) => api.tokens(text, input.maxToken)),
  queryTokens: input.texts.map((text) => index.queryTokens(text)),
  results: input.queries.map((query) => index.search(query).results.map((r) => [r.doc, r.score, r.exact])),
  urls: index.raw.docs.map((row, id) => index.url(id)),
  statuses: index.raw.docs.map((row) => index.raw.statuses[row[3]]),
  marked: input.highlights.map(([text, query]) =>
    api.marks(text, index.queryTokens(query), input.maxToken).map((on) => (on ? "^" : ".")).join("")),
}));
"""
TEXTS = [text for text, _ in TOKEN_CASES] + [
    "What is an embedding?",
    "The fine-tuning of a model: naïve Bayes, k-means, t-SNE",
    "x" * 50,
    "Ελληνικά ΣΟΦΟΣ Straße",
    "混合 text と カタカナ and 한국어",
]
QUERIES = [
    "embedding",
    "embed",
    "What is an embedding?",
    "CAFÉ",
    "学",
    "学習",
    "coffee",
    "dense vector",
    "chain rul",
    "finetuning",
    "fine-tuning",
    "what is the",
    "",
    "e",
    "neural network",
    "gradient",
    "loss",
    "embeding",  # typos: a letter missing, swapped, changed, added; two in a long word
    "emebdding",
    "embeddimg",
    "grardient",
    "regularisaton",
    "transfromer architecure",
    "neual netwrok",
    "loos",  # four letters: one typo
    "lss",  # three letters: as written
]


HIGHLIGHTS = [  # text, query, which characters are marked (one mark per character of the text)
    ("embeddings", "embed", "^^^^^^^^^^"),  # the whole word a prefix matched
    ("embeddings", "bed", ".........."),  # never the middle of a word
    ("Café", "cafe", "^^^^"),
    ("cafe\u0301s", "cafes", "^^^^^^"),  # the combining accent with its letter
    ("the", "the", "..."),  # stopwords are not searched, so not marked
    ("k-means", "means", "..^^^^^"),
    ("The café, an embedding!", "embedding café", "....^^^^.....^^^^^^^^^."),
    ("機械学習とは", "学習", "..^^.."),  # the CJK bigram only
    ("機械学習とは", "学", "..^..."),  # a single CJK character: the bigrams holding it
    ("学", "学", "^"),
]


def run_js(index: dict, highlights: list[tuple[str, str]] = ()) -> dict:
    payload = {
        "highlights": list(highlights),
        "script": str(SEARCH_JS),
        "index": index_script(index).decode("utf-8"),
        "texts": TEXTS,
        "queries": QUERIES,
        "maxToken": MAX_TOKEN,
    }
    done = subprocess.run(
        [NODE, "-e", HARNESS], input=json.dumps(payload), capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout)


def python_side(index: dict, docs: list[SearchDoc]) -> dict:
    """What the browser must find in ``index``, built from ``docs``: statuses are the documents' own."""
    search = SearchIndex(index)
    return {
        "tokens": [tokens(text) for text in TEXTS],
        "queryTokens": [query_tokens(text) for text in TEXTS],
        "results": [[[hit.doc, hit.score, hit.exact] for hit in search.search(query)] for query in QUERIES],
        "urls": [doc_url(index["docs"], doc_id) for doc_id in range(len(index["docs"]))],
        "statuses": [doc.status for doc in docs],
    }


@pytest.fixture(scope="module")
def default_vault_docs() -> list[SearchDoc]:
    analysis = analyse(ROOT / "vault", (), StageTimer(lambda message: None))
    return search_documents(site_from(analysis.resolved, analysis.knowledge))


def test_js_matches_python_on_a_small_vault() -> None:
    docs = search_documents(site_of(FILES))
    index = build_index(docs)
    assert run_js(index) == {**python_side(index, docs), "marked": []}


def test_js_matches_python_on_the_default_vault(default_vault_docs: list[SearchDoc]) -> None:
    index = build_index(default_vault_docs)
    expected = python_side(index, default_vault_docs)
    assert any(expected["results"])  # the queries find something there
    assert run_js(index) == {**expected, "marked": []}


def test_js_reads_every_status_as_python_wrote_it_open_prompts_too() -> None:
    """The status list travels in the index: the browser's badge for a row is the Python status."""
    docs = search_documents(prompt_site())
    index = build_index(docs)
    found = run_js(index)["statuses"]
    assert found == python_side(index, docs)["statuses"]
    assert {"answered", "unanswered", "stub", "prompt", "undefined", "defined"} <= set(found)


def test_highlighting_marks_matching_words_and_cjk_bigrams() -> None:
    index = build_index(search_documents(site_of(FILES)))
    marked = run_js(index, [(text, query) for text, query, _ in HIGHLIGHTS])["marked"]
    assert marked == [expected for _, _, expected in HIGHLIGHTS]
