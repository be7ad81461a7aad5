"""End to end on the default vault: the glossary, a concept page and the home page as built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.crawl import broken_references
from tests.glossary_site import duplicate_ids, main_of
from vaultc.cli import main

VAULT = Path(__file__).resolve().parent.parent / "vault"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("glossary") / "site"
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def read(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def test_a_term_only_asked_about_has_a_page_but_no_glossary_entry(site: Path) -> None:
    glossary = read(site, "glossary.html")
    assert 'id="term-embedding"' not in glossary  # "What is an embedding?" is unanswered: nothing defines it yet
    assert (site / "terms/embedding.html").is_file()
    html = read(site, "terms/embedding.html")
    assert 'href="../glossary.html"' in html  # the way back names no entry that does not exist


def test_a_defined_term_is_listed_with_its_definition(site: Path) -> None:
    glossary = read(site, "glossary.html")
    entry = glossary[glossary.index('<dt id="term-dense-layer">') :]
    entry = entry[: entry.index("</dd>")]
    assert '<p class="glossary-definition">Is a linear model or fully connected</p>' in entry


def test_a_listed_term_without_definition_is_flagged(site: Path) -> None:
    glossary = read(site, "glossary.html")
    entry = glossary[glossary.index('<dt id="term-rms-prop">') :]
    entry = entry[: entry.index("</dd>")]
    assert '<span class="badge badge-undefined">needs a definition</span>' in entry and "Listed in" in entry


def test_the_embedding_page_shows_its_unanswered_question(site: Path) -> None:
    html = read(site, "terms/embedding.html")
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["embedding"]
    questions = html[html.index('<section class="concept-questions"') :]
    questions = questions[: questions.index("</section>")]
    link = '<a class="question-link" href="../notes/deep-learning-interview-questions.html#what-is-an-embedding">'
    assert link + 'What is an embedding?</a> <span class="badge badge-unanswered">unanswered</span>' in questions


def test_every_glossary_entry_has_a_page(site: Path) -> None:
    glossary = main_of(read(site, "glossary.html"))
    linked = set(re.findall(r'<a class="concept-link" href="(terms/[^"]*)">', glossary))
    pages = {p.relative_to(site).as_posix() for p in (site / "terms").glob("*.html")}
    assert linked < pages and len(linked) > 50  # the others are terms only asked about so far
    assert duplicate_ids(read(site, "glossary.html")) == []


def test_the_home_page_counts_and_links_the_ways_in(site: Path) -> None:
    html = main_of(read(site, "index.html"))
    assert re.search(r"3 notes,\s+107 questions", html)
    for target in (
        "open.html",
        "glossary.html",
        "questions/index.html",
        "graph.html",
        "search.html",
    ):
        assert f'<a href="{target}"><span class="home-card-title">' in html
    assert '<a href="tags/index.html"><span class="home-card-title">' not in html  # the vault has no tags


def test_glossary_and_concept_links_resolve(site: Path) -> None:
    broken = [problem for problem in broken_references(site) if "terms/" in str(problem) or "glossary" in str(problem)]
    assert broken == []
