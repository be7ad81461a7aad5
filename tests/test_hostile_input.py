"""Odd and hostile input never crashes a run: each is a finding with file:line while the rest of the
vault builds. One vault holds all of it (the named pipe and the symlink loops made at test time) and
is built with the command line, as a user would."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.pipes import fed_pipes
from tests.vaults import resolve_files
from vaultc.cli import main
from vaultc.extract.stage import extract_knowledge

HUGE = "9" * 5000
"""More digits than ``int()`` converts since Python 3.11 (4,300)."""

NOTES: dict[str, bytes] = {
    "Normal.md": b"# Normal\n\nA normal note beside the others.\n\n## What survives?\n\nEverything.\n",
    "Dashes.md": b"---\\\n# First\n\nText one.\n\n---\n\n## Second\n\nText two.\n",
    "Break.md": b"---\n# Opening\n\nText one.\n\n---\n\n## Later\n\nText two.\n",
    "Invalid.md": b"---\ntitle: [unclosed\n---\n# Body survives\n",
    "Big.md": f"---\ntitle: Big\ncount: {HUGE}\n---\nBody of Big.\n".encode(),
    "Deep.md": ("---\nx: " + "[" * 10_000 + "]" * 10_000 + "\n---\nBody of Deep.\n").encode(),
    "Bomb.md": (
        "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(8))
        + "---\nBody of Bomb.\n"
    ).encode(),
    "Odd.md": b"---\ntitle: [a, b]\naliases: {x: 1}\ntags: [ok, {a: b}, 12]\npublish: maybe\ndate: 2024-13-45\n"
    b"description: 2024-01-02\n---\nBody of Odd.\n",
    "Numbered.md": f"{HUGE}) What is it?\n\nIt is this.\n\n{HUGE}) And that?\n\nThat too.\n".encode(),
    "Wide.md": "# Wide\n\nÜber UTF-16.\n".encode("utf-16"),
    "Unmarked.md": "# Unmarked\n\nNo mark at all.\n".encode("utf-16-le"),
    "Binary.md": b"PK\x03\x04\x00\x00zip\x00\n",
    "sub/Inner.md": b"Inner note.\n",
}


def test_a_numbered_question_of_thousands_of_digits_is_read() -> None:
    files = {"Numbered.md": NOTES["Numbered.md"].decode()}
    questions = extract_knowledge(resolve_files(files)).questions
    assert [question.text for question in questions] == ["What is it?", "And that?"]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    """The vault of everything above, built once: (exit code, output, site folder)."""
    root = tmp_path_factory.mktemp("hostile")
    vault = root / "vault"
    for name, data in NOTES.items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_bytes(data)
    os.symlink("..", vault / "sub" / "up")  # a folder linking to the folder that holds it
    os.symlink("Self.md", vault / "Self.md")
    with fed_pipes(vault / "x.md"):
        result = CliRunner().invoke(main, ["build", str(vault), "-o", str(root / "site")])
    return result.exit_code, result.output, root / "site"


def reported(output: str) -> set[tuple[str, int, str]]:
    """(path, line, rule) of every finding printed as ``path:line:col: severity rule message``."""
    found = re.findall(r"^(\S+):(\d+):\d+: (?:error|warning|info) ([a-z0-9-]+) ", output, re.MULTILINE)
    return {(path, int(line), rule) for path, line, rule in found}


def test_the_build_reports_each_problem_and_exits_with_errors_not_a_crash(
    hostile_build: tuple[int, str, Path],
) -> None:
    exit_code, output, _ = hostile_build
    assert exit_code == 1 and "Traceback" not in output  # front-matter errors: 1, and the site is written
    assert reported(output) >= {
        ("Break.md", 1, "front-matter-error"),
        ("Invalid.md", 2, "front-matter-error"),
        ("Big.md", 3, "front-matter-value"),
        ("Deep.md", 2, "front-matter-error"),
        ("Bomb.md", 2, "front-matter-error"),
        ("Odd.md", 2, "front-matter-value"),
        ("Odd.md", 3, "front-matter-value"),
        ("Odd.md", 4, "front-matter-value"),
        ("Odd.md", 5, "front-matter-value"),
        ("Odd.md", 6, "front-matter-value"),
        ("Wide.md", 1, "not-utf8"),
        ("Unmarked.md", 1, "not-utf8"),
        ("Binary.md", 1, "not-utf8"),
        ("sub/up", 0, "symlink-loop"),
        ("Self.md", 0, "symlink-loop"),
        ("x.md", 0, "special-file"),
    }
    assert not any(path == "Dashes.md" for path, _, _ in reported(output))  # no front matter: no finding


def page(site: Path, name: str) -> str:
    return (site / "notes" / name).read_text("utf-8")


def test_the_normal_note_beside_them_is_on_the_site(hostile_build: tuple[int, str, Path]) -> None:
    _, _, site = hostile_build
    assert "A normal note beside the others." in page(site, "normal.html")
    assert "Inner note." in page(site, "sub/inner.html")


def test_no_line_of_a_note_is_lost(hostile_build: tuple[int, str, Path]) -> None:
    _, _, site = hostile_build
    for name, texts in {
        "dashes.html": ("First", "Text one.", "Second", "Text two."),
        "break.html": ("Opening", "Text one.", "Later", "Text two."),
        "invalid.html": ("title: [unclosed", "Body survives"),
        "big.html": ("Body of Big.",),
        "deep.html": ("Body of Deep.",),
        "bomb.html": ("Body of Bomb.",),
        "odd.html": ("Body of Odd.",),
        "wide.html": ("Über UTF-16.",),
        "unmarked.html": ("No mark at all.",),
    }.items():
        html = page(site, name)
        assert all(text in html for text in texts), name


def test_the_numbered_questions_are_exported(hostile_build: tuple[int, str, Path]) -> None:
    _, _, site = hostile_build
    questions = json.loads((site / "qa.json").read_text("utf-8"))["questions"]
    assert {record["question"] for record in questions if record["note"] == "Numbered.md"} == {
        "What is it?",
        "And that?",
    }
