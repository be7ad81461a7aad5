"""``vaultc lint``: the same analysis a build runs, reported as findings and a summary.

The rule filters (``--rule``, ``--no-rule``) choose what is reported, so they are applied here,
before anything is counted: the exit code and the summary's finding counts see only what is shown.
The vault's own counts (questions, terms, broken links) describe the vault and ignore them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vaultc.analysis import Analysis, Progress, StageTimer, analyse, batch_garbage_collection
from vaultc.diagnostics import RULES, Diagnostic, Severity
from vaultc.extract.model import QuestionStatus
from vaultc.lint.summary import LintSummary

FAIL_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "never": None}


@dataclass(frozen=True)
class RuleFilter:
    """Which rules a report shows: only ``only`` (every rule when empty), minus ``without``."""

    only: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()

    def keeps(self, found: Diagnostic) -> bool:
        return (not self.only or found.rule in self.only) and found.rule not in self.without


EVERY_RULE = RuleFilter()


@dataclass(frozen=True)
class LintReport:
    findings: tuple[Diagnostic, ...]
    summary: LintSummary

    def fails(self, fail_on: str) -> bool:
        """Whether any finding is at or above the ``--fail-on`` level."""
        threshold = FAIL_LEVELS[fail_on]
        return threshold is not None and any(found.severity >= threshold for found in self.findings)


def lint_vault(
    vault: Path,
    ignore: tuple[str, ...] = (),
    progress: Progress = lambda message: None,
    *,
    rules: RuleFilter = EVERY_RULE,
) -> LintReport:
    """Analyse the vault (no site is made), keep the findings ``rules`` lets through, and summarise."""
    with batch_garbage_collection():
        analysis = analyse(vault, ignore, StageTimer(progress))
    reported = tuple(found for found in analysis.diagnostics if rules.keeps(found))
    return LintReport(reported, summarise(analysis, reported))


def summarise(analysis: Analysis, reported: Iterable[Diagnostic] | None = None) -> LintSummary:
    """Counts for the summary line: questions by status, concepts, undefined terms and broken links
    (of the whole vault), and the severities of the ``reported`` findings (default: all)."""
    statuses = [question.status for question in analysis.knowledge.questions]
    every = analysis.diagnostics
    return LintSummary.from_counts(
        every if reported is None else reported,
        questions=len(statuses),
        unanswered=statuses.count(QuestionStatus.UNANSWERED),
        stubs=statuses.count(QuestionStatus.STUB),
        prompts=statuses.count(QuestionStatus.PROMPT),
        terms=sum(1 for concept in analysis.knowledge.concepts if concept.in_glossary),
        undefined_terms=sum(1 for found in every if found.rule == "undefined-term"),
        broken_links=sum(1 for found in every if found.rule == "broken-link"),
    )


def known_rule(name: str) -> str:
    """``name`` as a registered rule id (case ignored); ValueError, with a suggestion, otherwise."""
    rule = name.strip().lower()
    if rule in RULES:
        return rule
    close = difflib.get_close_matches(rule, list(RULES), n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise ValueError(f"unknown rule '{name}'.{hint} Run 'vaultc lint --list-rules' to see every rule.")
