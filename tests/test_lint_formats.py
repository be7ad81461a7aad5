"""Report formats: exact text lines, deterministic JSON, GitHub commands that cannot be broken or
injected by a message or path, and SARIF 2.1.0 with the fields code scanning requires."""

from __future__ import annotations

import json
import random
import re
import string
from typing import Any
from urllib.parse import unquote

import pytest

from vaultc import __version__
from vaultc.diagnostics import RULES, Diagnostic, Severity, diagnostic
from vaultc.lint.formats import FORMATS, escape_data, escape_property, format_report
from vaultc.lint.summary import LintSummary

FINDINGS = (
    diagnostic("notes/b.md", 7, 3, "unanswered-question", "'What is X?' has no answer", "What is X?"),
    diagnostic("notes/a.md", 2, 1, "broken-link", "[[Gone]] points at no note", "Gone"),
    Diagnostic("notes/a.md", 9, 0, "stub-answer", "answer is only 'TODO'", Severity.ERROR, "Why?"),
    diagnostic("notes/a.md", 0, 0, "duplicate-question", "asked in 2 places"),
)
SUMMARY = LintSummary(58, 12, 2, 61, 23, 4, 3, 10, 0)
ODD_PATH = "My Notes/Ünïcode, a: 100%.md"
ODD_MESSAGE = "50% done, see: [[A, B]]\r\nnext line"


def test_summary_line_and_counts() -> None:
    assert SUMMARY.line() == (
        "58 questions (12 unanswered, 2 stubs), 61 terms (23 undefined), 4 broken links; 3 errors, 10 warnings"
    )
    assert LintSummary(1, 0, 1, 1, 0, 1, 1, 1, 2).line() == (
        "1 question (0 unanswered, 1 stub), 1 term (0 undefined), 1 broken link; 1 error, 1 warning, 2 info"
    )
    counted = LintSummary.from_counts(FINDINGS, questions=5, unanswered=1, stubs=1, terms=2, undefined_terms=0)
    assert counted == LintSummary(5, 1, 1, 2, 0, broken_links=1, errors=1, warnings=2, infos=1)
    assert LintSummary.from_counts(FINDINGS, broken_links=7).broken_links == 7


def test_text_is_one_sorted_line_per_finding_then_the_summary() -> None:
    assert format_report(FINDINGS, SUMMARY, "text") == (
        "notes/a.md:0:0: info duplicate-question asked in 2 places\n"
        "notes/a.md:2:1: warning broken-link [[Gone]] points at no note\n"
        "notes/a.md:9:0: error stub-answer answer is only 'TODO'\n"
        "notes/b.md:7:3: warning unanswered-question 'What is X?' has no answer\n"
        f"{SUMMARY.line()}\n"
    )
    assert format_report((), LintSummary(), "text") == f"{LintSummary().line()}\n"


def test_path_prefix_places_paths_in_the_repository_but_not_vault_wide_findings() -> None:
    found = (FINDINGS[1], diagnostic("", 0, 0, "slug-collision", "m"))
    report = format_report(found, SUMMARY, "text", path_prefix="docs/vault/")
    assert report.splitlines()[:2] == [
        ":0:0: warning slug-collision m",
        "docs/vault/notes/a.md:2:1: warning broken-link [[Gone]] points at no note",
    ]
    assert json.loads(format_report(found, SUMMARY, "json", path_prefix="vault"))["findings"][1]["path"] == (
        "vault/notes/a.md"
    )


def test_json_holds_every_field_sorted_and_deterministic() -> None:
    report = format_report(FINDINGS, SUMMARY, "json")
    data = json.loads(report)
    assert report == json.dumps(data, sort_keys=True, indent=2) + "\n"
    assert data["summary"] == {
        "questions": 58,
        "unanswered": 12,
        "stubs": 2,
        "terms": 61,
        "undefined_terms": 23,
        "broken_links": 4,
        "errors": 3,
        "warnings": 10,
        "infos": 0,
    }
    assert data["findings"][3] == {
        "rule": "unanswered-question",
        "severity": "warning",
        "path": "notes/b.md",
        "line": 7,
        "column": 3,
        "message": "'What is X?' has no answer",
        "subject": "What is X?",
    }
    assert [f["line"] for f in data["findings"]] == [0, 2, 9, 7]
    shuffled = random.Random(4).sample(FINDINGS, len(FINDINGS))
    assert format_report(shuffled, SUMMARY, "json") == report


def test_json_is_ascii_and_round_trips_unicode_and_control_characters() -> None:
    report = format_report([diagnostic(ODD_PATH, 1, 1, "broken-link", ODD_MESSAGE)], SUMMARY, "json")
    assert report.isascii()
    finding = json.loads(report)["findings"][0]
    assert (finding["path"], finding["message"]) == (ODD_PATH, ODD_MESSAGE)


