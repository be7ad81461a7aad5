"""Attachments a browser would run, published so that opening them runs nothing.

Why this module exists: a site on GitHub Pages shares its origin (``user.github.io``) with every
project site of its owner, so a ``.svg`` or ``.html`` attachment saved from the web and published
verbatim would run its scripts in that origin as soon as someone opens its link. The policy:

* **SVG** is published cleaned: parsed as XML (the standard library's expat, which refuses entity
  expansion bombs and never fetches external entities), it keeps only SVG elements and their
  attributes, and loses every ``<script>``, ``<foreignObject>``, event attribute (``on*``),
  animation that could set a link, and every link but a ``#fragment`` or an embedded raster image.
  It still draws as it did, through ``<img>`` and opened on its own. One that is not well-formed
  XML (no browser would draw it either) is published as an empty SVG.
* **Pages and scripts** (``.html``, ``.htm``, ``.xhtml``, ``.mht``, ``.xml``, ``.js``...) are
  published with ``.txt`` added to their name, so GitHub Pages serves them as plain text: their
  source can be read, never run.

Everything else is copied as it is. The write stage calls :func:`published_bytes` while copying;
the site plan names files with :func:`published_name`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
TEXT_SUFFIXES = (
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".xml", ".xsl", ".xslt", ".js", ".mjs", ".svgz",
)  # fmt: skip
"""Files a browser would open as a page or run as a script: published as plain text."""
REMOVED_ELEMENTS = frozenset({"script", "foreignObject", "handler", "listener", "iframe", "embed", "object"})
_ANIMATIONS = frozenset({"set", "animate", "animateTransform", "animateMotion"})
_SAFE_DATA_URL = re.compile(r"data:image/(png|jpe?g|gif|webp);base64,", re.IGNORECASE)
EMPTY_SVG = f'<svg xmlns="{SVG_NAMESPACE}"/>'.encode()

ElementTree.register_namespace("", SVG_NAMESPACE)
ElementTree.register_namespace("xlink", XLINK_NAMESPACE)


def published_name(path: str) -> str:
    """The name a vault file is published under."""
    return path + ".txt" if path.casefold().endswith(TEXT_SUFFIXES) else path


def published_bytes(path: str, content: bytes) -> bytes:
    """What is published for the vault file ``path`` holding ``content``."""
    return clean_svg(content) if path.casefold().endswith(".svg") else content


def clean_svg(content: bytes) -> bytes:
    """The SVG without anything that could run, as XML; an empty SVG when it cannot be read."""
    try:
        root = ElementTree.fromstring(content)
    except (ElementTree.ParseError, ValueError):
        return EMPTY_SVG
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        return EMPTY_SVG
    _clean(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _clean(element: ElementTree.Element) -> None:
    for child in list(element):
        if not _kept(child):
            element.remove(child)
        else:
            _clean(child)
    for name in list(element.attrib):
        if not _attribute_kept(name, element.attrib[name]):
            del element.attrib[name]


def _kept(element: ElementTree.Element) -> bool:
    """SVG elements only (text nodes belong to their element); no active ones."""
    if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{SVG_NAMESPACE}}}"):
        return False
    local = element.tag.split("}", 1)[1]
    if local in REMOVED_ELEMENTS:
        return False
    return not (local in _ANIMATIONS and "href" in element.get("attributeName", "").casefold())


def _attribute_kept(name: str, value: str) -> bool:
    local = name.rsplit("}", 1)[-1].casefold()
    if local.startswith("on"):
        return False
    if local == "href":
        stripped = value.strip()
        return stripped.startswith("#") or bool(_SAFE_DATA_URL.match(stripped))
    return "javascript:" not in value.casefold().replace(" ", "")
