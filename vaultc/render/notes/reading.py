"""What a note page says under its title about the note as a read: when it was written or last
updated (from its properties) and how long it takes to read.

Why this module exists: readers of a published vault, as in Obsidian Publish and Quartz, want to
know how fresh a note is and how long it is before they start. Dates come only from the note's own
properties, typed as dates by the properties reader (:mod:`vaultc.properties`), under the keys
Obsidian's templates and Quartz use for them; the file's modification time is not shown, since a
fresh checkout gives every note the same one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from vaultc.model import ParsedNote, PropertyKind

CREATED_KEYS = ("created", "date", "published", "date created", "created at", "creation date")
UPDATED_KEYS = ("updated", "modified", "lastmod", "last modified", "date modified", "updated at", "last updated")
WORDS_PER_MINUTE = 220
"""An adult's silent reading speed for prose, rounded down a little for notes full of terms."""
_DATED = (PropertyKind.DATE, PropertyKind.DATETIME)


@dataclass(frozen=True)
class ReadingFacts:
    created: str | None
    """ISO date (a date and time is cut to its date)."""
    updated: str | None
    minutes: int
    """Reading time, at least 1 for a note with any words."""
    words: int


def reading_facts(note: ParsedNote) -> ReadingFacts:
    words = note_words(note)
    minutes = math.ceil(words / WORDS_PER_MINUTE) if words else 0
    created, updated = _date(note, CREATED_KEYS), _date(note, UPDATED_KEYS)
    return ReadingFacts(created, updated if updated != created else None, minutes, words)


def note_words(note: ParsedNote) -> int:
    """Words of the note's text as read: its inline text, code and formulas (no front matter)."""
    return sum(len(token.content.split()) for token in note.tokens if token.type in ("inline", "fence", "code_block"))


def _date(note: ParsedNote, keys: tuple[str, ...]) -> str | None:
    """The first dated value of the first of ``keys`` the note has (keys compared case-folded, with
    ``_`` and ``-`` read as spaces: ``date_created`` is ``date created``)."""
    by_key = {" ".join(prop.key.casefold().replace("_", " ").replace("-", " ").split()): prop
              for prop in note.front_matter.properties}  # fmt: skip
    for key in keys:
        prop = by_key.get(key)
        dated = [value.text for value in prop.values if value.kind in _DATED] if prop else []
        if dated:
            return dated[0][:10]
    return None
