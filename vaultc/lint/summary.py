"""The counts a lint run ends with: what the vault holds, what it lacks, how many findings, and
where they are.

Why its own values: every report format ends with the same numbers (a line of text, a JSON object,
a GitHub notice), so they are counted once. :class:`LintSummary` is counted by the caller that knows
the extract stage's results; :class:`FindingCounts` is counted from the findings a report shows, so
its paths are the paths printed (``--path-prefix`` included) and the text format's note headers,
its "Start with" line and JSON's ``by_rule``/``by_note`` can never disagree.

Notes are ranked worst first: most errors, then most warnings, then most info, then by path. So
the first note has the most findings at the highest severity any note has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from itertools import groupby
from typing import Any

from vaultc.diagnostics import Diagnostic, Severity

START_WITH_NOTES = 3
"""Notes named on the "Start with" line."""
MOST_COMMON_RULES = 3
"""Rules named on the "Start with" line."""
BY_NOTE_LIMIT = 10
"""Notes listed in the JSON/SARIF summary's ``by_note``."""


@dataclass(frozen=True, kw_only=True)
class LintSummary:
    """Counts for the end of a report. The vault's counts (questions, terms, broken links) describe
    the vault; ``errors``, ``warnings`` and ``infos`` are of the findings reported."""

    questions: int = 0
    unanswered: int = 0
    stubs: int = 0
    prompts: int = 0
    """Questions left open on purpose (``QuestionStatus.PROMPT``, rule ``open-prompt``)."""
    terms: int = 0
    undefined_terms: int = 0
    broken_links: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @classmethod
    def from_counts(
        cls,
        findings: Iterable[Diagnostic],
        *,
        questions: int = 0,
        unanswered: int = 0,
        stubs: int = 0,
        prompts: int = 0,
        terms: int = 0,
        undefined_terms: int = 0,
        broken_links: int | None = None,
    ) -> LintSummary:
        """The vault's counts plus the findings' severities; broken links, unless given, are the
        ``broken-link`` findings."""
        found = list(findings)
        by_severity = Counter(d.severity for d in found)
        if broken_links is None:
            broken_links = sum(1 for d in found if d.rule == "broken-link")
        return cls(
            questions=questions,
            unanswered=unanswered,
            stubs=stubs,
            prompts=prompts,
            terms=terms,
            undefined_terms=undefined_terms,
            broken_links=broken_links,
            errors=by_severity[Severity.ERROR],
            warnings=by_severity[Severity.WARNING],
            infos=by_severity[Severity.INFO],
        )

    def line(self) -> str:
        """``58 questions (12 unanswered, 2 stubs, 30 prompts), 61 terms (23 undefined), 4 broken
        links; 3 errors, 10 warnings`` (prompts and info findings only when there are some)."""
        open_ones = f"{self.unanswered} unanswered, {count(self.stubs, 'stub')}"
        if self.prompts:
            open_ones += f", {count(self.prompts, 'prompt')}"
        questions = f"{count(self.questions, 'question')} ({open_ones})"
        terms = f"{count(self.terms, 'term')} ({self.undefined_terms} undefined)"
        findings = f"{count(self.errors, 'error')}, {count(self.warnings, 'warning')}"
        if self.infos:
            findings += f", {self.infos} info"
        return f"{questions}, {terms}, {count(self.broken_links, 'broken link')}; {findings}"

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class NoteCount:
    """One note's findings by severity."""

    path: str
    errors: int
    warnings: int
    infos: int

    @property
    def count(self) -> int:
        return self.errors + self.warnings + self.infos

    def at(self, severity: Severity) -> int:
        return {Severity.ERROR: self.errors, Severity.WARNING: self.warnings, Severity.INFO: self.infos}[severity]

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, **asdict(self)}


@dataclass(frozen=True)
class FindingCounts:
    """Where the reported findings are: how many of each rule, and which notes hold the most."""

    by_rule: tuple[tuple[str, int], ...] = ()
    """(rule, count), most common first, then by rule id."""
    by_note: tuple[NoteCount, ...] = ()
    """Every note with findings, worst first (vault-wide findings, path "", are no note)."""

    @classmethod
    def of(cls, findings: Iterable[Diagnostic]) -> FindingCounts:
        found = sorted(findings, key=lambda d: d.path)
        notes = [_note_count(path, list(group)) for path, group in groupby(found, key=lambda d: d.path) if path]
        notes.sort(key=lambda note: (-note.errors, -note.warnings, -note.infos, note.path))
        return cls(rule_counts(found), tuple(notes))

    def start_with(self) -> str:
        """``Start with: a.md (12 findings, 9 warnings); then b.md (7), c.md (5). Most common: 40
        unanswered-question, 12 undefined-term.`` ("" when nothing was found)."""
        parts = []
        if self.by_note:
            first, *then = self.by_note[:START_WITH_NOTES]
            worst = max(severity for severity in Severity if first.at(severity))
            worst_count = severity_count(first.at(worst), worst)
            text = f"Start with: {first.path} ({count(first.count, 'finding')}, {worst_count})"
            if then:
                text += "; then " + ", ".join(f"{note.path} ({note.count})" for note in then)
            parts.append(text + ".")
        if self.by_rule:
            common = ", ".join(f"{number} {rule}" for rule, number in self.by_rule[:MOST_COMMON_RULES])
            parts.append(f"Most common: {common}.")
        return " ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """``by_rule`` (rule -> count) and ``by_note`` (the worst notes: path, count, by severity)."""
        return {
            "by_rule": dict(self.by_rule),
            "by_note": [note.as_dict() for note in self.by_note[:BY_NOTE_LIMIT]],
        }


def rule_counts(findings: Iterable[Diagnostic]) -> tuple[tuple[str, int], ...]:
    """(rule, count) pairs, most common first, then by rule id."""
    counted = Counter(found.rule for found in findings)
    return tuple(sorted(counted.items(), key=lambda pair: (-pair[1], pair[0])))


def _note_count(path: str, findings: list[Diagnostic]) -> NoteCount:
    by_severity = Counter(found.severity for found in findings)
    return NoteCount(path, by_severity[Severity.ERROR], by_severity[Severity.WARNING], by_severity[Severity.INFO])


def severity_count(number: int, severity: Severity) -> str:
    """``2 errors``, ``1 warning``, ``5 info``."""
    return f"{number} info" if severity is Severity.INFO else count(number, str(severity))


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
