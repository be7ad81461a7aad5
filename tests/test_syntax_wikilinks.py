"""Wikilinks and embeds: the fixture files, plus the token metadata later stages rely on."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.positions import positions_plugin
from vaultc.markdown.wikilinks import wikilinks_plugin

MARKDOWN = isolated_markdown(wikilinks_plugin)
POSITIONED = isolated_markdown(wikilinks_plugin, positions_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("wikilinks.md"))
def test_wikilink_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


@pytest.mark.parametrize(("text", "expected"), fixture_cases("embeds.md"))
def test_embed_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def inline_tokens(source: str, token_type: str) -> list[Token]:
    """Every inline token of one type, in document order, with positions placed."""
    return [
        child
        for block in POSITIONED.parse(source)
        if block.type == "inline"
        for child in block.children or ()
        if child.type == token_type
    ]


def only_meta(source: str, token_type: str) -> dict:
    (token,) = inline_tokens(source, token_type)
    return token.meta


def test_wikilink_meta_for_heading_chain_and_alias() -> None:
    assert only_meta("[[Note#H1#H2|the *alias*]]", "wikilink_open") == {
        "target": "Note",
        "heading": ("H1", "H2"),
        "block": None,
        "alias": "the *alias*",
        "raw": "[[Note#H1#H2|the *alias*]]",
        "offset": 0,
        "line": 1,
        "column": 1,
    }


@pytest.mark.parametrize(
    ("source", "target", "heading", "block", "alias"),
    [
        ("[[folder/Note.md]]", "folder/Note.md", (), None, None),
        ("[[#^abc]]", "", (), "abc", None),
        ("[[#Heading]]", "", ("Heading",), None, None),
        ("[[ Note # Part ^x | shown ]]", "Note", ("Part ^x",), None, "shown"),
        ("[[Note#^id|  ]]", "Note", (), "id", None),
        ("[[a|b|c]]", "a", (), None, "b|c"),
        ("[[Note\\|alias]]", "Note", (), None, "alias"),
        ("[[Café]]", "Café", (), None, None),
    ],
)
def test_wikilink_destination_meta(
    source: str, target: str, heading: tuple[str, ...], block: str | None, alias: str | None
) -> None:
    meta = only_meta(source, "wikilink_open")
    assert (meta["target"], meta["heading"], meta["block"], meta["alias"]) == (
        target,
        heading,
        block,
        alias,
    )


def test_label_without_alias_is_obsidian_display_text() -> None:
    (block,) = [token for token in POSITIONED.parse("[[Note#H1#^id]]") if token.type == "inline"]
    assert [(child.type, child.content) for child in block.children or ()] == [
        ("wikilink_open", ""),
        ("text", "Note > H1 > ^id"),
        ("wikilink_close", ""),
    ]


def test_alias_label_is_tokenized_markdown_without_outer_spaces() -> None:
    (block,) = [token for token in POSITIONED.parse("[[a|  *b* c  ]]") if token.type == "inline"]
    assert [child.type for child in block.children or ()] == [
        "wikilink_open",
        "em_open",
        "text",
        "em_close",
        "text",
        "wikilink_close",
    ]
    assert block.children[-2].content == " c"


@pytest.mark.parametrize(
    ("source", "target", "alt", "width", "height"),
    [
        ("![[image.png]]", "image.png", None, None, None),
        ("![[a.png| 450]]", "a.png", None, 450, None),
        ("![[Pasted image 1.png | 250]]", "Pasted image 1.png", None, 250, None),
        ("![[a.png|100x145]]", "a.png", None, 100, 145),
        ("![[a.png|alt|100]]", "a.png", "alt", 100, None),
        ("![[a.png|one | two|3x4]]", "a.png", "one|two", 3, 4),
        ("![[Note|Some title]]", "Note", "Some title", None, None),
        ("![[a.png\\|20]]", "a.png", None, 20, None),
    ],
)
def test_embed_parameters(source: str, target: str, alt: str | None, width: int | None, height: int | None) -> None:
    meta = only_meta(source, "embed")
    assert (meta["target"], meta["alt"], meta["width"], meta["height"]) == (
        target,
        alt,
        width,
        height,
    )


def test_embed_fragments_are_kept_uninterpreted() -> None:
    assert only_meta("![[doc.pdf#page=3]]", "embed")["heading"] == ("page=3",)
    assert only_meta("![[Note#^block]]", "embed")["block"] == "block"
    assert only_meta("![[Note#H1#H2]]", "embed")["heading"] == ("H1", "H2")


def test_embed_raw_and_offset_include_the_bang() -> None:
    meta = only_meta("see ![[a.png|20]]", "embed")
    assert (meta["raw"], meta["offset"], meta["line"], meta["column"]) == ("![[a.png|20]]", 4, 1, 5)


def test_positions_in_nested_blocks() -> None:
    source = "Intro\n\n- item [[One]]\n  and [[Two|2]]\n\n> quote ![[a.png]]\n"
    places = [
        (token.meta["raw"], token.meta["line"], token.meta["column"])
        for token_type in ("wikilink_open", "embed")
        for token in inline_tokens(source, token_type)
    ]
    assert places == [("[[One]]", 3, 8), ("[[Two|2]]", 4, 7), ("![[a.png]]", 6, 9)]


def test_position_in_a_table_cell_with_an_escaped_pipe() -> None:
    source = "| a | b |\n| --- | --- |\n| x | [[Note\\|alias]] |\n"
    meta = only_meta(source, "wikilink_open")
    assert (meta["raw"], meta["alias"], meta["line"], meta["column"]) == (
        "[[Note|alias]]",
        "alias",
        3,
        7,
    )


@pytest.mark.parametrize("source", ["`[[x]]`", "[[]]", "[[a", "[[a\nb]]", "[ [not] ]", "    [[x]]"])
def test_no_wikilink(source: str) -> None:
    assert inline_tokens(source, "wikilink_open") == []
