"""Suppression comments: each directive form silences exactly the rules and lines it says, read
from comment tokens only; mistakes in directives are diagnostics, never exceptions."""

from __future__ import annotations

import pickle

import pytest

from vaultc.diagnostics import Diagnostic, Severity, diagnostic
from vaultc.lint.suppress import END, Suppression, Suppressions, apply_suppressions, suppressions
from vaultc.parse import parse_note


def finding(line: int, rule: str = "unanswered-question", path: str = "n.md") -> Diagnostic:
    return diagnostic(path, line, 1, rule, "m")


def silenced(text: str, *found: Diagnostic) -> list[tuple[int, str]]:
    """(line, rule) of the findings that the note's directives silence."""
    by_note = {"n.md": suppressions(parse_note("n.md", text))}
    kept = apply_suppressions(found, by_note)
    return [(d.line, d.rule) for d in found if d not in kept]


def test_next_line_skips_blank_and_comment_lines_to_the_next_content() -> None:
    text = """\
# Intro
%% vaultc-disable-next-line unanswered-question %%
%% vaultc-disable-next-line stub-answer -- stacked: both apply to the heading %%

## What is X?
Text.
"""
    found = [finding(line, rule) for line in (1, 2, 5, 6) for rule in ("unanswered-question", "stub-answer")]
    assert silenced(text, *found) == [(5, "unanswered-question"), (5, "stub-answer")]


def test_next_line_after_an_inline_comment_is_the_next_line_of_its_paragraph() -> None:
    text = "Some text %% vaultc-disable-next-line %%\nWhat is Y?\nWhat is Z?\n"
    found = [finding(2), finding(2, "broken-link"), finding(3), finding(1)]
    assert silenced(text, *found) == [(2, "unanswered-question"), (2, "broken-link")]


def test_next_line_after_a_multi_line_block_comment() -> None:
    text = "%%\nvaultc-disable-next-line broken-link\nreason: the page is offline\n%%\n\n- [[Gone]]\n"
    assert silenced(text, finding(2, "broken-link"), finding(4, "broken-link"), finding(6, "broken-link")) == [
        (6, "broken-link")
    ]


def test_rules_separated_by_commas_or_spaces_and_case_is_ignored() -> None:
    text = "%% vaultc-disable-next-line Stub-Answer,broken-link  undefined-term %%\nWhat?\n"
    rules = ("stub-answer", "broken-link", "undefined-term", "unanswered-question")
    assert silenced(text, *(finding(2, rule) for rule in rules)) == [
        (2, "stub-answer"),
        (2, "broken-link"),
        (2, "undefined-term"),
    ]


def test_disable_line_is_the_directives_own_line() -> None:
    text = "## What is X? %% vaultc-disable-line unanswered-question %%\n\n## What is Y?\n"
    assert silenced(text, finding(1), finding(1, "stub-answer"), finding(3)) == [(1, "unanswered-question")]


def test_range_runs_from_disable_to_the_line_before_enable() -> None:
    text = """\
Intro.

%% vaultc-disable stub-answer %%
Q1?
Q2?
%% vaultc-enable stub-answer %%
Q3?
"""
    found = [finding(line, "stub-answer") for line in range(1, 8)] + [finding(4)]
    assert silenced(text, *found) == [(3, "stub-answer"), (4, "stub-answer"), (5, "stub-answer")]


def test_unended_disable_runs_to_the_end_and_plain_enable_ends_every_rule() -> None:
    text = "%% vaultc-disable %%\nA?\n%% vaultc-enable %%\nB?\n%% vaultc-disable broken-link %%\nC?\n"
    found = [finding(2), finding(4), finding(6), finding(6, "broken-link"), finding(900, "broken-link")]
    assert silenced(text, *found) == [(2, "unanswered-question"), (6, "broken-link"), (900, "broken-link")]


def test_disable_file_covers_every_line_and_whole_file_findings() -> None:
    text = "Text.\n\n%% vaultc-disable-file empty-note, unanswered-question %%\n"
    found = [finding(0, "empty-note"), finding(1), finding(50), finding(2, "broken-link")]
    assert silenced(text, *found) == [(0, "empty-note"), (1, "unanswered-question"), (50, "unanswered-question")]
    assert suppressions(parse_note("n.md", text)).spans == (
        Suppression(0, END, frozenset({"empty-note", "unanswered-question"})),
    )


def test_other_notes_are_untouched_and_order_is_kept() -> None:
    by_note = {"n.md": suppressions(parse_note("n.md", "%% vaultc-disable-file %%\n"))}
    found = (finding(3, path="other.md"), finding(3), finding(1, path="other.md"))
    assert apply_suppressions(found, by_note) == (found[0], found[2])
    assert apply_suppressions(found, {}) == found


@pytest.mark.parametrize(
    "text",
    [
        "```\n%% vaultc-disable-file %%\n```\n",  # code fence
        "`%% vaultc-disable-file %%`\n",  # code span
        "    %% vaultc-disable-file %%\n",  # indented code
        "Just %% a comment about vaultc %% here.\n",  # not a directive
        "%% vaultc is great %%\n",
    ],
)
def test_directives_count_only_in_comments(text: str) -> None:
    note = suppressions(parse_note("n.md", text))
    assert note == Suppressions()


def test_mistakes_are_unknown_suppression_diagnostics_and_the_rest_applies() -> None:
    text = """\
%% vaultc-disable-next-line unanswerd-question, stub-answer %%
Q?
%% vaultc-disable-nextline stub-answer %%
Q2?
%% vaultc-enable broken-link %%
text %% vaultc-enable %%
%% vaultc-disable-line zzz %%
"""
    note = suppressions(parse_note("n.md", text))
    assert [(d.line, d.column, d.rule, d.severity, d.subject) for d in note.diagnostics] == [
        (1, 0, "unknown-suppression", Severity.WARNING, "unanswerd-question"),
        (3, 0, "unknown-suppression", Severity.WARNING, "vaultc-disable-nextline"),
        (5, 0, "unknown-suppression", Severity.WARNING, "broken-link"),
        (6, 6, "unknown-suppression", Severity.WARNING, ""),
        (7, 0, "unknown-suppression", Severity.WARNING, "zzz"),
    ]
    messages = [d.message for d in note.diagnostics]
    assert messages[0] == (
        "vaultc-disable-next-line: unknown rule 'unanswerd-question'. Did you mean 'unanswered-question'?"
    )
    assert messages[1] == "unknown directive 'vaultc-disable-nextline'. Did you mean 'vaultc-disable-next-line'?"
    assert "no vaultc-disable naming broken-link is open above it" in messages[2]
    assert messages[3] == "vaultc-enable ends nothing: no vaultc-disable is open above it."
    assert messages[4] == "vaultc-disable-line: unknown rule 'zzz'."
    # The known rule still applies; a directive naming only unknown rules silences nothing.
    assert note.spans == (Suppression(2, 2, frozenset({"stub-answer"})),)


def test_suppressions_pickle() -> None:
    note = suppressions(parse_note("n.md", "%% vaultc-disable x %%\n%% vaultc-disable-file broken-link %%\n"))
    assert pickle.loads(pickle.dumps(note)) == note
