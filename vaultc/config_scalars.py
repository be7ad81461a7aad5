"""Every scalar of ``vaultc.yaml`` checked before any setting is read, so a hostile value stops
the run with exit code 2 and a message naming its key and line, never a traceback.

Why a module of its own: PyYAML converts a scalar only when a setting's reader asks for it, and the
conversion can raise what no reader expects (``ValueError`` for a number of 5,000 digits or for
``2024-13-45``, ``KeyError`` for ``!!bool maybe``). Checking the whole node tree once, up front,
keeps every reader simple.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from vaultc.config_nodes import fail, value_of
from vaultc.yaml_loaders import INT_TAG, MAX_DIGITS


def check_values(path: Path, root: yaml.Node) -> None:
    """Every scalar of the file converts, or the run stops naming its key: a 5,000-digit number or
    ``2024-13-45`` would otherwise raise from deep inside a setting's reader. Aliased nodes are
    visited once, so a recursive anchor or a bomb of aliases costs one step per node."""
    pending: list[tuple[str, yaml.Node]] = [("", root)]
    seen: set[int] = set()
    while pending:
        label, node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(path, label, node)
        else:
            pending.extend(reversed(_children(label, node)))  # a stack: the file's first problem first


def _children(label: str, node: yaml.Node) -> list[tuple[str, yaml.Node]]:
    """The nodes under a list or mapping, each with the key path a message names it by."""
    if isinstance(node, yaml.SequenceNode):
        return [(f"{label}[{index}]", item) for index, item in enumerate(node.value)]
    children = []
    for key, value in node.value if isinstance(node, yaml.MappingNode) else ():
        name = str(key.value)[:40] if isinstance(key, yaml.ScalarNode) else "?"
        children += [(f"a key under {label}" if label else "a key", key), (f"{label}.{name}" if label else name, value)]
    return children


def _check_scalar(path: Path, label: str, node: yaml.ScalarNode) -> None:
    digits = len(node.value.lstrip("+-").replace("_", ""))
    if node.tag == INT_TAG and digits > MAX_DIGITS:
        fail(path, node, f"{label}: a number of {digits:,} digits cannot be a setting.")
    try:
        value_of(node)
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        detail = f" ({error})" if isinstance(error, ValueError) else ""
        kind = node.tag.rsplit(":", 1)[-1]
        fail(path, node, f"{label}: {node.value[:40]!r} is not a valid {kind}{detail}.")
