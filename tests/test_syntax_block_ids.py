"""Block ids: the fixture file, plus the ids and marker lines that link resolution relies on."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.block_ids import block_ids_plugin
from vaultc.markdown.callouts import callouts_plugin

MARKDOWN = isolated_markdown(block_ids_plugin)
WITH_CALLOUTS = isolated_markdown(callouts_plugin, block_ids_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("block_ids.md"))
def test_block_id_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def named_blocks(tokens: list[Token]) -> list[tuple[str, str, int]]:
    return [
        (token.type, token.meta["block_id"], token.meta["block_id_line"])
        for token in tokens
        if "block_id" in token.meta
    ]


def test_trailing_marker_meta_and_text() -> None:
    tokens = MARKDOWN.parse("Intro\n\nFirst line\nSome text ^abc-1\n")
    paragraph, inline = tokens[3], tokens[4]
    assert paragraph.attrs == {"id": "^abc-1"}
    assert paragraph.meta == {"block_id": "abc-1", "block_id_line": 4}
    assert inline.content == "First line\nSome text"
    assert [child.content for child in inline.children or ()][-1] == "Some text"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("| a |\n|---|\n| b |\n\n^t\n", [("table_open", "t", 5)]),
        ("> quote\n^q\n", [("blockquote_open", "q", 2)]),
        (
            "- a\n- b ^item\n\n^list\n",
            [("bullet_list_open", "list", 4), ("list_item_open", "item", 2)],
        ),
        ("# Title ^h\n", [("heading_open", "h", 1)]),
    ],
)
def test_which_token_is_named(source: str, expected: list[tuple[str, str, int]]) -> None:
    assert named_blocks(MARKDOWN.parse(source)) == expected


def test_marker_paragraph_tokens_are_removed() -> None:
    types = [token.type for token in MARKDOWN.parse("> quote\n\n^q\n")]
    assert types == [
        "blockquote_open",
        "paragraph_open",
        "inline",
        "paragraph_close",
        "blockquote_close",
    ]


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("> [!note] Title\n> Body\n\n^c1\n", 4),
        ("> [!note] Title\n^c1\n", 2),
        ("> [!check] Only a title ^c1\n", 1),
    ],
)
def test_callouts_are_named(source: str, line: int) -> None:
    tokens = WITH_CALLOUTS.parse(source)
    assert named_blocks(tokens) == [("callout_open", "c1", line)]
    assert tokens[0].attrs["id"] == "^c1"
    assert "^c1" not in WITH_CALLOUTS.render(source).replace('id="^c1"', "")


def test_callout_title_loses_the_marker() -> None:
    callout = WITH_CALLOUTS.parse("> [!tip] Title ^t1\n")[0]
    assert (callout.type, callout.meta["title"]) == ("callout_open", "Title")
