"""Reading a note's YAML front matter into the fields vaultc understands.

Obsidian is lenient (``tags: a, b`` and ``tags: [a, b]`` both work; ``aliases`` may be one string),
so this is too; a block that is not valid YAML, or not a mapping, is a ``front-matter-error``
diagnostic pointing at the offending line, and the note is built without it.
"""

from __future__ import annotations

import datetime
from typing import Any

import yaml

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.model import FrontMatter


def read_front_matter(path: str, content: str, first_line: int) -> tuple[FrontMatter, tuple[Diagnostic, ...]]:
    """Parse the YAML between the ``---`` fences; ``first_line`` is the 1-based line of the fence."""
    try:
        data = yaml.safe_load(content) if content.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + 1 + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or "invalid YAML"
        return FrontMatter(), (
            diagnostic(
                path, line, 0, "front-matter-error", f"front matter is not valid YAML ({reason}); it was ignored"
            ),
        )
    if data is None:
        return FrontMatter(), ()
    if not isinstance(data, dict):
        return FrontMatter(), (
            diagnostic(
                path,
                first_line,
                0,
                "front-matter-error",
                "front matter must be a mapping of 'key: value' lines; it was ignored",
            ),
        )
    return _fields(data), ()


def _fields(data: dict[str, Any]) -> FrontMatter:
    return FrontMatter(
        title=_text(data.get("title")),
        aliases=_string_list(data.get("aliases", data.get("alias"))),
        tags=tuple(tag.lstrip("#") for tag in _string_list(data.get("tags", data.get("tag")), split=True)),
        publish=data.get("publish", True) is not False,
        description=_text(data.get("description")),
    )


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value).strip() or None


def _string_list(value: Any, split: bool = False) -> tuple[str, ...]:
    """A YAML list or a single string as a tuple; tags may be given as "a, b" or "a b"."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        text = _text(item)
        if text is None:
            continue
        out.extend(text.replace(",", " ").split() if split else [text])
    return tuple(out)
