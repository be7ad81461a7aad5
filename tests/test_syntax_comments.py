"""Comments: the fixture file, plus the comment text and positions directives will be read from."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.comments import comments_plugin
from vaultc.markdown.positions import positions_plugin

MARKDOWN = isolated_markdown(comments_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("comments.md"))
def test_comment_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def inline_comments(source: str) -> list[Token]:
    md = isolated_markdown(comments_plugin, positions_plugin)
    return [child for token in md.parse(source) for child in token.children or () if child.type == "comment"]


def test_inline_comment_meta() -> None:
    (comment,) = inline_comments("Intro\n\n> Text %% vaultc-disable-next-line x %% more\n")
    assert comment.content == " vaultc-disable-next-line x "
    assert comment.meta == {
        "raw": "%% vaultc-disable-next-line x %%",
        "offset": 5,
        "line": 3,
        "column": 8,
    }


def test_inline_comment_spanning_lines_keeps_its_text() -> None:
    (comment,) = inline_comments("a %%one\ntwo%% b\n")
    assert (comment.content, comment.meta["line"]) == ("one\ntwo", 1)


def test_block_comment_content_and_map() -> None:
    source = "Text\n\n%% vaultc-disable-next-line unanswered-question\n\n*not parsed*\n%%\nAfter\n"
    (block,) = [token for token in MARKDOWN.parse(source) if token.type == "comment_block"]
    assert block.content == " vaultc-disable-next-line unanswered-question\n\n*not parsed*\n"
    assert block.map == [2, 6]


def test_block_comment_in_blockquote_drops_the_quote_markers() -> None:
    (block,) = [token for token in MARKDOWN.parse("> %%\n> hidden\n> %%\n") if token.type == "comment_block"]
    assert (block.content, block.map) == ("\nhidden\n", [0, 3])


def test_unclosed_block_comment_runs_to_the_end() -> None:
    tokens = MARKDOWN.parse("Text\n\n%% open\n\n# Heading\n")
    assert [token.type for token in tokens][-1] == "comment_block"
    assert (tokens[-1].content, tokens[-1].map) == (" open\n\n# Heading", [2, 5])
