"""Highlights: the fixture file, plus the tokens the renderer sees."""

from __future__ import annotations

import pytest

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.highlight import highlight_plugin

MARKDOWN = isolated_markdown(highlight_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("highlight.md"))
def test_highlight_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def test_highlight_tokens() -> None:
    (inline,) = [token for token in MARKDOWN.parse("a ==b== c") if token.type == "inline"]
    shape = [(child.type, child.tag, child.nesting, child.markup) for child in inline.children or ()]
    assert shape == [
        ("text", "", 0, ""),
        ("mark_open", "mark", 1, "=="),
        ("text", "", 0, ""),
        ("mark_close", "mark", -1, "=="),
        ("text", "", 0, ""),
    ]
