"""Folders as pages, breadcrumbs on every note, the explorer's tree as one script, and the outline's
status marks: the reading layout's parts that need no JavaScript, on quartz-docs (nested folders)
and the default vault (question headings)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vaultc.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def quartz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("quartz") / "site"
    build(BuildOptions(ROOT / "tests" / "corpora" / "quartz-docs", site, title="Quartz docs"))
    return site


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("default") / "site"
    build(BuildOptions(ROOT / "vault", site))
    return site


def crumbs(html: str) -> list[tuple[str, str]]:
    found = re.search(r'<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>(.*?)</ol></nav>', html)
    assert found, "no breadcrumbs"
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', found.group(1))


def test_a_note_in_a_folder_has_breadcrumbs_to_the_site_and_its_folder(quartz_site: Path) -> None:
    html = (quartz_site / "notes" / "features" / "callouts.html").read_text()
    assert crumbs(html) == [("../../index.html", "Quartz docs"), ("../../folders/features/index.html", "features")]
    nested = (quartz_site / "notes" / "advanced" / "making-plugins.html")
    assert nested.exists() and crumbs(nested.read_text())[-1] == ("../../folders/advanced/index.html", "advanced")


def test_a_note_at_the_root_has_only_the_site(quartz_site: Path) -> None:
    assert crumbs((quartz_site / "notes" / "configuration.html").read_text()) == [("../index.html", "Quartz docs")]


def test_every_folder_has_a_page_listing_its_notes_and_sub_folders(quartz_site: Path) -> None:
    page = (quartz_site / "folders" / "features" / "index.html").read_text()
    assert "<h1>features</h1>" in page
    listed = re.findall(r'<ul class="folder-notes">(.*?)</ul>', page, re.S)[0]
    titles = re.findall(r'<a href="\.\./\.\./notes/features/[^"]+">([^<]+)</a>', listed)
    assert "Callouts" in titles and titles == sorted(titles, key=str.casefold)
    notes_in_folder = list((quartz_site / "notes" / "features").glob("*.html"))
    assert len(titles) == len(notes_in_folder)
    assert crumbs(page) == [("../../index.html", "Quartz docs")]
    for link in re.findall(r'href="([^"#]+)"', listed):
        assert (quartz_site / "folders" / "features" / link).resolve().is_file(), link


def test_the_explorer_tree_is_one_script_with_every_note_once(quartz_site: Path) -> None:
    script = (quartz_site / "explorer-index.js").read_text()
    assert script.startswith("window.VAULTC_EXPLORER = ") and "</" not in script
    data = json.loads(script.removeprefix("window.VAULTC_EXPLORER = ").removesuffix(";\n"))
    pages = [row[2] for row in data["notes"]]
    published = sorted(path.relative_to(quartz_site).as_posix() for path in (quartz_site / "notes").rglob("*.html"))
    assert sorted(pages) == published and len(set(pages)) == len(pages)
    assert data["folders"]["features"] == "folders/features/index.html" and data["folders"][""] == "index.html"
    assert all((quartz_site / page).is_file() for page in data["folders"].values())
    note = (quartz_site / "notes" / "features" / "callouts.html").read_text()
    assert 'data-index="../../explorer-index.js"' in note and 'data-current="notes/features/callouts.html"' in note
    assert "VAULTC_EXPLORER" not in note  # the tree is never copied into the pages


def test_the_outline_marks_each_question_with_its_status(default_site: Path) -> None:
    html = (default_site / "notes" / "deep-learning-interview-questions.html").read_text()
    toc = re.search(r'<nav class="toc" id="outline" aria-labelledby="outline-title">(.*?)</nav>', html, re.S).group(1)
    marked = dict(re.findall(r'<a href="#([^"]+)">[^<]*</a> <span class="toc-status toc-([a-z]+)"', toc))
    assert marked["what-is-an-embedding"] == "unanswered"
    assert set(marked.values()) == {"answered", "unanswered", "stub"}
    assert '<span class="visually-hidden">(unanswered)</span>' in toc  # the mark is named for screen readers
