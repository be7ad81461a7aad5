"""Search from every page: "/" or Ctrl+K opens a dialog that searches as you type (typos
forgiven), the keyboard reaches a result and opens it, Escape gives the page back; the search page
keeps its own box, and without JavaScript the header box still submits to it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

QUESTION = "What is an embedding?"
NOTE = "notes/deep-learning-interview-questions.html"


def open_overlay(page, key: str = "/") -> None:
    page.locator("body").press(key)
    expect(page.locator(".search-overlay")).to_be_visible()
    expect(page.locator("#search-overlay-input")).to_be_focused()


def test_from_any_page_the_keyboard_reaches_the_embedding_question(watched_page, site_url: str) -> None:
    page, watch = watched_page
    page.goto(site_url + "study/index.html")
    open_overlay(page, "/")
    page.keyboard.type("embedding")
    results = page.locator(".search-overlay-results a.result-title")
    expect(results.filter(has_text=QUESTION).first).to_be_visible()
    titles = results.all_inner_texts()
    for _ in range(titles.index(QUESTION) + 1):
        page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_text(QUESTION)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/notes/deep-learning-interview-questions\.html#what-is-an-embedding$", page.url), page.url
    expect(page.locator("#what-is-an-embedding")).to_be_visible()
    assert watch.problems == []


def test_ctrl_k_opens_it_escape_closes_it_and_gives_the_focus_back(page, site_url: str) -> None:
    page.goto(site_url + NOTE)
    page.locator("a.site-title").focus()
    page.keyboard.press("Control+k")
    expect(page.locator(".search-overlay")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".search-overlay")).to_be_hidden()
    expect(page.locator("a.site-title")).to_be_focused()


def test_a_typo_still_finds_the_term_and_enter_opens_the_first_result(page, site_url: str) -> None:
    page.goto(site_url + NOTE)
    open_overlay(page, "Control+k")
    page.keyboard.type("embeding")
    first = page.locator(".search-overlay-results a.result-title").first
    expect(first).to_be_visible()
    href = first.get_attribute("href")
    assert href.startswith("../"), href  # site paths made relative to this page
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].endswith(href.removeprefix("../").split("#")[0])


def test_focus_stays_in_the_dialog(page, site_url: str) -> None:
    page.goto(site_url)
    open_overlay(page)
    page.keyboard.type("embedding")
    expect(page.locator(".search-overlay-results a.result-title").first).to_be_visible()
    for _ in range(30):
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('.search-overlay').contains(document.activeElement)")


def test_the_search_page_keeps_its_own_box(page, site_url: str) -> None:
    page.goto(site_url + "search.html")
    page.locator("body").press("/")
    expect(page.locator("#search-input")).to_be_focused()
    assert page.locator(".search-overlay").count() == 0


def test_without_javascript_the_header_box_goes_to_the_search_page(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + NOTE)
        page.fill("#site-search-input", "embedding")
        with page.expect_navigation():
            page.press("#site-search-input", "Enter")
        assert re.search(r"/search\.html\?q=embedding$", page.url), page.url
    finally:
        context.close()


@pytest.mark.parametrize("where", ["dialog", "search page"])
def test_a_note_hit_shows_the_text_around_the_match(page, site_url: str, where: str) -> None:
    # "euclidean" is deep inside "ML Interview Notebook", far from the first lines the index keeps
    if where == "dialog":
        page.goto(site_url + NOTE)
        open_overlay(page)
        page.keyboard.type("euclidean")
        results = page.locator(".search-overlay-results")
    else:
        page.goto(site_url + "search.html?q=euclidean")
        results = page.locator("#search-results")
    hit = results.locator(".result-note", has=page.locator("a", has_text="ML Interview Notebook"))
    snippet = hit.locator(".result-snippet")
    expect(snippet.locator("mark")).to_have_text(re.compile("euclidean", re.I))
    assert "length of each row" in snippet.inner_text()


def test_a_note_hits_snippet_is_the_notes_words_without_the_pages_badges(page, site_url: str) -> None:
    page.goto(site_url + "search.html?q=embedding")
    hit = page.locator("#search-results .result-note", has=page.locator("a", has_text="Deep Learning Interview"))
    snippet = hit.locator(".result-snippet")
    expect(snippet).to_contain_text("What is an embedding?")
    text = snippet.inner_text()
    assert "unanswered" not in text and " # " not in text, text
