"""Obsidian's line breaks and bare URLs: the fixture files, the ``strict_line_breaks`` switch of
vaultc.yaml end to end, and what questions and answers still read the same either way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.cli import main
from vaultc.extract.stage import extract_knowledge
from vaultc.markdown.bare_urls import bare_urls_plugin
from vaultc.markdown.line_breaks import line_breaks_plugin
from vaultc.markdown.wikilinks import wikilinks_plugin
from vaultc.names import VaultPath
from vaultc.parse import ParseOptions, parse_note
from vaultc.resolve import resolve_vault

BREAKS = isolated_markdown(line_breaks_plugin)
URLS = isolated_markdown(wikilinks_plugin, bare_urls_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("line_breaks.md"))
def test_line_break_fixtures(text: str, expected: str) -> None:
    assert BREAKS.render(text) == expected


@pytest.mark.parametrize(("text", "expected"), fixture_cases("bare_urls.md"))
def test_bare_url_fixtures(text: str, expected: str) -> None:
    assert URLS.render(text) == expected


def breaks_of(options: ParseOptions) -> list[str]:
    inline = next(t for t in parse_note("A.md", "one\ntwo\n", options).tokens if t.type == "inline")
    return [child.type for child in inline.children or () if child.type.endswith("break")]


def test_the_switch_restores_commonmark_soft_breaks() -> None:
    assert breaks_of(ParseOptions()) == ["hardbreak"]
    assert breaks_of(ParseOptions(strict_line_breaks=True)) == ["softbreak"]


def questions_read(text: str, options: ParseOptions) -> list[tuple[str, str, str]]:
    knowledge = extract_knowledge(resolve_vault([parse_note(VaultPath("A.md"), text, options)], ()))
    return [(q.text, q.status.value, q.answer.text) for q in knowledge.questions]


def test_questions_and_their_answers_are_read_the_same_either_way() -> None:
    text = "# Notes\n\nWhat is a tensor?\nAn array of numbers.\n\nQ: What is a rank?\nA: Its number of axes.\n"
    obsidian = questions_read(text, ParseOptions())
    assert [(question, status) for question, status, _ in obsidian] == [
        ("What is a tensor?", "answered"),
        ("What is a rank?", "answered"),
    ]
    assert questions_read(text, ParseOptions(strict_line_breaks=True)) == obsidian


def build_note_page(tmp_path: Path, config: str) -> str:
    vault = tmp_path / "vault"
    vault.mkdir(parents=True)
    (vault / "Poem.md").write_text("# Poem\n\nRoses are red\nViolets are blue\nSee https://example.org\n", "utf-8")
    (vault / "vaultc.yaml").write_text(config, "utf-8")
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site"), "-q"])
    assert result.exit_code == 0, result.output
    return (tmp_path / "site" / "notes" / "poem.html").read_text("utf-8")


def test_a_built_page_breaks_lines_and_links_urls_unless_strict(tmp_path: Path) -> None:
    page = build_note_page(tmp_path / "a", "title: T\n")
    assert "Roses are red<br>\nViolets are blue<br>" in page
    assert '<a class="external" href="https://example.org" rel="noopener">https://example.org</a>' in page
    strict = build_note_page(tmp_path / "b", "strict_line_breaks: true\n")
    assert "Roses are red\nViolets are blue\n" in strict
