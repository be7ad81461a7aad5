"""bench/versus_hugo.py's machinery on a tiny vault: the Hugo site it makes, the measurement of one
process, the table; never a timing threshold. The Hugo run itself is tried only where hugo exists."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from bench.versus_hugo import Comparison, compare, hugo_site, markdown_table, timed


def test_the_hugo_site_holds_the_notes_as_content_and_three_templates(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "folder").mkdir(parents=True)
    (vault / "folder" / "Note.md").write_text("# Note\n\n[[Other]]\n", "utf-8")
    (vault / ".obsidian").mkdir()
    site = hugo_site(vault, tmp_path / "hugo")
    assert (site / "content" / "folder" / "Note.md").read_text("utf-8") == "# Note\n\n[[Other]]\n"
    assert not (site / "content" / ".obsidian").exists()
    templates = sorted(path.name for path in (site / "layouts" / "_default").iterdir())
    assert templates == ["baseof.html", "list.html", "single.html"]
    assert 'title = "bench"' in (site / "hugo.toml").read_text("utf-8")


def test_one_process_is_measured_by_its_own_usage() -> None:
    wall, cpu, peak = timed([sys.executable, "-c", "bytearray(50 * 1024 * 1024); sum(range(10**6))"])
    assert wall > 0 and cpu > 0 and peak >= 50
    with pytest.raises(RuntimeError, match="exit code 3"):
        timed([sys.executable, "-c", "raise SystemExit(3)"])
    assert timed([sys.executable, "-c", "raise SystemExit(1)"], ok_codes=(0, 1))[0] > 0


def test_the_table_shows_ratios_and_both_tools_figures() -> None:
    run = {"wall": 2.0, "cpu": 3.0, "peak_mib": 400.0, "site_mb": 80.0, "files": 10}
    hugo = {"wall": 1.0, "cpu": 1.5, "peak_mib": 200.0, "site_mb": 8.0, "files": 5}
    warm = {"nothing_changed": 0.5, "one_note_edited": 3.0, "lint_cold": 4.0, "lint_warm": 0.25}
    table = markdown_table([Comparison(1000, 2.0, 2.0, run, hugo, warm)]).splitlines()
    assert table[2] == "| 1,000 | 2.00x | 2.00x | 2.0, 3.0 | 1.0, 1.5 | 400 / 200 | 80.0 / 8.0 |"
    assert table[-1] == "| 1,000 | 0.50, 0.50x | 3.0, 3.0x | 4.0 | 0.25 |"


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed (bench only)")
def test_a_side_by_side_run_on_a_tiny_vault() -> None:
    result = compare(20, repeat=1)
    assert result.size == 20 and result.wall_ratio > 0 and result.vaultc["files"] > result.hugo["files"] > 0
    assert set(result.warm) == {"nothing_changed", "one_note_edited", "lint_cold", "lint_warm"}
