"""Every main page, on a 375 px phone screen in light and dark: loads with no console error, no
uncaught exception, no failed request, no error response (except the deliberate 404), and never
scrolls sideways (long words wrap; wide tables and code scroll inside their own box)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.support import MAIN_PAGES, main_page_path

PHONE = {"width": 375, "height": 812}

# The elements sticking out past the right edge, widest first: what a failure names.
OVERFLOWING_ELEMENTS = """() => {
  const limit = document.documentElement.clientWidth;
  const classes = (element) => typeof element.className === 'string' && element.className.trim()
    ? '.' + element.className.trim().split(/\\s+/).join('.') : '';
  const describe = (element) => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + classes(element);
  const clipped = (element) => {  /* inside a box that scrolls or clips: cannot widen the page */
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  return Array.from(document.body.querySelectorAll('*'))
    .map((element) => [element, element.getBoundingClientRect().right])
    .filter(([element, right]) => right > limit + 0.5 && element.getClientRects().length && !clipped(element))
    .sort((a, b) => b[1] - a[1]).slice(0, 8)
    .map(([element, right]) => describe(element) + ' (right edge ' + Math.round(right) + 'px): ' +
      (element.textContent || '').trim().slice(0, 60));
}"""


def horizontal_overflow(page) -> list[str]:
    """[] when the page is no wider than the screen; else the widest elements sticking out."""
    widths = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if widths[0] <= widths[1]:
        return []
    return [f"page is {widths[0]}px wide on a {widths[1]}px screen", *page.evaluate(OVERFLOWING_ELEMENTS)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(MAIN_PAGES))
def test_page_loads_cleanly_and_fits_a_phone(open_page, site_url: str, default_site_dir: Path, name: str, scheme: str):
    path = main_page_path(name, default_site_dir)
    page, watch = open_page(PHONE, scheme)
    response = page.goto(site_url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    if name == "404":
        assert response.status == 404 and page.locator("h1").count() == 1
        problems = watch.problems_except_status(404)
    else:
        assert response.ok, f"{path}: HTTP {response.status}"
        problems = watch.problems
    assert problems == [], f"{path} ({scheme}):\n" + "\n".join(problems)
    overflow = horizontal_overflow(page)
    assert overflow == [], f"{path} ({scheme}) scrolls sideways at 375px:\n" + "\n".join(overflow)
