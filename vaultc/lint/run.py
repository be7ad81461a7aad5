"""``vaultc lint``: the same analysis a build runs, reported as findings and a summary.

The rule filters (``--rule``, ``--no-rule``) choose what is reported, so they are applied here,
before anything is counted: the exit code and the summary's finding counts see only what is shown.
The vault's own counts (questions, terms, broken links) describe the vault and ignore them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from vaultc.analysis import Progress, StageTimer, analyse_inputs, batch_garbage_collection, read_inputs, vault_counts
from vaultc.cache.remember import remember, remembered
from vaultc.cache.runs import RunRecord, decode_record, inputs_key
from vaultc.cache.store import CacheFolder
from vaultc.diagnostics import RULES, Diagnostic, Severity, sort_diagnostics
from vaultc.lint.summary import LintSummary
from vaultc.parallel import available_workers

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
    cache: Path | None = None,
) -> LintReport:
    """Analyse the vault (no site is made), keep the findings ``rules`` lets through, and summarise.
    With ``cache`` (the folder of caches) unchanged notes are not parsed again, and a vault that did
    not change at all gets the last run's findings."""
    with batch_garbage_collection():
        found, counts = _findings(vault, ignore, StageTimer(progress), cache)
    reported = tuple(finding for finding in found if rules.keeps(finding))
    return LintReport(reported, _summary(found, counts, reported))


def _findings(
    vault: Path, ignore: tuple[str, ...], timer: StageTimer, cache_root: Path | None
) -> tuple[tuple[Diagnostic, ...], Mapping[str, int]]:
    """Every finding and the vault's counts: the last run's when its inputs are this run's."""
    inputs = read_inputs(vault, ignore, timer)
    cache = CacheFolder.for_vault(vault, cache_root) if cache_root else None
    key = inputs_key("lint", inputs, ())
    last = decode_record(cache.record("lint")) if cache else None
    if last is not None and last.key == key:
        timer.progress("nothing changed since the last lint")
        return last.diagnostics, last.counts
    analysis = analyse_inputs(inputs, timer, remembered(cache), available_workers())
    found, counts = analysis.diagnostics, vault_counts(analysis)
    if cache:
        kept = remember(cache, analysis, "lint", RunRecord(key, found, counts))
        found = sort_diagnostics([*found, *kept])
    return found, counts


def _summary(every: Iterable[Diagnostic], counts: Mapping[str, int], reported: Iterable[Diagnostic]) -> LintSummary:
    """The summary line: the vault's counts and broken links (of the whole vault),
    and the severities of the ``reported`` findings."""
    every = list(every)
    return LintSummary.from_counts(
        reported,
        **counts,
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
