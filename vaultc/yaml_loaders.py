"""YAML read with bounded work: the loaders behind front matter and ``vaultc.yaml``.

Why a module of its own: PyYAML as it comes cannot read hostile input safely. It composes nested
values recursively (a list nested 10,000 deep raises ``RecursionError``), converts integers with
``int()`` (a number of 5,000 digits raises ``ValueError`` since Python 3.11), and shares aliased
values by reference (nine aliases of nine aliases are 10^9 values to whoever walks them). Both
readers of YAML need the same bounds, so they are written once:

* :class:`BoundedComposer` stops at :data:`MAX_DEPTH` levels with an ordinary YAML error at the line
  where it happens, naming the top-level key it is under;
* :func:`expands_beyond` tells whether a composed value, aliases expanded, holds more than a number
  of values (recursive anchors too);
* :class:`PropertiesLoader` reads scalars as Obsidian does (YAML 1.2's core schema: ``yes`` and
  ``on`` are text, ``010`` is ten; ISO dates are dates) and keeps a number too long to be one, or a
  date that is no date (``2024-13-45``), as its text, noting it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import ComposerError

MAX_DEPTH = 64
"""Levels of nesting a YAML value may have (real front matter and settings use two or three)."""

MAX_DIGITS = 100
"""Digits a number may have; a longer one is kept as text (front matter) or refused (settings)."""

INT_TAG = "tag:yaml.org,2002:int"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_CHANGED_TAGS = {"tag:yaml.org,2002:bool", INT_TAG, "tag:yaml.org,2002:float"}


class BoundedComposer:
    """Mixin for a PyYAML loader: composing deeper than :data:`MAX_DEPTH` is a ``ComposerError``."""

    _depth = 0
    _top_key: str | None = None

    def compose_node(self, parent: yaml.Node | None, index: yaml.Node | None) -> yaml.Node:
        if self._depth == 1 and isinstance(index, yaml.ScalarNode):
            self._top_key = str(index.value)  # a value of the document's mapping is being composed
        if self._depth >= MAX_DEPTH:
            where = f"{self._top_key!r} " if self._top_key is not None else "the value "
            mark = self.peek_event().start_mark  # type: ignore[attr-defined]
            raise ComposerError(None, None, f"{where}nests more than {MAX_DEPTH} levels deep", mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1


def expands_beyond(root: yaml.Node, limit: int) -> bool:
    """Does the value hold more than ``limit`` values once its aliases are expanded?

    Counted without recursion and stopping at the limit, so a bomb of aliases or a recursive anchor
    (``&a [*a]``) costs at most ``limit`` steps.
    """
    pending, count = [root], 0
    while pending:
        node = pending.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            pending.extend(item for pair in node.value for item in pair)
    return False


class PropertiesLoader(BoundedComposer, yaml.SafeLoader):
    """Front matter read as Obsidian reads it; problems with single values are kept, not raised."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.value_problems: list[tuple[int, str]] = []
        """(0-based line, message) of values kept as their text."""

    def construct_core_int(self, node: yaml.ScalarNode) -> Any:
        text = str(self.construct_scalar(node))
        digits = text.lstrip("+-")
        if len(digits) > MAX_DIGITS:
            self.value_problems.append((node.start_mark.line, f"a number of {len(digits):,} digits is kept as text"))
            return text
        base = 0 if digits[:2].lower() in ("0o", "0x") else 10  # 010 is ten in YAML 1.2
        try:
            return int(text, base)
        except ValueError:  # an explicit !!int on words
            self.value_problems.append((node.start_mark.line, f"{text[:40]!r} is not a number; kept as text"))
            return text

    def construct_safe_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError as error:  # 2024-13-45 looks like a date and is none
            text = str(self.construct_scalar(node))
            self.value_problems.append((node.start_mark.line, f"{text[:40]!r} is not a date ({error}); kept as text"))
            return text


# YAML 1.2's core schema (what Obsidian reads) in place of PyYAML's YAML 1.1 resolvers: only
# true/false are booleans, numbers are decimal, 0o octal or 0x hexadecimal. Dates stay dates (the
# types Obsidian infers for such text).
PropertiesLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag not in _CHANGED_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
PropertiesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
PropertiesLoader.add_implicit_resolver(
    INT_TAG, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
PropertiesLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
PropertiesLoader.add_constructor(INT_TAG, PropertiesLoader.construct_core_int)
PropertiesLoader.add_constructor(TIMESTAMP_TAG, PropertiesLoader.construct_safe_timestamp)


class ConfigLoader(BoundedComposer, yaml.SafeLoader):
    """``vaultc.yaml`` composed with bounded depth (its values are then read node by node)."""
