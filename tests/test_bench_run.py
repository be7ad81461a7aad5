"""The benchmark machinery, end to end on a tiny vault: structure only, never timing thresholds.

Speed targets belong in ``bench/``; a test that asserts on seconds fails on a busy machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bench.run import COLUMNS, STAGES, ChildReport, Measurement, markdown_table, measure, summarise

ROOT = Path(__file__).resolve().parents[1]
TINY = 30


@pytest.fixture(scope="module")
def tiny() -> Measurement:
    return measure(TINY, seed=0, repeat=2)


def test_a_cold_build_reports_every_stage_and_the_counts(tiny: Measurement) -> None:
    assert tiny.size == TINY
    assert tiny.notes == TINY
    assert tiny.pages >= TINY
    assert tiny.diagnostics > 0  # the synthetic vault has deliberate broken links
    assert tiny.repeat == 2
    assert list(tiny.stages) == list(STAGES)
    assert all(seconds > 0 for seconds in tiny.stages.values())


def test_throughput_and_memory_are_measured(tiny: Measurement) -> None:
    assert tiny.wall_seconds > 0
    assert tiny.notes_per_second > 0
    assert tiny.peak_mib > 0
    # the wall time wraps the whole child process, so it covers every stage it timed
    assert tiny.wall_seconds > sum(tiny.stages.values())


def test_the_markdown_table_has_the_expected_columns(tiny: Measurement) -> None:
    header, rule, row = markdown_table([tiny]).splitlines()
    assert [cell.strip() for cell in header.strip("|").split("|")] == [
        "N",
        "notes",
        "pages",
        "cold wall time (s)",
        "notes/s",
        "peak memory (MiB)",
        "load (s)",
        "parse (s)",
        "resolve (s)",
        "extract (s)",
        "graph (s)",
        "render (s)",
        "write (s)",
    ]
    assert rule.count("---:") == len(COLUMNS)
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == len(COLUMNS)
    assert cells[:3] == [str(TINY), str(TINY), str(tiny.pages)]


def test_the_summary_takes_the_median_of_the_repeats() -> None:
    def report(stage_seconds: float, peak_kib: int) -> ChildReport:
        return ChildReport(3, 4, 1, peak_kib, {stage: stage_seconds for stage in STAGES})

    runs = [(3.0, report(0.3, 3072)), (1.0, report(0.1, 1024)), (2.0, report(0.2, 2048))]
    summary = summarise(3, runs)
    assert summary.wall_seconds == 2.0
    assert summary.stages == {stage: 0.2 for stage in STAGES}
    assert summary.peak_mib == 2.0
    assert summary.notes_per_second == 1.5


def test_repeats_that_disagree_on_the_counts_are_refused() -> None:
    stages = {stage: 0.1 for stage in STAGES}
    runs = [(1.0, ChildReport(3, 4, 1, 1024, stages)), (1.0, ChildReport(3, 5, 1, 1024, stages))]
    with pytest.raises(RuntimeError, match="disagree"):
        summarise(3, runs)


def test_the_command_line_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    raw = tmp_path / "bench.json"
    finished = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", str(TINY), "--json", str(raw)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert finished.stdout.splitlines()[0] == "| " + " | ".join(COLUMNS) + " |"
    assert len(finished.stdout.splitlines()) == 3
    numbers = json.loads(raw.read_text())
    assert numbers["stages"] == list(STAGES)
    [result] = numbers["results"]
    assert (result["size"], result["notes"], result["repeat"]) == (TINY, TINY, 1)
    assert result["notes_per_second"] > 0 and result["peak_mib"] > 0


def test_no_temporary_folders_are_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # make tempfile re-read TMPDIR
    measure(TINY)
    assert list(tmp_path.iterdir()) == []
