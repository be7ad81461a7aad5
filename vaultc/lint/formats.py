"""Lint findings as each kind of reader wants them: people, scripts, GitHub Actions, code scanning.

Why one module: every format shows the same findings and summary, so the choices that must agree
are made once here: findings are sorted (path, line, column, rule) so every report is
deterministic; paths are vault-relative, optionally under ``path_prefix`` (where the vault lies in
the repository, which GitHub needs to place annotations); every report ends with one newline.

* ``text``: ``path:line:col: severity rule message`` lines (what editors parse), then the summary.
* ``json``: ``{"findings": [...], "summary": {...}}``, sorted keys, ASCII (safe in any pipe).
* ``github``: workflow commands (``::warning file=...,line=...,col=...,title=rule::message``) with
  GitHub's escaping, so a message can neither break its line nor inject a command; then the summary
  as a ``::notice``.
* ``sarif``: SARIF 2.1.0 for code scanning: every registered rule with its description and default
  level, results with 1-based regions (omitted when unknown: SARIF requires >= 1), columns counted
  in code points as vaultc counts them, and a fingerprint that survives lines moving.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from vaultc import __version__
from vaultc.diagnostics import RULES, Diagnostic, Severity
from vaultc.lint.summary import LintSummary

FORMATS = ("text", "json", "github", "sarif")

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/vaultc/"

_GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def format_report(findings: Iterable[Diagnostic], summary: LintSummary, fmt: str, *, path_prefix: str = "") -> str:
    """The whole report in format ``fmt`` (one of :data:`FORMATS`), ending with a newline."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    shown = (replace(found, path=_under(path_prefix, found.path)) for found in findings)
    return _WRITERS[fmt](sorted(shown), summary)


def _under(prefix: str, path: str) -> str:
    """``path`` under the prefix; a vault-wide finding (path "") stays unplaced."""
    prefix = prefix.strip("/")
    return f"{prefix}/{path}" if prefix and path else path


def _text(found: Sequence[Diagnostic], summary: LintSummary) -> str:
    return "".join(f"{finding.format()}\n" for finding in found) + summary.line() + "\n"


def _json(found: Sequence[Diagnostic], summary: LintSummary) -> str:
    report = {"findings": [_finding(finding) for finding in found], "summary": summary.as_dict()}
    return json.dumps(report, sort_keys=True, indent=2) + "\n"


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


def _github(found: Sequence[Diagnostic], summary: LintSummary) -> str:
    lines = [_github_command(finding) for finding in found]
    lines.append(f"::notice title=vaultc::{escape_data(summary.line())}")
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


def _sarif(found: Sequence[Diagnostic], summary: LintSummary) -> str:
    rules = _sarif_rules(found)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    keys = _fingerprints(found)
    results = [_sarif_result(finding, index[finding.rule], key) for finding, key in zip(found, keys, strict=True)]
    driver = {"name": "vaultc", "version": __version__, "informationUri": INFORMATION_URI, "rules": rules}
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"summary": summary.as_dict()},
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


_WRITERS: dict[str, Callable[[Sequence[Diagnostic], LintSummary], str]] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
}
