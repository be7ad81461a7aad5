"""The counts a lint run ends with: what the vault holds, what it lacks, how many findings.

Why its own value: every report format ends with the same numbers (a line of text, a JSON object,
a GitHub notice), so they are counted once, by the caller that knows the extract stage's results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from vaultc.diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class LintSummary:
    """Counts for the end of a report; findings counts are of the findings reported."""

    questions: int = 0
    unanswered: int = 0
    stubs: int = 0
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
        terms: int = 0,
        undefined_terms: int = 0,
        broken_links: int | None = None,
    ) -> LintSummary:
        """The vault's counts plus the findings' severities; broken links, unless given, are the
        ``broken-link`` findings."""
        found = list(findings)
        by_severity = {severity: sum(1 for d in found if d.severity is severity) for severity in Severity}
        if broken_links is None:
            broken_links = sum(1 for d in found if d.rule == "broken-link")
        return cls(
            questions,
            unanswered,
            stubs,
            terms,
            undefined_terms,
            broken_links,
            by_severity[Severity.ERROR],
            by_severity[Severity.WARNING],
            by_severity[Severity.INFO],
        )

    def line(self) -> str:
        """``58 questions (12 unanswered, 2 stubs), 61 terms (23 undefined), 4 broken links; 3 errors,
        10 warnings`` (info findings are added only when there are some)."""
        questions = f"{_count(self.questions, 'question')} ({self.unanswered} unanswered, {_count(self.stubs, 'stub')})"
        terms = f"{_count(self.terms, 'term')} ({self.undefined_terms} undefined)"
        findings = f"{_count(self.errors, 'error')}, {_count(self.warnings, 'warning')}"
        if self.infos:
            findings += f", {self.infos} info"
        return f"{questions}, {terms}, {_count(self.broken_links, 'broken link')}; {findings}"

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
