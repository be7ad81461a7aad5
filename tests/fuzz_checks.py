"""The properties every built site must have, whatever its vault held: shared by the fuzz test and
``scripts/fuzz.py``.

Why this exists: the fuzz vaults are hostile and broken on purpose, so these checks read the output
as a browser and a spreadsheet would. Each returns problems as readable strings (empty: none), so a
failing vault is reported with everything wrong with it at once, each a :class:`Problem` whose kind
names the property:

- every page is well-formed: each element closed in order (void elements aside), and no id of the
  theme's or of a question's anchor given twice;
- nothing runs that the theme did not put there: the only ``<script>`` elements are those of an
  empty vault's site, no ``on*`` attribute, no ``javascript:``/``vbscript:``/``data:`` URL where a
  browser navigates or loads, no ``srcdoc``, ``<base>``, refresh or active attachment in the site;
- the search index is one assignment of JSON that no text can end early;
- every question in ``qa.json`` has its anchor on the page its URL names;
- no cell of ``qa.csv`` starts like a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"))
URL_ATTRIBUTES = frozenset(
    ("href", "src", "data", "action", "formaction", "poster", "xlink:href", "background", "cite", "srcset")
)
ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg", "data:application")
ACTIVE_SUFFIXES = (".html", ".htm", ".svg", ".xhtml", ".xml", ".js", ".mjs")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Problem(NamedTuple):
    """One property broken: ``kind`` names the property (failures are told apart by it), ``detail``
    says where and how."""

    kind: str
    detail: str


class PageScan(HTMLParser):
    """One page read once: its structure problems, ids (with their counts), scripts and active
    attributes."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.problems: list[Problem] = []
        self.ids: Counter[str] = Counter()
        self.scripts: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)
        if tag not in VOID:
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attributes(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self._open or self._open[-1] != tag:
            self._problem("unbalanced", f"</{tag}> closes <{self._open[-1] if self._open else 'nothing'}>")
            if tag in self._open:  # resynchronise, so one slip is reported once
                del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]
            return
        self._open.pop()

    def close(self) -> None:
        super().close()
        if self._open:
            self._problem("unbalanced", f"never closed: {self._open}")

    def handle_data(self, data: str) -> None:
        if self._open and self._open[-1] == "script" and data.strip():
            self.scripts.append(f"inline:{data.strip()}")

    def _problem(self, kind: str, detail: str) -> None:
        self.problems.append(Problem(kind, f"{self.page}: {detail}"))

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids[values["id"]] += 1
        if tag == "script":
            self.scripts.append(f"src:{self._resolve(values.get('src') or '')}")
        if tag == "base" or (tag == "meta" and (values.get("http-equiv") or "").casefold() == "refresh"):
            self._problem("navigation", f"<{tag} {values}>")
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on") or name == "srcdoc":
            self._problem("event-attribute", f"<{tag} {name}={value!r}>")
        elif name in URL_ATTRIBUTES and active_url(value):
            self._problem("active-url", f"<{tag} {name}={value!r}>")

    def _resolve(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            return url
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.page), unquote(parts.path)))


def active_url(value: str) -> bool:
    """Whether a browser would run script for this URL (it drops whitespace and controls first)."""
    squeezed = "".join(c for c in value if c > " ").casefold()
    return squeezed.startswith(ACTIVE_SCHEMES)


def scan_page(site: Path, page: Path) -> PageScan:
    scan = PageScan(page.relative_to(site).as_posix())
    scan.feed(page.read_text("utf-8"))
    scan.close()
    return scan


@dataclass(frozen=True)
class Baseline:
    """What a site built from an empty vault holds: the theme's scripts, its files (site paths) and
    the ids its pages use. No other site may hold other scripts or active files."""

    scripts: frozenset[str]
    files: frozenset[str]
    ids: frozenset[str]


def baseline_of(site: Path) -> Baseline:
    """The empty vault's site: its pages' scripts and every script of the theme it ships (some load
    only on pages an empty vault has none of, such as the explorer on note pages)."""
    scans = [scan_page(site, page) for page in site.rglob("*.html")]
    theme_scripts = {f"src:{path.relative_to(site).as_posix()}" for path in (site / "static").rglob("*.js")}
    return Baseline(
        frozenset(script for scan in scans for script in scan.scripts) | theme_scripts,
        frozenset(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()),
        frozenset(id_ for scan in scans for id_ in scan.ids),
    )


