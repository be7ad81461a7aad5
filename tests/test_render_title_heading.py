"""A note opening with its own title as a heading shows the title once: that heading is the page's
h1 (its id and question badge kept), the headings under it move up a level, the outline leaves it
out; any other first heading stays the note's own."""

from __future__ import annotations

import re

import pytest

from tests.note_pages import duplicate_ids, page_html, site_of
from vaultc.names import VaultPath
from vaultc.render.notes.pages import table_of_contents
from vaultc.render.notes.title_heading import opening_title


@pytest.mark.parametrize(
    ("path", "text", "is_title"),
    [
        ("Java Basics.md", "# Java Basics\n\nText.\n", True),
        ("Java Basics.md", "#   java   BASICS  \n\nText.\n", True),  # case and spacing aside
        ("Java Basics.md", "---\ntags: [java]\n---\n# Java Basics\n\nText.\n", True),  # front matter first
        ("Notes.md", "---\ntitle: Java Basics\n---\n# Java Basics\n", True),  # the title from the properties
        ("Java Basics.md", "# Java Basics, part 1\n\nText.\n", False),  # another text: the note's own
        ("Java Basics.md", "## Java Basics\n\nText.\n", False),  # not a top heading
        ("Java Basics.md", "Intro.\n\n# Java Basics\n", False),  # not the first block
        ("Java Basics.md", "Text only.\n", False),
    ],
)
def test_a_title_heading_is_the_notes_title_written_again_as_its_first_block(
    path: str, text: str, is_title: bool
) -> None:
    note = site_of({path: text}).vault.notes[VaultPath(path)]
    assert (opening_title(note) is not None) == is_title


NOTE = "# Java Basics\n\nIntro.\n\n## Primitives\n\nint, long.\n\n### Boxing\n\nInteger.\n\n## Strings\n\nImmutable.\n"


def test_the_title_heading_becomes_the_pages_h1_and_the_rest_moves_up() -> None:
    html = page_html({"Java Basics.md": NOTE, "Other.md": "See [[Java Basics#Java Basics]].\n"}, "Java Basics.md")
    assert re.findall(r"<h1[^>]*>.*?</h1>", html) == ['<h1 id="java-basics" class="note-title">Java Basics</h1>']
    body = html[html.index('<div class="note-content">') : html.index('<div class="note-rail">')]
    assert "Java Basics</h" not in body  # not again under the title
    assert re.findall(r"<h(\d) id=\"([a-z-]+)\"", body) == [("2", "primitives"), ("3", "boxing"), ("2", "strings")]
    assert not duplicate_ids(html)


def test_the_outline_leaves_the_title_out_and_starts_at_the_top() -> None:
    note = site_of({"Java Basics.md": NOTE}).vault.notes[VaultPath("Java Basics.md")]
    assert [(entry.text, entry.depth) for entry in table_of_contents(note)] == [
        ("Primitives", 0),
        ("Boxing", 1),
        ("Strings", 0),
    ]


def test_a_title_heading_that_asks_keeps_its_badge_in_the_h1() -> None:
    html = page_html({"What is a monad?.md": "# What is a monad?\n\nA monoid in the category of endofunctors.\n"},
                     "What is a monad?.md")  # fmt: skip
    title = re.search(r'<h1 id="what-is-a-monad" class="note-title">(.*?)</h1>', html, re.S)
    assert title and "badge-answered" in title[1] and 'href="#what-is-a-monad"' in title[1]  # badge, permalink
    body = html[html.index('<div class="note-content">') : html.index('<div class="note-rail">')]
    assert "<h2" not in body and "A monoid in the category" in body and not duplicate_ids(html)


def test_a_different_first_heading_stays_in_the_body() -> None:
    html = page_html({"Java Basics.md": "# Java, the basics\n\nIntro.\n"}, "Java Basics.md")
    assert '<h1 class="note-title">Java Basics</h1>' in html
    body = html[html.index('<div class="note-content">') :]
    assert '<h2 id="java-the-basics">Java, the basics</h2>' in body
