"""Fixtures for the browser tests: built sites, a local server, one chromium per worker, a page per test.

Under pytest-xdist every worker builds and serves its own copy of the default vault's site (about
two seconds); the quartz-docs site is built only by the worker that runs a test asking for it.
Missing tools FAIL these tests (CI must never pass by skipping them); set VAULTC_SKIP_BROWSER=1 to
skip them deliberately on a machine without chromium.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.support import (
    INSTALL_HINT,
    PageWatch,
    build_default_site,
    build_quartz_docs_site,
    launch_chromium,
    missing_browser_tools,
    serve,
)

DESKTOP = {"width": 1280, "height": 800}

if os.environ.get("VAULTC_SKIP_BROWSER") == "1" and importlib.util.find_spec("playwright") is None:
    collect_ignore_glob = ["test_*.py"]  # asked to skip, and the modules could not even be imported


@pytest.fixture(scope="session", autouse=True)
def browser_tools_present() -> None:
    """Skip only on request; anything missing otherwise is a failure naming what to install."""
    if os.environ.get("VAULTC_SKIP_BROWSER") == "1":
        pytest.skip("VAULTC_SKIP_BROWSER=1: browser tests skipped on request")
    missing = missing_browser_tools()
    if missing:
        pytest.fail("browser test tools missing: " + "; ".join(missing) + f". To fix: {INSTALL_HINT}", pytrace=False)


@pytest.fixture(scope="session")
def default_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_default_site(tmp_path_factory.mktemp("browser-default") / "site")


@pytest.fixture(scope="session")
def quartz_site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_quartz_docs_site(tmp_path_factory.mktemp("browser-quartz") / "site")


@pytest.fixture(scope="session")
def site_url(default_site_dir: Path) -> Iterator[str]:
    """Base URL (ending in ``/``) of the default vault's site, served over http."""
    with serve(default_site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def quartz_url(quartz_site_dir: Path) -> Iterator[str]:
    """Base URL (ending in ``/``) of the quartz-docs site (nested folders, tags, diagrams), served over http."""
    with serve(quartz_site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser) -> Iterator[object]:
    """``open_page(viewport, color_scheme)`` -> (page, PageWatch), each in a fresh context (own storage:
    a theme chosen in one test stays there), all closed after the test."""
    contexts = []

    def opener(viewport: dict = DESKTOP, color_scheme: str = "light"):
        contexts.append(browser.new_context(viewport=viewport, color_scheme=color_scheme))
        opened, watch = contexts[-1].new_page(), PageWatch()
        opened.set_default_timeout(10_000)
        watch.attach(opened)
        return opened, watch

    yield opener
    for opened_context in contexts:
        opened_context.close()


@pytest.fixture
def watched_page(open_page) -> tuple[object, PageWatch]:
    """A desktop-sized page in light mode, and what went wrong on it so far."""
    return open_page()


@pytest.fixture
def page(watched_page):
    return watched_page[0]
