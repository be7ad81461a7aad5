"""The load stage: odd files become diagnostics, and the rest of the vault still builds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
