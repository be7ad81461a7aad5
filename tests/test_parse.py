"""The parse stage is a pure function of (path, text): picklable, repeatable, never raising."""

from __future__ import annotations

import pickle

from vaultc.model import LinkKind
from vaultc.parse import parse_note

NOTE = """---
title: Custom Title
aliases: [Other]
tags: ml, Deep/Nets
publish: true
---
# Heading *one*
Text with [[Link#Sub|alias]] and ![[img.png|200]] and #Deep/nets and [md](x.md).
A block ^b1

## Heading *one*
$x^2$ and `[[not a link]]`
"""


def test_parse_extracts_what_later_stages_need() -> None:
    note = parse_note("folder/N.md", NOTE)
    assert note.title == "Custom Title"
    assert note.front_matter.aliases == ("Other",)
    assert note.tags == ("ml", "Deep/Nets")  # tags are case-insensitive: first spelling wins
    assert [(h.level, h.text, h.anchor, h.line, h.section_end) for h in note.headings] == [
        (1, "Heading one", "heading-one", 7, 12),
        (2, "Heading one", "heading-one-1", 11, 12),
    ]
    assert [(b.block_id, b.line) for b in note.blocks] == [("b1", 8)]
    assert [(link.kind, link.target, link.heading, link.line, link.column, link.wikilink) for link in note.links] == [
        (LinkKind.LINK, "Link", ("Sub",), 8, 11, True),
        (LinkKind.EMBED, "img.png", (), 8, 34, True),
        (LinkKind.LINK, "x.md", (), 8, 75, False),  # Markdown links point at their URL
    ]
    assert note.diagnostics == ()


def test_parse_output_pickles_and_is_repeatable() -> None:
    first, second = parse_note("N.md", NOTE), parse_note("N.md", NOTE)
    restored = pickle.loads(pickle.dumps(first))
    assert restored.links == first.links == second.links
    assert [t.as_dict() for t in restored.tokens] == [t.as_dict() for t in second.tokens]


def test_title_defaults_to_file_name() -> None:
    assert parse_note("a/My Note.md", "text").title == "My Note"


def test_bad_formula_is_a_diagnostic_with_position() -> None:
    note = parse_note("M.md", "line one\nsee $\\frac{a}$ here\n")
    assert [(d.rule, d.line, d.column) for d in note.diagnostics] == [("math-error", 2, 5)]


def test_heading_ids_never_take_the_note_pages_own_ids() -> None:
    from tests.vaults import resolve_files

    vault = resolve_files({"A.md": "[[B#Content]]\n", "B.md": "# Content\n## Backlinks title\n"})
    assert [h.anchor for h in vault.notes["B.md"].headings] == ["content-1", "backlinks-title-1"]
    assert vault.targets["A.md"][0].anchor == "content-1"  # links still find the heading by its text
