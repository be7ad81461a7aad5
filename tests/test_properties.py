"""Front-matter properties: their values and types, and the ``[[links]]`` written in them (found by
the wikilink rule, placed at their line:column in the front matter, numbered before the body's)."""

from __future__ import annotations

import pickle

import pytest

from tests.vaults import graph_of, resolve_files
from vaultc.model import LinkKind, PropertyKind
from vaultc.names import VaultPath
from vaultc.parse import parse_note


def note(text: str):
    return parse_note(VaultPath("A.md"), text)


def prop(text: str, key: str):
    return next(p for p in note(text).front_matter.properties if p.key == key)


def test_links_in_a_list_and_a_single_value_are_links_of_the_note() -> None:
    parsed = note('---\nrelated: ["[[B]]", "[[C|see C]]"]\nup: "[[Parent]]"\n---\nBody [[D]].\n')
    assert [(link.target, link.line, link.column) for link in parsed.links] == [
        ("B", 2, 12),
        ("C", 2, 21),
        ("Parent", 3, 6),
        ("D", 5, 6),
    ]
    assert [link.index for link in parsed.links] == [0, 1, 2, 3]
    assert all(link.kind is LinkKind.LINK and link.wikilink for link in parsed.links)


def test_body_tokens_carry_the_index_after_the_property_links() -> None:
    parsed = note('---\nup: "[[Parent]]"\n---\n[[D]] and [[E]]\n')
    indexes = [c.meta["link_index"] for t in parsed.tokens if t.type == "inline" for c in t.children or ()
               if c.type == "wikilink_open"]  # fmt: skip
    assert indexes == [1, 2]


def test_block_lists_links_in_longer_text_and_headings() -> None:
    text = "---\nsee:\n  - '[[B#Part]]'\n  - plain\nnote: read [[C]] then [[D#^block]] twice\n---\n"
    parsed = note(text)
    found = [(link.target, link.heading, link.block, link.line, link.column) for link in parsed.links]
    assert found == [("B", ("Part",), None, 3, 6), ("C", (), None, 5, 12), ("D", (), "block", 5, 23)]


def test_values_keep_their_type() -> None:
    text = (
        "---\ncount: 3\nratio: 0.50\ndone: true\nwhen: 2024-01-05\nat: 2024-01-05 10:30:00\n"
        "authors: [Ann, Bob]\nempty:\nnothing: []\nnested: {a: 1}\n---\n"
    )
    props = {p.key: p for p in note(text).front_matter.properties}
    kinds = {key: [v.kind for v in p.values] for key, p in props.items()}
    assert kinds == {
        "count": [PropertyKind.NUMBER],
        "ratio": [PropertyKind.NUMBER],
        "done": [PropertyKind.CHECKBOX],
        "when": [PropertyKind.DATE],
        "at": [PropertyKind.DATETIME],
        "authors": [PropertyKind.TEXT, PropertyKind.TEXT],
        "empty": [],
        "nothing": [],
        "nested": [PropertyKind.OBJECT],
    }
    assert props["ratio"].values[0].text == "0.50"  # as written
    assert props["done"].values[0].text == "true"
    assert props["authors"].is_list and not props["count"].is_list
    assert props["nested"].values[0].text == "{a: 1}"


def test_tags_and_aliases_are_not_searched_for_links() -> None:
    parsed = note('---\ntags: ["[[x]]"]\naliases: ["[[y]]"]\n---\n')
    assert parsed.links == ()


def test_broken_front_matter_has_no_properties() -> None:
    assert note("---\nup: [[[\n---\nbody\n").front_matter.properties == ()
    assert note("---\n- a\n- b\n---\nbody\n").front_matter.properties == ()


def test_a_later_key_replaces_an_earlier_one_as_yaml_does() -> None:
    props = note("---\nup: one\nup: two\n---\n").front_matter.properties
    assert [(p.key, p.values[0].text) for p in props] == [("up", "two")]


def test_a_note_with_properties_still_pickles() -> None:
    parsed = note('---\nup: "[[Parent]]"\n---\n')
    assert pickle.loads(pickle.dumps(parsed)) == parsed


# (property as written in A.md's front matter, expected target, rule or None)
RESOLVED = [
    ('up: "[[B]]"', "B.md", None),
    ('up: "[[b]]"', "B.md", "link-case-mismatch"),
    ('up: "[[Bee]]"', "B.md", None),  # an alias of B
    ('up: "[[B#Part]]"', "B.md", None),
    ('up: "[[B#Nope]]"', "B.md", "missing-heading"),
    ('up: "[[Missing]]"', None, "broken-link"),
    ('up:\n  - "[[Missing]]"', None, "broken-link"),
]


@pytest.mark.parametrize("written, expected, rule", RESOLVED, ids=[case[0] for case in RESOLVED])
def test_property_links_resolve_like_body_links(written: str, expected: str | None, rule: str | None) -> None:
    vault = resolve_files({"A.md": f"---\n{written}\n---\nbody\n", "B.md": "---\naliases: [Bee]\n---\n# Part\n"})
    assert [t.path for t in vault.targets["A.md"]] == [expected]
    assert [d.rule for d in vault.diagnostics] == ([rule] if rule else [])


def test_a_broken_property_link_is_reported_at_its_line_and_column() -> None:
    vault = resolve_files({"A.md": '---\ntitle: A\nrelated: ["[[B]]", "[[Nowhere]]"]\n---\nbody\n', "B.md": ""})
    (problem,) = vault.diagnostics
    assert (problem.path, problem.line, problem.column, problem.rule) == ("A.md", 3, 21, "broken-link")


def test_property_links_are_backlinks_in_the_graph() -> None:
    graph = graph_of({"A.md": '---\nup: "[[B]]"\n---\nbody\n', "B.md": "# B\n"})
    assert list(graph.backlinks(VaultPath("B.md"))) == [VaultPath("A.md")]


def test_value_text_of_a_link_shows_obsidian_display_text() -> None:
    value = prop('---\nup: "[[B#Part]]"\nalso: "[[C|Sea]]"\n---\n', "up").values[0]
    assert value.text == "[[B#Part]]"
    labels = [t.content for t in value.tokens if t.type == "text"]
    assert labels == ["B > Part"]


def test_scalars_are_read_as_obsidian_reads_them_and_long_numbers_keep_their_digits() -> None:
    text = "---\nanswer: yes\nzip: 010\nbig: 1" + "0" * 5000 + "\n---\n"
    props = {p.key: p.values[0] for p in note(text).front_matter.properties}
    assert (props["answer"].kind, props["answer"].text) == (PropertyKind.TEXT, "yes")  # YAML 1.2: not a boolean
    assert (props["zip"].kind, props["zip"].text) == (PropertyKind.NUMBER, "010")
    assert (props["big"].kind, len(props["big"].text)) == (PropertyKind.NUMBER, 5001)


def test_front_matter_too_deep_to_read_has_no_properties() -> None:
    parsed = note("---\nup: " + "[" * 5000 + "]" * 5000 + '\nsee: "[[B]]"\n---\nbody\n')
    assert parsed.front_matter.properties == ()  # its lines are the note's text (see test_front_matter.py)
    assert [d.rule for d in parsed.diagnostics] == ["front-matter-error"]
