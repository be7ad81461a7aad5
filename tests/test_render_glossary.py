"""The glossary A–Z: order, letter jumps, defined and undefined entries, spellings, counts, split."""

from __future__ import annotations

import re

import pytest

from tests.glossary_site import duplicate_ids, entry, glossary_site, main_of, site_of
from vaultc.extract.model import Concept, Definition
from vaultc.render.glossary import glossary_order
from vaultc.render.glossary.concept_places import PlaceFinder
from vaultc.render.glossary.concept_text import shorten
from vaultc.render.glossary.glossary_listing import glossary_listing
from vaultc.render.glossary.glossary_order import folded, initial, layout_glossary, letter_id

LONG_DEFINITION = " ".join(["Dropout switches off a random share of the units at each training step"] * 5)
VAULT = {
    "Glossary.md": (
        "# Glossary\n\n"
        "## Neural nets\n\n"
        "Embedding: a dense vector that represents an item.\n\n"
        "RMS Prop:\n\n"
        "Epoch:\n\n"
        f"Dropout: {LONG_DEFINITION}.\n\n"
        "## Optimisers\n\n"
        "Adam: an optimiser that adapts the learning rate.\n\n"
        "École: a school, filed under E.\n\n"
        "Principal component analysis: projects data onto the directions of largest variance.\n\n"
        "PCA:\n\n"
        "Dimensionality reduction: for example principal component analysis (PCA).\n\n"
        "Batch Normalization: normalises the inputs of each layer.\n\n"
        "Tricky: holds when a < b & c > d, even with <script>alert(1)</script> inside.\n"
    ),
    "Questions.md": (
        "# Questions\n\n"
        "## What is an embedding?\n\nA vector learned for each token.\n\n"
        "## What is RMS Prop?\n\n"
        "## What is batch normalisation?\n\nIt rescales activations.\n\n"
        "## What is a transformer?\n"
    ),
}


@pytest.fixture(scope="module")
def glossary() -> str:
    return glossary_site(VAULT)["glossary.html"]


def names_in_order(html: str) -> list[str]:
    return re.findall(r'<a class="concept-link" href="[^"]*">([^<]*)</a>', main_of(html))


def test_every_concept_is_listed_in_folded_alphabetical_order(glossary: str) -> None:
    names = names_in_order(glossary)
    assert names == sorted(names, key=folded)
    assert names.index("Dropout") < names.index("École") < names.index("Embedding")  # É files with E
    assert {"Adam", "Embedding", "RMS Prop", "Principal component analysis", "Tricky"} <= set(names)


def test_entries_link_to_their_concept_pages_from_a_dt_with_a_stable_id(glossary: str) -> None:
    html = entry(glossary, "term-embedding")
    assert '<a class="concept-link" href="terms/embedding.html">Embedding</a>' in html
    assert "a dense vector that represents an item." in html
    assert "needs a definition" not in html


def test_an_undefined_term_is_flagged_with_the_sections_that_list_it(glossary: str) -> None:
    html = entry(glossary, "term-rms-prop")
    assert '<span class="badge badge-undefined">needs a definition</span>' in html
    assert '<a href="notes/glossary.html#neural-nets">Glossary › Neural nets</a>' in html
    assert '<a href="notes/questions.html#what-is-rms-prop">Questions › What is RMS Prop?</a>' in html


def test_a_concept_only_asked_about_is_not_flagged_and_shows_where_it_is_asked() -> None:
    """ "What is a transformer?" is unanswered and nothing defines or lists "transformer": no glossary
    entry (so nothing to flag), but its concept page says where it is asked."""
    pages = glossary_site(VAULT)
    assert 'id="term-transformer"' not in pages["glossary.html"]
    assert "terms/transformer.html" not in main_of(pages["glossary.html"])
    page = main_of(pages["terms/transformer.html"])
    assert '<p class="concept-status">1 question</p>' in page  # not flagged "needs a definition"
    place = '<a href="../notes/questions.html#what-is-a-transformer">Questions › What is a transformer?</a>'
    assert "It is asked about in:" in page and place in page
    assert '<a href="../glossary.html">Glossary</a>' in page  # back to the glossary, to no entry


