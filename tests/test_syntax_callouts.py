"""Callouts: the fixture file, plus the token metadata and source maps later stages rely on."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.callouts import callouts_plugin
from vaultc.markdown.positions import positions_plugin
from vaultc.markdown.tags import tags_plugin

MARKDOWN = isolated_markdown(callouts_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("callouts.md"))
def test_callout_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def callout_opens(source: str) -> list[Token]:
    return [token for token in MARKDOWN.parse(source) if token.type == "callout_open"]


def test_callout_meta() -> None:
    (callout,) = callout_opens("> [!FAQ]- Why *this*?\n> Because.\n")
    assert callout.meta == {
        "type": "question",
        "written_type": "faq",
        "fold": "-",
        "title": "Why *this*?",
    }


@pytest.mark.parametrize(
    ("source", "fold", "title"),
    [
        ("> [!note]+ Open\n", "+", "Open"),
        ("> [!note]\n", None, "Note"),
        ("> [!custom-type]\n> body\n", None, "Custom-type"),
    ],
)
def test_fold_and_default_title(source: str, fold: str | None, title: str) -> None:
    (callout,) = callout_opens(source)
    assert (callout.meta["fold"], callout.meta["title"]) == (fold, title)


def test_token_sequence_and_maps() -> None:
    tokens = MARKDOWN.parse("Intro\n\n> [!check] Finetuning \n> Body line one\n> line two\n")
    shape = [(token.type, token.map, token.content) for token in tokens[3:]]
    assert shape == [
        ("callout_open", [2, 5], ""),
        ("callout_title_open", [2, 3], ""),
        ("inline", [2, 3], "Finetuning"),
        ("callout_title_close", None, ""),
        ("paragraph_open", [3, 5], ""),
        ("inline", [3, 5], "Body line one\nline two"),
        ("paragraph_close", None, ""),
        ("callout_close", None, ""),
    ]


def test_nested_callouts_keep_levels_balanced() -> None:
    tokens = MARKDOWN.parse("> [!note] Outer\n>\n> > [!tip] Inner\n> > body\n")
    types = [token.type for token in tokens if token.type.startswith(("callout", "blockquote"))]
    assert types.count("callout_open") == types.count("callout_close") == 2
    assert "blockquote_open" not in types
    inner = [token for token in tokens if token.type == "callout_open"][1]
    assert (inner.meta["type"], inner.map) == ("tip", [2, 4])


def test_title_tokens_get_source_positions() -> None:
    md = isolated_markdown(callouts_plugin, tags_plugin, positions_plugin)
    tokens = md.parse("> [!note] About #topic\n> Body #other\n")
    tags = [child for token in tokens for child in token.children or () if child.type == "tag"]
    assert [(tag.meta["name"], tag.meta["line"], tag.meta["column"]) for tag in tags] == [
        ("topic", 1, 17),
        ("other", 2, 8),
    ]
