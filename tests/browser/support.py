"""What the browser tests and scripts/screenshots.py share: building a site, serving it, starting chromium.

The browser is Debian's chromium (``apt-get install chromium``), never one downloaded by a test tool.
Sites are served the way GitHub Pages serves them: static files, and ``404.html`` with status 404
for any missing path.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import posixpath
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vaultc.build import BuildOptions, build

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_VAULT = ROOT / "vault"
QUARTZ_DOCS = ROOT / "tests" / "corpora" / "quartz-docs"
TOOLS = ROOT / "tests" / "browser" / "node_modules"
AXE_SCRIPT = TOOLS / "axe-core" / "axe.min.js"
VNU_JAR = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = TOOLS / "lighthouse" / "cli" / "index.js"

CHROMIUM = Path(os.environ.get("VAULTC_CHROMIUM", "/usr/bin/chromium"))
# Root in CI needs --no-sandbox; the rest stop chromium calling Google hosts (no network in tests).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)
INSTALL_HINT = "run scripts/install-test-tools (or set VAULTC_SKIP_BROWSER=1 to skip the browser tests)"


def build_site(vault: Path, output: Path, ignore: tuple[str, ...] = ()) -> Path:
    """Build ``vault`` into ``output`` (which must not exist yet or be a vaultc site) and return it."""
    result = build(BuildOptions(vault, output, ignore=ignore))
    assert result.written, f"building {vault} wrote nothing"
    return output


def build_default_site(output: Path) -> Path:
    return build_site(DEFAULT_VAULT, output)


def build_quartz_docs_site(output: Path) -> Path:
    return build_site(QUARTZ_DOCS, output, ignore=("SOURCE.md",))


class _StaticSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; ``404.html`` (status 404) for anything missing, as GitHub Pages does."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Quiet: test output shows failures, not every request."""


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yields the base URL (ending in ``/``)."""
    handler = functools.partial(_StaticSiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {folder.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class PageWatch:
    """Everything that went wrong while a page was open: console errors, uncaught exceptions,
    requests that failed, responses with an error status."""

    problems: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("console", lambda message: self._console(message))
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        page.on("requestfailed", lambda request: self._failed(request))
        page.on("response", lambda response: self._response(response))

    def _failed(self, request) -> None:
        # ERR_ABORTED is a request cancelled by the browser, e.g. a favicon still loading when a click
        # navigates away (seen on a loaded machine): nothing on the site is broken
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"request failed: {request.url} {request.failure}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} at {message.location.get('url', '?')}")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def problems_except_status(self, status: int) -> list[str]:
        """The problems, leaving out responses with ``status`` and chromium's console line about them."""
        expected = (f"HTTP {status}:", f"status of {status}")
        return [problem for problem in self.problems if not any(text in problem for text in expected)]


def missing_browser_tools() -> list[str]:
    """What the browser tests need and cannot find, as readable lines ([] when all is there)."""
    missing = []
    if not CHROMIUM.is_file():
        missing.append(f"chromium not found at {CHROMIUM}")
    try:
        import playwright.sync_api  # noqa: F401 - only checking that it is installed
    except ImportError:
        missing.append("the Python package playwright is not installed (pip install -e '.[test]')")
    for tool in (AXE_SCRIPT, VNU_JAR, LIGHTHOUSE):
        if not tool.is_file():
            missing.append(f"{tool.relative_to(ROOT)} is missing (npm ci --prefix tests/browser)")
    return missing


# Rendering that does not vary from run to run (screenshots with the same bytes each time).
STEADY_RENDERING_ARGS = (
    "--font-render-hinting=none",
    "--disable-font-subpixel-positioning",
    "--disable-lcd-text",
    "--force-color-profile=srgb",
    "--disable-partial-raster",
    "--disable-threaded-animation",
    "--disable-threaded-scrolling",
    "--disable-checker-imaging",
    "--run-all-compositor-stages-before-draw",
)


def launch_chromium(playwright, extra_args: tuple[str, ...] = ()):  # playwright: playwright.sync_api.Playwright
    """Start Debian's headless chromium with the flags CI needs."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=[*CHROMIUM_ARGS, *extra_args])


# The pages every check visits, by the name failures show. The study deck is found on the study index.
NOTE_PAGE = "notes/deep-learning-interview-questions.html"
CONCEPT_PAGE = "terms/embedding.html"
STUDY_INDEX = "study/index.html"
NOT_FOUND_PROBE = "no-such-page.html"
MAIN_PAGES = {
    "home": "index.html",
    "glossary": "glossary.html",
    "concept": CONCEPT_PAGE,
    "note": NOTE_PAGE,
    "questions": "questions/index.html",
    "open": "open.html",
    "study": STUDY_INDEX,
    "study-deck": None,
    "graph": "graph.html",
    "search": "search.html?q=embedding",  # with results to lay out
    "tags": "tags/index.html",
    "404": NOT_FOUND_PROBE,
}


def first_study_deck(site: Path) -> str:
    """Site path of the first deck the study index links to."""
    index = (site / STUDY_INDEX).read_text("utf-8")
    linked = {posixpath.normpath("study/" + href) for href in re.findall(r'href="([^"#?:]+\.html)"', index)}
    decks = sorted(path for path in linked if path.startswith("study/") and path != STUDY_INDEX)
    assert decks and (site / decks[0]).is_file(), f"{STUDY_INDEX} links to no deck in study/"
    return decks[0]


def main_page_path(name: str, site: Path) -> str:
    """Where the page ``name`` (a key of MAIN_PAGES) is; pages other than the 404 probe must exist."""
    path = MAIN_PAGES[name] or first_study_deck(site)
    assert name == "404" or (site / path.split("?")[0]).is_file(), f"{path} was not built"
    return path


LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse(url: str, report: Path) -> dict:
    """Lighthouse's report on ``url`` (its mobile profile, Debian's chromium), as JSON."""
    flags = " ".join(("--headless=new", *CHROMIUM_ARGS))
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--chrome-flags={flags}", f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}"]  # fmt: skip
    environment = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run(command, check=True, capture_output=True, timeout=180, env=environment)
    return json.loads(report.read_text("utf-8"))


def lighthouse_failures(report: dict, category: str) -> list[str]:
    """The audits of ``category`` that count and did not pass, with what they measured."""
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']].get('displayValue', '')} {audits[ref['id']].get('title', '')}".strip()
        for ref in report["categories"][category]["auditRefs"]
        if ref.get("weight", 0) > 0 and audits[ref["id"]].get("score") not in (None, 1)
    ]
