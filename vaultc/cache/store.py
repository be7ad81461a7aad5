"""Where the cache lives and how it is read and written: the only disk I/O of the cache.

Why this module exists: the vault is never written, so the cache lives in the user's cache folder
(``VAULTC_CACHE_DIR``, else the platform's, e.g. ``~/.cache/vaultc``), one folder per vault. Each
holds ``notes.pack`` (every parsed note of the last run, by key), ``readings.pack`` (what the
extract stage read in each), ``answers.pack`` (the decks' answers as HTML) and records of the last runs. Every
file is written aside and renamed into place, and starts with a magic line and the SHA-256 of its
payload: a missing, torn, foreign or stale file reads as empty and is rewritten, never trusted and
never a crash. A cache folder that cannot be written makes the run slower, not wrong.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

PACK_MAGIC = b"vaultc notes pack 1\n"
RECORD_MAGIC = b"vaultc run record 1\n"
NOTES, READINGS, ANSWERS = "notes.pack", "readings.pack", "answers.pack"
TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# vaultc's build cache: safe to delete (vaultc clean)\n"
"""CACHEDIR.TAG (bford.net/cachedir): backup tools skip the folder."""


def cache_root() -> Path:
    """The folder holding every vault's cache."""
    configured = os.environ.get("VAULTC_CACHE_DIR")
    return Path(configured) if configured else Path(platformdirs.user_cache_dir("vaultc", appauthor=False))


@dataclass(frozen=True)
class CacheFolder:
    """One vault's cache."""

    path: Path

    @classmethod
    def for_vault(cls, vault: Path, root: Path | None = None) -> CacheFolder:
        resolved = vault.resolve()
        name = f"{resolved.name or 'vault'}-{hashlib.sha256(str(resolved).encode()).hexdigest()[:16]}"
        return cls((root or cache_root()) / name)

    def notes(self) -> dict[str, bytes]:
        """Encoded parsed notes by key (empty when there are none or the pack is not whole)."""
        return self._pack(NOTES)

    def readings(self) -> dict[str, bytes]:
        """What the extract stage read in each note (:mod:`vaultc.extract.readings`), by key."""
        return self._pack(READINGS)

    def answers(self) -> dict[str, str]:
        """The study decks' answers as HTML (:mod:`vaultc.render.questions.answer_fragments`), by key."""
        return self._pack(ANSWERS)

    def save_entries(
        self, notes: Mapping[str, bytes], readings: Mapping[str, bytes], answers: Mapping[str, str] | None = None
    ) -> None:
        """Replace the packs with exactly these entries (what this run used): the cache never grows
        past one entry of each kind per note or answer. ``answers`` None (a lint): left as they are."""
        packs = [(NOTES, notes), (READINGS, readings), *([(ANSWERS, answers)] if answers is not None else [])]
        for name, entries in packs:
            self._write(name, PACK_MAGIC, marshal.dumps(dict(sorted(entries.items()))))

    def _pack(self, name: str) -> dict[str, bytes]:
        payload = _checked(self.path / name, PACK_MAGIC)
        try:
            pack = marshal.loads(payload) if payload else {}
        except (ValueError, EOFError, TypeError):
            return {}
        return pack if isinstance(pack, dict) else {}

    def record(self, name: str) -> bytes | None:
        """A run record's payload, or ``None``."""
        return _checked(self.path / f"{name}.record", RECORD_MAGIC)

    def save_record(self, name: str, payload: bytes) -> None:
        self._write(f"{name}.record", RECORD_MAGIC, payload)

    def _write(self, name: str, magic: bytes, payload: bytes) -> None:
        """Write aside, then rename: a reader sees the old file or the new one, never half of one.
        Raises ``OSError`` when the folder cannot be written."""
        self.path.mkdir(parents=True, exist_ok=True)
        tag = self.path / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(TAG, encoding="utf-8")
        handle, staging = tempfile.mkstemp(dir=self.path, prefix=f".{name}.")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(magic + hashlib.sha256(payload).digest() + payload)
            os.replace(staging, self.path / name)
        except BaseException:
            Path(staging).unlink(missing_ok=True)
            raise


def _checked(path: Path, magic: bytes) -> bytes | None:
    """The payload of a file written by :meth:`CacheFolder._write`, or ``None``."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, payload = data[len(magic) : len(magic) + 32], data[len(magic) + 32 :]
    if not data.startswith(magic) or hashlib.sha256(payload).digest() != digest:
        return None
    return payload


def clear_cache(vault: Path | None, root: Path | None = None) -> Path | None:
    """Delete one vault's cache (or, with no vault, every vault's); the folder removed, if any."""
    folder = CacheFolder.for_vault(vault, root).path if vault else (root or cache_root())
    if not folder.is_dir():
        return None
    if vault is None and not any(folder.glob("*/CACHEDIR.TAG")) and any(folder.iterdir()):
        return None  # not a folder of vaultc caches (VAULTC_CACHE_DIR set to something else): leave it
    shutil.rmtree(folder)
    return folder
