"""The load stage: the only place that reads the vault from disk.

It walks the vault (skipping hidden folders such as ``.obsidian`` and ``.git``), decodes every note
to text with LF line endings, and lists attachments. Anything odd about a file (invalid UTF-8, a
byte-order mark, CRLF endings, emptiness, a symlink pointing out of the vault) becomes a diagnostic;
the file is still loaded whenever its content can be recovered, so nothing is lost.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.errors import UsageProblem
from vaultc.names import VaultPath, is_note_path

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class SourceNote:
    """A note's text as read from disk, ready for the pure stages."""

    path: VaultPath
    text: str
    """Decoded text: no BOM, LF line endings."""


@dataclass(frozen=True)
class LoadedVault:
    """Everything the later stages need from disk."""

    root: Path
    notes: tuple[SourceNote, ...]
    attachments: tuple[VaultPath, ...]
    diagnostics: tuple[Diagnostic, ...]


def load_vault(root: Path, ignore: tuple[str, ...] = ()) -> LoadedVault:
    """Read every note and list every attachment under ``root`` (sorted, so runs are identical)."""
    if not root.is_dir():
        raise UsageProblem(f"Vault folder '{root}' does not exist. Pass the folder that holds your notes.")
    root = root.resolve()
    notes, attachments, problems = [], [], []
    for path in _vault_files(root, ignore, problems):
        if is_note_path(path):
            note = _read_note(root, path, problems)
            if note is not None:
                notes.append(note)
        else:
            attachments.append(path)
    return LoadedVault(root, tuple(notes), tuple(attachments), tuple(problems))


def _vault_files(root: Path, ignore: tuple[str, ...], problems: list[Diagnostic]) -> list[VaultPath]:
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if _walkable(root, Path(folder, d), problems))
        for name in sorted(files):
            if name.startswith("."):
                continue
            relative = Path(folder, name).relative_to(root).as_posix()
            if _is_ignored(relative, ignore) or not _inside_vault(root, Path(folder, name), problems):
                continue
            found.append(VaultPath(relative))
    return sorted(found)


def _is_ignored(path: str, ignore: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in ignore)


def _walkable(root: Path, folder: Path, problems: list[Diagnostic]) -> bool:
    """Hidden folders are Obsidian's or git's; linked folders are skipped (inside: already walked)."""
    if folder.name.startswith("."):
        return False
    if folder.is_symlink():
        _inside_vault(root, folder, problems)
        return False
    return True


def _inside_vault(root: Path, path: Path, problems: list[Diagnostic]) -> bool:
    if not path.is_symlink():
        return True
    if path.resolve().is_relative_to(root):
        return path.is_file()
    relative = path.relative_to(root).as_posix()
    problems.append(
        diagnostic(
            relative,
            0,
            0,
            "symlink-outside-vault",
            f"'{relative}' links outside the vault and was skipped; copy the file into the vault instead",
            subject=relative,
        )
    )
    return False


def _read_note(root: Path, path: VaultPath, problems: list[Diagnostic]) -> SourceNote | None:
    try:
        raw = (root / path).read_bytes()
    except OSError as error:
        problems.append(diagnostic(path, 0, 0, "unreadable-file", f"cannot read the file: {error.strerror}"))
        return None
    return SourceNote(path, decode_note(path, raw, problems))


def decode_note(path: str, raw: bytes, problems: list[Diagnostic]) -> str:
    """Bytes -> text with LF endings, recording every repair made on the way."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
        problems.append(
            diagnostic(path, 1, 1, "byte-order-mark", "the note starts with a UTF-8 byte-order mark; it was ignored")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(
            diagnostic(
                path,
                line,
                0,
                "invalid-utf8",
                "the note is not valid UTF-8; bad bytes are shown as \ufffd. Re-save it as UTF-8",
            )
        )
        text = raw.decode("utf-8", errors="replace")
    if "\r" in text:
        problems.append(diagnostic(path, 1, 0, "crlf-line-endings", "the note uses CR/CRLF line endings; read as LF"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(diagnostic(path, 0, 0, "empty-note", "the note is empty; it gets a page with no content"))
    return text