def test_long_definitions_are_cut_on_a_word_boundary(glossary: str) -> None:
    text = re.search(r'<p class="glossary-definition">([^<]*)</p>', entry(glossary, "term-dropout"))[1]
    assert text.endswith("…") and len(text) <= 200
    assert LONG_DEFINITION.startswith(text.removesuffix("…"))
    assert LONG_DEFINITION[len(text) - 1] == " "  # the cut falls between words


def test_acronyms_and_other_spellings_are_shown(glossary: str) -> None:
    pca = entry(glossary, "term-principal-component-analysis")
    assert '<abbr title="Principal component analysis">PCA</abbr>' in pca
    assert "Also: batch normalisation" in entry(glossary, "term-batch-normalization")
    assert "Also:" not in entry(glossary, "term-embedding")  # "embedding" differs only in case


def test_counts_and_the_open_list_are_at_the_top(glossary: str) -> None:
    site = site_of(VAULT)
    undefined = sum(1 for concept in site.knowledge.concepts if concept.needs_definition)
    assert undefined >= 1
    entries = sum(1 for concept in site.knowledge.concepts if concept.in_glossary)
    assert entries < len(site.knowledge.concepts)  # "transformer" is only asked about: a page, no entry
    assert f"{entries} terms," in glossary
    assert f"{undefined} need{'s' if undefined == 1 else ''} a definition" in glossary
    assert '<a href="open.html">see the open list</a>' in glossary


def test_letter_jumps_link_letters_with_entries_only(glossary: str) -> None:
    nav = re.search(r'<nav class="letter-jumps" aria-label="Letters">(.*?)</nav>', glossary, re.S)[1]
    assert '<a href="#letter-a">A</a>' in nav and '<a href="#letter-e">E</a>' in nav
    assert '<span class="letter-empty" title="No term starts with Z">Z</span>' in nav
    assert '<span class="letter-empty" title="No term starts with #">#</span>' in nav
    assert re.findall(r">([A-Z#])</(?:a|span)>", nav) == [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
    assert '<h2 id="letter-a">A</h2>' in glossary and 'id="letter-z"' not in glossary


def test_the_page_is_escaped_with_one_h1_and_unique_ids(glossary: str) -> None:
    assert "<script>alert" not in glossary
    assert "holds when a &lt; b &amp; c &gt; d" in entry(glossary, "term-tricky")
    assert glossary.count("<h1") == 1 and duplicate_ids(glossary) == []


def test_an_empty_vault_has_a_glossary_that_says_how_to_start() -> None:
    html = glossary_site({"Plain Notes.md": "Nothing to define here.\n"})["glossary.html"]
    assert "0 terms" in html and "No terms yet" in html
    assert '<nav class="letter-jumps" aria-label="Letters">' in html


@pytest.mark.parametrize(
    "name, letter",
    [("Adam", "A"), ("école", "E"), ("(Leaky) ReLU", "L"), ("2D convolution", "#"), ("α-divergence", "Α"), ("", "#")],
)
def test_initials(name: str, letter: str) -> None:
    assert initial(name) == letter


def test_sorting_ignores_case_accents_and_leading_punctuation() -> None:
    names = ["zeta", "Étude", "apple", "École", "eagle", "(Leaky) ReLU", "Lasso"]
    assert sorted(names, key=folded) == ["apple", "eagle", "École", "Étude", "Lasso", "(Leaky) ReLU", "zeta"]


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("short enough", 200, "short enough"),
        ("one two three four", 12, "one two…"),
        ("  spread\nover   lines ", 200, "spread over lines"),
        ("abcdefghijklmnop", 8, "abcdefg…"),
        ("a sentence, then more words", 14, "a sentence…"),
    ],
)
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
    assert len(shorten(text, limit)) <= limit


def synthetic_concepts(count: int, initials: str) -> list[Concept]:
    concepts = []
    for number in range(count):
        name = f"{initials[number % len(initials)]}term {number:05d}"
        concepts.append(Concept(name.casefold(), name, (name,), (), (), (Definition("d", "N.md", 1, "title"),), ()))
    return concepts


