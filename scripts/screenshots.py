#!/usr/bin/env python3
"""Screenshots of the default vault's site for the README: builds it, serves it, photographs it.

    python scripts/screenshots.py [--output docs/screenshots]

Each kind of page at desktop (1280x800) and phone (375x812) size, in the light and the dark theme;
names are fixed (``<page>-desktop.png``, ``<page>-phone.png``, ``<page>-desktop-dark.png``,
``<page>-phone-dark.png``) so a re-run replaces the same files. Uses Debian's chromium like the
browser tests (scripts/install-test-tools).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere: the shared test support lives in tests/browser

from tests.browser.support import (  # noqa: E402 - after the path set-up above
    CONCEPT_PAGE,
    NOTE_PAGE,
    STEADY_RENDERING_ARGS,
    build_default_site,
    first_study_deck,
    launch_chromium,
    missing_browser_tools,
    serve,
)

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}
SCHEMES = ("light", "dark")
SEARCH_QUERY = "embedding"


def pages(site: Path) -> dict[str, str]:
    """Screenshot name -> site path, in README order."""
    return {
        "home": "index.html",
        "glossary": "glossary.html",
        "concept": CONCEPT_PAGE,
        "note": NOTE_PAGE,
        "questions": "questions/index.html",
        "open": "open.html",
        "study": first_study_deck(site),
        "session": first_study_deck(site),
        "graph": "graph.html",
        "search": "search.html",
        "overlay": NOTE_PAGE,
    }


def prepare(page, name: str) -> None:
    """Put the page in the state worth showing: a query typed, a study card opened."""
    if name == "search":
        page.fill("#search-input", SEARCH_QUERY)
        page.locator("#search-results li").first.wait_for(state="visible")
        page.locator("#search-input").blur()
    if name == "study":
        page.locator("details.study-card summary").first.click()
    if name == "session":  # a study session: the first card's answer shown, waiting for a grade
        page.click("#study-start")
        page.keyboard.press("Space")
        page.locator("#study-grades").wait_for(state="visible")
        page.locator("#study-session").scroll_into_view_if_needed()
    if name == "overlay":  # search from a note page, with a typo
        page.keyboard.press("Control+k")
        page.keyboard.type("embeding")
        page.locator(".search-overlay-results li").first.wait_for(state="visible")
    page.mouse.move(0, 0)  # no hover effects or link previews in the picture


def photograph(browser, url: str, name: str, size: str, scheme: str, target: Path) -> None:
    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        prepare(page, name)
        page.screenshot(path=str(target), animations="disabled", caret="hide")
    finally:
        context.close()


def take_all(base_url: str, site: Path, output: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    taken = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, STEADY_RENDERING_ARGS)
        for name, path in pages(site).items():
            shots = [(size, scheme, f"{name}-{size}{'' if scheme == 'light' else '-dark'}.png")
                     for size in SIZES for scheme in SCHEMES]  # fmt: skip
            for size, scheme, file_name in shots:
                photograph(browser, base_url + path, name, size, scheme, output / file_name)
                taken.append(output / file_name)
        browser.close()
    return taken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    arguments = parser.parse_args()
    missing = [line for line in missing_browser_tools() if "node_modules" not in line]
    if missing:
        print("screenshots: " + "; ".join(missing) + " (run scripts/install-test-tools)", file=sys.stderr)
        return 1
    arguments.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vaultc-screenshots-") as scratch:
        site = build_default_site(Path(scratch) / "site")
        with serve(site) as base_url:
            for shot in take_all(base_url, site, arguments.output):
                print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
