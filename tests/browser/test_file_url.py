"""The built site works opened from disk (file://): relative links navigate, scripts load, search answers."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.support import NOTE_PAGE


def file_url(site: Path, path: str) -> str:
    return (site / path).as_uri()


def test_home_glossary_and_a_note_navigate_from_disk(watched_page, default_site_dir: Path) -> None:
    page, watch = watched_page
    page.goto(file_url(default_site_dir, "index.html"))
    expect(page.locator("h1")).to_have_count(1)
    page.locator("header nav a", has_text=re.compile(r"^\s*glossary\s*$", re.I)).click()
    expect(page).to_have_url(file_url(default_site_dir, "glossary.html"))
    expect(page.locator("a.concept-link").first).to_be_visible()
    page.go_back()
    page.locator("main a[href*='notes/']").first.click()
    expect(page).to_have_url(re.compile(r"^file://.*/notes/[^/]+\.html$"))
    expect(page.locator("main h1")).to_be_visible()
    theme_colour = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--fg')")
    assert theme_colour.strip(), "the theme CSS did not load from disk"
    assert watch.problems == [], "\n".join(watch.problems)


def test_search_answers_from_disk(watched_page, default_site_dir: Path) -> None:
    page, watch = watched_page
    page.goto(file_url(default_site_dir, "search.html"))
    page.fill("#search-input", "embedding")
    hit = page.locator("#search-results > li a", has_text="What is an embedding?")
    expect(hit.first).to_be_visible()
    hit.first.click()
    expect(page).to_have_url(re.compile(r"^file://.*/notes/[^#]+\.html#.+$"))
    assert watch.problems == [], "\n".join(watch.problems)


def test_link_previews_stay_off_from_disk(watched_page, default_site_dir: Path) -> None:
    """Previews fetch pages, which file:// forbids: hovering must do nothing and log nothing."""
    page, watch = watched_page
    page.goto(file_url(default_site_dir, NOTE_PAGE))
    term_link = page.locator("main a.term-link").first
    term_link.scroll_into_view_if_needed()
    term_link.hover()
    page.wait_for_timeout(1_000)  # longer than the preview's show delay
    expect(page.locator("#vaultc-link-preview")).to_have_count(0)
    assert watch.problems == [], "\n".join(watch.problems)
