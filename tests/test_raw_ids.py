"""Ids from a note's raw HTML never collide with the page's own: the theme's, headings', question
anchors', footnotes'. Raw ids are published as ``html.<id>``; raw links to them follow."""

from __future__ import annotations

import re

from tests.note_pages import duplicate_ids, page_html
from vaultc.render.notes.raw_ids import rename_raw_ids

COLLIDING = {
    "A.md": (
        "# Top\n\n"
        '<div id="site-search-input">raw box</div>\n\n'
        '<h2 id="top">Raw top</h2>\n\n'
        '<p id="content" aria-describedby="top fn1">raw paragraph</p>\n\n'
        "What is x?\n\n"
        'It is <span id="fn1">y</span>[^1], <span id="q-what-is-x">z</span> and <a href="#anchor">jump</a>.\n\n'
        '<a id="anchor"></a> <a href="#top">to the heading</a> <a href="#^b1">to the block</a>\n\n'
        "A block. ^b1\n\n"
        "[^1]: A note.\n"
    )
}


def ids_of(html: str) -> list[str]:
    return re.findall(r'\sid="([^"]*)"', html)


def test_raw_ids_do_not_collide_with_the_page_own_ids() -> None:
    html = page_html(COLLIDING)
    assert duplicate_ids(html) == []
    ids = ids_of(html)
    for own in ("site-search-input", "theme-toggle", "content", "top", "q-what-is-x", "fn1", "fnref1"):
        assert ids.count(own) == 1, own
    for raw in ("site-search-input", "top", "content", "fn1", "q-what-is-x", "anchor"):
        assert ids.count("html." + raw) == 1, raw
    assert '<input id="site-search-input"' in html, "the theme's search box keeps its id"


def test_raw_links_follow_raw_ids_and_keep_heading_and_block_anchors() -> None:
    html = page_html(COLLIDING)
    assert 'href="#html.anchor"' in html
    assert 'href="#top"' in html and 'href="#^b1"' in html
    assert 'aria-describedby="html.top html.fn1"' in html


def test_raw_ids_are_dropped_where_the_note_is_shown_on_another_page() -> None:
    files = {
        "A.md": '<div id="search">raw</div>\n\n![[B]]\n',
        "B.md": '<span id="widget">embedded</span>\n',
    }
    html = page_html(files)
    assert "embedded" in html and 'id="html.widget"' not in html and 'id="widget"' not in html
    assert 'id="html.search"' in html


def test_html_without_ids_passes_through_exactly() -> None:
    for html in ("<br>", "</div>", '<DIV Class="x">', "<!-- c -->", "<p>a &amp; b &#169;</p>", "<img src=x alt='a'>"):
        assert rename_raw_ids(html, frozenset(), True) == html


def test_attributes_of_a_renamed_tag_stay_escaped() -> None:
    html = rename_raw_ids('<div id="a&quot;b" title="x &lt; y" hidden>', frozenset(), True)
    assert html == '<div id="html.a&quot;b" title="x &lt; y" hidden>'
