"""Link resolution, Obsidian's way: table tests of (vault, link) -> target or diagnostic."""

from __future__ import annotations

import pytest

from tests.vaults import resolve_files
from vaultc.resolve import TargetKind

VAULT = {
    "Home.md": "# Home\n",
    "Note.md": "# Intro\n## Details\ntext ^para-1\n# Second\n## Details\n",
    "folder/Deep.md": "# Deep\n",
    "folder/sub/Twin.md": "twin in sub\n",
    "other/Twin.md": "twin in other\n",
    "a/Same.md": "a\n",
    "b/Same.md": "b\n",
    "Café.md": "accented\n",
    "Aliased.md": "---\naliases: [AKA, Other Name]\n---\nbody\n",
    "Hidden.md": "---\npublish: false\n---\nsecret\n",
    "images/pic.png": "",
    "doc.pdf": "",
}

# (link written in "Home.md" unless a source is given, expected target path, anchor, rule or None)
CASES = [
    ("[[Note]]", "Note.md", "", None),
    ("[[note]]", "Note.md", "", "link-case-mismatch"),
    ("[[Note.md]]", "Note.md", "", None),
    ("[[Note|alias]]", "Note.md", "", None),
    ("[[Note#Intro]]", "Note.md", "intro", None),
    ("[[Note#details]]", "Note.md", "details", None),
    ("[[Note#Second#Details]]", "Note.md", "details-1", None),
    ("[[Note#Intro#Second]]", "Note.md", "", "missing-heading"),
    ("[[Note#Nope]]", "Note.md", "", "missing-heading"),
    ("[[Note#^para-1]]", "Note.md", "^para-1", None),
    ("[[Note#^nope]]", "Note.md", "", "missing-block"),
    ("[[#Home]]", "Home.md", "home", None),
    ("[[#Missing]]", "Home.md", "", "missing-heading"),
    ("[[folder/Deep]]", "folder/Deep.md", "", None),
    ("[[Deep]]", "folder/Deep.md", "", None),
    ("[[sub/Twin]]", "folder/sub/Twin.md", "", None),
    ("[[Twin]]", "other/Twin.md", "", None),  # shortest path wins
    ("[[Same]]", "a/Same.md", "", "ambiguous-link"),  # same depth: code-point order, reported
    ("[[b/Same]]", "b/Same.md", "", None),
    ("[[Cafe\u0301]]", "Café.md", "", None),  # decomposed é matches NFC file name
    ("[[AKA]]", "Aliased.md", "", None),
    ("[[other name]]", "Aliased.md", "", "link-case-mismatch"),
    ("[[Missing]]", None, "", "broken-link"),
    ("![[Missing.png]]", None, "", "missing-embed"),
    ("![[pic.png]]", "images/pic.png", "", None),
    ("![[images/pic.png|200]]", "images/pic.png", "", None),
    ("[[doc.pdf]]", "doc.pdf", "", None),
    ("[[Hidden]]", "Hidden.md", "", "unpublished-link"),
    ("[[../outside]]", None, "", "unsafe-link"),
    ("[md](Note.md)", "Note.md", "", None),
    ("[md](Note.md#Intro)", "Note.md", "intro", None),
    ("[md](folder/Deep.md)", "folder/Deep.md", "", None),
    ("[md](<folder/Deep.md>)", "folder/Deep.md", "", None),
    ("[md](Caf%C3%A9.md)", "Café.md", "", None),
    ("![img](images/pic.png)", "images/pic.png", "", None),
    ("[md](../../etc/passwd)", None, "", "unsafe-link"),
    ("![shot](pic.png)", "images/pic.png", "", None),  # a bare file name, found anywhere as Obsidian does
    ("[md](Deep.md)", "folder/Deep.md", "", None),
    ("[md](../folder/Deep.md)", "folder/Deep.md", "", None),  # above the root: looked up inside the vault
    ("[[../Note]]", "Note.md", "", None),
    ("[md](nothing.md)", None, "", "broken-link"),
    ("[ext](https://example.com/x.md)", "external", "", None),
    ("`[[Note]]` in code", "no link", "", None),
]


@pytest.mark.parametrize("written, expected, anchor, rule", CASES, ids=[case[0] for case in CASES])
def test_link_resolution(written: str, expected: str | None, anchor: str, rule: str | None) -> None:
    vault = resolve_files({**VAULT, "Home.md": f"# Home\n\n{written}\n"})
    targets = vault.targets["Home.md"]
    rules = [d.rule for d in vault.diagnostics if d.path == "Home.md"]
    assert rules == ([rule] if rule else [])
    if expected in ("external", "no link"):
        assert targets == ()
        return
    assert len(targets) == 1
    assert targets[0].path == expected
    assert targets[0].anchor == anchor
    if rule in ("broken-link", "missing-embed"):
        assert targets[0].kind is TargetKind.MISSING


def test_link_in_own_folder_beats_shorter_path() -> None:
    vault = resolve_files({**VAULT, "folder/sub/Linker.md": "[[Twin]]\n"})
    assert vault.targets["folder/sub/Linker.md"][0].path == "folder/sub/Twin.md"


def test_relative_wikilink_from_subfolder() -> None:
    vault = resolve_files({**VAULT, "folder/sub/Linker.md": "[[../Deep]] [md](../Deep.md)\n"})
    assert [t.path for t in vault.targets["folder/sub/Linker.md"]] == ["folder/Deep.md", "folder/Deep.md"]


def test_diagnostics_point_at_line_and_column() -> None:
    vault = resolve_files({"A.md": "first line\n\n> quoted [[Nowhere]] here\n"})
    (found,) = vault.diagnostics
    assert (found.path, found.line, found.column, found.rule, found.subject) == (
        "A.md",
        3,
        10,
        "broken-link",
        "Nowhere",
    )
    assert found.format() == "A.md:3:10: warning broken-link no note or file named 'Nowhere'; create it or fix the link"


def test_unpublished_notes_are_not_pages() -> None:
    vault = resolve_files(VAULT)
    assert "Hidden.md" not in vault.notes and "Note.md" in vault.notes


@pytest.mark.parametrize(
    "files, cycle",
    [
        ({"A.md": "![[B]]\n", "B.md": "![[A]]\n"}, "A -> B -> A"),
        ({"A.md": "![[A]]\n"}, "A -> A"),
        ({"A.md": "# One\n![[B#Two]]\n", "B.md": "# Two\n![[A#One]]\n"}, "A#one -> B#two -> A#one"),
    ],
)
def test_embed_cycles_are_reported_with_the_loop(files: dict[str, str], cycle: str) -> None:
    found = [d for d in resolve_files(files).diagnostics if d.rule == "embed-cycle"]
    assert len(found) == 1
    assert cycle in found[0].message


def test_section_embed_without_loop_is_not_a_cycle() -> None:
    files = {"A.md": "# One\n![[B#Two]]\n", "B.md": "# Two\ntext\n# Three\n![[A]]\n"}
    assert not [d for d in resolve_files(files).diagnostics if d.rule == "embed-cycle"]
