"""Term links on note pages: the fixture file (one note in, its page's body out), the matcher, and
agreement with the mentions the extract stage records."""

from __future__ import annotations

import re

import pytest

from tests.note_pages import page_body, site_of
from tests.syntax_cases import fixture_cases
from vaultc.names import VaultPath
from vaultc.render.notes.annotate import page_tokens
from vaultc.render.notes.term_links import longest_matches


@pytest.mark.parametrize(("text", "expected"), fixture_cases("term_links.md"))
def test_term_link_fixtures(text: str, expected: str) -> None:
    assert page_body({"A.md": text}) == expected


KEYS = frozenset({"activationfunction", "function", "neuralnetwork", "recurrentneuralnetwork", "layer"})
PREFIXES = frozenset(key[:end] for key in KEYS for end in range(1, len(key) + 1))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("an activation function", [("activation function", "activationfunction")]),
        (
            "Activation Functions, functions",
            [("Activation Functions", "activationfunction"), ("functions", "function")],
        ),
        ("a recurrent neural network", [("recurrent neural network", "recurrentneuralnetwork")]),
        ("neural networks and layers", [("neural networks", "neuralnetwork"), ("layers", "layer")]),
        ("a multi-layer net; layer_norm", []),
        ("functional layering", []),
        ("", []),
    ],
)
def test_longest_matches_fold_like_mentions(text: str, found: list[tuple[str, str]]) -> None:
    assert [(text[start:end], key) for start, end, key in longest_matches(text, KEYS, PREFIXES)] == found


NOTES = {
    "A.md": "Dropout: zeroes units.\n\n## Uses\nUse dropout and dense layers.\n\n![[B]]\n\nMore dropout.\n",
    "B.md": "Dense layer: a fully connected layer.\n\nDropout in B.\n",
}


def test_transcluded_text_is_not_linked_and_does_not_count() -> None:
    html = page_body(NOTES)
    own, embedded = html.split('<div class="transclusion">')
    embedded, after = embedded.rsplit("</div>", 1)
    assert 'href="../terms/dropout.html"' in own and 'href="../terms/dense-layer.html"' in own
    assert "term-link" not in embedded
    assert "term-link" not in after  # dropout was already linked in this section
    assert "term-link" in page_body(NOTES, "B.md")  # B's own page links its own prose


def test_every_term_link_is_a_recorded_mention_and_has_a_page() -> None:
    site = site_of(NOTES | {"C.md": "# Notes\nDense layers, dropout, a *dense layer* in `code`.\n"})
    pages = set(site.sitemap.concepts.values())
    for path, note in site.vault.notes.items():
        page = site.sitemap.note(path)
        for token in page_tokens(site, note, page):
            for child in token.children or ():
                if child.type == "term_link":
                    assert (path, token.map[0] + 1) in site.knowledge.mentions[child.meta["key"]]
                    assert re.fullmatch(r"\.\./terms/[a-z0-9-]+\.html", child.meta["href"])
                    assert "terms/" + child.meta["href"].rsplit("/", 1)[1] in pages


def test_the_parse_is_not_changed() -> None:
    site = site_of(NOTES)
    note = site.vault.notes[VaultPath("A.md")]
    before = [(token.type, [child.type for child in token.children or ()], dict(token.attrs)) for token in note.tokens]
    page_tokens(site, note, site.sitemap.note(note.path))
    after = [(token.type, [child.type for child in token.children or ()], dict(token.attrs)) for token in note.tokens]
    assert before == after


def test_a_note_about_a_term_does_not_link_the_term_to_its_own_page() -> None:
    files = {
        "Dropout.md": "---\naliases: [drop out]\n---\nDropout zeroes units; drop out is the same.\n",
        "A.md": "Use dropout.\n",
    }
    assert "term-link" not in page_body(files, "Dropout.md")
    assert '<a class="term-link" href="../terms/dropout.html">dropout</a>' in page_body(files)
