"""``vaultc lint``: the same analysis a build runs, reported as findings and a summary."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vaultc.analysis import Analysis, Progress, StageTimer, analyse, batch_garbage_collection
from vaultc.diagnostics import Diagnostic, Severity
from vaultc.extract.model import QuestionStatus
from vaultc.lint.summary import LintSummary

FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


@dataclass(frozen=True)
class LintReport:
    findings: tuple[Diagnostic, ...]
    summary: LintSummary

    def fails(self, fail_on: str) -> bool:
        """Whether any finding is at or above the ``--fail-on`` level."""
        threshold = FAIL_LEVELS[fail_on]
        return threshold is not None and any(found.severity >= threshold for found in self.findings)


def lint_vault(vault: Path, ignore: tuple[str, ...] = (), progress: Progress = lambda message: None) -> LintReport:
    """Analyse the vault (no site is made) and summarise what is missing."""
    with batch_garbage_collection():
        analysis = analyse(vault, ignore, StageTimer(progress))
    return LintReport(analysis.diagnostics, summarise(analysis))


def summarise(analysis: Analysis) -> LintSummary:
    """Counts for the summary line: questions by status, concepts, undefined terms, broken links."""
    statuses = [question.status for question in analysis.knowledge.questions]
    return LintSummary.from_counts(
        analysis.diagnostics,
        questions=len(statuses),
        unanswered=statuses.count(QuestionStatus.UNANSWERED),
        stubs=statuses.count(QuestionStatus.STUB),
        terms=len(analysis.knowledge.concepts),
        undefined_terms=sum(1 for found in analysis.diagnostics if found.rule == "undefined-term"),
    )
