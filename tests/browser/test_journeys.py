"""What a reader does on the default vault's site, clicked through in a real browser over http.

Selectors are the conventions every page follows (see the common brief): ``a.concept-link``,
``section.concept-questions a.question-link``, ``.question-item``, ``details.study-card``,
``svg.graph a``, ``#search-input``/``#search-results``, ``#theme-toggle``, ``a.term-link``.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.support import NOTE_PAGE, first_study_deck

EMBEDDING_QUESTION = "What is an embedding?"


def words(text: str) -> str:
    """Text compared as a reader sees it: spaces collapsed, case ignored, a trailing ellipsis dropped."""
    return " ".join(text.split()).casefold().rstrip("…").strip()


def fragment_of(url: str) -> str:
    return unquote(urlsplit(url).fragment)


def test_home_glossary_concept_question_and_back(page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    page.locator("header nav a", has_text=re.compile(r"^\s*glossary\s*$", re.I)).click()
    expect(page).to_have_url(re.compile(r"/glossary\.html$"))
    # "embedding" is only asked about (its question is unanswered): a page, but no glossary entry
    page.locator("a.concept-link", has_text=re.compile(r"^\s*fine[ -]?tuning\s*$", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/terms/[^/]+\.html$"))
    concept_url = page.url
    expect(page.locator("h1")).to_have_text(re.compile(r"fine[ -]?tuning", re.I))
    question = page.locator("section.concept-questions a.question-link").first
    question_text = words(question.inner_text())
    question.click()
    anchor = fragment_of(page.url)
    assert re.search(r"/notes/[^#]+\.html#.+$", page.url), page.url
    target = page.locator(f"[id='{anchor}']")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    assert question_text[:20] in words(target.inner_text())
    page.go_back()
    expect(page).to_have_url(concept_url)
    expect(page.locator("h1")).to_have_text(re.compile(r"fine[ -]?tuning", re.I))


def test_search_finds_the_question_and_the_term(page, site_url: str) -> None:
    page.goto(site_url + "search.html")
    page.fill("#search-input", "embedding")
    results = page.locator("#search-results > li")
    question = results.filter(has=page.locator("a", has_text=EMBEDDING_QUESTION))
    expect(question.first).to_be_visible()
    expect(question.first.locator(".result-kind")).to_have_text(re.compile(r"^\s*question\s*$", re.I))
    expect(question.first.locator(".badge-unanswered")).to_be_visible()
    term = results.filter(has=page.locator(".result-kind", has_text=re.compile(r"^\s*term\s*$", re.I)))
    expect(term.filter(has=page.locator("a", has_text=re.compile(r"^\s*embeddings?\s*$", re.I))).first).to_be_visible()


def test_open_questions_lists_the_unanswered_embedding_question(page, site_url: str) -> None:
    page.goto(site_url + "open.html")
    item = page.locator(".question-item", has=page.locator("a.question-link", has_text=EMBEDDING_QUESTION))
    expect(item.first).to_be_visible()
    expect(item.first).to_have_attribute("data-status", "unanswered")


def test_study_card_reveals_its_answer_when_opened(page, site_url: str, default_site_dir: Path) -> None:
    page.goto(site_url + first_study_deck(default_site_dir))
    cards = page.locator("details.study-card").filter(has=page.locator(".study-answer"))
    expect(cards.first).to_be_visible()
    card = cards.first
    answer = card.locator(".study-answer")
    expect(answer).to_be_hidden()
    card.locator("summary").click()
    expect(answer).to_be_visible()
    assert words(answer.inner_text()), "the revealed answer is empty"


def node_label(node) -> str:
    """A graph node's name as shown: its aria-label, else its <title>, else its text."""
    label = node.get_attribute("aria-label") or ""
    if not label and node.locator("title").count():
        label = node.locator("title").first.text_content() or ""
    return words(label or node.text_content() or "")


