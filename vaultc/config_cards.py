"""The ``flashcards:`` settings: which notes hold spaced-repetition cards, and their separators.

Why settings: the spaced-repetition plugin lets people choose the tag that marks a note of cards and
each separator (``::``, ``:::``, ``?``, ``??``); a vault that changed them in the plugin says so here::

    flashcards:
      tags: [flashcards, cards]   # a note carrying one of these tags (or a sub-tag) holds cards
      inline: "::"
      inline_reversed: ":::"
      multiline: "?"
      multiline_reversed: "??"
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vaultc.config_nodes import describe, entries, fail, texts, value_of
from vaultc.extract.evidence import DEFAULT_CARD_TAGS
from vaultc.markdown.cards import DEFAULT_SEPARATORS


@dataclass(frozen=True)
class CardSettings:
    tags: tuple[str, ...] = DEFAULT_CARD_TAGS
    separators: tuple[tuple[str, str], ...] = field(default=tuple(sorted(DEFAULT_SEPARATORS.items())))
    """(kind, separator) pairs: a tuple, so the parse stage can key its parser on them."""


def read_card_settings(path: Path, key: str, node: yaml.Node) -> CardSettings:
    if value_of(node) is None:
        return CardSettings()
    if not isinstance(node, yaml.MappingNode):
        fail(path, node, f"{key} must be a mapping (tags, inline, multiline...), not {describe(node)}.")
    chosen = dict(DEFAULT_SEPARATORS)
    tags = DEFAULT_CARD_TAGS
    for name, value in entries(path, node, f"{key} setting", ("tags", *DEFAULT_SEPARATORS)):
        if name == "tags":
            tags = tuple(tag.lstrip("#") for tag in texts(path, f"{key}.tags", value))
        else:
            chosen[name] = _separator(path, f"{key}.{name}", value)
    return CardSettings(tags, tuple(sorted(chosen.items())))


def _separator(path: Path, key: str, node: yaml.Node) -> str:
    text = value_of(node)
    if not isinstance(text, str) or not text.strip() or any(char.isspace() for char in text.strip()):
        fail(path, node, f'{key} must be a separator without spaces, e.g. "::", not {describe(node)}.')
    return text.strip()
