"""Mermaid diagrams: drawn by the vendored library only on pages that have one, with no console
error under the site's Content-Security-Policy; without JavaScript their source stays readable."""

from __future__ import annotations

from playwright.sync_api import expect

DIAGRAM_NOTE = "notes/features/mermaid-diagrams.html"



def test_a_mermaid_block_is_drawn_as_a_diagram(open_page, quartz_url: str) -> None:
    page, watch = open_page()
    page.goto(quartz_url + DIAGRAM_NOTE)
    expect(page.locator(".mermaid-diagram svg").first).to_be_visible(timeout=15_000)
    assert page.locator("code.language-mermaid").count() == 0
    assert "Alice" in page.locator(".mermaid-diagram svg").first.text_content()
    assert watch.problems == []


def test_pages_without_a_diagram_never_load_the_library(open_page, quartz_url: str) -> None:
    page, _ = open_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(quartz_url + "notes/features/callouts.html")
    page.wait_for_load_state("networkidle")
    assert not any("mermaid" in url for url in loaded)


def test_without_javascript_the_diagrams_source_is_shown(browser, quartz_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(quartz_url + DIAGRAM_NOTE)
        expect(page.locator("pre > code.language-mermaid").first).to_contain_text("sequenceDiagram")
    finally:
        context.close()
