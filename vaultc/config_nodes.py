"""Reading ``vaultc.yaml`` nodes strictly: every value checked, every message naming its line.

Why a module of its own: each group of settings (:mod:`vaultc.config`, :mod:`vaultc.config_cards`)
reads its values the same way, so the checks and the messages are written once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

import yaml

from vaultc.errors import UsageProblem


def fail(path: Path, node: yaml.Node, message: str) -> NoReturn:
    raise UsageProblem(f"{path} line {node.start_mark.line + 1}: {message}")


def did_you_mean(word: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(allowed), n=1)
    return f" Did you mean '{close[0]}'?" if close else ""


def describe(node: yaml.Node) -> str:
    """How a value reads in a message: the text of a scalar, the kind of anything else."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return repr(node.value)


def value_of(node: yaml.Node) -> Any:
    """The Python value of a scalar as ``yaml.safe_load`` gives it; a list or mapping stays a node,
    so that type checks on the result reject it."""
    if not isinstance(node, yaml.ScalarNode):
        return node
    return yaml.SafeLoader("").construct_object(node)


def entries(path: Path, node: yaml.Node, what: str, allowed: Iterable[str]) -> list[tuple[str, yaml.Node]]:
    """The (key, value node) pairs of a mapping node whose keys must be among ``allowed``, each once."""
    allowed = sorted(allowed)
    seen: dict[str, int] = {}
    for key_node, _ in node.value:
        key = value_of(key_node)
        if not isinstance(key, str) or key not in allowed:
            hint = did_you_mean(str(key), allowed) or f" Allowed: {', '.join(allowed)}."
            fail(path, key_node, f"unknown {what} {describe(key_node)}.{hint}")
        if key in seen:
            fail(path, key_node, f"{key!r} is given twice (first on line {seen[key]}); keep one.")
        seen[key] = key_node.start_mark.line + 1
    return [(value_of(key_node), value_node) for key_node, value_node in node.value]


def optional_text(path: Path, key: str, node: yaml.Node) -> str | None:
    value = value_of(node)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        fail(path, node, f"{key} must be non-empty text, not {describe(node)} (quote it if needed).")
    return value.strip()


def flag(path: Path, key: str, node: yaml.Node) -> bool:
    value = value_of(node)
    if not isinstance(value, bool):
        fail(path, node, f"{key} must be true or false, not {describe(node)}.")
    return value


def texts(path: Path, key: str, node: yaml.Node) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode):
        fail(path, node, f'{key} must be a list of text, not {describe(node)}; e.g. {key}: ["a", "b"].')
    return tuple(text_item(path, key, item) for item in node.value)


def text_item(path: Path, key: str, node: yaml.Node) -> str:
    value = value_of(node)
    if not isinstance(value, str) or not value.strip():
        fail(path, node, f"{key} items must be non-empty text, not {describe(node)} (quote it if needed).")
    return value.strip()
