"""`vaultc lint` end to end: findings, formats, exit codes, configuration and suppression comments."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultc.cli import counted, main
from vaultc.diagnostics import RULES

VAULT = Path(__file__).resolve().parent.parent / "vault"
FINDING_LINE = re.compile(r"^(.+?):(\d+):(\d+): (\w+) (\S+) ")
"""How editors' errorformat and CI problem matchers read a finding line."""
NOTES = {
    "A.md": "# What is a tensor?\nAn array.\n\n# What is a kernel?\n",
    "Q.md": "# What is a kernel?\n\n---\nTrasformer\nBackprop\nEpoch\n\n# What is a stride?\nTODO\n\nSee [[Gone]].\n",
}


def lint(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["lint", *args])
    return result.exit_code, result.output


def test_the_default_vault_lists_the_embedding_question_and_the_missing_pieces() -> None:
    code, output = lint(str(VAULT))
    lines = output.splitlines()
    assert code == 1
    assert "Deep Learning Interview Questions.md:68:7: warning unanswered-question " \
           "'What is an embedding?' has no answer yet" in lines
    assert "Deep Learning Interview Questions.md:91:1: warning undefined-term " \
           "'Trasformer' is listed but never defined; add 'Trasformer: ...' or a note about it" in lines
    assert "Deep Learning Interview Questions.md:91:1: info possible-misspelling " \
           "'Trasformer' may be a misspelling of 'transformer'" in lines
    assert "Deep Learning FAQ.md:273:1: warning undefined-term " \
           "'RMS Prop' is listed but never defined; add 'RMS Prop: ...' or a note about it" in lines
    assert any("missing-embed nothing named 'cnn-features.png'" in line for line in lines)
    assert lines[-2].startswith("107 questions (15 unanswered, 4 stubs), 75 terms (22 undefined), 1 broken link")
    assert lines[-1].startswith("Start with: Deep Learning Interview Questions.md (")


def test_nothing_answered_is_flagged() -> None:
    _, output = lint(str(VAULT), "-f", "json")
    findings = json.loads(output)["findings"]
    flagged = {f["subject"] for f in findings if f["rule"] in ("unanswered-question", "stub-answer")}
    assert "What is fine tuning?" not in flagged and "What is transfer learning?" not in flagged
    assert {"What is an embedding?", "What is a corpus?", "What is the soft max function?"} <= flagged


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(fail_on: str, code: int) -> None:
    assert lint(str(VAULT), "--fail-on", fail_on)[0] == code


def test_a_clean_vault_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "Note.md").write_text("# What is a tensor?\nAn n-dimensional array.\n", "utf-8")
    code, output = lint(str(tmp_path))
    assert code == 0
    summary = "1 question (0 unanswered, 0 stubs), 1 term (0 undefined), 0 broken links; 0 errors, 0 warnings"
    assert output.strip() == summary


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_reports_the_same_findings(fmt: str) -> None:
    code, output = lint(str(VAULT), "-f", fmt)
    assert code == 1 and "What is an embedding?" in output


def test_suppression_comment_hides_one_finding(tmp_path: Path) -> None:
    note = "%% vaultc-disable-next-line unanswered-question %%\n# What is a kernel?\n\n---\n# What is a stride?\n"
    (tmp_path / "Q.md").write_text(note, "utf-8")
    _, output = lint(str(tmp_path))
    assert "What is a stride?" in output and "What is a kernel?" not in output


def test_configuration_changes_severity_and_disables_rules(tmp_path: Path) -> None:
    (tmp_path / "Q.md").write_text("# What is a kernel?\n\n---\nTrasformer\nBackprop\nEpoch\n", "utf-8")
    (tmp_path / "vaultc.yaml").write_text(
        "rules:\n  unanswered-question: error\n  undefined-term: off\n", "utf-8")
    code, output = lint(str(tmp_path), "--fail-on", "error")
    assert code == 1
    assert "error unanswered-question" in output
    assert not any(" undefined-term " in line for line in output.splitlines())


def test_bad_configuration_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "vaultc.yaml").write_text("rules:\n  unanswerd-question: error\n", "utf-8")
    code, output = lint(str(tmp_path))
    assert code == 2
    assert "unanswered-question" in output  # the suggestion


