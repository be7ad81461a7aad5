"""The Content-Security-Policy in a real browser: the site's own pages never break it (every main
page, a link preview, a search), and a script that got into a page anyway does not run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.support import MAIN_PAGES, NOTE_PAGE, main_page_path

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""
"""Run before each page's own scripts, through the DevTools protocol (which the policy does not govern)."""


@pytest.fixture
def recorded(open_page):
    page, watch = open_page()
    page.add_init_script(RECORD_VIOLATIONS)
    return page, watch


@pytest.mark.parametrize("name", sorted(MAIN_PAGES))
def test_no_page_of_the_site_breaks_its_own_policy(recorded, site_url: str, default_site_dir: Path, name: str) -> None:
    page, watch = recorded
    page.goto(site_url + main_page_path(name, default_site_dir))
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    assert policy.count() == 1 and "script-src 'self'" in policy.get_attribute("content")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []
    assert watch.problems_except_status(404) == []


def test_previews_and_search_work_under_the_policy(recorded, site_url: str) -> None:
    page, watch = recorded
    page.goto(site_url + NOTE_PAGE)
    term_link = page.locator("main a.term-link").first
    term_link.scroll_into_view_if_needed()
    term_link.hover()  # the preview fetches the term's page: connect-src 'self'
    page.locator("#vaultc-link-preview").wait_for(state="visible")
    page.goto(site_url + "search.html")
    page.fill("#search-input", "embedding")
    page.locator("#search-results > li").first.wait_for()
    assert page.evaluate("window.__violations") == [] and watch.problems == []


def test_a_script_that_got_into_a_page_does_not_run(recorded, site_url: str) -> None:
    page, _ = recorded
    page.goto(site_url + NOTE_PAGE)
    page.evaluate("""() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = "inline script"';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:image/gif;base64,AAAA" onerror="window.injected = \\'handler\\'">';
      document.body.append(holder);
      const link = document.createElement('a');
      link.href = 'javascript:window.injected = "javascript URL"';
      document.body.append(link);
      link.click();
    }""")
    page.wait_for_timeout(300)  # the image's error event, had its handler been allowed
    assert page.evaluate("window.injected") is None
    violations = page.evaluate("window.__violations")
    assert any(violation.startswith("script-src") for violation in violations), violations
