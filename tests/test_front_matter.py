"""Front matter: where Obsidian finds it (the fixture file), how its values are read, and that
nothing a note says is lost when its front matter cannot be read."""

from __future__ import annotations

import pytest

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.front_matter import front_matter_plugin
from vaultc.model import FrontMatter, ParsedNote
from vaultc.names import VaultPath
from vaultc.parse import parse_note

MARKDOWN = isolated_markdown(front_matter_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("front_matter.md"))
def test_front_matter_fixtures(text: str, expected: str) -> None:
    assert MARKDOWN.render(text) == expected


def parsed(text: str) -> ParsedNote:
    return parse_note(VaultPath("Note.md"), text)


def fields(front_matter: FrontMatter) -> FrontMatter:
    """The fields read here (the properties table is :mod:`vaultc.properties`' and its tests')."""
    return FrontMatter(
        front_matter.title, front_matter.aliases, front_matter.tags, front_matter.publish, front_matter.description
    )


def findings(note: ParsedNote) -> list[tuple[str, int, str]]:
    return [(d.rule, d.line, d.message) for d in note.diagnostics if d.rule.startswith("front-matter")]


def test_properties_token_spans_the_fenced_lines() -> None:
    (token, *_) = MARKDOWN.parse("---\ntitle: A\ntags: x\n---\nBody\n")
    assert (token.type, token.content, token.map) == ("front_matter", "title: A\ntags: x", [0, 4])


def test_unreadable_front_matter_keeps_its_token_and_its_lines() -> None:
    tokens = MARKDOWN.parse("---\n# First\nText\n---\nBody\n")
    assert [token.type for token in tokens] == [
        "front_matter", "heading_open", "inline", "heading_close", "paragraph_open", "inline", "paragraph_close",
        "paragraph_open", "inline", "paragraph_close",
    ]  # fmt: skip
    assert [token.map for token in tokens if token.type.endswith("_open")] == [[1, 2], [2, 3], [4, 5]]


def test_a_block_of_yaml_comments_is_empty_front_matter() -> None:
    note = parsed("---\n# a YAML comment\n---\nBody\n")
    assert note.headings == () and findings(note) == []


def test_a_note_opening_with_dashes_and_a_backslash_keeps_every_section() -> None:
    note = parsed("---\\\n# First\n\nIs it kept?\n\nYes.\n\n---\n\n## Second\n\nText.\n")
    assert [heading.text for heading in note.headings] == ["First", "Second"]
    assert fields(note.front_matter) == FrontMatter() and findings(note) == []


def test_a_thematic_break_on_the_first_line_keeps_the_sections_up_to_the_next() -> None:
    note = parsed("---\n# First\n\nText one.\n\n---\n\n## Second\n")
    assert [heading.text for heading in note.headings] == ["First", "Second"]
    assert findings(note) == [
        ("front-matter-error", 1, "front matter cannot be read: it must be a mapping of 'key: value' lines; "
         "its lines are shown as the note's text"),
    ]  # fmt: skip


def test_invalid_yaml_is_reported_at_its_line() -> None:
    note = parsed("---\ntitle: ok\ntags: [unclosed\nmore: x\n---\n# Body\n")
    ((rule, line, message),) = findings(note)
    assert (rule, line) == ("front-matter-error", 4) and "not valid YAML" in message
    assert [heading.text for heading in note.headings] == ["Body"]


def test_scalars_are_read_as_obsidian_reads_them() -> None:
    note = parsed("---\ntitle: yes\naliases: [on, 010, 1.5]\ntags: [1984, true]\ndescription: 2024-01-02\n---\n")
    assert fields(note.front_matter) == FrontMatter(
        title="yes", aliases=("on", "10", "1.5"), tags=("1984", "true"), description="2024-01-02"
    )
    assert findings(note) == []


@pytest.mark.parametrize(
    ("value", "published"),
    [("false", False), ("no", False), ("off", False), ('"False"', False), ("true", True), ("yes", True), ("", True)],
)
def test_publish_words_that_hide_a_note(value: str, published: bool) -> None:
    note = parsed(f"---\npublish: {value}\n---\n")
    assert note.front_matter.publish is published and findings(note) == []


@pytest.mark.parametrize(
    ("yaml_text", "line", "message", "front_matter"),
    [
        ("title: [a, b]", 2, "title: a list is not text; it was ignored", FrontMatter()),
        ("description: {a: b}", 2, "description: a mapping is not text; it was ignored", FrontMatter()),
        ("tags: {a: b}", 2, "tags: a mapping is not a list; it was ignored", FrontMatter()),
        ("x: 1\ntags: [ok, {a: b}]", 3, "tags: a mapping in the list is not a name; it was ignored",
         FrontMatter(tags=("ok",))),
        ("aliases:\n  - [nested]\n  - Fine", 2, "aliases: a list in the list is not a name; it was ignored",
         FrontMatter(aliases=("Fine",))),
        ("publish: maybe", 2, "publish: 'maybe' is neither true nor false; the note is published", FrontMatter()),
        ("title: !!binary aGk=", 2, "title: binary data is not text; it was ignored", FrontMatter()),
        ("title: T\nborn: 2024-13-45", 3,
         "born: '2024-13-45' is not a date (month must be in 1..12); kept as text", FrontMatter(title="T")),
    ],
)  # fmt: skip
def test_values_vaultc_cannot_use_are_reported_and_the_rest_is_read(
    yaml_text: str, line: int, message: str, front_matter: FrontMatter
) -> None:
    note = parsed(f"---\n{yaml_text}\n---\nBody\n")
    assert findings(note) == [("front-matter-value", line, message)]
    assert fields(note.front_matter) == front_matter


def test_a_number_of_thousands_of_digits_is_kept_as_text() -> None:
    note = parsed(f"---\ntitle: Big\ncount: {'9' * 5000}\n---\n")
    assert note.front_matter.title == "Big"
    assert findings(note) == [("front-matter-value", 3, "count: a number of 5,000 digits is kept as text")]


def test_a_title_of_thousands_of_digits_is_its_text() -> None:
    assert parsed(f"---\ntitle: {'9' * 5000}\n---\n").front_matter.title == "9" * 5000


@pytest.mark.parametrize(
    ("yaml_text", "line", "reason"),
    [
        ("title: T\nx: " + "[" * 10_000 + "]" * 10_000, 3, "'x' nests more than 64 levels deep"),
        ("x:\n" + "".join(f"{'  ' * depth}- \n" for depth in range(100)), 66, "'x' nests more than 64 levels deep"),
        ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
         + "".join(f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]\n" for n in range(6)),
         2, "it expands to more than 10,000 values (YAML aliases)"),
        ("a: &a [*a]", 2, "it expands to more than 10,000 values (YAML aliases)"),
        ("a: !!bool maybe", 2, "cannot be read (KeyError('maybe'))"),
        ("a: !!float words", 2, "cannot be read (ValueError(\"could not convert string to float: 'words'\"))"),
        ("a: !!python/name:os.system x", 2, "not valid YAML: could not determine a constructor for the tag"),
        ("a: ok\nb: \x01", 3, "not valid YAML: unacceptable character #x0001: special characters are not allowed"),
    ],
)  # fmt: skip
def test_hostile_yaml_is_an_error_at_its_line_never_a_crash(yaml_text: str, line: int, reason: str) -> None:
    note = parsed(f"---\n{yaml_text}\n---\n# After\n")
    ((rule, found_line, message),) = findings(note)
    assert (rule, found_line) == ("front-matter-error", line) and reason in message
    assert fields(note.front_matter) == FrontMatter() and note.headings[-1].text == "After"
