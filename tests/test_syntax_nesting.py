"""Nesting past the parser's limit: the fixture file (at a limit of 4 levels, to keep cases short),
and the real limit through the whole parser: nothing of a deep outline is lost and the place is reported."""

from __future__ import annotations

import functools

import pytest

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown import create_markdown
from vaultc.markdown.nesting import NESTING_LIMIT, nesting_plugin
from vaultc.parse import parse_note

MARKDOWN = isolated_markdown(functools.partial(nesting_plugin, limit=4))


@pytest.mark.parametrize(("text", "expected"), fixture_cases("nesting.md"))
def test_nesting_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def outline(depth: int) -> str:
    return "".join("  " * level + f"- level{level + 1}\n" for level in range(depth))


def test_a_ten_level_outline_that_markdown_it_would_drop_is_ten_nested_lists() -> None:
    html = create_markdown().render(outline(10) + "\nAfter.\n")
    assert html.count("<ul>") == 10 and "level10" in html and "<p>After.</p>" in html


@pytest.mark.parametrize("depth", [NESTING_LIMIT // 2 + 1, 200])
def test_every_level_of_a_deeper_outline_is_kept_and_the_first_flattened_line_reported(depth: int) -> None:
    text = outline(depth) + "\nAfter the outline.\n"
    html = create_markdown().render(text)
    assert all(f"level{level}<" in html or f"level{level}\n" in html for level in range(1, depth + 1))
    assert "<p>After the outline.</p>" in html
    (problem,) = parse_note("Deep.md", text).diagnostics
    assert (problem.rule, problem.line) == ("nesting-limit", NESTING_LIMIT // 2)
    assert f"more than {NESTING_LIMIT // 2} outline levels" in problem.message


def test_a_hundred_nested_quotes_keep_their_text() -> None:
    text = "> " * 150 + "quoted deep\n\nAfter the quotes.\n"
    html = create_markdown().render(text)
    assert "quoted deep" in html and "<p>After the quotes.</p>" in html
    assert [problem.rule for problem in parse_note("Q.md", text).diagnostics] == ["nesting-limit"]


def test_outlines_within_the_limit_are_not_reported() -> None:
    assert parse_note("A.md", outline(NESTING_LIMIT // 2 - 1)).diagnostics == ()
