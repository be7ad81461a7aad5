"""An in-test crawler: proves every internal link, image and anchor of a built site resolves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _PageScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.references: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        for attribute in ("href", "src", "data"):
            url = values.get(attribute)
            if url is not None and not (tag == "object" and attribute != "data"):
                self.references.append((tag, url))


def scan(page: Path) -> _PageScan:
    parser = _PageScan()
    parser.feed(page.read_text("utf-8"))
    return parser


def broken_references(site: Path) -> list[str]:
    """Every internal URL in every HTML page whose file or #fragment does not exist."""
    scans = {page: scan(page) for page in site.rglob("*.html")}
    problems = []
    for page, found in sorted(scans.items()):
        for tag, url in found.references:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_file() or not target.is_relative_to(site.resolve()):
                problems.append(f"{page.relative_to(site)}: <{tag}> {url}: no such file")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in scans[target].ids:
                problems.append(f"{page.relative_to(site)}: <{tag}> {url}: no such anchor")
    return problems
