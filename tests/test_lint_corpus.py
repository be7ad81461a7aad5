"""`vaultc lint` on a real question bank nobody here wrote (ml-interview-questions, CC BY 4.0)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from vaultc.cli import main

CORPUS = Path(__file__).parent / "corpora" / "ml-interview-questions"


def test_only_the_answer_here_placeholders_are_flagged() -> None:
    result = CliRunner().invoke(main, ["lint", str(CORPUS), "--ignore", "SOURCE.md", "-f", "json"])
    report = json.loads(result.output)
    rules = [finding["rule"] for finding in report["findings"]]
    assert rules == ["stub-answer"] * 14  # no answered question flagged, no link problem
    assert all("(Answer here)" in finding["message"] for finding in report["findings"])
    assert report["summary"]["stubs"] == 14 and report["summary"]["unanswered"] == 0
    assert result.exit_code == 1
