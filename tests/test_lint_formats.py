"""Report formats: exact text lines, deterministic JSON, GitHub commands that cannot be broken or
injected by a message or path, and SARIF 2.1.0 with the fields code scanning requires."""

from __future__ import annotations

import json
import random
import re
import string
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

import pytest

from vaultc import __version__
from vaultc.diagnostics import RULES, Diagnostic, Severity, diagnostic
from vaultc.lint.formats import FORMATS, escape_data, escape_property, format_report, format_rules
from vaultc.lint.summary import FindingCounts, LintSummary, NoteCount

FINDINGS = (
    diagnostic("notes/b.md", 7, 3, "unanswered-question", "'What is X?' has no answer", "What is X?"),
    diagnostic("notes/a.md", 2, 1, "broken-link", "[[Gone]] points at no note", "Gone"),
    Diagnostic("notes/a.md", 9, 0, "stub-answer", "answer is only 'TODO'", Severity.ERROR, "Why?"),
    diagnostic("notes/a.md", 0, 0, "duplicate-question", "asked in 2 places"),
)
SUMMARY = LintSummary(
    questions=58, unanswered=12, stubs=2, terms=61, undefined_terms=23, broken_links=4, errors=3, warnings=10
)
FINDING_LINE = re.compile(r"^(.+?):(\d+):(\d+): ")
"""What editors' errorformat and CI problem matchers typically look for."""
ANY_FINDING_LINE = re.compile(r"^(.*?):(\d+):(\d+): ")
"""The same, also taking vault-wide findings (``:0:0: ...``)."""
START_WITH = (
    "Start with: notes/a.md (3 findings, 1 error); then notes/b.md (1). "
    "Most common: 1 broken-link, 1 duplicate-question, 1 stub-answer."
)
ODD_PATH = "My Notes/Ünïcode, a: 100%.md"
ODD_MESSAGE = "50% done, see: [[A, B]]\r\nnext line"


def test_summary_line_and_counts() -> None:
    assert SUMMARY.line() == (
        "58 questions (12 unanswered, 2 stubs), 61 terms (23 undefined), 4 broken links; 3 errors, 10 warnings"
    )
    ones = LintSummary(questions=1, stubs=1, terms=1, broken_links=1, errors=1, warnings=1, infos=2)
    assert ones.line() == (
        "1 question (0 unanswered, 1 stub), 1 term (0 undefined), 1 broken link; 1 error, 1 warning, 2 info"
    )
    counted = LintSummary.from_counts(FINDINGS, questions=5, unanswered=1, stubs=1, terms=2, undefined_terms=0)
    assert counted == LintSummary(
        questions=5, unanswered=1, stubs=1, terms=2, broken_links=1, errors=1, warnings=2, infos=1
    )
    assert LintSummary.from_counts(FINDINGS, broken_links=7).broken_links == 7


def test_summary_line_counts_prompts_only_when_there_are_some() -> None:
    prompts = LintSummary(questions=58, unanswered=12, stubs=2, prompts=30, terms=61, undefined_terms=23)
    assert prompts.line().startswith("58 questions (12 unanswered, 2 stubs, 30 prompts), 61 terms")
    assert LintSummary(questions=1, prompts=1).line().startswith("1 question (0 unanswered, 0 stubs, 1 prompt), ")
    assert "prompt" not in SUMMARY.line()
    assert LintSummary.from_counts(FINDINGS, questions=3, prompts=2).prompts == 2


def test_text_groups_sorted_findings_by_note_under_a_header_then_the_summary() -> None:
    assert format_report(FINDINGS, SUMMARY, "text") == (
        "notes/a.md: 3 findings (1 broken-link, 1 duplicate-question, 1 stub-answer)\n"
        "notes/a.md:0:0: info duplicate-question asked in 2 places\n"
        "notes/a.md:2:1: warning broken-link [[Gone]] points at no note\n"
        "notes/a.md:9:0: error stub-answer answer is only 'TODO'\n"
        "\n"
        "notes/b.md: 1 finding (1 unanswered-question)\n"
        "notes/b.md:7:3: warning unanswered-question 'What is X?' has no answer\n"
        "\n"
        f"{SUMMARY.line()}\n"
        f"{START_WITH}\n"
    )
    assert format_report((), LintSummary(), "text") == f"{LintSummary().line()}\n"


def test_group_header_counts_rules_most_common_first() -> None:
    found = [diagnostic("n.md", line, 1, "unanswered-question", "m") for line in range(1, 6)]
    found += [diagnostic("n.md", line, 1, "stub-answer", "m") for line in (7, 8)]
    header = format_report(found, SUMMARY, "text").splitlines()[0]
    assert header == "n.md: 7 findings (5 unanswered-question, 2 stub-answer)"


def test_a_finding_parser_reads_every_finding_line_and_no_header() -> None:
    found = [*FINDINGS, diagnostic("", 0, 0, "slug-collision", "two notes, one page"),
             diagnostic(ODD_PATH, 3, 4, "broken-link", "m"), diagnostic("2024: 10:30.md", 1, 2, "broken-link", "m")]
    lines = format_report(found, SUMMARY, "text", path_prefix="vault").splitlines()
    parsed = [line for line in lines if ANY_FINDING_LINE.match(line)]
    assert parsed == [finding.format() for finding in sorted(found_under("vault", found))]
    assert [line for line in lines if FINDING_LINE.match(line)] == parsed[1:]  # all but the vault-wide one
    headers = [line for line in lines if line and not ANY_FINDING_LINE.match(line)][:-2]
    assert headers == [
        "Vault-wide: 1 finding (1 slug-collision)",
        "vault/2024: 10:30.md: 1 finding (1 broken-link)",
        f"vault/{ODD_PATH}: 1 finding (1 broken-link)",
        "vault/notes/a.md: 3 findings (1 broken-link, 1 duplicate-question, 1 stub-answer)",
        "vault/notes/b.md: 1 finding (1 unanswered-question)",
    ]
    assert lines.count("") == len(headers)  # one blank line between groups, and before the summary


