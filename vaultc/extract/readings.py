"""What the extract stage read in each note on an earlier run, reused when nothing it read changed.

Why this module exists: after an edit, most notes are what they were, and reading every note's
questions and terms again is most of the extract stage. Each of the two per-note passes is a pure
function: the survey (the note's habits) of the note alone, the reading (its questions and terms)
of the note and the vault's habits (openers, question-section labels, template fields, whether the
vault is a glossary, the stub patterns). So a survey's key is the note's parse key, and a
reading's key adds a digest of those habits: an edit that changes the vault's habits reads every
note again, any other edit only the notes it changed. Entries are pickled plain values (questions,
terms, surveys without their blocks); like the parsed notes, they come in and go out as values.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from vaultc.cache.keys import key_of
from vaultc.extract.evidence import NoteSurvey, VaultEvidence
from vaultc.extract.model import Question, Term
from vaultc.names import VaultPath

Survey = tuple[NoteSurvey, dict[str, bool]]
"""A note's survey without its blocks, and the heads of its ``Head: text`` lines."""
Reading = tuple[tuple[Question, ...], list[Term]]


@dataclass(frozen=True)
class Habits:
    """The vault-wide evidence every note is read with."""

    stub_patterns: tuple[str, ...]
    evidence: VaultEvidence
    fields: frozenset[str]
    glossary: bool

    def digest(self) -> str:
        """Stable across runs: sets in sorted order (their own order follows string hashing)."""
        evidence = self.evidence
        return repr((self.stub_patterns, sorted(evidence.openers), sorted(evidence.section_labels),
                     evidence.card_tags, sorted(self.fields), self.glossary))  # fmt: skip


@dataclass(frozen=True)
class Readings:
    """Per-note results of an earlier run by key, and each note's parse key (none: no cache)."""

    note_keys: Mapping[VaultPath, str] = field(default_factory=lambda: MappingProxyType({}))
    entries: Mapping[str, bytes] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def kept(self) -> bool:
        """Whether this run's results are wanted (a cache is in use)."""
        return bool(self.note_keys)

    def survey(self, path: VaultPath) -> Survey | None:
        return self._load(survey_key(self.note_keys.get(path)))

    def reading(self, path: VaultPath, habits: str) -> Reading | None:
        return self._load(reading_key(self.note_keys.get(path), habits))

    def _load(self, key: str | None) -> object | None:
        entry = self.entries.get(key) if key else None
        if entry is None:
            return None
        try:
            return pickle.loads(entry)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss: the note is read again
            return None


NO_READINGS = Readings()


def survey_key(note_key: str | None) -> str | None:
    return key_of("survey", note_key) if note_key else None


def reading_key(note_key: str | None, habits: str) -> str | None:
    return key_of("reading", note_key, habits) if note_key else None


def light_survey(survey: NoteSurvey, heads: dict[str, bool]) -> Survey:
    """What the vault's habits are made from (the blocks are the note's own, and the largest part)."""
    return dataclasses.replace(survey, blocks=()), heads


def encoded(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