def site_problems(site: Path, baseline: Baseline) -> list[Problem]:
    """Everything wrong with a built site, sorted."""
    scans = {page.relative_to(site).as_posix(): scan_page(site, page) for page in site.rglob("*.html")}
    problems = [problem for scan in scans.values() for problem in scan.problems]
    problems += [
        Problem("foreign-script", f"{name}: {script!r}")
        for name, scan in scans.items()
        for script in scan.scripts
        if script not in baseline.scripts
    ]
    problems += active_files(site, set(scans) | baseline.files)
    problems += search_index_problems(site)
    problems += qa_json_problems(site, scans)
    problems += theme_id_problems(scans, baseline.ids)
    problems += qa_csv_problems(site)
    return sorted(problems)


def active_files(site: Path, known: set[str]) -> list[Problem]:
    """Files of the site that a browser would run (pages, scripts, SVG that still holds a script or
    an event attribute) that vaultc did not make."""
    found = (path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    return [Problem("active-file", name) for name in found
            if name.casefold().endswith(ACTIVE_SUFFIXES) and name not in known and _runs(site / name)]  # fmt: skip


def _runs(file: Path) -> bool:
    """Could opening ``file`` run something? An SVG can if a scan of it finds a script, an event
    attribute, an active URL or a foreignObject; any other page or script always can."""
    if file.suffix.casefold() != ".svg":
        return True
    text = file.read_text("utf-8", "replace")
    scan = PageScan(file.name)
    scan.feed(text)
    found = {problem.kind for problem in scan.problems} & {"event-attribute", "active-url", "navigation"}
    return bool(scan.scripts or found) or "foreignobject" in text.casefold() or "javascript:" in text.casefold()


def search_index_problems(site: Path) -> list[Problem]:
    text = (site / "search-index.js").read_text("utf-8")
    prefix, _, rest = text.partition(" = ")
    if prefix != "window.VAULTC_SEARCH_INDEX" or not rest.endswith(";\n"):
        return [Problem("search-index", f"not one assignment: {text[:80]!r}...{text[-40:]!r}")]
    body = rest.removesuffix(";\n")
    try:
        json.loads(body)
    except ValueError as error:
        return [Problem("search-index", f"not JSON: {error}")]
    escaped = [c for c in ("<", ">", "&", "\u2028", "\u2029") if c in body]
    return [Problem("search-index", f"raw {escaped!r}")] if escaped else []


def qa_json_problems(site: Path, scans: dict[str, PageScan]) -> list[Problem]:
    """Each question's URL names a page holding its anchor, once."""
    problems = []
    for record in json.loads((site / "qa.json").read_text("utf-8"))["questions"]:
        parts = urlsplit(record["url"])
        page, anchor = posixpath.normpath(unquote(parts.path)), unquote(parts.fragment)
        if page not in scans or anchor not in scans[page].ids:
            problems.append(Problem("qa-anchor", f"{record['id']}: no #{anchor} on {page}"))
        elif scans[page].ids[anchor] > 1:
            problems.append(Problem("duplicate-id", f"{page}: question anchor {anchor!r} is not unique"))
    return problems


def theme_id_problems(scans: dict[str, PageScan], theme_ids: frozenset[str]) -> list[Problem]:
    """A note's raw HTML may repeat its own ids, never take one the theme's pages use."""
    return [
        Problem("duplicate-id", f"{page}: theme id {id_!r} is not unique")
        for page, scan in scans.items()
        for id_, count in scan.ids.items()
        if count > 1 and id_ in theme_ids
    ]


def qa_csv_problems(site: Path) -> list[Problem]:
    rows = csv.reader(io.StringIO((site / "qa.csv").read_text("utf-8"), newline=""))
    return [Problem("qa-csv-formula", f"row {number}: {cell[:40]!r}")
            for number, row in enumerate(rows, 1) for cell in row if cell.startswith(FORMULA_STARTS)]  # fmt: skip
