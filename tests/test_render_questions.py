"""The questions listing: grouping by note and heading, status and tag filter pages, pagination."""

from __future__ import annotations

import re

import pytest

from tests.test_render_questions_support import FILES, Listed, listed, main_of, pages_of
from vaultc.model import Heading
from vaultc.names import SitePath
from vaultc.render.questions import question_pages as listing_module
from vaultc.render.questions.question_items import enclosing_headings, heading_at, paginate
from vaultc.render.questions.question_paths import note_decks, paged, tag_pages

IN_ORDER = ["What is an epoch?", "What is a model?", "What is a loss?", "What is overfitting?", "What is a feature?"]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return pages_of(FILES)


def headings_in_order(html: str) -> list[str]:
    """(level, text) of every heading in the page's main content, text without markup."""
    found = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", main_of(html), flags=re.S)
    return [f"h{level} " + re.sub(r"<[^>]+>", "", text).strip() for level, text in found]


def test_questions_are_grouped_by_note_then_by_the_heading_they_sit_under(pages: dict[str, str]) -> None:
    html = pages["questions/index.html"]
    assert headings_in_order(html) == [
        "h1 Questions",
        "h2 Glossary",
        "h2 ML basics",
        "h3 Models",
        "h3 Training",
        "h3 Models (continued)",  # a heading question belongs to its parent heading
        "h3 Data",
    ]
    assert [item.text for item in listed(html)] == IN_ORDER


def test_items_link_to_the_question_anchor_with_badge_and_stub_reason(pages: dict[str, str]) -> None:
    html = pages["questions/index.html"]
    items = {item.text: item for item in listed(html)}
    assert items["What is overfitting?"] == Listed(
        "unanswered", "../notes/topics/ml-basics.html#what-is-overfitting", "What is overfitting?"
    )  # a heading question's anchor is its heading's id
    assert items["What is a model?"].href == "../notes/topics/ml-basics.html#q-what-is-a-model"
    stub = html.split('href="../notes/topics/ml-basics.html#q-what-is-a-loss">', 1)[1].split("</li>", 1)[0]
    assert '<span class="badge badge-stub">stub</span>' in stub and '<span class="stub-reason">(TODO)</span>' in stub


def test_counts_per_status_at_the_top(pages: dict[str, str]) -> None:
    top = main_of(pages["questions/index.html"]).split("<nav", 1)[0]
    assert "5 questions:" in top
    assert '3 <span class="badge badge-answered">' in top
    assert '1 <span class="badge badge-unanswered">' in top and '1 <span class="badge badge-stub">' in top


@pytest.mark.parametrize(
    ("path", "statuses"),
    [
        (
            "questions/answered.html",
            {"What is an epoch?": "answered", "What is a model?": "answered", "What is a feature?": "answered"},
        ),
        ("questions/unanswered.html", {"What is overfitting?": "unanswered"}),
        ("questions/stub.html", {"What is a loss?": "stub"}),
    ],
)
def test_status_pages_list_exactly_their_questions(pages: dict[str, str], path: str, statuses: dict[str, str]) -> None:
    assert {item.text: item.status for item in listed(pages[path])} == statuses


def test_tag_pages_list_the_questions_of_notes_with_the_tag(pages: dict[str, str]) -> None:
    cafe = listed(pages["questions/tags/café.html"])  # front-matter "Café", case-folded like tag pages
    assert [item.text for item in cafe] == [
        "What is a model?",
        "What is a loss?",
        "What is overfitting?",
        "What is a feature?",
    ]
    assert len(listed(pages["questions/tags/ml.html"])) == 5
    assert cafe[0].href == "../../notes/topics/ml-basics.html#q-what-is-a-model"  # one folder deeper
    assert '<a class="tag" href="caf%C3%A9.html" aria-current="page">#café' in pages["questions/tags/café.html"]


def test_filter_nav_marks_the_current_page_only(pages: dict[str, str]) -> None:
    unanswered = pages["questions/unanswered.html"]
    nav = unanswered.split('<nav class="question-filters"', 1)[1].split("</nav>", 1)[0]
    assert nav.count("aria-current") == 1
    assert '<a href="unanswered.html" aria-current="page">Unanswered <span class="count">1</span></a>' in nav
    assert '<a href="index.html">All <span class="count">5</span></a>' in nav
    assert '<a class="tag" href="tags/ml.html">#ml' in nav


def test_listings_link_the_exports_for_download(pages: dict[str, str]) -> None:
    html = pages["questions/index.html"]
    assert '<a href="../qa.json" download>qa.json</a>' in html and '<a href="../qa.csv" download>qa.csv</a>' in html


def test_every_listing_page_has_its_own_title_and_description(pages: dict[str, str]) -> None:
    titles = {
        path: re.search(r"<title>(.*?)</title>", html).group(1)
        for path, html in pages.items()
        if path.startswith("questions/")
    }
    assert titles["questions/index.html"] == "Questions · Test vault"
    assert titles["questions/stub.html"] == "Stub questions · Test vault"
    assert titles["questions/tags/ml.html"] == "Questions tagged #ml · Test vault"
    assert len(set(titles.values())) == len(titles)
    assert (
        '<meta name="description" content="Unanswered questions in Test vault: 1.">'
        in pages["questions/unanswered.html"]
    )


