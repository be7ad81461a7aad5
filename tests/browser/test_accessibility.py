"""axe-core finds no serious or critical accessibility violation on the pages people use most, in the
light and the dark colour scheme (contrast is checked on the colours actually drawn)."""

from __future__ import annotations

import pytest

from tests.browser.support import AXE_SCRIPT, CONCEPT_PAGE, NOTE_PAGE

AUDITED_PAGES = {
    "home": "index.html",
    "glossary": "glossary.html",
    "concept": CONCEPT_PAGE,
    "note": NOTE_PAGE,
    "questions": "questions/index.html",
    "search": "search.html",
    "search dialog": NOTE_PAGE,
    "study session": "study/notes/deep-learning-faq.html",
    "note on a phone": NOTE_PAGE,
    "outline on a phone": NOTE_PAGE,
    "note graph enlarged": NOTE_PAGE,
}
SEARCH_QUERY = "embedding"
BLOCKING_IMPACTS = ("serious", "critical")


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page; its violations (each with the nodes it found)."""
    # evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern
    # (a <script> tag added to the page would be refused, as it should be)
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def describe(violation: dict) -> str:
    nodes = "\n".join(
        f"    {' '.join(map(str, n['target']))}: {n['html'][:160]}{why(n)}" for n in violation["nodes"][:6]
    )
    more = len(violation["nodes"]) - 6
    extra = f"\n    ... and {more} more" if more > 0 else ""
    return f"{violation['impact']} {violation['id']}: {violation['help']}\n{nodes}{extra}"


def why(node: dict) -> str:
    """axe's own explanation of a node (for contrast: the ratio and both colours)."""
    checks = node.get("any", []) + node.get("all", []) + node.get("none", [])
    messages = [check["message"] for check in checks if check.get("message")]
    return f"\n      -> {messages[0]}" if messages else ""


def show_search_results(page) -> None:
    page.fill("#search-input", SEARCH_QUERY)
    page.locator("#search-results li").first.wait_for(state="visible")


def prepare(page, name: str) -> None:
    """Put the page in the state audited: results shown, a dialog open, a card revealed, a drawer open."""
    if name == "search":
        show_search_results(page)
    if name == "search dialog":
        page.keyboard.press("Control+k")
        page.keyboard.type(SEARCH_QUERY)
        page.locator(".search-overlay-results li").first.wait_for(state="visible")
    if name == "study session":
        page.click("#study-start")
        page.keyboard.press("Space")
        page.locator("#study-grades").wait_for(state="visible")
    if name == "note on a phone":
        page.click("#explorer-toggle")
        page.locator("#explorer a[aria-current=page]").wait_for(state="visible")
    if name == "outline on a phone":
        page.click("#outline-toggle")
        page.locator("#outline .drawer-close").wait_for(state="visible")
    if name == "note graph enlarged":
        page.click(".graph-enlarge")
        page.locator("dialog.graph-dialog").wait_for(state="visible")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(AUDITED_PAGES))
def test_no_serious_accessibility_violations(open_page, site_url: str, name: str, scheme: str) -> None:
    viewport = {"width": 375, "height": 740} if "phone" in name else {"width": 1280, "height": 800}
    page, _ = open_page(viewport, color_scheme=scheme)
    response = page.goto(site_url + AUDITED_PAGES[name])
    assert response.ok, f"{AUDITED_PAGES[name]}: HTTP {response.status}"
    prepare(page, name)
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], f"{AUDITED_PAGES[name]} ({scheme}):\n" + "\n".join(map(describe, blocking))
