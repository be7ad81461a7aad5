"""An answer's tokens rendered on another page are always a well-formed fragment."""

from __future__ import annotations

import pytest

from vaultc.markdown import create_markdown
from vaultc.render.notes.pages import balanced

MD = create_markdown()
SOURCE = "1) What is X?\n\n   more about X\n2) What is Y?\n\n- a point\n\nafter the list\n"


def render(start: int) -> str:
    tokens = MD.parse(SOURCE)
    return MD.renderer.render(balanced(tokens[start:]), MD.options, {})


@pytest.mark.parametrize("start", range(len(MD.parse(SOURCE))))
def test_any_start_renders_balanced_html(start: str) -> None:
    html = render(start)
    for tag in ("ol", "ul", "li", "p"):
        assert html.count(f"<{tag}>") + html.count(f"<{tag} ") == html.count(f"</{tag}>"), (start, html)
    assert "<li>" not in html or "<ol>" in html or "<ul" in html  # never an item without a list


def test_an_answer_starting_in_an_item_keeps_its_words_and_the_blocks_after_the_list() -> None:
    tokens = MD.parse(SOURCE)
    inside = next(i for i, token in enumerate(tokens) if token.type == "paragraph_open" and token.map == [2, 3])
    assert render(inside) == (
        '<p>more about X</p>\n<ul class="answer-items">\n<li>\n<p>What is Y?</p>\n</li>\n</ul>\n'
        "<ul>\n<li>a point</li>\n</ul>\n<p>after the list</p>\n"
    )


CALLOUT = "> [!question]- What is Z?\n> It is a letter.\n\n> [!note] Only a title\n"


@pytest.mark.parametrize("end", range(1, len(MD.parse(CALLOUT)) + 1))
@pytest.mark.parametrize("start", range(len(MD.parse(CALLOUT))))
def test_any_slice_of_a_callout_renders_balanced_html(start: int, end: int) -> None:
    """An answer may start at a callout's title and end with it (found by the fuzz test: the title's
    close looked past the end of the slice)."""
    if start >= end:
        return
    html = MD.renderer.render(balanced(MD.parse(CALLOUT)[start:end]), MD.options, {})
    for tag in ("div", "details", "summary", "p"):
        assert html.count(f"<{tag}>") + html.count(f"<{tag} ") == html.count(f"</{tag}>"), (start, end, html)