def landed_on(page, label: str) -> bool:
    """The page reached names ``label``: its h1, or the element its #fragment points at."""
    anchor = fragment_of(page.url)
    named = page.locator(f"[id='{anchor}']") if anchor else page.locator("h1")
    text = words(named.first.inner_text())
    return label in text or text in label


def test_graph_node_links_open_the_page_they_name(page, site_url: str) -> None:
    page.goto(site_url + "graph.html")
    nodes = page.locator("svg.graph a")
    count = nodes.count()
    assert count >= 3, "the graph has fewer than 3 linked nodes"
    for index in sorted({0, count // 2, count - 1}):
        page.goto(site_url + "graph.html")
        node = page.locator("svg.graph a").nth(index)
        label = node_label(node)
        assert label, f"graph node {index} has no label"
        with page.expect_navigation() as navigation:
            node.click()
        assert navigation.value.ok, f"node {label!r} leads to HTTP {navigation.value.status}: {page.url}"
        assert landed_on(page, label), f"node {label!r} leads to {page.url}, which is about something else"


def test_theme_toggle_switches_and_persists_across_pages(page, site_url: str) -> None:
    page.goto(site_url + "index.html")
    body = page.locator("body")
    light_background = body.evaluate("body => getComputedStyle(body).backgroundColor")
    toggle = page.locator("#theme-toggle")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(body).not_to_have_css("background-color", light_background)
    dark_background = body.evaluate("body => getComputedStyle(body).backgroundColor")
    page.locator("header nav a", has_text=re.compile(r"^\s*glossary\s*$", re.I)).click()
    expect(page).to_have_url(re.compile(r"/glossary\.html$"))
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(body).to_have_css("background-color", dark_background)
    page.locator("#theme-toggle").click()
    expect(page.locator("html")).not_to_have_attribute("data-theme", "dark")
    expect(body).to_have_css("background-color", light_background)


def test_hovering_a_term_link_shows_a_preview(page, site_url: str) -> None:
    page.goto(site_url + NOTE_PAGE)
    term_link = page.locator("main a.term-link").first
    expect(term_link).to_be_attached()
    term_link.scroll_into_view_if_needed()
    term_link.hover()
    preview = page.locator("#vaultc-link-preview")
    expect(preview).to_be_visible()
    expect(preview).not_to_have_text(re.compile(r"^\s*$"))
    page.mouse.move(0, 0)
    expect(preview).to_be_hidden()


CURRENT_RESULT = """() => {
  /* Index of the search result the keyboard is on: the focused one, else one marked selected/current. */
  const items = Array.from(document.getElementById('search-results').children);
  const focused = items.findIndex((item) => item.contains(document.activeElement));
  const mark = '[aria-selected="true"], [aria-current], .selected, .active';
  const marked = items.findIndex((item) => item.matches(mark) || item.querySelector(mark));
  return focused >= 0 ? focused : marked;
}"""


def expect_current_result(page, index: int, after: str) -> None:
    try:
        page.wait_for_function(f"() => ({CURRENT_RESULT})() === {index}", timeout=3_000)
    except PlaywrightTimeout as error:
        raise AssertionError(
            f"after {after} the keyboard is on result {page.evaluate(CURRENT_RESULT)}, not {index}"
        ) from error


def test_slash_focuses_search_and_arrows_move_through_results(page, site_url: str) -> None:
    page.goto(site_url + "search.html")
    page.locator("h1").click()  # focus on the page, not the box
    page.keyboard.press("/")
    search_box = page.locator("#search-input")
    expect(search_box).to_be_focused()
    expect(search_box).to_have_value("")
    search_box.fill("embedding")  # one input event: the results are drawn once
    expect(page.locator("#search-results > li").nth(1)).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect_current_result(page, 0, "ArrowDown in the search box")
    page.keyboard.press("ArrowDown")
    expect_current_result(page, 1, "a second ArrowDown")
    page.keyboard.press("ArrowUp")
    expect_current_result(page, 0, "ArrowUp")
