"""Concept pages: definitions with sources, questions with answers, mentions, related, backlinks."""

from __future__ import annotations

import re

import pytest

from tests.glossary_site import duplicate_ids, glossary_site, main_of, site_of
from vaultc.render.glossary import concept_sections
from vaultc.render.glossary.concept_links import concept_backlinks, related_concepts
from vaultc.render.glossary.concept_places import PlaceFinder
from vaultc.render.glossary.glossary_order import sort_key

VAULT = {
    "Glossary.md": (
        "# Glossary\n\nThe glossary lists the words these notes use.\n\n"  # it defines its title: a term note
        "## Neural nets\n\nEmbedding: a dense vector that represents an item. ^emb\n\nRMS Prop:\n\n"
        "## Optimisers\n\nAdam: an optimiser that adapts the learning rate.\n"
    ),
    "Questions.md": (
        "# Questions\n\n## What is an embedding?\n\nA vector learned for each token, like an embedding table; "
        "see [[Notes]].\n\n## What is RMS Prop?\n\n## What does embedding mean?\n\nTODO\n"
    ),
    "More Questions.md": "## What is an embedding?\n\nA lookup table of vectors.\n",
    "Embedding.md": "---\naliases: [embeddings]\n---\nAn embedding maps tokens to vectors. See [[Embedding]].\n",
    "Linker.md": "See [[Embedding]] and [[Glossary#Neural nets]].\n",
    "Heading Linker.md": "See [[Notes#Embedding]].\n",
    "Notes.md": "# Notes\n\n## Embedding\n\nWe use an embedding with Adam and RMS Prop here.\n",
    "Block Linker.md": "See [[Glossary#^emb]].\n",
}


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return glossary_site(VAULT)


@pytest.fixture(scope="module")
def embedding(pages: dict[str, str]) -> str:
    return pages["terms/embedding.html"]


def section(html: str, name: str) -> str:
    start = html.index(f'<section class="{name}"')
    return html[start : html.index("</section>", start)]


def test_every_concept_has_a_page_with_its_name_as_the_only_h1(pages: dict[str, str]) -> None:
    site = site_of(VAULT)
    for concept in site.knowledge.concepts:
        html = pages[site.sitemap.concept(concept.key)]
        assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == [concept.name]
        assert duplicate_ids(html) == []


def test_definitions_are_listed_once_each_with_their_source(embedding: str) -> None:
    definitions = section(embedding, "concept-definitions")
    assert "a dense vector that represents an item." in definitions
    assert (
        'Glossary line in <a href="../notes/glossary.html#neural-nets">Glossary › Neural nets</a>, line 7'
        in definitions
    )
    assert definitions.count("An embedding maps tokens to vectors.") == 1  # title and alias give the same text
    answer_to = '<a class="question-link" href="../notes/questions.html#what-is-an-embedding">What is an embedding?</a>'
    assert f"Answer to {answer_to} in Questions, line 3" in definitions


def test_questions_show_status_permalink_and_answer_and_merge_repeats(embedding: str) -> None:
    questions = section(embedding, "concept-questions")
    items = re.findall(r'<li class="concept-question" data-status="(\w+)">', questions)
    assert items == ["answered", "stub"]  # "What is an embedding?" asked twice is one entry
    first = (
        '<a class="question-link" href="../notes/more-questions.html#what-is-an-embedding">What is an embedding?</a>'
    )
    assert first + ' <span class="badge badge-answered">answered</span>' in questions
    assert '<div class="concept-answer">\n<p>A lookup table of vectors.</p>' in questions
    assert "Also asked in:" in questions
    assert '<a class="question-link" href="../notes/questions.html#what-is-an-embedding">Questions</a>' in questions
    link = (
        '<a class="question-link" href="../notes/questions.html#what-does-embedding-mean">What does embedding mean?</a>'
    )
    assert link in questions
    assert "Only a placeholder so far (TODO)." in questions


def test_answers_keep_working_links_relative_to_the_concept_page() -> None:
    vault = {**VAULT, "More Questions.md": "## What is an embedding?\n\nA table; see [[Notes#Embedding|the notes]].\n"}
    questions = section(glossary_site(vault)["terms/embedding.html"], "concept-questions")
    assert '<a class="wikilink" href="../notes/notes.html#embedding">the notes</a>' in questions
    assert ' id="' not in questions.split('<div class="concept-answer">')[1]  # ids stay on the note's own page


def test_mentions_are_grouped_by_note_and_say_when_they_are_in_an_answer(embedding: str) -> None:
    mentions = section(embedding, "concept-mentions")
    notes = re.findall(r'<li><a href="\.\./notes/[^"#]*">([^<]*)</a>\n', mentions)
    assert notes == sorted(notes, key=lambda title: title) and "Notes" in notes and "Questions" in notes
    in_answer = (
        '<a href="../notes/questions.html#what-is-an-embedding">What is an embedding?</a>, line 5 · in the answer to'
    )
    assert in_answer in mentions
    assert '<a href="../notes/notes.html#embedding">Embedding</a>, line 5</li>' in mentions
    assert "line 9 · in the question <a" in mentions


