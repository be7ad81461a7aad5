"""The ``properties:`` settings: which front-matter keys the note pages' properties table leaves out.

Why settings: which keys only steer tools differs between vaults (a Digital Garden vault has
``dg-publish``, a paper vault an ``id`` nobody reads). The defaults leave out what vaultc, Obsidian
and common plugins use for themselves; a vault adds to them or brings one back::

    properties:
      hide: [id, dg-publish]   # left out too (keys compared ignoring case)
      show: [draft]            # shown although a default leaves it out
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from vaultc.config_nodes import describe, entries, fail, texts, value_of

DEFAULT_HIDDEN_PROPERTIES = frozenset({"title", "publish", "draft", "permalink", "cssclass", "cssclasses", "mathlink"})
"""Case-folded keys that steer vaultc, Obsidian or a plugin rather than tell the reader anything: the
title is the page's heading; ``mathLink`` is the MathLinks plugin's display name for links."""


@dataclass(frozen=True)
class PropertySettings:
    hidden: frozenset[str] = DEFAULT_HIDDEN_PROPERTIES
    """Case-folded keys the properties table leaves out."""


def read_property_settings(path: Path, key: str, node: yaml.Node) -> PropertySettings:
    if value_of(node) is None:
        return PropertySettings()
    if not isinstance(node, yaml.MappingNode):
        fail(path, node, f"{key} must be a mapping (hide, show), not {describe(node)}.")
    chosen = {"hide": (), "show": ()}
    for name, value in entries(path, node, f"{key} setting", chosen):
        chosen[name] = tuple(text.casefold() for text in texts(path, f"{key}.{name}", value))
    return PropertySettings((DEFAULT_HIDDEN_PROPERTIES | set(chosen["hide"])) - set(chosen["show"]))
