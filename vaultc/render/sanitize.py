"""What raw HTML in a note may do: format, never run code.

Notes may hold raw HTML (``<br>`` spacers, ``<details>``, ``<sup>``...). By default every rendered
note body passes through nh3 (the Ammonia sanitizer) with an allow-list of formatting, table, media
and MathML elements and harmless attributes: ``<script>``, ``<style>``, ``<iframe>``, event
handlers and ``javascript:`` URLs are removed. Users who trust their vault can opt in to raw HTML
as written (``--allow-html``), e.g. for embedded widgets.
"""

from __future__ import annotations

import functools

import nh3

_TEXT = """a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt
em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp
section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
audio video object input label nav aside header footer article"""
_MATHML = """math annotation annotation-xml maction menclose merror mfenced mfrac mi mmultiscripts mn mo
mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd
mtext mtr munder munderover none semantics"""

_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby"},
    "a": {"href", "rel", "target"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "audio": {"src", "controls", "preload"},
    "video": {"src", "controls", "preload", "width", "height", "poster"},
    "source": {"src", "type", "srcset", "media"},
    "object": {"data", "type", "width", "height"},
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
    "math": {"display", "xmlns", "alttext"},
    "mo": {"stretchy", "fence", "separator", "lspace", "rspace", "form", "largeop", "movablelimits", "accent"},
    "mstyle": {"displaystyle", "scriptlevel", "mathvariant"},
    "mi": {"mathvariant"},
    "mn": {"mathvariant"},
    "mtext": {"mathvariant"},
    "mspace": {"width", "height", "depth"},
    "mpadded": {"width", "height", "depth", "lspace", "voffset"},
    "mfrac": {"linethickness"},
    "menclose": {"notation"},
    "mtable": {
        "columnalign",
        "rowalign",
        "columnspacing",
        "rowspacing",
        "columnlines",
        "rowlines",
        "frame",
        "displaystyle",
    },
    "mtd": {"columnalign", "rowalign", "columnspan", "rowspan"},
    "mover": {"accent"},
    "munder": {"accentunder"},
    "annotation": {"encoding"},
}


@functools.cache
def _tags() -> set[str]:
    return set(_TEXT.split()) | set(_MATHML.split())


_SAFE_STYLES = ("text-align:left", "text-align:right", "text-align:center")
_SAFE_DATA_IMAGES = ("data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;")


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Table cells keep their alignment (markdown-it writes it as style); pasted images keep their
    inline ``data:`` picture. Other styles and ``data:`` URLs (which could carry HTML) go."""
    if attribute == "style":
        return value if value in _SAFE_STYLES else None
    if value.lower().startswith("data:"):
        return (
            value if element == "img" and attribute == "src" and value.lower().startswith(_SAFE_DATA_IMAGES) else None
        )
    return value


def sanitize_html(html: str) -> str:
    """Remove anything from rendered note HTML that could run code or restyle the page."""
    return nh3.clean(
        html,
        tags=_tags(),
        attributes=_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        attribute_filter=_filter_attribute,
        url_schemes={"http", "https", "mailto", "obsidian", "tel", "data"},
        link_rel=None,
        strip_comments=True,
    )
