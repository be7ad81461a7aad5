"""The reading layout in the browser: on a desktop the explorer (folder tree, the current note
marked) beside the note and, on its other side, the rail: the outline (scroll-spy), backlinks and
the local graph; on a phone one column, the explorer and the outline in drawers and a header no
taller than ~56 px; and no page scrolls sideways at 375 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

PHONE = {"width": 375, "height": 740}
WIDE = {"width": 1440, "height": 900}
NOTE = "notes/deep-learning-interview-questions.html"



def test_open_a_note_from_the_explorer_and_jump_to_a_question_from_the_outline(open_page, site_url: str) -> None:
    page, watch = open_page(WIDE)
    page.goto(site_url + "notes/ml-interview-notebook.html")
    explorer = page.locator("#explorer")
    expect(explorer).to_be_visible()
    expect(explorer.locator("a[aria-current=page]")).to_have_count(1)
    explorer.locator("a", has_text="Deep Learning Interview Questions").click()
    page.wait_for_url(re.compile(re.escape(NOTE) + "$"))
    expect(page.locator("#explorer a[aria-current=page]")).to_have_text("Deep Learning Interview Questions")
    outline = page.locator(".note-rail > #outline")
    expect(outline).to_be_visible()
    entry = outline.locator("li", has=page.locator('a[href="#what-is-an-embedding"]'))
    expect(entry.locator(".toc-status.toc-unanswered")).to_have_count(1)
    entry.locator("a").click()
    assert page.url.endswith("#what-is-an-embedding")
    expect(page.locator("#what-is-an-embedding")).to_be_in_viewport()
    expect(outline.locator("a[aria-current=location]")).to_have_attribute("href", "#what-is-an-embedding")
    assert watch.problems == []


def test_on_a_wide_screen_the_rail_beside_the_note_has_outline_backlinks_graph(open_page, quartz_url: str) -> None:
    page, watch = open_page(WIDE)
    page.goto(quartz_url + "notes/features/callouts.html")
    content = page.locator(".note-content").bounding_box()
    title = page.locator(".note-title").bounding_box()
    rail = page.locator(".note-rail")
    box = rail.bounding_box()
    assert box["x"] >= content["x"] + content["width"], "the rail is a column right of the note"
    assert box["y"] <= title["y"], "the rail starts at the note's top"
    sections = rail.locator(":scope > #outline, .backlinks, .note-graph")
    names = sections.evaluate_all("nodes => nodes.map(node => node.id || node.className)")
    assert names == ["outline", "backlinks", "note-graph"]
    tops = [section.bounding_box()["y"] for section in sections.all()]
    assert tops == sorted(tops), "outline, then backlinks, then the graph"
    expect(rail.locator(".backlinks a").first).to_be_attached()
    expect(page.locator("#outline-toggle")).to_be_hidden()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    expect(rail).to_be_in_viewport()  # it stays in view as the note is read
    rail.locator(".graph-enlarge").click()
    dialog = page.locator("dialog.graph-dialog")
    expect(dialog).to_be_visible()
    assert dialog.locator("svg.graph").bounding_box()["width"] > 2 * box["width"]
    expect(dialog.locator("a.node text").first).to_be_visible()  # the labels hidden in the thumbnail
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert watch.problems == []


def test_on_a_phone_the_outline_is_a_drawer_that_gives_way_to_the_chosen_question(open_page, site_url: str) -> None:
    page, watch = open_page(PHONE)
    page.goto(site_url + NOTE)
    outline, toggle = page.locator("#outline"), page.locator("#outline-toggle")
    assert outline.bounding_box()["y"] > page.locator(".note-content").bounding_box()["y"], "after the note"
    expect(toggle).to_be_visible()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(outline).to_be_in_viewport()
    assert outline.evaluate("node => getComputedStyle(node).position") == "fixed"
    outline.locator('a[href="#what-is-an-embedding"]').click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert outline.evaluate("node => getComputedStyle(node).position") == "static"
    expect(page.locator("#what-is-an-embedding")).to_be_in_viewport()
    toggle.click()
    outline.locator(".drawer-close").click()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    assert watch.problems == []


def test_folders_open_to_the_current_note_and_link_their_page(open_page, quartz_url: str) -> None:
    page, _ = open_page(WIDE)
    page.goto(quartz_url + "notes/features/callouts.html")
    current = page.locator("#explorer a[aria-current=page]")
    expect(current).to_have_text("Callouts")
    folders = page.locator("#explorer details.explorer-folder").all()
    opened = [folder.locator("summary").inner_text() for folder in folders if folder.get_attribute("open") is not None]
    assert opened == ["features"]
    page.locator("#explorer a", has_text="All notes in features").click()
    page.wait_for_url(re.compile(r"/folders/features/index\.html$"))
    expect(page.locator("h1")).to_have_text("features")


def test_on_a_phone_the_explorer_is_a_drawer_and_the_header_stays_short(open_page, quartz_url: str) -> None:
    page, watch = open_page(PHONE)
    page.goto(quartz_url + "notes/features/callouts.html")
    assert page.locator(".site-header").bounding_box()["height"] <= 56
    explorer, toggle = page.locator("#explorer"), page.locator("#explorer-toggle")
    expect(explorer).to_be_hidden()
    toggle.click()
    expect(explorer).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(explorer.locator("a[aria-current=page]")).to_have_text("Callouts")
    page.keyboard.press("Escape")
    expect(explorer).to_be_hidden()
    expect(toggle).to_be_focused()
    toggle.click()
    explorer.locator(".drawer-close").click()  # phones have no Escape key
    expect(explorer).to_be_hidden()
    assert watch.problems == []


@pytest.mark.parametrize(
    "path",
    [
        "index.html", NOTE, "glossary.html", "questions/index.html", "open.html", "study/index.html",
        "study/notes/deep-learning-faq.html", "search.html", "graph.html", "tags/index.html",
    ],
)  # fmt: skip
def test_no_page_scrolls_sideways_on_a_phone(open_page, site_url: str, path: str) -> None:
    page, _ = open_page(PHONE)
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path


def test_without_javascript_the_breadcrumbs_lead_to_the_folder(browser, quartz_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=WIDE)
    try:
        page = context.new_page()
        page.goto(quartz_url + "notes/features/callouts.html")
        expect(page.locator("#explorer")).to_be_hidden()
        page.locator(".breadcrumbs a", has_text="features").click()
        page.wait_for_url(re.compile(r"/folders/features/index\.html$"))
        expect(page.locator(".folder-notes a", has_text="Callouts")).to_be_visible()
    finally:
        context.close()


def test_without_javascript_the_outline_link_leads_to_the_outline_after_the_note(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site_url + NOTE)
        page.locator("#outline-toggle").click()
        assert page.url.endswith("#outline")
        expect(page.locator("#outline")).to_be_in_viewport()
        expect(page.locator('#outline a[href="#what-is-an-embedding"]')).to_be_visible()
    finally:
        context.close()