def test_a_vault_without_questions_still_has_its_listing() -> None:
    pages = pages_of({"A.md": "Just a statement.\n"})
    html = pages["questions/index.html"]
    assert listed(html) == [] and 'class="empty"' in html
    assert "questions/answered.html" in pages


# --- pagination -------------------------------------------------------------------------------


def test_paginate_boundaries() -> None:
    first = SitePath("questions/index.html")
    assert [len(part.items) for part in paginate(list(range(10)), first, 5)] == [5, 5]
    parts = paginate(list(range(11)), first, 5)
    assert [list(part.items) for part in parts] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10]]
    assert [part.path for part in parts] == ["questions/index.html", "questions/page-2.html", "questions/page-3.html"]
    assert (parts[0].previous, parts[0].next) == (None, "questions/page-2.html")
    assert (parts[2].previous, parts[2].next, parts[2].last) == ("questions/page-2.html", None, "questions/page-3.html")
    assert [part.offset for part in parts] == [0, 5, 10] and {part.count for part in parts} == {3}
    empty = paginate([], first, 5)
    assert len(empty) == 1 and list(empty[0].items) == [] and empty[0].next is None


def test_later_pages_never_collide_with_slugs() -> None:
    assert paged(SitePath("questions/index.html"), 1) == "questions/index.html"
    assert paged(SitePath("questions/index.html"), 2) == "questions/page-2.html"
    assert paged(SitePath("questions/tags/ml.html"), 3) == "questions/tags/ml.page-3.html"  # slugs hold no "."
    assert paged(SitePath("open.html"), 2) == "open.page-2.html"


def test_tag_pages_avoid_index_and_slug_collisions() -> None:
    pages = tag_pages(["index", "c++", "c", "ML/NLP"], "questions")
    assert pages["index"] == "questions/tags/index-.html"  # never the folder's index page
    assert pages["c"] == "questions/tags/c.html" and pages["c++"] == "questions/tags/c-2.html"
    assert pages["ML/NLP"] == "questions/tags/ml--nlp.html"  # flat: every deck and listing is two deep


def test_note_decks_are_flat_and_unique() -> None:
    decks = note_decks([SitePath("notes/a/b.html"), SitePath("notes/a--b.html"), SitePath("notes/index.html")])
    assert decks == {
        "notes/a--b.html": "study/notes/a--b.html",
        "notes/a/b.html": "study/notes/a--b-2.html",
        "notes/index.html": "study/notes/index-2.html",  # "index" is kept free
    }


def test_long_listings_are_split_with_prev_next_links(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(listing_module, "LISTING_PAGE_SIZE", 2)
    pages = pages_of(FILES)
    parts = [pages[p] for p in ("questions/index.html", "questions/page-2.html", "questions/page-3.html")]
    assert "questions/page-4.html" not in pages
    assert [len(listed(part)) for part in parts] == [2, 2, 1]
    assert [item.text for part in parts for item in listed(part)] == IN_ORDER
    assert (
        '<a href="page-3.html" rel="next">Next</a>' in parts[1]
        and '<a href="index.html" rel="prev">Previous</a>' in parts[1]
    )
    assert 'rel="prev"' not in parts[0] and 'rel="next"' not in parts[2]
    assert "<title>Questions (page 2 of 3) · Test vault</title>" in parts[1]
    assert 'ML basics</a> <span class="continued">(continued)</span></h2>' in parts[1]  # cut by the page break
    assert 'aria-current="true">All' in parts[1]  # the filter is current, the page is not its first


# --- headings a line sits under ---------------------------------------------------------------


def h(level: int, line: int, end: int, text: str = "") -> Heading:
    return Heading(level, text or f"h{line}", f"a{line}", line, end, level)


def test_enclosing_headings_is_the_innermost_section_strictly_below_the_heading_line() -> None:
    top, sub, other = h(1, 1, 30), h(2, 5, 12), h(2, 13, 30)
    found = enclosing_headings([top, sub, other], [1, 3, 5, 6, 12, 13, 20])
    assert found == [None, top, top, sub, sub, top, other]  # line 5 is sub's own heading: its parent
    assert heading_at([top, sub, other], 5) is sub and heading_at([top, sub, other], 13) is other
    assert heading_at([sub], 2) is None


def test_status_counts_leave_out_the_statuses_at_zero(pages: dict[str, str]) -> None:
    top = main_of(pages["questions/answered.html"]).split("<nav", 1)[0]
    counts = re.sub(r"<[^>]+>", "", re.search(r'<p class="status-counts">(.*?)</p>', top, re.S)[1])
    total = int(counts.split()[0])
    assert " ".join(counts.split()) == f"{total} questions: {total} answered."
    offered = r'<a href="([a-z]+\.html)"[^>]*>[^<]*<span class="count">(\d+)</span>'
    filters = dict(re.findall(offered, pages["questions/index.html"]))
    assert "prompt.html" not in filters and "questions/prompt.html" in pages  # none: its page, not a filter
    assert filters and "0" not in filters.values()
