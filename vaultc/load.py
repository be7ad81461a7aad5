"""The load stage: the only place that reads the vault from disk.

It walks the vault (skipping hidden folders such as ``.obsidian`` and ``.git``), decodes every note
to text with LF line endings, and lists attachments. Anything odd about a file (invalid UTF-8,
UTF-16, NUL bytes, a byte-order mark, CRLF endings, emptiness, a symlink pointing out of the vault
or looping back into it, a named pipe, socket or device, a folder that cannot be listed) becomes a
diagnostic; the file is still loaded whenever its content can be recovered, so nothing is lost, and
a file that could hang or loop the run (a pipe, a loop) is never opened.
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.errors import UsageProblem
from vaultc.names import VaultPath, is_note_path

_WIDE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
RESAVE = "Re-save it as UTF-8: Obsidian reads notes as UTF-8 only"


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
    stamps: tuple[tuple[VaultPath, int, int], ...] = ()
    """(path, size, modification time in ns) of every attachment: what a build cache compares
    (attachments are copied, not read, so their stamps stand for their content)."""
    latest_edit: int = 0
    """The latest modification time of a note, in whole seconds (0 for none)."""


def load_vault(root: Path, ignore: tuple[str, ...] = ()) -> LoadedVault:
    """Read every note and list every attachment under ``root`` (sorted, so runs are identical)."""
    if not root.is_dir():
        raise UsageProblem(f"Vault folder '{root}' does not exist. Pass the folder that holds your notes.")
    root = root.resolve()
    notes, attachments, stamps, problems, latest = [], [], [], [], 0
    for path, status in _vault_files(root, ignore, problems):
        if is_note_path(path):
            note = _read_note(root, path, problems)
            if note is not None:
                notes.append(note)
                latest = max(latest, status.st_mtime_ns // 1_000_000_000)
        else:
            attachments.append(path)
            stamps.append((path, status.st_size, status.st_mtime_ns))
    return LoadedVault(root, tuple(notes), tuple(attachments), tuple(problems), tuple(stamps), latest)


def _vault_files(
    root: Path, ignore: tuple[str, ...], problems: list[Diagnostic]
) -> list[tuple[VaultPath, os.stat_result]]:
    found = []

    def unreadable(error: OSError) -> None:  # os.walk would skip a folder it cannot list silently
        where = Path(error.filename).relative_to(root).as_posix() if error.filename else ""
        problems.append(diagnostic(where, 0, 0, "unreadable-file", f"cannot read the folder: {error.strerror}"))

    for folder, subfolders, files in os.walk(root, onerror=unreadable):
        subfolders[:] = sorted(d for d in subfolders if _walkable(root, Path(folder, d), problems))
        for name in sorted(files):
            relative = Path(folder, name).relative_to(root).as_posix()
            if name.startswith(".") or _is_ignored(relative, ignore):
                continue
            status = _regular_file(root, Path(folder, name), relative, problems)
            if status is not None:
                found.append((VaultPath(relative), status))
    return sorted(found, key=lambda item: item[0])


def _is_ignored(path: str, ignore: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in ignore)


def _walkable(root: Path, folder: Path, problems: list[Diagnostic]) -> bool:
    """Hidden folders are Obsidian's or git's. Linked folders are never walked: one inside the vault
    is read where it is, one leading to a folder that holds it would walk forever."""
    if folder.name.startswith("."):
        return False
    if not folder.is_symlink():
        return True
    relative = folder.relative_to(root).as_posix()
    target = Path(os.path.realpath(folder))
    if not target.is_relative_to(root):
        problems.append(_outside(relative))
    elif folder.parent.is_relative_to(target):  # the walk never follows links: parent is a real path
        problems.append(_loop(relative, f"'{relative}' links to a folder that holds it, a loop; it was skipped"))
    return False


def _regular_file(root: Path, path: Path, relative: str, problems: list[Diagnostic]) -> os.stat_result | None:
    """The file's status if it is a regular file: only those are notes and attachments (reading a
    named pipe would wait forever)."""
    try:
        status = path.stat()  # through links
        mode = status.st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            problems.append(_loop(relative, f"'{relative}' is a symbolic link leading back to itself; it was skipped"))
        elif path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
            problems.append(_outside(relative))
        return None  # otherwise a link to nothing, as Obsidian shows it
    if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
        problems.append(_outside(relative))
        return None
    if not stat.S_ISREG(mode):
        kind = _SPECIAL_KINDS.get(stat.S_IFMT(mode), "special file")
        problems.append(
            diagnostic(relative, 0, 0, "special-file", f"'{relative}' is a {kind}, not a file; it was skipped")
        )
        return None
    return status


_SPECIAL_KINDS = {stat.S_IFIFO: "named pipe", stat.S_IFSOCK: "socket", stat.S_IFCHR: "device", stat.S_IFBLK: "device"}


def _outside(relative: str) -> Diagnostic:
    message = f"'{relative}' links outside the vault and was skipped; copy the file into the vault instead"
    return diagnostic(relative, 0, 0, "symlink-outside-vault", message, subject=relative)


def _loop(relative: str, message: str) -> Diagnostic:
    return diagnostic(relative, 0, 0, "symlink-loop", message, subject=relative)


def _read_note(root: Path, path: VaultPath, problems: list[Diagnostic]) -> SourceNote | None:
    try:
        raw = (root / path).read_bytes()
    except OSError as error:
        problems.append(diagnostic(path, 0, 0, "unreadable-file", f"cannot read the file: {error.strerror}"))
        return None
    return SourceNote(path, decode_note(path, raw, problems))


def decode_note(path: str, raw: bytes, problems: list[Diagnostic]) -> str:
    """Bytes -> text with LF endings, recording every repair made on the way."""
    text = _wide_text(path, raw, problems)
    if text is None:
        text = _utf8_text(path, raw, problems)
    if "\r" in text:
        problems.append(diagnostic(path, 1, 0, "crlf-line-endings", "the note uses CR/CRLF line endings; read as LF"))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(diagnostic(path, 0, 0, "empty-note", "the note is empty; it gets a page with no content"))
    return text


def _wide_text(path: str, raw: bytes, problems: list[Diagnostic]) -> str | None:
    """UTF-16 or UTF-32 text: by its byte-order mark, or UTF-16 without one when its NULs say so."""
    for mark, codec in _WIDE_MARKS:
        if raw.startswith(mark):
            name = codec.upper()
            message = f"the note is {name} (it starts with a {name} byte-order mark); it was decoded. {RESAVE}"
            problems.append(diagnostic(path, 1, 1, "not-utf8", message))
            return raw.decode(codec, errors="replace")
    guess = _unmarked_utf16(raw)
    if guess is None:
        return None
    endian, text = guess
    message = f"the note looks like UTF-16 ({endian}) without a byte-order mark; it was decoded so. {RESAVE}"
    problems.append(diagnostic(path, 1, 1, "not-utf8", message))
    return text


def _unmarked_utf16(raw: bytes) -> tuple[str, str] | None:
    """(endianness, text) when NUL bytes stand on one side of every pair only, as the high bytes of
    UTF-16 text do, and the bytes decode as UTF-16; None for anything else (a binary file)."""
    if b"\0" not in raw or len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if (even and odd) or max(even, odd) * 8 < len(raw) // 2:
        return None
    endian, codec = ("big-endian", "utf-16-be") if even else ("little-endian", "utf-16-le")
    try:
        return endian, raw.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf8_text(path: str, raw: bytes, problems: list[Diagnostic]) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        problems.append(
            diagnostic(path, 1, 1, "byte-order-mark", "the note starts with a UTF-8 byte-order mark; it was ignored")
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = "the note is not valid UTF-8; bad bytes are shown as \ufffd. Re-save it as UTF-8"
        problems.append(diagnostic(path, line, 0, "invalid-utf8", message))
        text = raw.decode("utf-8", errors="replace")
    if "\0" in text:  # CommonMark shows NUL as U+FFFD; so does every later stage
        line = text.count("\n", 0, text.index("\0")) + 1
        message = "the note holds NUL bytes, shown as \ufffd: is it a binary file with a note's name?"
        problems.append(diagnostic(path, line, 0, "not-utf8", message))
        text = text.replace("\0", "\ufffd")
    return text
