"""Lint findings as each kind of reader wants them: people, scripts, GitHub Actions, code scanning.

Why one module: every format shows the same findings and summary, so the choices that must agree
are made once here: findings are sorted (path, line, column, rule) so every report is
deterministic; paths are vault-relative, optionally under ``path_prefix`` (where the vault lies in
the repository, which GitHub needs to place annotations); every report ends with one newline.

* ``text``: ``path:line:col: severity rule message`` lines (what editors parse, never indented or
  shortened), grouped by note under a header (``a.md: 7 findings (5 unanswered-question, 2
  stub-answer)``) that such parsers skip: it has no ``:line:col:``. Vault-wide findings (path "")
  are a group of their own; a blank line separates groups. Then the summary and where to start.
* ``json``: ``{"findings": [...], "summary": {...}}``, sorted keys, ASCII (safe in any pipe); the
  summary adds ``by_rule`` and ``by_note`` (:class:`~vaultc.lint.summary.FindingCounts`).
* ``github``: workflow commands (``::warning file=...,line=...,col=...,title=rule::message``) with
  GitHub's escaping, so a message can neither break its line nor inject a command; then the summary
  and where to start as one ``::notice``.
* ``sarif``: SARIF 2.1.0 for code scanning: every registered rule with its description and default
  level, results with 1-based regions (omitted when unknown: SARIF requires >= 1), columns counted
  in code points as vaultc counts them, and a fingerprint that survives lines moving; the run's
  properties hold the same summary as JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import groupby
from typing import Any
from urllib.parse import quote

from vaultc import __version__
from vaultc.diagnostics import RULES, Diagnostic, Severity
from vaultc.lint.summary import FindingCounts, LintSummary, count, rule_counts

FORMATS = ("text", "json", "github", "sarif")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/vaultc/"

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
VAULT_WIDE = "Vault-wide"
"""The text format's header for findings about no one note (path "")."""


