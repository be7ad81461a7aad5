"""Code blocks get a bar naming their language with a Copy button that copies the code as
written; Mermaid blocks are left to the diagram drawer, and without JavaScript there is no bar."""

from __future__ import annotations

from playwright.sync_api import expect

NOTE = "notes/features/callouts.html"



def test_the_copy_button_copies_the_code_and_says_so(browser, quartz_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(quartz_url + NOTE)
        block = page.locator(".code-block", has=page.locator("code.language-scss")).first
        expect(block.locator(".code-language")).to_have_text("scss")
        block.locator(".code-copy").click()
        expect(block.locator(".code-copy")).to_have_text("Copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == block.locator("pre > code").text_content() and copied.startswith(".callout {")
    finally:
        context.close()


def test_diagrams_get_no_bar_and_no_script_means_no_bar(browser, open_page, quartz_url: str) -> None:
    page, watch = open_page()
    page.goto(quartz_url + "notes/features/mermaid-diagrams.html")
    expect(page.locator(".mermaid-diagram svg").first).to_be_visible(timeout=15_000)
    assert page.locator(".code-block:has(.mermaid-diagram)").count() == 0
    assert watch.problems == []
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(quartz_url + NOTE)
        assert plain.locator(".code-bar").count() == 0 and plain.locator("pre > code").count() > 0
    finally:
        context.close()
