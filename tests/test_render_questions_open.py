"""The open-questions page: unanswered questions, stubs and undefined terms, with Obsidian links."""

from __future__ import annotations

import re

import pytest

from tests.test_render_questions_support import FILES, listed, main_of, pages_of
from vaultc.names import VaultPath
from vaultc.render.questions import question_open
from vaultc.render.questions.question_open import obsidian_url


@pytest.fixture(scope="module")
def open_page() -> str:
    return pages_of(FILES)["open.html"]


def test_lists_every_unanswered_question_and_stub_in_line_order(open_page: str) -> None:
    assert [(item.status, item.text, item.href) for item in listed(open_page)] == [
        ("stub", "What is a loss?", "notes/topics/ml-basics.html#q-what-is-a-loss"),
        ("unanswered", "What is overfitting?", "notes/topics/ml-basics.html#what-is-overfitting"),
    ]
    assert "What is a model?" not in open_page  # answered questions are not to-dos


def test_counts_at_the_top(open_page: str) -> None:
    top = main_of(open_page).split("<h2", 1)[0]
    assert '1 <span class="badge badge-unanswered">' in top and '1 <span class="badge badge-stub">' in top
    # "loss" and "overfitting" are only asked about (their questions are listed above): not listed terms
    assert '1 term <span class="badge badge-undefined">' in top


def test_undefined_terms_link_to_their_concept_page_and_where_they_are_listed(open_page: str) -> None:
    terms = open_page.split("<h2>Terms without a definition</h2>", 1)[1]
    names = re.findall(r'<a class="concept-link" href="([^"]+)">([^<]+)</a>', terms)
    assert names == [("terms/batch.html", "Batch")]  # listed in the glossary, defined nowhere: what lint flags
    assert "Softmax" not in terms and "Epoch" not in terms  # defined (a definition line, a question's answer)
    assert "terms/loss.html" not in terms  # only asked about: the open question is the to-do
    batch = terms.split('href="terms/batch.html"', 1)[1].split("</li>", 1)[0]
    assert 'listed in <a href="notes/glossary.html">Glossary</a>, line 4' in batch


def test_obsidian_links_open_the_note(open_page: str) -> None:
    expected = 'class="obsidian-link" href="obsidian://open?vault=My%20Vault&amp;file=Topics%2FML%20basics"'
    item = open_page.split('#q-what-is-a-loss">', 1)[1].split("</li>", 1)[0]
    assert expected in item
    assert 'href="obsidian://open?vault=My%20Vault&amp;file=Glossary"' in open_page  # on term places too


def test_obsidian_uri_encodes_spaces_accents_and_ampersands() -> None:
    url = obsidian_url("Ma Voûte & co", VaultPath("Dossier/Été & hiver?.md"))
    assert url == "obsidian://open?vault=Ma%20Vo%C3%BBte%20%26%20co&file=Dossier%2F%C3%89t%C3%A9%20%26%20hiver%3F"
    assert obsidian_url("", VaultPath("A.md")) == ""


def test_obsidian_uri_in_the_page_is_escaped_once() -> None:
    files = {"Été & hiver.md": "Q: What is a season?\nA: TODO\n"}
    html = pages_of(files, obsidian_vault="Ma Voûte")["open.html"]
    assert 'href="obsidian://open?vault=Ma%20Vo%C3%BBte&amp;file=%C3%89t%C3%A9%20%26%20hiver"' in html


def test_no_obsidian_links_without_a_vault_name() -> None:
    html = pages_of(FILES, obsidian_vault="")["open.html"]
    assert "obsidian-link" not in html and "obsidian://" not in html
    assert len(listed(html)) == 2


def test_nothing_to_do_says_so() -> None:
    html = pages_of({"A.md": "Softmax: turns scores into probabilities.\n"})["open.html"]
    assert listed(html) == [] and "Nothing left to do" in html


def test_a_long_to_do_list_is_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(question_open, "OPEN_PAGE_SIZE", 2)
    pages = pages_of(FILES)
    assert {"open.html", "open.page-2.html"} <= set(pages) and "open.page-3.html" not in pages
    assert len(listed(pages["open.html"])) == 2  # the two questions, then the term on page 2
    assert "Terms without a definition" not in pages["open.html"]
    assert len(re.findall('class="concept-link"', pages["open.page-2.html"])) == 1
    assert '<a href="open.page-2.html" rel="next">Next</a>' in pages["open.html"]
    assert "<title>Open questions (page 2 of 2) · Test vault</title>" in pages["open.page-2.html"]
