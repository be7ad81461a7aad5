"""What a note page says under its title (dates from its properties, reading time), the Atom feed
made when the site's address is known, and the site title made from the vault's folder."""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.vaults import resolve_files
from vaultc.build import BuildOptions, build, readable_name
from vaultc.render.notes.reading import WORDS_PER_MINUTE, reading_facts

ATOM = "{http://www.w3.org/2005/Atom}"


def facts(text: str):
    vault = resolve_files({"A.md": text})
    return reading_facts(vault.notes["A.md"])


@pytest.mark.parametrize(
    ("front", "created", "updated"),
    [
        ("created: 2024-01-02\nupdated: 2024-05-01", "2024-01-02", "2024-05-01"),
        ("date: 2023-03-04", "2023-03-04", None),
        ("Date Created: 2023-03-04\nlast_modified: 2023-04-05T10:30:00", "2023-03-04", "2023-04-05"),
        ("created: 2024-01-02\nmodified: 2024-01-02", "2024-01-02", None),  # the same day: said once
        ("created: yesterday", None, None),  # text, not a date
        ("deadline: 2024-01-02", None, None),  # a date, but not when the note was written
        ("updated: [2024-02-01, 2024-03-01]", None, "2024-02-01"),
    ],
)
def test_dates_come_from_the_notes_dated_properties(front: str, created: str | None, updated: str | None) -> None:
    found = facts(f"---\n{front}\n---\n# A\n\nSome words here.\n")
    assert (found.created, found.updated) == (created, updated)


def test_reading_time_counts_the_notes_words_not_its_front_matter() -> None:
    assert facts("---\ntags: [a, b, c]\n---\n").minutes == 0
    assert facts("One two three.\n").minutes == 1
    long = facts("word " * (WORDS_PER_MINUTE * 3 + 1) + "\n\n```\ncode here\n```\n")
    assert long.words == WORDS_PER_MINUTE * 3 + 3 and long.minutes == 4


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_feed_lists_dated_notes_newest_first_then_the_rest(tmp_path: Path) -> None:
    vault = write(tmp_path / "vault", {
        "Old.md": "---\ncreated: 2023-01-01\n---\nAn old note.\n",
        "New.md": "---\ncreated: 2023-01-01\nupdated: 2024-06-01\n---\nA note updated 'late' & often, 1 < 2.\n",
        "Undated.md": "No date here.\n",
    })  # fmt: skip
    for name, seconds in (("Old.md", 1_600_000_000), ("New.md", 1_650_000_000), ("Undated.md", 1_700_000_000)):
        os.utime(vault / name, (seconds, seconds))  # undated notes take the vault's latest edit
    build(BuildOptions(vault, tmp_path / "site", title="My notes", base_url="https://me.github.io/notes"))
    feed = ElementTree.parse(tmp_path / "site" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed" and feed.findtext(f"{ATOM}title") == "My notes"
    entries = [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")) for e in feed.findall(f"{ATOM}entry")]
    assert entries == [("New", "2024-06-01T00:00:00Z"), ("Old", "2023-01-01T00:00:00Z"),
                       ("Undated", "2023-11-14T22:13:20Z")]  # fmt: skip
    first = feed.findall(f"{ATOM}entry")[0]
    assert first.find(f"{ATOM}link").get("href") == "https://me.github.io/notes/notes/new.html"
    assert first.findtext(f"{ATOM}summary") == "A note updated 'late' & often, 1 < 2."  # escaped in the file, read back
    home = (tmp_path / "site" / "index.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml" title="My notes" href="feed.xml">' in home
    note = (tmp_path / "site" / "notes" / "new.html").read_text()
    assert '<time datetime="2023-01-01">2023-01-01</time>' in note and "Updated <time" in note and "1 min read" in note


def test_no_feed_without_the_sites_address(tmp_path: Path) -> None:
    vault = write(tmp_path / "vault", {"A.md": "---\ncreated: 2023-01-01\n---\nA note.\n"})
    build(BuildOptions(vault, tmp_path / "site"))
    assert not (tmp_path / "site" / "feed.xml").exists()
    assert "application/atom+xml" not in (tmp_path / "site" / "index.html").read_text()


@pytest.mark.parametrize(
    ("folder", "title"),
    [("ml-notes/vault", "Ml notes"), ("projects/my_study-notes", "My study notes"), ("Zettelkasten", "Zettelkasten"),
     ("deep learning/Vault", "Deep learning")],
)  # fmt: skip
def test_the_site_title_is_a_readable_name_and_never_vault(tmp_path: Path, folder: str, title: str) -> None:
    (tmp_path / folder).mkdir(parents=True)
    assert readable_name(tmp_path / folder) == title


def test_the_diagram_library_ships_only_with_a_diagram(tmp_path: Path) -> None:
    plain = write(tmp_path / "plain", {"A.md": "# A\n\nThe word mermaid, and ```mermaid``` inline.\n"})
    drawn = write(tmp_path / "drawn", {"A.md": "# A\n\n- a list\n  ```mermaid\n  graph TD; A-->B\n  ```\n"})
    build(BuildOptions(plain, tmp_path / "plain-site"))
    build(BuildOptions(drawn, tmp_path / "drawn-site"))
    assert not (tmp_path / "plain-site" / "static" / "vendor" / "mermaid.min.js").exists()
    assert (tmp_path / "drawn-site" / "static" / "vendor" / "mermaid.min.js").stat().st_size > 1_000_000
    html = (tmp_path / "drawn-site" / "notes" / "a.html").read_text()
    assert '<code class="language-mermaid">graph TD; A--&gt;B' in html
    assert 'data-mermaid="../static/vendor/mermaid.min.js"' in html
