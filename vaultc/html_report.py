"""``unsafe-html`` findings: what the sanitizer removes from a note's raw HTML because it could run code.

The sanitizer (:mod:`vaultc.render.sanitize`) works on a page's finished HTML and cannot say where
a note wrote something; this module reads the raw HTML tokens of each parsed note (``html_block``,
and ``html_inline`` inside paragraphs, never code) with the standard library's HTML tokenizer and
reports, at file:line, each element and attribute the policy removes for being active content:
``<object>`` with anything but a PDF, ``<embed>``, ``<applet>``, frames, an ``<iframe>`` without
an https address, inline ``<svg>``, ``<meta>``, ``<base>``, ``<link>``, forms, event attributes,
``srcdoc``, ``formaction``, ``javascript:``/``vbscript:``/``data:`` URLs, and closed ``<script>``
and ``<style>`` elements (with their content). It uses the sanitizer's own rules
(:func:`~vaultc.render.sanitize.url_allowed`), so the two always agree. An unclosed ``<script>`` in
prose is shown as text instead (:mod:`vaultc.markdown.raw_text`; a ``raw-text-tag`` finding).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

from markdown_it.token import Token

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.markdown.raw_text import RAW_TEXT_TAGS
from vaultc.model import ParsedNote
from vaultc.render.sanitize import URL_ATTRIBUTES, url_allowed, url_scheme

_EMBEDDED = "it could run the file's scripts in the page; embed the file with ![[name]] instead"
REMOVED_ELEMENTS = {
    "script": "it would run in the page (to show code, put it in backticks or a code block)",
    "style": "it would restyle the whole site's page (to show CSS, put it in a code block)",
    "embed": _EMBEDDED,
    "applet": _EMBEDDED,
    "frame": "frames are not published",
    "frameset": "frames are not published",
    "portal": "portals are not published",
    "svg": "inline SVG can hold scripts: save it as a .svg file and embed it with ![[name.svg]] (shown as an image)",
    "meta": "it could redirect or reconfigure the page",
    "base": "it would redirect every link of the page",
    "link": "it could load styles or scripts into the page",
    "form": "a form could send what readers type elsewhere",
    "button": "a button could submit a form elsewhere",
}
RUNNING_ATTRIBUTES = frozenset({"srcdoc", "formaction"})
RUNNING_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data"})
_JUDGED_WHOLE = {("object", "data"), ("iframe", "src")}
"""URLs reported with their element (:func:`_element_problems`), not once more on their own."""
KEPT_WITH = "removed from the site (--allow-html keeps it)"


def unsafe_html(notes: Iterable[ParsedNote]) -> list[Diagnostic]:
    """One finding per active element or attribute in the raw HTML of ``notes``."""
    return [found for note in notes for raw in _raw_html(note.tokens) for found in _report(note, *raw)]


def _raw_html(tokens: Iterable[Token]) -> Iterator[tuple[int, str, bool]]:
    """(1-based line, raw HTML, whether it starts its line) of every HTML block and of every
    paragraph's inline HTML, read as one piece (a browser reads ``<noscript>`` in one tag and its end
    in a later one as one element); a paragraph's text stands in as blanks, so no text is read as a
    tag, and its line breaks stay, so each tag is placed at its line (its column unknown)."""
    for token in tokens:
        if token.type == "html_block" and token.map:
            yield token.map[0] + 1, token.content, True
        elif token.type == "inline" and token.map and any(c.type == "html_inline" for c in token.children or ()):
            yield token.map[0] + 1, "".join(_as_html(child) for child in token.children or ()), False


def _as_html(child: Token) -> str:
    if child.type == "html_inline":
        return child.content
    return "\n" if child.type in ("softbreak", "hardbreak") else " "


def _report(note: ParsedNote, line: int, html: str, block: bool) -> list[Diagnostic]:
    if "<" not in html:
        return []
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return [
        diagnostic(note.path, line + row - 1, column + 1 if block else 0, "unsafe-html", message, subject)
        for row, column, message, subject in reader.found
    ]


class _Reader(HTMLParser):
    """Collects (row, column, message, subject) for each active part of one piece of raw HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        row, column = self.getpos()
        for message in _problems(tag, {name: value or "" for name, value in attrs}):
            self.found.append((row, column, message, f"<{tag}>"))
        if tag in RAW_TEXT_TAGS:
            self.set_cdata_mode(tag)  # as a browser reads it: what follows, to its end tag, is text

    handle_startendtag = handle_starttag


def _problems(tag: str, attributes: dict[str, str]) -> list[str]:
    if tag in REMOVED_ELEMENTS:
        return [f"<{tag}> is {KEPT_WITH}: {REMOVED_ELEMENTS[tag]}"]
    problems = _element_problems(tag, attributes)
    for name, value in attributes.items():
        if name.startswith("on") or name in RUNNING_ATTRIBUTES:
            problems.append(f"the {name} attribute of <{tag}> is {KEPT_WITH}: it would run a script")
        elif _url_attribute(name) and (tag, name) not in _JUDGED_WHOLE and _running_url(tag, name, value):
            scheme = url_scheme(value) or url_scheme(value.split(",")[0].split(" ")[0])
            problems.append(f"the {scheme}: URL in {name} of <{tag}> is {KEPT_WITH}: it could run a script")
    return problems


def _url_attribute(name: str) -> bool:
    """An attribute holding a URL, namespaced ones (``xlink:href``) included."""
    return name in URL_ATTRIBUTES or name.rpartition(":")[2] in URL_ATTRIBUTES


def _element_problems(tag: str, attributes: dict[str, str]) -> list[str]:
    if tag == "object" and not url_allowed("object", "data", attributes.get("data", "")):
        return [f"<object> is {KEPT_WITH} (only a PDF is shown): {_EMBEDDED}"]
    if tag == "iframe" and "src" in attributes and not url_allowed("iframe", "src", attributes["src"]):
        return [f"<iframe> loads nothing on the site: only an https: address is kept (got {attributes['src']!r})"]
    return []


def _running_url(tag: str, name: str, value: str) -> bool:
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    return any(url_scheme(url) in RUNNING_SCHEMES and not url_allowed(tag, "src", url) for url in urls)
