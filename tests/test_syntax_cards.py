"""Card separators and clozes: the fixture files, rendered with the tokens made visible.

The site renders both as the text written (as Obsidian's reading view does), so the fixtures use a
renderer that shows where each token is: ``<sep kind>`` for a separator, ``<cloze>`` for a cloze.
"""

from __future__ import annotations

import pytest
from markdown_it.common.utils import escapeHtml

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown import create_markdown
from vaultc.markdown.cards import cards_plugin
from vaultc.markdown.cloze import cloze_plugin


def _visible(md):
    md.add_render_rule("card_separator", lambda self, tokens, i, *_: f"<sep {tokens[i].meta['kind']}>"
                       f"{escapeHtml(tokens[i].content)}</sep>")
    md.add_render_rule("cloze", lambda self, tokens, i, *_: (
        f"<cloze{' hint=' + repr(tokens[i].meta['hint']).replace(chr(39), chr(34)) if tokens[i].meta['hint'] else ''}>"
        f"{escapeHtml(tokens[i].content)}</cloze>"))
    return md


CARDS = _visible(isolated_markdown(cards_plugin))
CLOZES = _visible(isolated_markdown(cloze_plugin, cards_plugin))


@pytest.mark.parametrize(("text", "expected"), fixture_cases("cards.md"))
def test_card_fixtures(text: str, expected: str) -> None:
    assert CARDS.render(text) == expected


@pytest.mark.parametrize(("text", "expected"), fixture_cases("cloze.md"))
def test_cloze_fixtures(text: str, expected: str) -> None:
    assert CLOZES.render(text) == expected


def test_a_cloze_is_not_split_by_the_card_rule() -> None:
    (inline,) = [token for token in CLOZES.parse("Q::{{c1::x}}") if token.type == "inline"]
    assert [child.type for child in inline.children] == ["text", "card_separator", "cloze"]


def test_separators_are_configurable() -> None:
    md = _visible(isolated_markdown(lambda md: cards_plugin(md, {"inline": ";;", "multiline": "+++"})))
    assert md.render("a;;b\nc::d") == "<p>a<sep inline>;;</sep>b\nc::d</p>\n"
    assert md.render("front\n+++\nback") == "<p>front\n<sep multiline>+++</sep>\nback</p>\n"


def test_the_vault_parser_renders_cards_and_clozes_as_written() -> None:
    html = create_markdown().render("Q::A & B\n\nThe {{c1::cell}} wall\n")
    assert html == "<p>Q::A &amp; B</p>\n<p>The {{c1::cell}} wall</p>\n"


def test_separator_positions_are_placed_in_the_source() -> None:
    tokens = create_markdown().parse("intro\n\n- What is X?::An x\n")
    (separator,) = [c for t in tokens if t.type == "inline" for c in t.children if c.type == "card_separator"]
    assert (separator.meta["line"], separator.meta["column"]) == (3, 13)
