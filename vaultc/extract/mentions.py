"""Where the vault mentions each concept: a linear scan of every paragraph's words.

Each paragraph's text is split into words once and folded the way concept keys are (American
spelling); every run of up to :data:`MAX_WORDS` words is then looked up as a key, singular on its
last word. Dictionary lookups only, so the cost is proportional to the vault's size whatever the
number of concepts. Code is not prose and is not scanned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from vaultc.extract.spelling import american, singular, words
from vaultc.model import ParsedNote
from vaultc.names import VaultPath

MAX_WORDS = 4
MIN_KEY_LENGTH = 3
"""Shorter keys ("ai", "ml") are acronyms that match inside too many unrelated words' runs."""

Mention = tuple[VaultPath, int]


def find_mentions(notes: Iterable[ParsedNote], concept_keys: Iterable[str]) -> Mapping[str, tuple[Mention, ...]]:
    """Concept key -> (note, line) of each paragraph, heading or cell that mentions it (once each)."""
    wanted = {key for key in concept_keys if len(key) >= MIN_KEY_LENGTH}
    found: dict[str, dict[Mention, None]] = defaultdict(dict)
    for note in notes:
        for line, text in _prose(note):
            for key in _keys_in(text, wanted):
                found[key][(note.path, line)] = None
    return {key: tuple(places) for key, places in sorted(found.items())}


def _prose(note: ParsedNote) -> Iterable[tuple[int, str]]:
    for token in note.tokens:
        if token.type == "inline" and token.map:
            text = " ".join(child.content for child in token.children or () if child.type == "text")
            yield token.map[0] + 1, text


def _keys_in(text: str, wanted: set[str]) -> set[str]:
    folded = [american(word) for word in words(text)]
    hits = set()
    for start in range(len(folded)):
        for end in range(start + 1, min(start + MAX_WORDS, len(folded)) + 1):
            key = "".join(folded[start:end - 1]) + singular(folded[end - 1])
            if key in wanted:
                hits.add(key)
    return hits
