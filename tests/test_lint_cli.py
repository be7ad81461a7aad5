"""`vaultc lint` end to end: findings, formats, exit codes, configuration and suppression comments."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultc.cli import main

VAULT = Path(__file__).resolve().parent.parent / "vault"


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
    assert lines[-1].startswith("112 questions (19 unanswered, 4 stubs), 99 terms (23 undefined), 1 broken link")


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
    lint_findings = [line for line in linted.splitlines()[:-1] if ": info " not in line]
    assert built.stdout.splitlines() == lint_findings  # same parse, same findings, same order
