"""Words as a reader sees them, on a built note page and in a note's raw HTML (for check_nothing_lost).

Both sides of the comparison split text the same way: words are runs of letters and digits,
case-folded; inline formatting (``<em>``, ``<a>``, ``<code>``...) keeps the words around it
together, every other element separates them, and the content of ``<script>``, ``<style>`` and
``<template>`` is never seen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

JOINING_TAGS = frozenset(
    ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd", "mark"]
    + ["q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"]
)
"""Elements that do not separate the words around them (``**im**portant`` is one word; Pygments
writes ``800px`` as two spans). A span drawn as a picture (``role``: a missing embed) stands apart."""
UNSEEN = frozenset({"script", "style", "template"})
REFERRING = ("src", "href", "data")


def words(text: str) -> list[str]:
    """Runs of letters and digits, case-folded."""
    found, current = [], []
    for char in text.casefold():
        if char.isalnum():
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def tag_name(tag: str) -> str:
    """The element name of one HTML tag as written (``</B >`` -> ``b``)."""
    inner = tag.strip().lstrip("<").lstrip("/").strip()
    name = []
    for char in inner:
        if not (char.isalnum() or char == "-"):
            break
        name.append(char)
    return "".join(name).lower()


class _Text(HTMLParser):
    """Visible text (with word breaks at separating elements) and the URLs elements refer to.

    ``container``: only the text inside the first ``div`` of that class counts (None: all of it),
    and a note heading that became the page's title (``h1.note-title`` with the heading's id).
    ``raw_text``: script and style hold raw text, as in a browser; off to read an element left
    open as what it is in Obsidian, the start of the note's text."""

    def __init__(self, container: str | None, raw_text: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.container, self.raw_text = container, raw_text
        self.parts: list[str] = []
        self.references: list[str] = []
        self.unseen_depth = 0
        self.removed = False
        self.spans: list[bool] = []  # open spans: whether each stands apart from the words around it
        self.depth = 0 if container else 1  # div nesting inside the container
        self.in_title = False  # inside the note's own first heading, shown as the page's h1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self.container and tag == "div" and (self.depth or self.container in (values.get("class") or "").split()):
            self.depth += 1
        if self.container and tag == "h1" and values.get("id") and "note-title" in (values.get("class") or "").split():
            self.in_title = True
        if tag in UNSEEN and self.raw_text:
            self.unseen_depth += 1
            self.removed = True
        if tag == "span":
            self.spans.append("role" in values)
        self._element(tag, attrs, "role" in values)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, attrs, False)

    def handle_endtag(self, tag: str) -> None:
        if tag in UNSEEN and self.unseen_depth:
            self.unseen_depth -= 1
        apart = tag == "span" and bool(self.spans) and self.spans.pop()
        self._element(tag, [], apart)
        if self.container and tag == "div" and self.depth:
            self.depth -= 1
        if tag == "h1":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if (self.depth or self.in_title) and not self.unseen_depth:
            self.parts.append(data)

    def set_cdata_mode(self, elem: str) -> None:
        if self.raw_text:
            super().set_cdata_mode(elem)

    def _element(self, tag: str, attrs: list[tuple[str, str | None]], stands_apart: bool) -> None:
        if not (self.depth or self.in_title):
            return
        self.references.extend(value for key, value in attrs if key in REFERRING and value)
        if tag not in JOINING_TAGS or stands_apart:
            self.parts.append(" ")


@dataclass(frozen=True)
class PageText:
    words: Counter[str]
    """Each word of the note's content on its page, and how often it occurs."""
    references: frozenset[str]
    """File names of the URLs the content refers to (``src``, ``href``, ``data``)."""


def read_page(page: Path) -> PageText:
    """The words and referenced file names of a note page's content (``div.note-content``, and its
    first heading when that is the page's title)."""
    scan = _Text("note-content")
    scan.feed(page.read_text("utf-8"))
    scan.close()
    names = frozenset(unquote(urlsplit(url).path).rsplit("/", 1)[-1] for url in scan.references)
    return PageText(Counter(words("".join(scan.parts))), names)


def html_words(html: str) -> tuple[list[str], bool]:
    """The words a reader sees in a note's raw HTML block, and whether an unseen element (a closed
    ``<script>``, ``<style>``, ``<template>``) held some of it. An element left open is seen: in
    Obsidian it ends with its section, and what follows is the note's text."""
    scan = _scan(html, raw_text=True)
    if scan.unseen_depth:
        scan = _scan(html, raw_text=False)
    return words("".join(scan.parts)), scan.removed


def _scan(html: str, raw_text: bool) -> _Text:
    scan = _Text(None, raw_text)
    scan.feed(html)
    scan.close()
    return scan