def found_under(prefix: str, found: list[Diagnostic]) -> list[Diagnostic]:
    return [replace(d, path=f"{prefix}/{d.path}" if d.path else "") for d in found]


def test_path_prefix_places_paths_in_the_repository_but_not_vault_wide_findings() -> None:
    found = (FINDINGS[1], diagnostic("", 0, 0, "slug-collision", "m"))
    report = format_report(found, SUMMARY, "text", path_prefix="docs/vault/")
    assert report.splitlines()[:5] == [
        "Vault-wide: 1 finding (1 slug-collision)",
        ":0:0: warning slug-collision m",
        "",
        "docs/vault/notes/a.md: 1 finding (1 broken-link)",
        "docs/vault/notes/a.md:2:1: warning broken-link [[Gone]] points at no note",
    ]
    data = json.loads(format_report(found, SUMMARY, "json", path_prefix="vault"))
    assert data["findings"][1]["path"] == "vault/notes/a.md"
    assert [note["path"] for note in data["summary"]["by_note"]] == ["vault/notes/a.md"]


def test_start_with_names_the_notes_with_most_findings_at_the_highest_severity() -> None:
    found = [diagnostic("many-infos.md", line, 1, "duplicate-question", "m") for line in range(1, 10)]
    found += [diagnostic("two-warnings.md", line, 1, "unanswered-question", "m") for line in (1, 2)]
    found += [diagnostic("one-warning.md", 1, 1, "broken-link", "m"), diagnostic("", 0, 0, "slug-collision", "m")]
    counts = FindingCounts.of(found)
    assert [note.path for note in counts.by_note] == ["two-warnings.md", "one-warning.md", "many-infos.md"]
    assert counts.start_with() == (
        "Start with: two-warnings.md (2 findings, 2 warnings); then one-warning.md (1), many-infos.md (9). "
        "Most common: 9 duplicate-question, 2 unanswered-question, 1 broken-link."
    )
    only_info = FindingCounts.of([diagnostic("a.md", 1, 1, "duplicate-question", "m")])
    assert only_info.start_with() == "Start with: a.md (1 finding, 1 info). Most common: 1 duplicate-question."
    vault_wide = FindingCounts.of([diagnostic("", 0, 0, "slug-collision", "m")])
    assert vault_wide.start_with() == "Most common: 1 slug-collision."
    assert FindingCounts.of([]).start_with() == ""


def test_ties_are_broken_by_path_and_rule_id() -> None:
    rules = ("embed-cycle", "broken-link")
    found = [diagnostic(path, 1, 1, rule, "m") for path in ("c.md", "a.md", "b.md") for rule in rules]
    counts = FindingCounts.of(reversed(found))
    assert [note.path for note in counts.by_note] == ["a.md", "b.md", "c.md"]
    assert counts.by_rule == (("broken-link", 3), ("embed-cycle", 3))
    assert counts.by_note[0] == NoteCount("a.md", errors=0, warnings=2, infos=0)


def test_json_holds_every_field_sorted_and_deterministic() -> None:
    report = format_report(FINDINGS, SUMMARY, "json")
    data = json.loads(report)
    assert report == json.dumps(data, sort_keys=True, indent=2) + "\n"
    assert data["summary"] == {
        "questions": 58,
        "unanswered": 12,
        "stubs": 2,
        "prompts": 0,
        "terms": 61,
        "undefined_terms": 23,
        "broken_links": 4,
        "errors": 3,
        "warnings": 10,
        "infos": 0,
        "by_rule": {"broken-link": 1, "duplicate-question": 1, "stub-answer": 1, "unanswered-question": 1},
        "by_note": [
            {"path": "notes/a.md", "count": 3, "errors": 1, "warnings": 1, "infos": 1},
            {"path": "notes/b.md", "count": 1, "errors": 0, "warnings": 1, "infos": 0},
        ],
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
        f"::notice title=vaultc::{SUMMARY.line()}%0A{START_WITH}",
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
    assert run["properties"]["summary"]["by_rule"]["stub-answer"] == 1
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


def test_json_by_note_lists_the_ten_worst_notes() -> None:
    found = [diagnostic(f"n{index:02}.md", line, 1, "broken-link", "m") for index in range(12) for line in range(index)]
    by_note = json.loads(format_report(found, SUMMARY, "json"))["summary"]["by_note"]
    worst_ten = [(f"n{index:02}.md", index) for index in range(11, 1, -1)]  # n01 is left out
    assert [(note["path"], note["count"]) for note in by_note] == worst_ten


def test_format_rules_lists_every_rule_with_its_default_severity_and_description() -> None:
    lines = format_rules().splitlines()
    assert [line.split()[0] for line in lines] == sorted(RULES)
    for line in lines:
        rule, severity, description = line.split(maxsplit=2)
        assert (severity, description) == (str(RULES[rule][0]), RULES[rule][1])