def format_report(findings: Iterable[Diagnostic], summary: LintSummary, fmt: str, *, path_prefix: str = "") -> str:
    """The whole report in format ``fmt`` (one of :data:`FORMATS`), ending with a newline."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    shown = sorted(replace(found, path=_under(path_prefix, found.path)) for found in findings)
    return _WRITERS[fmt](shown, summary, FindingCounts.of(shown))


def format_rules() -> str:
    """Every registered rule, by id: ``id  default-severity  description`` lines."""
    width = max(len(rule) for rule in RULES)
    rows = sorted(RULES.items())
    return "".join(f"{rule:<{width}}  {str(severity):<7}  {description}\n" for rule, (severity, description) in rows)


def _under(prefix: str, path: str) -> str:
    """``path`` under the prefix; a vault-wide finding (path "") stays unplaced."""
    prefix = prefix.strip("/")
    return f"{prefix}/{path}" if prefix and path else path


def _text(found: Sequence[Diagnostic], summary: LintSummary, counts: FindingCounts) -> str:
    """Groups of findings by note (already in path order), then the summary lines."""
    groups = [_text_group(path, list(group)) for path, group in groupby(found, key=lambda finding: finding.path)]
    return "\n\n".join([*groups, _ending(summary, counts)]) + "\n"


def _ending(summary: LintSummary, counts: FindingCounts) -> str:
    """The counts line, then (when anything was found) where to start."""
    return "\n".join(line for line in (summary.line(), counts.start_with()) if line)


def _text_group(path: str, found: list[Diagnostic]) -> str:
    return "\n".join([group_header(path, found), *(finding.format() for finding in found)])


def group_header(path: str, found: Sequence[Diagnostic]) -> str:
    """``a.md: 7 findings (5 unanswered-question, 2 stub-answer)``: no ``:line:col:`` after the path,
    so what parses finding lines skips it."""
    rules = ", ".join(f"{number} {rule}" for rule, number in rule_counts(found))
    return f"{path or VAULT_WIDE}: {count(len(found), 'finding')} ({rules})"


def _json(found: Sequence[Diagnostic], summary: LintSummary, counts: FindingCounts) -> str:
    report = {"findings": [_finding(finding) for finding in found], "summary": _summary(summary, counts)}
    return json.dumps(report, sort_keys=True, indent=2) + "\n"


def _summary(summary: LintSummary, counts: FindingCounts) -> dict[str, Any]:
    """The JSON and SARIF summary: the counts, then ``by_rule`` and ``by_note``."""
    return {**summary.as_dict(), **counts.as_dict()}


def _finding(found: Diagnostic) -> dict[str, Any]:
    return {
        "rule": found.rule,
        "severity": str(found.severity),
        "path": found.path,
        "line": found.line,
        "column": found.column,
        "message": found.message,
        "subject": found.subject,
    }


def escape_data(text: str) -> str:
    """GitHub's escaping of a workflow command's message (``%``, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub's escaping of a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(found: Sequence[Diagnostic], summary: LintSummary, counts: FindingCounts) -> str:
    lines = [_github_command(finding) for finding in found]
    lines.append(f"::notice title=vaultc::{escape_data(_ending(summary, counts))}")
    return "\n".join(lines) + "\n"


def _github_command(found: Diagnostic) -> str:
    properties = [("file", found.path)] if found.path else []
    if found.line >= 1:
        properties.append(("line", str(found.line)))
        if found.column >= 1:
            properties.append(("col", str(found.column)))
    properties.append(("title", found.rule))
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{_GITHUB_COMMANDS[found.severity]} {listed}::{escape_data(found.message)}"


def _sarif(found: Sequence[Diagnostic], summary: LintSummary, counts: FindingCounts) -> str:
    rules = _sarif_rules(found)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    keys = _fingerprints(found)
    results = [_sarif_result(finding, index[finding.rule], key) for finding, key in zip(found, keys, strict=True)]
    driver = {"name": "vaultc", "version": __version__, "informationUri": INFORMATION_URI, "rules": rules}
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"summary": _summary(summary, counts)},
    }
    report = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(report, sort_keys=True, indent=2) + "\n"


def _sarif_rules(found: Sequence[Diagnostic]) -> list[dict[str, Any]]:
    """Every registered rule (and any other rule reported), by id."""
    known = RULES
    ids = sorted(set(known) | {finding.rule for finding in found})
    return [
        {
            "id": rule,
            "shortDescription": {"text": known[rule][1] if rule in known else rule},
            "defaultConfiguration": {"level": _SARIF_LEVELS[known[rule][0] if rule in known else Severity.WARNING]},
        }
        for rule in ids
    ]


def _sarif_result(found: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": found.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[found.severity],
        "message": {"text": found.message},
        "partialFingerprints": {"vaultc/v1": fingerprint},
    }
    if found.path:
        result["locations"] = [{"physicalLocation": _physical_location(found)}]
    if found.subject:
        result["properties"] = {"subject": found.subject}
    return result


def _physical_location(found: Diagnostic) -> dict[str, Any]:
    """A relative URI (POSIX path, percent-encoded) and the region, when the line is known."""
    location: dict[str, Any] = {"artifactLocation": {"uri": quote(found.path, safe="/")}}
    if found.line >= 1:
        location["region"] = {"startLine": found.line}
        if found.column >= 1:
            location["region"]["startColumn"] = found.column
    return location


def _fingerprints(found: Sequence[Diagnostic]) -> list[str]:
    """A hash of rule, path, subject (or message) and which occurrence of those it is: stable when
    lines are added above a finding, distinct for the same problem twice in one note."""
    seen: Counter[tuple[str, str, str]] = Counter()
    keys = []
    for finding in found:
        key = (finding.rule, finding.path, finding.subject or finding.message)
        seen[key] += 1
        keys.append(hashlib.sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest()[:32])
    return keys


_WRITERS: dict[str, Callable[[Sequence[Diagnostic], LintSummary, FindingCounts], str]] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
}
