"""Reading a note's YAML front matter into the fields vaultc understands, as Obsidian reads it.

Obsidian is lenient (``tags: a, b`` and ``tags: [a, b]`` both work; ``aliases`` may be one string),
so this is too. Two kinds of problem, two findings, and nothing the note says is lost:

* a block that cannot be read at all (not YAML, not a mapping, nested deeper than
  :data:`~vaultc.yaml_loaders.MAX_DEPTH`, expanding to more than :data:`MAX_VALUES` values) is a
  ``front-matter-error`` at the offending line; :mod:`vaultc.markdown.front_matter` then shows its
  lines as the note's text instead of hiding them;
* a value vaultc cannot use (a list as the title, a mapping as a tag, a 5,000-digit number) is a
  ``front-matter-value`` finding at its line, and the rest of the block is read.

Scalars are read with YAML 1.2's core schema, as Obsidian does: ``title: yes`` is the text "yes",
``publish: no`` still keeps a note off the site (hiding is the safe side of the difference).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.model import FrontMatter
from vaultc.yaml_loaders import PropertiesLoader, expands_beyond

MAX_VALUES = 10_000
"""Values a note's front matter may hold once YAML aliases are expanded (bounded work for every
reader of properties)."""

_UNPUBLISHED = frozenset({"false", "no", "off"})
"""``publish`` words that keep a note off the site (YAML 1.1's booleans too: hiding is the safe side)."""

_CONTAINERS = (dict, list, tuple, set, bytes)
"""Values that are not one piece of text (mappings, lists, ``!!set``, ``!!omap``, ``!!binary``)."""

_PARSE_ERRORS = (yaml.YAMLError, ValueError, TypeError, KeyError, OverflowError, RecursionError)
"""What PyYAML's constructors raise on hostile input (``!!bool maybe``, ``!!float x``, ...)."""


@dataclass(frozen=True)
class LoadedYaml:
    """A front-matter block as YAML: its mapping, or why it cannot be used."""

    data: Mapping[str, Any] | None
    """The properties (None when the block cannot be used)."""
    problem: tuple[int, str] | None = None
    """(0-based line within the block, reason) when it cannot be used."""
    key_lines: Mapping[Any, int] | None = None
    """0-based line of each top-level key, for findings about values."""
    value_problems: tuple[tuple[int, str], ...] = ()
    """(0-based line, message) for single values kept as their text."""


@functools.lru_cache(maxsize=256)
def load_front_matter(content: str) -> LoadedYaml:
    """The YAML between the fences, never raising. Cached: the markdown plugin asks first (to decide
    whether the lines are properties or text), then :func:`read_front_matter` reads the same block."""
    if not content.strip():
        return LoadedYaml({})
    try:
        loader = PropertiesLoader(content)  # reads the text at once: may refuse a control character
        root = loader.get_single_node()
        if root is not None and expands_beyond(root, MAX_VALUES):
            return LoadedYaml(None, (0, f"it expands to more than {MAX_VALUES:,} values (YAML aliases)"))
        data = loader.construct_document(root) if root is not None else None
    except _PARSE_ERRORS as error:
        return LoadedYaml(None, _where(content, error))
    if data is None:
        return LoadedYaml({})  # only comments
    if not isinstance(data, dict):
        return LoadedYaml(None, (-1, "it must be a mapping of 'key: value' lines"))
    lines = {key.value: key.start_mark.line for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
    return LoadedYaml(data, None, lines, tuple(loader.value_problems))


def _where(content: str, error: Exception) -> tuple[int, str]:
    """Line and reason of a YAML error (the line of its mark, or of its character position)."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        return mark.line, f"not valid YAML: {getattr(error, 'problem', None) or 'invalid YAML'}"
    position = getattr(error, "position", None)  # reader errors: a character YAML does not allow
    line = content.count("\n", 0, position) if isinstance(position, int) else 0
    return line, f"not valid YAML: {error}" if isinstance(error, yaml.YAMLError) else f"cannot be read ({error!r})"


def read_front_matter(path: str, content: str, first_line: int) -> tuple[FrontMatter, tuple[Diagnostic, ...]]:
    """Parse the YAML between the fences; ``first_line`` is the 1-based line of the opening fence."""
    loaded = load_front_matter(content)
    if loaded.data is None:
        offset, reason = loaded.problem or (-1, "it cannot be read")
        message = f"front matter cannot be read: {reason}; its lines are shown as the note's text"
        return FrontMatter(), (diagnostic(path, first_line + 1 + offset, 0, "front-matter-error", message),)
    key_lines = loaded.key_lines or {}
    found = [(line, f"{_key_at(key_lines, line)}{message}") for line, message in loaded.value_problems]
    fields = _Fields(loaded.data, key_lines, found)
    front_matter = fields.front_matter()
    return front_matter, tuple(
        diagnostic(path, first_line + 1 + line, 0, "front-matter-value", message) for line, message in sorted(found)
    )


def _key_at(key_lines: Mapping[Any, int], line: int) -> str:
    """ "key: " for the top-level key whose value holds ``line`` (the last key at or above it)."""
    above = [(key_line, str(key)) for key, key_line in key_lines.items() if key_line <= line]
    return f"{max(above)[1]}: " if above else ""


class _Fields:
    """Reads the fields vaultc uses, noting each value it has to leave out."""

    def __init__(self, data: Mapping[Any, Any], key_lines: Mapping[Any, int], found: list[tuple[int, str]]) -> None:
        self.data, self.key_lines, self.found = data, key_lines, found

    def front_matter(self) -> FrontMatter:
        return FrontMatter(
            title=self._text("title"),
            aliases=self._names("aliases" if "aliases" in self.data else "alias"),
            tags=tuple(tag.lstrip("#") for tag in self._names("tags" if "tags" in self.data else "tag", split=True)),
            publish=self._publish(),
            description=self._text("description"),
        )

    def _note(self, key: str, message: str) -> None:
        self.found.append((self.key_lines.get(key, 0), f"{key}: {message}"))

    def _text(self, key: str) -> str | None:
        value = self.data.get(key)
        if isinstance(value, _CONTAINERS):
            self._note(key, f"{_kind(value)} is not text; it was ignored")
            return None
        return _scalar_text(value)

    def _names(self, key: str, split: bool = False) -> tuple[str, ...]:
        """A YAML list or a single value as a tuple; tags may be given as "a, b" or "a b"."""
        value = self.data.get(key)
        if isinstance(value, _CONTAINERS) and not isinstance(value, list):
            self._note(key, f"{_kind(value)} is not a list; it was ignored")
            return ()
        out: list[str] = []
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, _CONTAINERS):
                self._note(key, f"{_kind(item)} in the list is not a name; it was ignored")
                continue
            text = _scalar_text(item)
            if text is not None:
                out.extend(text.replace(",", " ").split() if split else [text])
        return tuple(out)

    def _publish(self) -> bool:
        value = self.data.get("publish", True)
        if isinstance(value, bool) or value is None:
            return value is not False
        if isinstance(value, str) and value.strip().lower() in _UNPUBLISHED | {"true", "yes", "on"}:
            return value.strip().lower() not in _UNPUBLISHED
        self._note("publish", f"{_kind(value)} is neither true nor false; the note is published")
        return True


def _scalar_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"  # as written, not Python's True
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value).strip() or None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    if isinstance(value, bytes):
        return "binary data"
    return repr(value) if not isinstance(value, str) else repr(value[:40])
