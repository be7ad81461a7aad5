"""Pages showing open prompts (questions left open on purpose) in a real browser: valid HTML, and no
serious axe-core violation (badge contrast included) in light, dark, and dark chosen with the toggle
on a light system.

The default vault has no prompts (the extractor does not report them yet), so this site is the
hand-made one of ``tests/test_render_prompts.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.support import serve
from tests.browser.test_accessibility import BLOCKING_IMPACTS, axe_violations, describe
from tests.browser.test_html_validity import nu_checker_errors
from tests.test_render_prompts import NOTE, site_of
from vaultc.render.site import render_site
from vaultc.theme import load_theme

PROMPT_PAGES = {
    "note": NOTE,
    "prompt listing": "questions/prompt.html",
    "open": "open.html",
    "study deck": "study/all/index.html",
    "concept": "terms/transformer.html",
    "search": "search.html?q=dropout",
}
SCHEMES = {  # name: (system colour scheme, theme stored by the toggle)
    "light": ("light", None),
    "dark": ("dark", None),
    "dark toggle": ("light", "dark"),
}


@pytest.fixture(scope="module")
def prompt_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = site_of()
    folder = tmp_path_factory.mktemp("browser-prompts") / "site"
    for page in render_site(site.vault, site.knowledge, site.graph, load_theme(), site.options).pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.content)
    return folder


@pytest.fixture(scope="module")
def prompt_site_url(prompt_site_dir: Path) -> Iterator[str]:
    with serve(prompt_site_dir) as base:
        yield base


def test_pages_with_prompts_are_valid_html(prompt_site_dir: Path) -> None:
    errors = nu_checker_errors(prompt_site_dir)
    assert not errors, f"{len(errors)} Nu HTML checker errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("name", list(PROMPT_PAGES))
def test_pages_with_prompts_have_no_serious_accessibility_violation(
    open_page, prompt_site_url: str, name: str, scheme: str
) -> None:
    system, stored = SCHEMES[scheme]
    page, watch = open_page(color_scheme=system)
    if stored:
        page.add_init_script(f"window.localStorage.setItem('vaultc-theme', '{stored}')")
    path = PROMPT_PAGES[name]
    assert page.goto(prompt_site_url + path).ok
    if stored:
        assert page.locator("html").get_attribute("data-theme") == stored
    page.locator(".badge-prompt").first.wait_for(state="visible")  # search: once the results are drawn
    if name == "study deck":
        page.locator("details.study-card[data-status=prompt]").first.evaluate("card => { card.open = true; }")
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], f"{path} ({scheme}):\n" + "\n".join(map(describe, blocking))
    assert watch.problems == []
