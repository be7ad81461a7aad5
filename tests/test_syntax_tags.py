"""Tags: the fixture file, plus the token metadata later stages rely on."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.positions import positions_plugin
from vaultc.markdown.tags import tags_plugin
from vaultc.markdown.wikilinks import wikilinks_plugin

MARKDOWN = isolated_markdown(tags_plugin)
POSITIONED = isolated_markdown(tags_plugin, wikilinks_plugin, positions_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("tags.md"))
def test_tag_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def tag_tokens(source: str) -> list[Token]:
    """Every tag token, in document order, with positions placed."""
    return [
        child
        for block in POSITIONED.parse(source)
        if block.type == "inline"
        for child in block.children or ()
        if child.type == "tag"
    ]


def test_tag_meta() -> None:
    (tag,) = tag_tokens("a #Nested/Tag.")
    assert tag.meta == {
        "name": "Nested/Tag",
        "raw": "#Nested/Tag",
        "offset": 2,
        "line": 1,
        "column": 3,
    }


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("#café #日本語 #y1984 #1984", ["café", "日本語", "y1984"]),
        ("#a/b/ #-dash #tag_x", ["a/b", "-dash", "tag_x"]),
        ("foo#bar (#x) ##double # space", []),
        ("`#code` [text #in](u)", []),
    ],
)
def test_tag_names(source: str, names: list[str]) -> None:
    assert [tag.meta["name"] for tag in tag_tokens(source)] == names


def test_tag_positions_in_nested_blocks() -> None:
    source = "# Title #one\n\n- item\n  #two\n\n> quote #three\n"
    places = [(tag.meta["raw"], tag.meta["line"], tag.meta["column"]) for tag in tag_tokens(source)]
    assert places == [("#one", 1, 9), ("#two", 4, 3), ("#three", 6, 9)]


def test_no_tag_inside_a_wikilink_alias() -> None:
    assert tag_tokens("[[Note|see #tag]] and [[Note#tag]]") == []
