"""The load stage: odd files become diagnostics, and the rest of the vault still builds."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest

from tests.pipes import fed_pipes
from vaultc.build import BuildOptions, build
from vaultc.load import load_vault


def make_vault(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


@pytest.mark.parametrize(
    "data, rule, line, text",
    [
        (b"ok\n\xff\xfe bad bytes\n", "invalid-utf8", 2, "ok\n\ufffd\ufffd bad bytes\n"),
        (b"\xef\xbb\xbf# Title\n", "byte-order-mark", 1, "# Title\n"),
        (b"one\r\ntwo\r\n", "crlf-line-endings", 1, "one\ntwo\n"),
        (b"", "empty-note", 0, ""),
        (b"  \n\n", "empty-note", 0, "  \n\n"),
    ],
)
def test_odd_files_load_with_a_diagnostic(tmp_path: Path, data: bytes, rule: str, line: int, text: str) -> None:
    vault = load_vault(make_vault(tmp_path, {"Odd.md": data, "Fine.md": b"fine\n"}))
    assert [(d.path, d.rule, d.line) for d in vault.diagnostics] == [("Odd.md", rule, line)]
    assert {note.path: note.text for note in vault.notes} == {"Fine.md": "fine\n", "Odd.md": text}


def test_broken_front_matter_is_reported_and_the_note_still_builds(tmp_path: Path) -> None:
    vault = make_vault(
        tmp_path / "v",
        {
            "Bad.md": b"---\ntitle: [unclosed\ntags: x\n---\n# Body survives\n",
            "List.md": b"---\n- just\n- a list\n---\ntext\n",
            "Good.md": b"[[Bad]] [[List]]\n",
        },
    )
    result = build(BuildOptions(vault, tmp_path / "site"))
    found = {(d.path, d.rule, d.line) for d in result.diagnostics}
    assert ("Bad.md", "front-matter-error", 3) in found
    assert ("List.md", "front-matter-error", 1) in found
    assert result.written and result.failed(strict=False)  # errors: site written, exit code 1
    assert "Body survives" in (tmp_path / "site" / "notes" / "bad.html").read_text("utf-8")


def test_hidden_folders_and_ignored_globs_are_skipped(tmp_path: Path) -> None:
    vault = load_vault(
        make_vault(
            tmp_path,
            {
                ".obsidian/workspace.md": b"x",
                ".trash/Old.md": b"x",
                "drafts/Draft.md": b"x",
                "Note.md": b"x",
            },
        ),
        ignore=("drafts/*",),
    )
    assert [note.path for note in vault.notes] == ["Note.md"]


def test_symlinks_out_of_the_vault_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    make_vault(outside, {"secret.md": b"secret", "secret.png": b"png"})
    vault = make_vault(tmp_path / "vault", {"Note.md": b"![[secret.png]] [[secret]]\n"})
    os.symlink(outside / "secret.md", vault / "secret.md")
    os.symlink(outside / "secret.png", vault / "secret.png")
    os.symlink(outside, vault / "linked-folder")
    loaded = load_vault(vault)
    assert [note.path for note in loaded.notes] == ["Note.md"] and loaded.attachments == ()
    assert sorted(d.path for d in loaded.diagnostics if d.rule == "symlink-outside-vault") == [
        "linked-folder",
        "secret.md",
        "secret.png",
    ]
    result = build(BuildOptions(vault, tmp_path / "site"))
    assert not list((tmp_path / "site").rglob("secret*"))
    assert {d.rule for d in result.diagnostics} >= {"missing-embed", "broken-link"}


def test_unreadable_file_is_an_error_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault(tmp_path, {"Locked.md": b"x", "Fine.md": b"y"})
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "Locked.md":
            raise PermissionError(13, "Permission denied")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    loaded = load_vault(vault)
    assert [(d.path, d.rule, d.message) for d in loaded.diagnostics] == [
        ("Locked.md", "unreadable-file", "cannot read the file: Permission denied")
    ]
    assert [note.path for note in loaded.notes] == ["Fine.md"]


def test_symlink_loops_are_skipped_with_a_finding(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault", {"Note.md": b"fine\n", "sub/Inner.md": b"inner\n"})
    os.symlink("..", vault / "sub" / "up")  # a folder linking to the folder that holds it
    os.symlink(vault / "sub", vault / "sub" / "again")
    os.symlink("Self.md", vault / "Self.md")
    os.symlink("B.md", vault / "A.md")
    os.symlink("A.md", vault / "B.md")
    loaded = load_vault(vault)
    assert [note.path for note in loaded.notes] == ["Note.md", "sub/Inner.md"]
    assert [(d.path, d.rule) for d in loaded.diagnostics] == [
        ("A.md", "symlink-loop"),
        ("B.md", "symlink-loop"),
        ("Self.md", "symlink-loop"),
        ("sub/again", "symlink-loop"),
        ("sub/up", "symlink-loop"),
    ]
    assert "links to a folder that holds it" in loaded.diagnostics[-1].message


def test_a_folder_linked_from_inside_the_vault_is_read_once(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault", {"a/Note.md": b"fine\n"})
    os.symlink(vault / "a", vault / "b")
    loaded = load_vault(vault)
    assert [note.path for note in loaded.notes] == ["a/Note.md"] and loaded.diagnostics == ()


def test_named_pipes_sockets_and_devices_are_skipped_unread(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault", {"Note.md": b"fine\n"})
    os.symlink("/dev/zero", vault / "zero.md")  # a device, inside the vault by its link's name only
    with socket.socket(socket.AF_UNIX) as server, fed_pipes(vault / "x.md", vault / "pipe.png"):
        server.bind(str(vault / "socket.md"))
        loaded = load_vault(vault)
    assert [note.path for note in loaded.notes] == ["Note.md"] and loaded.attachments == ()
    assert [(d.path, d.rule) for d in loaded.diagnostics] == [
        ("pipe.png", "special-file"),
        ("socket.md", "special-file"),
        ("x.md", "special-file"),
        ("zero.md", "symlink-outside-vault"),
    ]
    assert loaded.diagnostics[0].message == "'pipe.png' is a named pipe, not a file; it was skipped"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("# Titel\n\nÜber\n".encode("utf-16"), "the note is UTF-16 (it starts with a UTF-16 byte-order mark)"),
        ("# Titel\n\nÜber\n".encode("utf-16-be"), "the note looks like UTF-16 (big-endian) without a byte-order mark"),
        ("# Titel\n\nÜber\n".encode("utf-16-le"), "the note looks like UTF-16 (little-endian) without a byte-order"),
    ],
)
def test_utf16_notes_are_decoded_with_a_finding(tmp_path: Path, data: bytes, message: str) -> None:
    loaded = load_vault(make_vault(tmp_path, {"Wide.md": data}))
    assert [note.text for note in loaded.notes] == ["# Titel\n\nÜber\n"]
    ((found),) = loaded.diagnostics
    assert (found.path, found.line, found.rule) == ("Wide.md", 1, "not-utf8")
    assert found.message.startswith(message) and "Re-save it as UTF-8" in found.message


def test_nul_bytes_are_shown_as_replacement_characters(tmp_path: Path) -> None:
    loaded = load_vault(make_vault(tmp_path, {"Binary.md": b"text\nPK\x03\x04\x00\x00zip\x00\n"}))
    assert [note.text for note in loaded.notes] == ["text\nPK\x03\x04\ufffd\ufffdzip\ufffd\n"]
    assert [(d.rule, d.line) for d in loaded.diagnostics] == [("not-utf8", 2)]


def test_an_unreadable_folder_is_an_error_not_a_silent_gap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = make_vault(tmp_path / "vault", {"Note.md": b"fine\n", "locked/Hidden.md": b"x"})
    real_scandir = os.scandir

    def scandir(path: str | Path = ".") -> Any:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    loaded = load_vault(vault)
    assert [note.path for note in loaded.notes] == ["Note.md"]
    assert [(d.path, d.rule, d.message) for d in loaded.diagnostics] == [
        ("locked", "unreadable-file", "cannot read the folder: Permission denied")
    ]