def test_related_concepts_share_sections_ranked_by_how_closely(embedding: str) -> None:
    related = re.findall(r'<a class="concept-link" href="([^"]*)">([^<]*)</a>', section(embedding, "concept-related"))
    assert related[0] == ("rms-prop.html", "RMS Prop")  # listed with it and used with it in one paragraph
    assert ("adam.html", "Adam") in related
    assert ("linker.html", "Linker") not in related  # a note's title is not a section of it


def test_backlinks_are_links_to_its_note_heading_or_definition_block(embedding: str) -> None:
    backlinks = re.findall(r'<a href="\.\./notes/([^"]*)">', section(embedding, "concept-backlinks"))
    assert backlinks == ["block-linker.html", "heading-linker.html", "linker.html"]  # not Embedding itself


def test_backlinks_and_related_tables() -> None:
    site = site_of(VAULT)
    places = PlaceFinder(site.vault, site.knowledge, site.sitemap)
    order = {concept.key: sort_key(concept) for concept in site.knowledge.concepts}
    backlinks = concept_backlinks(site.vault, site.knowledge)
    assert backlinks["embedding"] == ("Block Linker.md", "Heading Linker.md", "Linker.md")
    assert backlinks["glossary"] == ("Block Linker.md", "Linker.md")  # links into the term note "Glossary"
    assert "rmsprop" not in backlinks and "adam" not in backlinks  # a link to Glossary is not one to its terms
    related = related_concepts(site.knowledge, site.graph, places, order)
    assert set(related["adam"][:2]) == {"embedding", "rmsprop"}
    assert all(key not in keys for key, keys in related.items())


def test_an_undefined_concept_says_so_and_where_it_was_listed(pages: dict[str, str]) -> None:
    html = pages["terms/rms-prop.html"]
    assert '<span class="badge badge-undefined">needs a definition</span>' in html
    assert "No note defines RMS Prop yet. It is listed in:" in html
    assert '<a href="../notes/glossary.html#neural-nets">Glossary › Neural nets</a>, line 9' in html
    assert '<meta name="description" content="RMS Prop: needs a definition — listed in Glossary, Questions">' in html
    questions = section(html, "concept-questions")
    assert '<a class="question-link" href="../notes/questions.html#what-is-rms-prop">What is RMS Prop?</a>' in questions
    assert "Not answered yet." in questions


def test_a_concept_only_asked_about_has_no_status_badge_but_its_question() -> None:
    vault = {"Q.md": "## What is a transformer?\n\n## Other\n\ntext\n"}
    html = glossary_site(vault)["terms/transformer.html"]
    header = html[html.index('<header class="concept-header">') : html.index("</header>", html.index("<main"))]
    assert "badge" not in header and "· " not in header and "1 question</p>" in header
    assert "No note defines transformer yet. It is asked about in:" in html
    assert '<meta name="description" content="transformer: not defined yet — asked in Q">' in html
    assert '<span class="badge badge-unanswered">unanswered</span>' in section(html, "concept-questions")


def test_description_breadcrumb_and_spellings(embedding: str, pages: dict[str, str]) -> None:
    assert '<meta name="description" content="An embedding maps tokens to vectors. See Embedding.">' in embedding
    assert '<p class="breadcrumb"><a href="../glossary.html#term-embedding">Glossary</a></p>' in embedding
    assert "<dt>Also written</dt><dd>embeddings</dd>" in embedding
    assert 'id="term-embedding"' in pages["glossary.html"]


def test_long_lists_are_cut_and_say_how_many_more(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concept_sections, "MENTION_NOTES_SHOWN", 2)
    monkeypatch.setattr(concept_sections, "DEFINITIONS_SHOWN", 1)
    monkeypatch.setattr(concept_sections, "QUESTIONS_SHOWN", 1)
    html = glossary_site(VAULT)["terms/embedding.html"]
    assert len(re.findall(r'<li class="concept-question"', html)) == 1
    assert 'and 1 more question in <a href="../questions/index.html">the questions list</a>.' in html
    assert " · 2 questions</p>" in html  # the count covers the questions not shown
    assert len(re.findall(r'<li class="definition">', html)) == 1
    assert "and 3 more definitions" in html
    site = site_of(VAULT)
    noted = {note for note, _ in site.knowledge.mentions["embedding"]}
    assert f"and {len(noted) - 2} more notes." in section(html, "concept-mentions")


def test_the_page_is_escaped() -> None:
    vault = {"G.md": "## What is a <b>bold</b> & odd idea?\n\nIt uses <script>alert(1)</script> a < b.\n"}
    pages = glossary_site(vault)
    html = "".join(pages.values())
    assert "<script>alert" not in html and "<b>bold" not in html


def test_pages_are_deterministic() -> None:
    assert glossary_site(VAULT) == glossary_site(dict(reversed(list(VAULT.items()))))


def test_a_concept_page_shows_its_local_graph_when_there_is_one(embedding: str) -> None:
    if '<figure class="local-graph">' in embedding:  # drawn by vaultc.render.graph.graph_svg
        assert '<section class="concept-graph"' in embedding
        assert '<link rel="stylesheet" href="../static/graph.css">' in embedding
    assert main_of(embedding).count("<h1") == 1