def test_other_alphabets_get_their_own_jump_after_z_and_before_the_hash() -> None:
    layout = layout_glossary(synthetic_concepts(4, "aΩ9b"))
    assert layout.letters()[-3:] == ("Z", "Ω", "#")
    assert not layout.split and {page for group in layout.groups for page in group.pages} == {"glossary.html"}
    assert letter_id("#") == "letter-other" and letter_id("Ω") == "letter-ω"


def test_a_big_glossary_is_one_page_per_letter_and_a_big_letter_has_parts() -> None:
    concepts = synthetic_concepts(glossary_order.SPLIT_THRESHOLD + 1, "aaab")
    layout = layout_glossary(concepts)
    assert layout.split
    group_a = layout.groups[0]
    assert len(group_a.concepts) > glossary_order.LETTER_PAGE_LIMIT
    assert group_a.pages == ("glossary/a.html", "glossary/a-2.html")
    assert len(group_a.part(0)) == glossary_order.LETTER_PAGE_LIMIT
    assert group_a.part(0) + group_a.part(1) == group_a.concepts
    pages = layout.entry_pages()
    assert (
        pages[group_a.concepts[0].key] == "glossary/a.html" and pages[group_a.concepts[-1].key] == "glossary/a-2.html"
    )
    assert layout.groups[2].pages == ("glossary/c.html",)  # a letter without entries still has a (unused) name


def test_a_split_glossary_keeps_counts_and_jumps_and_each_letter_page_lists_its_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(glossary_order, "SPLIT_THRESHOLD", 3)
    monkeypatch.setattr(glossary_order, "LETTER_PAGE_LIMIT", 2)
    site = site_of(VAULT)
    layout = layout_glossary(site.knowledge.concepts)
    pages = {
        page.path: page.content.decode()
        for page in glossary_listing(site, layout, PlaceFinder(site.vault, site.knowledge, site.sitemap))
    }
    index = pages["glossary.html"]
    assert 'class="concept-link"' not in index  # the index holds no entries, only the way to them
    assert '<a href="glossary/a.html">A</a>' in index and "need" in index
    assert sorted(path for path in pages if path.startswith("glossary/e")) == ["glossary/e-2.html", "glossary/e.html"]
    assert "<h1>Glossary: E (part 2)</h1>" in pages["glossary/e-2.html"] and "Epoch" in pages["glossary/e-2.html"]
    letter = pages["glossary/e.html"]
    assert "<h1>Glossary: E (part 1)</h1>" in letter and '<a href="e-2.html">Part 2</a>' in letter
    assert '<a class="concept-link" href="../terms/embedding.html">Embedding</a>' in letter
    assert '<a href="e.html" aria-current="page">E</a>' in letter and '<a href="a.html">A</a>' in letter
    assert '<a href="../glossary.html">All letters</a>' in letter
    listed = sorted(name for html in pages.values() for name in names_in_order(html))
    assert listed == sorted(concept.name for concept in site.knowledge.concepts)  # each exactly once


def test_a_real_vault_past_the_threshold_gets_light_letter_pages() -> None:
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo"]
    lines = [
        f"{words[n % 11].capitalize()} {words[n // 11 % 11]} {words[n // 121 % 11]} {words[n // 1331 % 11]}: "
        f"definition number {n}.\n"
        for n in range(glossary_order.SPLIT_THRESHOLD + 20)
    ]
    site = site_of({"Big.md": "\n".join(lines)})
    assert len(site.knowledge.concepts) > glossary_order.SPLIT_THRESHOLD
    layout = layout_glossary(site.knowledge.concepts)
    pages = {
        p.path: p.content for p in glossary_listing(site, layout, PlaceFinder(site.vault, site.knowledge, site.sitemap))
    }
    assert len(pages) == 1 + 11  # the index and one page per initial used
    assert max(len(content) for content in pages.values()) < 60_000
    assert b"definition number 0." in pages["glossary/a.html"]
