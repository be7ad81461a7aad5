"""site.js in a real browser: the light/dark toggle and link previews, served over HTTP and opened
from file://, on a desktop and a phone, with no console errors. Uses the session's one chromium
(tests/browser/conftest.py): a second sync Playwright cannot start in the same worker. The checks
that need no browser are in tests/test_site_wide.py."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultc.cli import main

VAULT = {
    "Start.md": "# Start\n\nRead [[Target]] first, then [[Target#Second part]].\n\n"
    + "\n\n".join(f"Filler paragraph {i} to make the page long." for i in range(40)),
    "Target.md": (
        "# Target\n\nThe target's first paragraph explains it."
        ' <img alt="" src="data:image/gif;base64,AAAA" onerror="window.previewScriptRan = true">'
        "<script>window.previewScriptRan = true</script>\n\n"
        "## Second part\n\nText of the second part. See [[Start]].\n\n## Third part\n\nNot shown.\n"
    ),
}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    for name, text in VAULT.items():
        (root / "vault" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "vault" / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(root / "vault"), "-o", str(root / "site"), "-q", "--allow-html"])
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    thread.join()


@pytest.fixture
def console_errors() -> list[str]:
    return []


def open_page(browser, url: str, errors: list[str], **options):
    page = browser.new_page(**{"viewport": {"width": 1100, "height": 800}, **options})
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page


def preview(page):
    return page.locator("#vaultc-link-preview")


def test_the_toggle_switches_stores_and_returns_to_the_system_theme(browser, server, console_errors) -> None:
    page = open_page(browser, server + "notes/start.html", console_errors, color_scheme="light")
    toggle = page.locator("#theme-toggle")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("localStorage.getItem('vaultc-theme')") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.goto(server + "index.html")  # another page: the choice is applied before site.js runs
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background == "rgb(22, 24, 29)"
    page.locator("#theme-toggle").click()  # back to light, which is the system's: follow the system again
    assert page.evaluate("document.documentElement.hasAttribute('data-theme')") is False
    assert page.evaluate("localStorage.getItem('vaultc-theme')") is None
    assert console_errors == []


def test_hovering_a_link_previews_its_page_safely(browser, server, console_errors) -> None:
    page = open_page(browser, server + "notes/start.html", console_errors)
    link = page.locator("a.wikilink", has_text="Target").first
    link.hover()
    box = preview(page)
    box.wait_for(state="visible")
    assert box.get_attribute("role") == "tooltip"
    assert link.get_attribute("aria-describedby") == "vaultc-link-preview"
    text = box.inner_text()
    assert "Target" in text and "first paragraph explains it" in text
    assert box.locator("[id], script, a, h1, h2").count() == 0  # no duplicate ids, nothing to run or follow
    assert box.locator("img").count() == 1 and box.locator("img").get_attribute("onerror") is None
    assert page.evaluate("window.previewScriptRan === undefined")  # the onerror handler was dropped
    page.mouse.move(1000, 700)
    box.wait_for(state="hidden")
    assert link.get_attribute("aria-describedby") is None
    assert console_errors == []


def test_a_link_to_a_heading_previews_that_section_only(browser, server, console_errors) -> None:
    page = open_page(browser, server + "notes/start.html", console_errors)
    page.locator("a.wikilink", has_text="Second part").hover()
    preview(page).wait_for(state="visible")
    text = preview(page).inner_text()
    assert "Second part" in text and "Text of the second part" in text
    assert "Not shown" not in text and "first paragraph" not in text


def test_keyboard_focus_shows_a_preview_and_escape_dismisses_it(browser, server, console_errors) -> None:
    page = open_page(browser, server + "notes/start.html", console_errors)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('wikilink')"):
            break
    preview(page).wait_for(state="visible")
    page.keyboard.press("Escape")
    preview(page).wait_for(state="hidden")
    assert console_errors == []


def test_the_preview_stays_inside_the_viewport(browser, server, console_errors) -> None:
    page = open_page(browser, server + "notes/start.html", console_errors, viewport={"width": 700, "height": 500})
    page.locator("a.wikilink", has_text="Target").first.hover()
    preview(page).wait_for(state="visible")
    left, right = page.evaluate(
        "(() => { const r = document.getElementById('vaultc-link-preview').getBoundingClientRect();"
        " return [r.left, r.right]; })()"
    )
    assert left >= 0 and right <= 700
    assert page.evaluate("document.documentElement.scrollWidth") <= 700


def test_phones_get_no_previews_and_no_horizontal_scroll(browser, server, console_errors) -> None:
    page = open_page(
        browser,
        server + "notes/start.html",
        console_errors,
        viewport={"width": 375, "height": 700},
        is_mobile=True,
        has_touch=True,
    )
    page.locator("a.wikilink", has_text="Target").first.hover()
    page.wait_for_timeout(600)
    assert preview(page).count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []


def test_from_file_urls_previews_do_nothing_and_nothing_fails(browser, site, console_errors) -> None:
    page = open_page(browser, (site / "notes" / "start.html").as_uri(), console_errors)
    page.locator("a.wikilink", has_text="Target").first.hover()
    page.wait_for_timeout(600)
    assert preview(page).count() == 0
    page.locator("#theme-toggle").click()
    assert page.evaluate("document.documentElement.dataset.theme") in ("dark", "light")
    assert console_errors == []


def test_the_404_page_fills_its_search_box_from_the_missing_address(browser, server, site, console_errors) -> None:
    page = open_page(browser, server + "404.html", console_errors)
    assert page.locator("#not-found-search-input").input_value() == ""
    # what the host does for a missing address: answer with 404.html (status 200 here, or Chromium
    # logs the 404 status itself as a console error)
    page.route(
        "**/gradient-descent.html", lambda route: route.fulfill(path=site / "404.html", content_type="text/html")
    )
    page.goto(server + "gradient-descent.html")
    assert page.locator("#not-found-search-input").input_value() == "gradient descent"
    assert console_errors == []
