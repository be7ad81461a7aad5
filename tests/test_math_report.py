"""Unknown LaTeX commands are reported once per command, with how often they are used."""

from __future__ import annotations

from vaultc.diagnostics import diagnostic
from vaultc.math_report import collapse_unknown_commands
from vaultc.parse import MATH_ERROR_MESSAGE, parse_note


def math_error(path: str, line: int, reason: str):
    return diagnostic(path, line, 1, "math-error", MATH_ERROR_MESSAGE.format(reason=reason), "x")


def test_each_unknown_command_is_one_finding_at_its_first_use() -> None:
    found = collapse_unknown_commands([
        math_error("b.md", 3, r"unknown command \R"),
        math_error("a.md", 9, r"unknown command \R"),
        math_error("a.md", 2, r"unknown command \R"),
        math_error("a.md", 4, r"unknown command \gen"),
        math_error("a.md", 5, "'&' outside an alignment environment"),
        diagnostic("a.md", 1, 1, "broken-link", "no note named 'x'"),
    ])  # fmt: skip
    by_subject = {(d.path, d.line, d.subject): d.message for d in found}
    assert set(by_subject) == {("a.md", 2, r"\R"), ("a.md", 4, "x"), ("a.md", 5, "x"), ("a.md", 1, "")}
    assert by_subject[("a.md", 2, r"\R")].startswith(r"unknown LaTeX command \R in 3 formulas in 2 notes (first here)")
    assert "unknown command \\gen" in by_subject[("a.md", 4, "x")]  # used once: the formula's own finding


def test_the_parse_stage_reports_the_reason_the_collapse_reads() -> None:
    (problem,) = parse_note("n.md", r"The reals $\R$ here." + "\n").diagnostics
    assert problem.message == MATH_ERROR_MESSAGE.format(reason=r"unknown command \R")