def test_build_strict_fails_on_exactly_what_lint_reports(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    built = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site"), "--strict"])
    code, linted = lint(str(vault))
    assert built.exit_code == code == 1 and not (tmp_path / "site").exists()
    parsed = [line for line in linted.splitlines() if FINDING_LINE.match(line)]
    lint_findings = [line for line in parsed if FINDING_LINE.match(line).group(4) != "info"]
    assert built.stdout.splitlines() == lint_findings  # same parse, same findings, same order


def small_vault(folder: Path) -> Path:
    for name, text in NOTES.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def findings(output: str) -> list[tuple[str, str, str]]:
    """(path, severity, rule) of every line a problem matcher would take for a finding."""
    return [(m.group(1), m.group(4), m.group(5)) for m in map(FINDING_LINE.match, output.splitlines()) if m]


def test_text_groups_the_default_vaults_findings_by_note_under_headers_no_parser_takes() -> None:
    _, output = lint(str(VAULT))
    groups = output.split("\n\n")
    report = json.loads(lint(str(VAULT), "-f", "json")[1])
    by_path: dict[str, list[str]] = {}
    for finding in report["findings"]:
        by_path.setdefault(finding["path"], []).append(finding["rule"])
    assert len(groups) == len(by_path) + 1  # one group per note, then the summary
    for group, (path, rules) in zip(groups[:-1], sorted(by_path.items()), strict=True):
        header, *lines = group.splitlines()
        assert not FINDING_LINE.match(header)
        assert re.match(rf"{re.escape(path)}: {len(rules)} findings? \(", header)
        assert findings("\n".join(lines)) == [(path, f["severity"], f["rule"]) for f in report["findings"]
                                              if f["path"] == path]


def test_rule_keeps_only_the_rules_named_in_every_format(tmp_path: Path) -> None:
    vault = str(small_vault(tmp_path))
    code, output = lint(vault, "--rule", "undefined-term", "--rule", "Broken-Link")
    assert code == 1
    assert {rule for _, _, rule in findings(output)} == {"undefined-term", "broken-link"}
    assert output.splitlines()[0] == "Q.md: 4 findings (3 undefined-term, 1 broken-link)"
    assert "; 0 errors, 4 warnings\nStart with: Q.md (4 findings, 4 warnings). Most common: 3 undefined-term," in output
    report = json.loads(lint(vault, "--rule", "undefined-term", "-f", "json")[1])
    assert {f["rule"] for f in report["findings"]} == {"undefined-term"}
    assert report["summary"]["by_rule"] == {"undefined-term": 3}
    assert (report["summary"]["warnings"], report["summary"]["infos"]) == (3, 0)
    assert report["summary"]["broken_links"] == 1  # the vault's own counts do not depend on the filter
    sarif = json.loads(lint(vault, "--rule", "undefined-term", "-f", "sarif")[1])
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"undefined-term"}
    github = lint(vault, "--rule", "undefined-term", "-f", "github")[1].splitlines()
    assert len(github) == 4 and all("title=undefined-term" in line for line in github[:3])


def test_no_rule_leaves_rules_out(tmp_path: Path) -> None:
    vault = str(small_vault(tmp_path))
    _, output = lint(vault, "--no-rule", "undefined-term", "--no-rule", "possible-misspelling")
    rules = {rule for _, _, rule in findings(output)}
    assert rules == {"unanswered-question", "stub-answer", "broken-link", "duplicate-question"}
    assert "; 0 errors, 4 warnings, 1 info\n" in output
    code, output = lint(vault, "--rule", "broken-link", "--no-rule", "broken-link")
    assert code == 0 and findings(output) == []


@pytest.mark.parametrize(
    "filters, fail_on, code",
    [
        (["--rule", "possible-misspelling"], "warning", 0),  # only info findings are reported
        (["--rule", "possible-misspelling"], "info", 1),
        (["--rule", "duplicate-question", "--rule", "broken-link"], "warning", 1),
        (["--no-rule", "unanswered-question", "--no-rule", "stub-answer", "--no-rule", "undefined-term",
          "--no-rule", "broken-link"], "warning", 0),
    ],
)
def test_fail_on_sees_only_what_is_reported(tmp_path: Path, filters: list[str], fail_on: str, code: int) -> None:
    vault = str(small_vault(tmp_path))
    for fmt in ("text", "json"):
        assert lint(vault, *filters, "--fail-on", fail_on, "-f", fmt)[0] == code


@pytest.mark.parametrize("option", ["--rule", "--no-rule"])
def test_an_unknown_rule_is_a_usage_error_with_a_suggestion(tmp_path: Path, option: str) -> None:
    code, output = lint(str(small_vault(tmp_path)), option, "unanswerd-question")
    assert code == 2
    assert "unknown rule 'unanswerd-question'. Did you mean 'unanswered-question'?" in output
    assert "vaultc lint --list-rules" in output
    code, output = lint(str(tmp_path), option, "zzz")
    assert code == 2 and "Did you mean" not in output and "--list-rules" in output


def test_list_rules_prints_every_rule_and_exits_zero(tmp_path: Path) -> None:
    code, output = lint(str(tmp_path / "no such vault"), "--list-rules")
    assert code == 0
    lines = output.splitlines()
    assert [line.split()[0] for line in lines] == sorted(RULES)
    assert "open-prompt            info     a question left open on purpose" in output
    for line in lines:
        rule, severity, description = line.split(maxsplit=2)
        assert (severity, description) == (str(RULES[rule][0]), RULES[rule][1])


def test_the_summary_counts_open_prompts(tmp_path: Path) -> None:
    (tmp_path / "Exam.md").write_text(
        "## What is a tensor?\nAn array.\n\n## What is a kernel?\n\n## Possible exam questions\n"
        "- Why do CNNs share weights?\n- How does a stride change the output size?\n", "utf-8")
    code, output = lint(str(tmp_path))
    assert "\n4 questions (1 unanswered, 0 stubs, 2 prompts), 1 term (0 undefined)" in output
    assert "Exam.md:7:3: info open-prompt 'Why do CNNs share weights?' is left open" in output
    assert json.loads(lint(str(tmp_path), "-f", "json")[1])["summary"]["prompts"] == 2
    assert code == 1  # the unanswered question is a warning; the prompts are only info
    assert lint(str(tmp_path), "--no-rule", "unanswered-question")[0] == 0  # info never fails the run


def test_help_lists_every_command_with_a_whole_sentence() -> None:
    listed = CliRunner().invoke(main, ["--help"]).output.split("Commands:", 1)[1]
    lines = [line.split(None, 1) for line in listed.strip().splitlines()]
    assert [name for name, _ in lines] == ["build", "clean", "init", "lint", "serve"]
    assert all(text.endswith(".") and not text.endswith("...") for _, text in lines)


def test_counts_in_summaries_agree_with_their_number() -> None:
    assert (counted(1, "note"), counted(0, "error"), counted(2_000, "file")) == ("1 note", "0 errors", "2,000 files")
