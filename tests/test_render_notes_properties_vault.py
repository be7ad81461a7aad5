"""Properties end to end, on a fixture vault on disk (tests/fixtures/properties_vault) and on real
notes of tests/corpora: the lint finding of a broken property link, the table on the built page,
the backlink a property link makes, and every link of the site resolving."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.crawl import broken_references
from tests.note_pages import page_html
from tests.test_render_notes_properties import rows
from vaultc.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
VAULT = FIXTURES / "properties_vault"
READING_NOTES = Path(__file__).resolve().parent / "corpora" / "heldout" / "reading-notes"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("properties") / "site"
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def test_lint_points_at_the_broken_property_link_and_the_case_mismatch() -> None:
    result = CliRunner().invoke(main, ["lint", str(VAULT)])
    assert "papers/Attention.md:11:6: warning broken-link no note or file named 'Scaling laws'" in result.output
    assert "topics/Transformers.md:2:40: info link-case-mismatch 'papers'" in result.output


def test_the_page_shows_its_properties_and_every_link_resolves(site: Path) -> None:
    html = (site / "notes" / "papers" / "attention.html").read_text("utf-8")
    cells = rows(html)
    assert list(cells) == ["authors", "year", "read", "reviewed", "tags", "up", "related", "source"]
    assert cells["up"] == '<a class="wikilink" href="../reading-list.html">Reading list</a>'
    section = '<a class="wikilink" href="../topics/transformers.html#self-attention">self-attention</a>'
    assert section in cells["related"]
    assert "<li>Niki &lt;Parmar&gt;</li>" in cells["authors"]
    assert (site / "static" / "properties.css").is_file()
    assert broken_references(site) == []


def test_a_property_link_is_a_backlink_of_its_target(site: Path) -> None:
    html = (site / "notes" / "reading-list.html").read_text("utf-8")
    backlinks = re.search(r'<section class="backlinks".*?</section>', html, re.S).group(0)
    assert "attention.html" in backlinks and "transformers.html" in backlinks


def test_a_real_paper_note_shows_its_reading_record() -> None:
    files = {p.relative_to(READING_NOTES).as_posix(): p.read_text("utf-8") for p in READING_NOTES.rglob("*.md")}
    cells = rows(page_html(files, "papers/Ho2020 - DDPM.md"))
    assert list(cells) == ["authors", "year", "venue", "tags", "status", "read"]
    assert cells["authors"].count("<li>") == 3 and "<li>Jonathan Ho</li>" in cells["authors"]
    assert cells["read"] == '<time datetime="2023-11-20">2023-11-20</time>'
    assert cells["year"] == "2020" and cells["status"] == "read"


def test_a_template_with_empty_values_shows_only_what_it_fills() -> None:
    files = {p.relative_to(READING_NOTES).as_posix(): p.read_text("utf-8") for p in READING_NOTES.rglob("*.md")}
    cells = rows(page_html(files, "templates/Paper template.md"))
    assert list(cells) == ["tags", "status"]


def test_vaultc_yaml_hides_more_keys_and_shows_a_default_hidden_one(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    (vault / "vaultc.yaml").write_text("properties:\n  hide: [Year, source]\n  show: [draft]\n", "utf-8")
    (vault / "Draft.md").write_text("---\ndraft: true\nyear: 1999\n---\nText.\n", "utf-8")
    output = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert list(rows((output / "notes" / "papers" / "attention.html").read_text("utf-8"))) == [
        "authors", "read", "reviewed", "tags", "up", "related",
    ]  # fmt: skip
    assert list(rows((output / "notes" / "draft.html").read_text("utf-8"))) == ["draft"]


@pytest.mark.parametrize(
    "setting, message",
    [
        ("properties: [a]", "properties must be a mapping"),
        ("properties:\n  hide: 3", "properties.hide"),
        ("properties:\n  hidden: [a]", "hide"),  # did you mean
    ],
)
def test_a_wrong_properties_setting_stops_the_run_naming_it(tmp_path: Path, setting: str, message: str) -> None:
    (tmp_path / "A.md").write_text("text\n", "utf-8")
    (tmp_path / "vaultc.yaml").write_text(setting + "\n", "utf-8")
    result = CliRunner().invoke(main, ["lint", str(tmp_path)])
    assert result.exit_code == 2 and message in result.output, result.output
