"""One model for every problem vaultc finds in a vault's content.

A diagnostic is data (severity, path, line, column, rule, message), collected by every stage and
reported together at the end; it is never raised and never dropped. Rule ids are stable kebab-case
names that users can configure and grep for.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``>=`` compares seriousness."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


# Every rule the core can report, with its default severity and a one-line description.
RULES: dict[str, tuple[Severity, str]] = {
    "broken-link": (Severity.WARNING, "a link points at a note or file that is not in the vault"),
    "missing-heading": (Severity.WARNING, "a link names a heading its note does not have"),
    "missing-block": (Severity.WARNING, "a link names a block id its note does not have"),
    "ambiguous-link": (Severity.WARNING, "several notes match a link equally well"),
    "link-case-mismatch": (Severity.INFO, "a link matches a note only when case is ignored"),
    "missing-embed": (Severity.WARNING, "an embed names a file or note that is not in the vault"),
    "embed-cycle": (Severity.WARNING, "notes embed each other in a loop"),
    "embed-limit": (Severity.WARNING, "a page embeds more than vaultc expands on one page; later embeds are links"),
    "unsafe-link": (Severity.WARNING, "a link tries to reach outside the vault"),
    "unpublished-link": (Severity.INFO, "a link points at a note excluded with publish: false"),
    "front-matter-error": (Severity.ERROR, "the YAML front matter cannot be read (its lines are shown as text)"),
    "front-matter-value": (
        Severity.WARNING,
        "a front-matter value vaultc reads has a type it cannot use (ignored or kept as text)",
    ),
    "unreadable-file": (Severity.ERROR, "a file cannot be read"),
    "invalid-utf8": (Severity.WARNING, "a note is not valid UTF-8 (shown with replacement characters)"),
    "not-utf8": (Severity.WARNING, "a note is UTF-16 or holds NUL bytes, not UTF-8 (decoded as well as possible)"),
    "byte-order-mark": (Severity.INFO, "a note starts with a byte-order mark (ignored)"),
    "crlf-line-endings": (Severity.INFO, "a note uses CRLF line endings (read as LF)"),
    "empty-note": (Severity.WARNING, "a note has no content"),
    "math-error": (Severity.WARNING, "a formula cannot be converted to MathML (its source is shown)"),
    "raw-text-tag": (Severity.INFO, "an unclosed <script>, <style>, <title>... in prose, shown as text"),
    "nesting-limit": (Severity.WARNING, "an outline or quote nests deeper than vaultc parses (lines shown as written)"),
    "unsafe-html": (Severity.WARNING, "raw HTML that could run code or take over the page (removed from the site)"),
    "slug-collision": (Severity.WARNING, "two notes would be written to the same page"),
    "symlink-outside-vault": (Severity.WARNING, "a symbolic link points outside the vault (skipped)"),
    "symlink-loop": (Severity.WARNING, "a symbolic link leads to itself or to a folder that holds it (skipped)"),
    "special-file": (Severity.WARNING, "a named pipe, socket or device in the vault (skipped: only files are read)"),
    "cache-unwritable": (Severity.INFO, "the build cache cannot be written: runs stay correct but get no faster"),
    "unanswered-question": (Severity.WARNING, "a question has no answer yet"),
    "stub-answer": (Severity.WARNING, "a question's answer is only a placeholder (TODO, -, Answer here...)"),
    "open-prompt": (
        Severity.INFO,
        "a question left open on purpose (a follow-up, further-questions or exam list) has no answer",
    ),
    "undefined-term": (Severity.WARNING, "a glossary term is listed but never defined"),
    "duplicate-question": (Severity.INFO, "the same question is asked in several places"),
    "possible-misspelling": (Severity.INFO, "a term looks like a misspelling of a known word"),
    "unknown-suppression": (
        Severity.WARNING,
        "a vaultc-disable comment names an unknown rule or directive, or enables what was not disabled",
    ),
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A finding about the vault's content, located as precisely as the stage knows."""

    path: str
    """The note's POSIX path relative to the vault root ("" for the vault as a whole)."""
    line: int
    """1-based line (0 when the finding is about the whole file)."""
    column: int
    """1-based column (0 when unknown)."""
    rule: str
    """Stable kebab-case rule id, a key of :data:`RULES`."""
    message: str
    """What is wrong and, where possible, what to do about it."""
    severity: Severity = Severity.WARNING
    subject: str = ""
    """What the finding is about (link target, question text, term), for machine readers."""

    def format(self) -> str:
        """``path:line:col: severity rule message``: the shape editors and CI parse."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.rule} {self.message}"


def diagnostic(path: str, line: int, column: int, rule: str, message: str, subject: str = "") -> Diagnostic:
    """A diagnostic with its rule's default severity."""
    return Diagnostic(path, line, column, rule, message, RULES[rule][0], subject)


def sort_diagnostics(found: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Deduplicated, in path/line/column order (deterministic output)."""
    return tuple(sorted(set(found)))
