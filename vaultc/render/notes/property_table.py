"""The properties table of a note page, shown as Obsidian shows a note's properties.

Why this module exists: a note's front matter says things a reader wants (who wrote it, when, what
it is part of, which notes it relates to); Obsidian shows them above the note as a table of key and
value. Here each value is written as its type: text (its ``[[links]]`` rendered by the same rules as
the body's, so a broken one is marked the same way), a list as chips, a date as ``<time>``, a
checkbox as a drawn box, a web address as a link, tags as links to their tag pages. Text is
always escaped: nothing in a property is Markdown or HTML.

Left out: keys that only steer tools (``SiteOptions.hidden_properties``: by default
:data:`~vaultc.config_properties.DEFAULT_HIDDEN_PROPERTIES`, the title that is the page's heading,
``publish``, ``draft``, ``permalink``, CSS classes, the MathLinks plugin's display name; a vault's
``properties:`` setting adds or removes keys) and empty values, as a reader has nothing to read there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from vaultc.model import ParsedNote, Property, PropertyKind, PropertyValue
from vaultc.names import SitePath, relative_url
from vaultc.render.notes.view import NoteView
from vaultc.render.sitemap import SiteMap

TAG_KEYS = ("tags", "tag")


@dataclass(frozen=True)
class PropertyRow:
    """One row of the table: the key and its values as HTML."""

    key: str
    kind: str
    """CSS hook: the values' type (``text``, ``number``, ``date``...), ``tags``, or ``mixed``."""
    values: tuple[Markup, ...]
    is_list: bool


def property_rows(view: NoteView, md: MarkdownIt, hidden: frozenset[str]) -> list[PropertyRow]:
    """The rows a reader sees, in the order written, less the ``hidden`` keys (case-folded); ``md``
    renders values' links with the site's rules, as the body's."""
    note = view.note
    tag_key = _tag_key(note.front_matter.properties)
    rows = []
    for prop in note.front_matter.properties:
        if prop.key.casefold() in hidden or not prop.values:
            continue
        if prop.key == tag_key:
            rows.append(_tag_row(prop, note, view.page))
        else:
            values = tuple(_value_html(value, view, md) for value in prop.values)
            rows.append(PropertyRow(prop.key, _kind(prop.values), values, prop.is_list))
    return [row for row in rows if row.values]


def _tag_key(properties: Sequence[Property]) -> str | None:
    """The key the note's front-matter tags were read from (``tags``, else ``tag``)."""
    keys = {prop.key for prop in properties}
    return next((key for key in TAG_KEYS if key in keys), None)


def _tag_row(prop: Property, note: ParsedNote, page: SitePath) -> PropertyRow:
    links = tuple(
        Markup('<a class="tag" href="{}">#{}</a>').format(relative_url(page, SiteMap.tag(tag)), tag)
        for tag in note.front_matter.tags
    )
    return PropertyRow(prop.key, "tags", links, True)


def _kind(values: Sequence[PropertyValue]) -> str:
    kinds = {value.kind.value for value in values}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _value_html(value: PropertyValue, view: NoteView, md: MarkdownIt) -> Markup:
    if value.kind is PropertyKind.CHECKBOX:  # drawn, not an <input>: a disabled one is greyed out
        checked = value.text == "true"
        return Markup('<span class="property-check{}"><span class="visually-hidden">{}</span></span>').format(
            " checked" if checked else "", "checked" if checked else "not checked"
        )
    if value.kind in (PropertyKind.DATE, PropertyKind.DATETIME):
        return Markup('<time datetime="{}">{}</time>').format(value.text, value.text.replace("T", " "))
    if value.kind is PropertyKind.OBJECT:
        return Markup("<code>{}</code>").format(value.text)
    if value.kind is PropertyKind.TEXT and _is_web_address(value.text):
        return Markup('<a class="external" href="{}" rel="noopener">{}</a>').format(value.text, value.text)
    if value.tokens:
        return Markup(md.renderer.renderInline(list(value.tokens), md.options, {"vaultc": view}))
    return escape(value.text)


def _is_web_address(text: str) -> bool:
    """A value that is one http(s) address and nothing else (Obsidian makes those clickable)."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in text)
