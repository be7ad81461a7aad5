"""The parse stage for a whole vault: every note from the cache when it is there, else parsed, on
every core when there are many.

Why this module exists: parsing is a fifth of a cold build and a pure function of each note, so it
is where a cache and worker processes pay first. A note's key names everything its parse depends on
(:mod:`vaultc.cache.keys`); a note whose key is in the cache is decoded (six times faster than a
parse), the others are parsed. Workers send parsed notes home encoded as cache entries: pickling
tokens would cost as much as parsing them (:mod:`vaultc.cache.codec`). Pure: the cache's entries
come in and go out as values; the driver reads and writes them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from vaultc.cache.codec import decode_note, encode_note
from vaultc.cache.keys import key_of
from vaultc.load import SourceNote
from vaultc.model import ParsedNote
from vaultc.parallel import run_jobs, split
from vaultc.parse import ParseOptions, parse_note

MIN_NOTES_FOR_WORKERS = 200
"""Below this many notes to parse, starting workers costs more than it saves."""

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ParsedVault:
    notes: tuple[ParsedNote, ...]
    """In the order of the source notes."""
    entries: Mapping[str, bytes]
    """Key -> encoded note for every note (empty unless asked for): the cache after this run."""
    reused: int
    """How many notes came from the cache."""
    keys: tuple[str, ...] = ()
    """Each note's key, in the order of the notes (empty unless a cache was given)."""


def note_key(note: SourceNote, options: ParseOptions) -> str:
    return key_of("parse", repr(options), note.path, note.text)


def parse_vault(
    sources: Sequence[SourceNote],
    options: ParseOptions,
    cached: Mapping[str, bytes] | None = None,
    workers: int = 1,
    progress: Progress = lambda message: None,
) -> ParsedVault:
    """Every note parsed; with ``cached`` (the cache's entries, possibly empty) the entries of this
    run are returned too."""
    keys = [note_key(note, options) for note in sources] if cached is not None else []
    found = cached or {}
    notes = [decode_note(found[key]) if key in found else None for key in keys] if keys else [None] * len(sources)
    todo = [index for index, note in enumerate(notes) if note is None]
    entries = {key: found[key] for key, note in zip(keys, notes, strict=False) if note is not None}
    encoded = len(todo) >= MIN_NOTES_FOR_WORKERS and workers > 1
    for index, note, entry in _parsed([sources[i] for i in todo], todo, options, workers if encoded else 1, progress):
        notes[index] = note
        if keys:
            entries[keys[index]] = entry or encode_note(note)
    return ParsedVault(tuple(notes), MappingProxyType(entries), len(sources) - len(todo), tuple(keys))


def _parsed(sources: Sequence[SourceNote], indexes: list[int], options: ParseOptions, workers: int, progress: Progress):
    """(index, note, entry or None) for each source, reporting every tenth of the way on large vaults."""
    step = max(len(sources) // 10, 500)
    done = 0
    if workers <= 1:
        for index, source in zip(indexes, sources, strict=True):
            yield index, parse_note(source.path, source.text, options), None
            done += 1
            if done % step == 0:
                progress(f"parsed {done}/{len(sources)} notes")
        return
    slices = split(list(zip(indexes, sources, strict=True)), workers * 4)
    for part in run_jobs([functools.partial(_encoded, part, options) for part in slices], workers):
        for index, entry in part:
            yield index, decode_note(entry), entry
        done += len(part)
        progress(f"parsed {done}/{len(sources)} notes")


def _encoded(part: Sequence[tuple[int, SourceNote]], options: ParseOptions) -> list[tuple[int, bytes]]:
    """In a worker: the slice parsed and encoded for the trip home."""
    return [(index, encode_note(parse_note(source.path, source.text, options))) for index, source in part]
