"""Admonition-plugin fences: the fixture file, plus the line numbers their content keeps."""

from __future__ import annotations

import pytest

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown import create_markdown
from vaultc.markdown.admonitions import admonitions_plugin
from vaultc.markdown.callouts import callouts_plugin

MARKDOWN = isolated_markdown(callouts_plugin, admonitions_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("admonitions.md"))
def test_admonition_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def test_the_body_keeps_the_notes_line_numbers() -> None:
    tokens = create_markdown().parse("intro\n\n```ad-note\ntitle: T\n\nfirst\n\n- [[Target]]\n```\n")
    paragraph = next(token for token in tokens if token.type == "paragraph_open" and token.level == 1)
    assert paragraph.map == [5, 6]  # "first" is line 6 of the note
    (link,) = [c for t in tokens if t.type == "inline" for c in t.children or () if c.type == "wikilink_open"]
    assert (link.meta["line"], link.meta["column"]) == (8, 3)


def test_an_admonition_is_a_callout_to_the_rest_of_vaultc() -> None:
    opening = next(t for t in create_markdown().parse("```ad-faq\nQ?\n```\n") if t.type == "callout_open")
    assert (opening.meta["type"], opening.meta["written_type"], opening.meta["admonition"]) == ("question", "faq", True)
