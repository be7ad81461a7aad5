"""A note's front matter as Obsidian's properties: each key with its typed values, and the links in them.

Why this module exists: Obsidian reads ``up: "[[Parent]]"`` or ``related: ["[[A]]", "[[B]]"]`` as
links (resolved, counted as backlinks and in the graph) and shows every key in a properties table.
:mod:`vaultc.frontmatter` reads the fields vaultc itself uses; once it has accepted the YAML, this
module reads it again as YAML *nodes*, which keep what the loaded values lose: where each value
stands (so a broken link in a property is reported at its line:column, like one in the body) and
how it was written (a number keeps its digits, however many).

Values are typed as Obsidian types them: text, number, checkbox, date, date & time; a list is a
list of these; a mapping or a nested list is shown as written. Links in text values are found by
the same wikilink rule as in the body (:mod:`vaultc.markdown.wikilinks`, on a parser with nothing
else, since a property value is not Markdown), so they follow the same resolution rules.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import replace

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from vaultc.markdown.wikilinks import wikilinks_plugin
from vaultc.model import FrontMatter, LinkKind, LinkRef, Property, PropertyKind, PropertyValue
from vaultc.yaml_loaders import PropertiesLoader

UNLINKED_KEYS = frozenset({"tags", "tag", "aliases", "alias", "cssclasses", "cssclass"})
"""Keys whose values are names, never links (Obsidian reads tags and aliases as such)."""
OBJECT_TEXT_LIMIT = 300
"""A mapping shown as written is cut here (an alias may repeat a large node many times)."""

_YAML = "tag:yaml.org,2002:"


def with_properties(front_matter: FrontMatter, content: str, first_line: int) -> FrontMatter:
    """``front_matter`` with the properties and property links of the YAML ``content`` (whose
    opening fence is on 1-based ``first_line``); the hook :mod:`vaultc.frontmatter` calls once it
    has accepted the YAML as a mapping."""
    properties, links = read_properties(content, first_line)
    return replace(front_matter, properties=properties, links=links)


def read_properties(content: str, first_line: int) -> tuple[tuple[Property, ...], tuple[LinkRef, ...]]:
    """Every key of the mapping with its values, and the links in them numbered from 0."""
    loader = PropertiesLoader(content)  # the front-matter reader's schema and bounds
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:  # the front-matter reader has reported it
        return (), ()
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        return (), ()
    reader = _Reader(content, first_line)
    latest = {_key_text(key, content): (key, value) for key, value in root.value}  # YAML: the last wins
    properties = tuple(reader.property(name, key, value) for name, (key, value) in latest.items())
    return properties, tuple(reader.links)


class _Reader:
    """Turns value nodes into property values, collecting links as it meets them."""

    def __init__(self, content: str, first_line: int) -> None:
        self.content = content
        self.first_line = first_line
        self.links: list[LinkRef] = []

    def property(self, name: str, key: yaml.Node, node: yaml.Node) -> Property:
        linked = name.casefold() not in UNLINKED_KEYS
        if isinstance(node, yaml.SequenceNode):
            values = (self.value(item, linked) for item in node.value)
            return Property(name, tuple(v for v in values if v is not None), True, self._line(key.start_mark.index))
        value = self.value(node, linked)
        return Property(name, () if value is None else (value,), False, self._line(key.start_mark.index))

    def value(self, node: yaml.Node, linked: bool) -> PropertyValue | None:
        """One value; None for an empty one (null or blank text)."""
        if not isinstance(node, yaml.ScalarNode):
            return PropertyValue(PropertyKind.OBJECT, _written(node, self.content))
        tag = node.tag.removeprefix(_YAML)
        if tag == "null" or not node.value.strip():
            return None
        if tag == "bool":
            return PropertyValue(PropertyKind.CHECKBOX, "true" if node.value.lower() == "true" else "false")
        if tag in ("int", "float"):
            return PropertyValue(PropertyKind.NUMBER, node.value.strip())
        if tag == "timestamp":
            moment = _timestamp(node)
            if moment is not None:
                return moment
        return PropertyValue(PropertyKind.TEXT, node.value, self._text_tokens(node) if linked else ())

    def _text_tokens(self, node: yaml.ScalarNode) -> tuple[Token, ...]:
        """The value's text and wikilinks; each link becomes a :class:`LinkRef` placed in the source."""
        children = _value_markdown().parseInline(node.value)[0].children or []
        start = node.start_mark.index
        for token in children:
            if token.type == "wikilink_open":
                found = self.content.find(token.meta["raw"], start, node.end_mark.index)
                position = found if found >= 0 else node.start_mark.index  # written with escapes
                start = found + len(token.meta["raw"]) if found >= 0 else start
                token.meta["link_index"] = len(self.links)
                self.links.append(self._link(token, position))
        return tuple(children)

    def _link(self, token: Token, position: int) -> LinkRef:
        meta = token.meta
        line = self._line(position)
        column = position - (self.content.rfind("\n", 0, position) + 1) + 1
        return LinkRef(
            len(self.links), LinkKind.LINK, meta["target"], tuple(meta["heading"]), meta["block"],
            line, column, meta["raw"], True,
        )  # fmt: skip

    def _line(self, position: int) -> int:
        """1-based line in the note of ``position`` in the YAML (the fence is on ``first_line``)."""
        return self.first_line + 1 + self.content.count("\n", 0, position)


@functools.cache
def _value_markdown() -> MarkdownIt:
    """A parser that knows only text and wikilinks: in a property, ``![[x]]`` is not an embed and
    nothing else is Markdown."""
    md = MarkdownIt("zero")
    md.use(wikilinks_plugin)
    md.inline.ruler.disable("embed")
    return md


def _timestamp(node: yaml.ScalarNode) -> PropertyValue | None:
    """A date or a date and time (ISO text); None when YAML's pattern matched an impossible date."""
    try:
        moment = yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
    except ValueError:
        return None
    if isinstance(moment, datetime.datetime):
        return PropertyValue(PropertyKind.DATETIME, moment.isoformat(timespec="minutes"))
    return PropertyValue(PropertyKind.DATE, moment.isoformat())


def _key_text(key: yaml.Node, content: str) -> str:
    return str(key.value) if isinstance(key, yaml.ScalarNode) else _written(key, content)


def _written(node: yaml.Node, content: str) -> str:
    """A node's source on one line, cut at :data:`OBJECT_TEXT_LIMIT`."""
    text = " ".join(content[node.start_mark.index : node.end_mark.index].split())
    return text if len(text) <= OBJECT_TEXT_LIMIT else text[: OBJECT_TEXT_LIMIT - 1] + "…"
