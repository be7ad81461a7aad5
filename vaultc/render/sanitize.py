"""What raw HTML in a note may do: format, never run code.

Notes may hold raw HTML (``<br>`` spacers, ``<details>``, ``<sup>``...). By default every rendered
note body passes through nh3 (the Ammonia sanitizer) with an allow-list of formatting, table, media
and MathML elements and harmless attributes. The policy for active content (the README states it):

- ``<script>``, ``<style>``, ``<embed>``, ``<applet>``, ``<svg>``, frames, forms and buttons,
  ``<meta>``, ``<base>``, ``<link>``, event attributes, ``srcdoc``, ``formaction`` and
  ``javascript:``/``vbscript:`` URLs are removed; ``data:`` URLs only stay as an ``<img>`` picture
  in a raster format (PNG, JPEG, GIF, WebP). URLs are read as a browser reads them (spaces and
  controls around them, tabs and newlines inside them, entities, any case).
- ``<object>`` only shows a PDF (its ``data`` a relative path ending in ``.pdf``, typed
  ``application/pdf``: vaultc's own PDF embeds); any other ``data`` is dropped, so an object never
  loads an SVG or HTML document into the page, and its fallback content shows instead.
- ``<iframe>`` keeps only an ``https:`` address and always gets the sandbox
  :data:`IFRAME_SANDBOX` (scripts, but never together with ``allow-same-origin``: a frame of the
  site's own origin, e.g. another project on ``user.github.io``, stays in an opaque origin of its
  own). An iframe without an https address loads nothing.

:mod:`vaultc.html_report` reports what the policy removes from raw HTML (``unsafe-html``), with the
same rules (:func:`url_allowed`). Users who trust their vault can opt in to raw HTML as written
(``--allow-html``), e.g. for embedded widgets.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

import nh3

from vaultc.mathml_policy import MATHML_ATTRIBUTES, MATHML_ELEMENTS

_TEXT = """a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt
em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp
section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
audio video object iframe input label nav aside header footer article"""

IFRAME_SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox allow-presentation"
"""Every kept iframe's sandbox: its scripts run in an opaque origin, never the site's."""

_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby"},
    "a": {"href", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "audio": {"src", "controls", "preload"},
    "video": {"src", "controls", "preload", "width", "height", "poster"},
    "source": {"src", "type", "srcset", "media"},
    "object": {"data", "type", "width", "height"},
    "iframe": {"src", "width", "height", "loading", "allowfullscreen", "referrerpolicy"},
    "input": {"type", "checked", "disabled"},
    "details": {"open"},
    "pre": {"tabindex"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "data": {"value"},
    **MATHML_ATTRIBUTES,
}


@functools.cache
def _tags() -> set[str]:
    return set(_TEXT.split()) | MATHML_ELEMENTS


SAFE_STYLES = ("text-align:left", "text-align:right", "text-align:center")
"""The only inline styles kept (markdown-it writes table alignment so); the CSP allows exactly these."""
_RASTER_DATA = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")
URL_ATTRIBUTES = frozenset({"href", "src", "data", "poster", "srcset", "cite", "action", "formaction", "background"})
_SCHEMES = frozenset({"http", "https", "mailto", "obsidian", "tel"})
_URL_SPACE = "".join(map(chr, range(33)))
"""What a browser's URL parser strips around a URL (C0 controls and space)."""


def browser_url(value: str) -> str:
    """``value`` as a browser's URL parser reads it: controls and spaces around it dropped, tabs and
    newlines inside it removed (so ``" java\\tscript:"`` is ``javascript:``)."""
    return value.strip(_URL_SPACE).replace("\t", "").replace("\n", "").replace("\r", "")


def url_scheme(value: str) -> str:
    """The URL's scheme in lower case ("" for a relative URL)."""
    url = browser_url(value)
    head = url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return head.split(":", 1)[0].lower() if ":" in head else ""


def url_allowed(element: str, attribute: str, value: str) -> bool:
    """May this URL stay on this element? (The one place the rules for URLs are written.)"""
    if attribute == "srcset":
        return all(url_allowed(element, "src", part.split()[0]) for part in value.split(",") if part.split())
    scheme = url_scheme(value)
    if element == "object":
        return attribute == "data" and _relative_pdf(value)
    if element == "iframe":
        return scheme == "https" and bool(urlsplit(browser_url(value)).netloc)
    if scheme == "data":
        return element == "img" and attribute == "src" and browser_url(value).lower().startswith(_RASTER_DATA)
    return scheme in _SCHEMES or (not scheme and "\\" not in value)


def _relative_pdf(value: str) -> bool:
    """A path on the site ending in ``.pdf``, which every host serves as a PDF, never as a document
    that runs scripts in the page's origin (the query and fragment do not change the file)."""
    parts = urlsplit(browser_url(value))
    return not parts.scheme and not parts.netloc and "\\" not in value and parts.path.lower().endswith(".pdf")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Table cells keep their alignment; URLs stay only where :func:`url_allowed` says; an object is
    only a PDF; an input is only a checkbox (task lists)."""
    if attribute == "style":
        return value if value in SAFE_STYLES else None
    if attribute in URL_ATTRIBUTES:
        return value if url_allowed(element, attribute, value) else None
    if element == "object" and attribute == "type":
        return value if value == "application/pdf" else None
    if element == "input" and attribute == "type":
        return value if value == "checkbox" else None
    return value


def sanitize_html(html: str) -> str:
    """Remove anything from rendered note HTML that could run code or restyle the page."""
    return nh3.clean(
        html,
        tags=_tags(),
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        attribute_filter=_filter_attribute,
        set_tag_attribute_values={"iframe": {"sandbox": IFRAME_SANDBOX}},
        url_schemes=set(_SCHEMES | {"data"}),
        link_rel=None,
        strip_comments=True,
    )
