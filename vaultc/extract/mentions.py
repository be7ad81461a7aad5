"""Where the vault mentions each concept: a linear scan of every paragraph's words.

Each paragraph's text is split into words once and folded the way concept keys are (American
spelling); every run of up to :data:`MAX_WORDS` words is then looked up as a key, singular on its
last word. Dictionary lookups only, so the cost is proportional to the vault's size whatever the
number of concepts. Code is not prose and is not scanned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from vaultc.extract.spelling import american, singular, words
from vaultc.model import ParsedNote
from vaultc.names import VaultPath

MAX_WORDS = 4
MIN_KEY_LENGTH = 3
"""Shorter keys ("ai", "ml") are acronyms that match inside too many unrelated words' runs."""

Mention = tuple[VaultPath, int]


ProseIndex = tuple[tuple[Mention, tuple[str, ...]], ...]
"""Each paragraph, heading or cell of the vault, as (note, line) and its words folded like keys."""


def prose_index(notes: Iterable[ParsedNote]) -> ProseIndex:
    """The vault's prose, split and folded once, for any number of :func:`find_mentions` scans."""
    return tuple(((note.path, line), tuple(american(word) for word in words(text)))
                 for note in notes for line, text in _prose(note))


def find_mentions(index: ProseIndex, concept_keys: Iterable[str]) -> Mapping[str, tuple[Mention, ...]]:
    """Concept key -> (note, line) of each paragraph, heading or cell that mentions it (once each)."""
    wanted = {key for key in concept_keys if len(key) >= MIN_KEY_LENGTH}
    prefixes = {key[:end] for key in wanted for end in range(1, len(key) + 1)}
    found: dict[str, dict[Mention, None]] = defaultdict(dict)
    for place, folded in index:
        for key in _keys_in(folded, wanted, prefixes):
            found[key][place] = None
    return {key: tuple(places) for key, places in sorted(found.items())}


def _prose(note: ParsedNote) -> Iterable[tuple[int, str]]:
    for token in note.tokens:
        if token.type == "inline" and token.map:
            text = " ".join(child.content for child in token.children or () if child.type == "text")
            yield token.map[0] + 1, text


def _keys_in(folded: Sequence[str], wanted: set[str], prefixes: set[str]) -> set[str]:
    """Keys of runs of up to MAX_WORDS words; a run stops growing once no key starts with it."""
    hits = set()
    for start in range(len(folded)):
        joined = ""
        for word in folded[start:start + MAX_WORDS]:
            if (joined + singular(word)) in wanted:
                hits.add(joined + singular(word))
            joined += word
            if joined not in prefixes:
                break
    return hits