def test_github_commands_by_severity_with_positions_when_known() -> None:
    assert format_report(FINDINGS, SUMMARY, "github").splitlines() == [
        "::notice file=notes/a.md,title=duplicate-question::asked in 2 places",
        "::warning file=notes/a.md,line=2,col=1,title=broken-link::[[Gone]] points at no note",
        "::error file=notes/a.md,line=9,title=stub-answer::answer is only 'TODO'",
        "::warning file=notes/b.md,line=7,col=3,title=unanswered-question::'What is X?' has no answer",
        f"::notice title=vaultc::{SUMMARY.line()}",
    ]
    vault_wide = diagnostic("", 0, 0, "slug-collision", "two notes, one page")
    assert format_report([vault_wide], SUMMARY, "github").splitlines()[0] == (
        "::warning title=slug-collision::two notes, one page"
    )


def test_github_escaping_of_data_and_properties() -> None:
    assert escape_data("100% a,b: c\r\nd") == "100%25 a,b: c%0D%0Ad"
    assert escape_property("100% a,b: c\r\nd") == "100%25 a%2Cb%3A c%0D%0Ad"
    assert escape_data("%0A") == "%250A"  # '%' first, so escapes already in the text survive
    line = format_report([diagnostic(ODD_PATH, 4, 2, "broken-link", ODD_MESSAGE)], SUMMARY, "github")
    assert line.splitlines()[0] == (
        "::warning file=My Notes/Ünïcode%2C a%3A 100%25.md,line=4,col=2,title=broken-link::"
        "50%25 done, see: [[A, B]]%0D%0Anext line"
    )


def test_github_a_message_cannot_inject_a_command() -> None:
    found = diagnostic("a.md", 1, 1, "broken-link", "x\n::error file=evil::pwned\r::add-mask::y")
    lines = format_report([found], SUMMARY, "github").splitlines()
    assert len(lines) == 2 and all(line.startswith(("::warning ", "::notice ")) for line in lines)


def sarif(findings: Any, prefix: str = "") -> dict[str, Any]:
    return json.loads(format_report(findings, SUMMARY, "sarif", path_prefix=prefix))


def test_sarif_log_run_and_driver() -> None:
    log = sarif(FINDINGS)
    assert log["$schema"].startswith("https://") and log["$schema"].endswith("sarif-2.1.0.json")
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("vaultc", __version__)
    assert re.fullmatch(r"https://\S+", driver["informationUri"])
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["properties"]["summary"]["questions"] == 58
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == sorted(RULES)
    for rule in rules:
        severity, description = RULES[rule["id"]]
        assert rule["shortDescription"] == {"text": description}
        level = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.INFO}
        assert level[rule["defaultConfiguration"]["level"]] is severity


def test_sarif_results_point_at_rules_and_places() -> None:
    log = sarif(FINDINGS)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("duplicate-question", "note"),
        ("broken-link", "warning"),
        ("stub-answer", "error"),
        ("unanswered-question", "warning"),
    ]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert results[3]["message"] == {"text": "'What is X?' has no answer"}
    assert results[3]["properties"] == {"subject": "What is X?"}
    regions = [r["locations"][0]["physicalLocation"].get("region") for r in results]
    assert regions == [None, {"startLine": 2, "startColumn": 1}, {"startLine": 9}, {"startLine": 7, "startColumn": 3}]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "notes/a.md"}


def test_sarif_vault_wide_findings_have_no_location_and_unknown_rules_are_listed() -> None:
    found = [diagnostic("", 0, 0, "slug-collision", "m"), Diagnostic("a.md", 1, 1, "new-rule", "m")]
    log = sarif(found)
    results = log["runs"][0]["results"]
    assert "locations" not in results[0]
    listed = log["runs"][0]["tool"]["driver"]["rules"][results[1]["ruleIndex"]]
    assert listed == {
        "id": "new-rule",
        "shortDescription": {"text": "new-rule"},
        "defaultConfiguration": {"level": "warning"},
    }


def test_sarif_uri_is_a_percent_encoded_relative_posix_path() -> None:
    log = sarif([diagnostic(ODD_PATH, 1, 1, "broken-link", ODD_MESSAGE)], prefix="vault")
    result = log["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "vault/My%20Notes/%C3%9Cn%C3%AFcode%2C%20a%3A%20100%25.md"
    assert set(uri) <= set(string.ascii_letters + string.digits + "-._~/%")
    assert unquote(uri) == f"vault/{ODD_PATH}"
    assert result["message"]["text"] == ODD_MESSAGE


def test_sarif_fingerprints_survive_moved_lines_and_tell_repeats_apart() -> None:
    def keys(findings: Any) -> list[str]:
        return [r["partialFingerprints"]["vaultc/v1"] for r in sarif(findings)["runs"][0]["results"]]

    twice = [diagnostic("a.md", line, 1, "broken-link", "m", "Gone") for line in (3, 8)]
    moved = [diagnostic("a.md", line, 1, "broken-link", "m", "Gone") for line in (13, 18)]
    assert keys(twice) == keys(moved)
    assert len(set(keys(twice))) == 2


def test_every_format_is_deterministic_and_ends_with_one_newline() -> None:
    for fmt in FORMATS:
        report = format_report(FINDINGS, SUMMARY, fmt)
        assert report == format_report(reversed(FINDINGS), SUMMARY, fmt)
        assert report.endswith("\n") and not report.endswith("\n\n")


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="use one of: text, json, github, sarif"):
        format_report(FINDINGS, SUMMARY, "xml")
