"""Raw-text tags in prose: the fixture file, the diagnostics that say what was escaped, and the
whole parser (headings after an unclosed tag are still headings, questions still found)."""

from __future__ import annotations

import pytest

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.raw_text import raw_text_plugin
from vaultc.parse import parse_note

MARKDOWN = isolated_markdown(raw_text_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("raw_text.md"))
def test_raw_text_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def test_each_escaped_tag_is_reported_at_its_line() -> None:
    text = "Intro\n\nfirst line\nPut it in a <script> tag\n\n<style> element\n\nClosed <b>x</b>, <script>a</script>\n"
    problems = [(p.rule, p.line, p.subject) for p in parse_note("A.md", text).diagnostics]
    assert problems == [("raw-text-tag", 4, "<script>"), ("raw-text-tag", 6, "<style>")]


def test_the_message_says_what_was_done_and_how_to_show_it_as_code() -> None:
    (problem,) = parse_note("A.md", "the <title> element\n").diagnostics
    assert "<title> is never closed, so it is shown as text" in problem.message
    assert "backticks" in problem.message and problem.severity.name == "INFO"


def test_headings_after_an_unclosed_type_one_block_are_parsed() -> None:
    note = parse_note("A.md", "<script>\nsome words\n\n## What is kept?\n\nIt is.\n")
    assert [heading.text for heading in note.headings] == ["What is kept?"]

