"""The parse, extract and render stages on several cores make the same site, byte for byte, as on
one (the synthetic vault of bench/, which has every kind of page, above the sizes where each stage
starts workers), and the job list splits evenly and loses nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.synth import generate_attachments, generate_vault
from vaultc.build import BuildOptions, build
from vaultc.cli import main
from vaultc.extract import stage as extract_stage
from vaultc.parallel import run_jobs, split
from vaultc.parse_vault import MIN_NOTES_FOR_WORKERS as PARSE_WORKERS_FROM
from vaultc.render.site import MIN_NOTES_FOR_WORKERS as RENDER_WORKERS_FROM

NOTES = max(PARSE_WORKERS_FROM, extract_stage.MIN_NOTES_FOR_WORKERS, RENDER_WORKERS_FROM) + 50


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def write_vault(root: Path) -> Path:
    for name, content in {**generate_vault(NOTES), **generate_attachments(NOTES)}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return root


def test_two_workers_build_the_same_bytes_as_one(tmp_path: Path) -> None:
    vault = write_vault(tmp_path / "vault")
    serial = build(BuildOptions(vault, tmp_path / "one", jobs=1))
    heard: list[str] = []
    parallel = build(BuildOptions(vault, tmp_path / "two", jobs=2), heard.append)
    assert serial.notes == NOTES
    assert parallel.pages == serial.pages and parallel.diagnostics == serial.diagnostics
    one, two = files_of(tmp_path / "one"), files_of(tmp_path / "two")
    assert one.keys() == two.keys() and [name for name in one if one[name] != two[name]] == []
    parsed = [message for message in heard if message.startswith("parsed ")]
    assert parsed[-1] == f"parsed {NOTES}/{NOTES} notes" and len(parsed) > 2  # in slices, by the workers
    rendered = [message for message in heard if message.startswith("rendered ")]
    parts = rendered[-1].split()[1].split("/")
    assert len(rendered) == int(parts[1]) > 2 and parts[0] == parts[1]  # each part done is reported


@pytest.mark.parametrize(("count", "parts"), [(10, 3), (3, 8), (1, 1), (100, 8)])
def test_split_gives_contiguous_near_equal_slices(count: int, parts: int) -> None:
    slices = split(list(range(count)), parts)
    assert [item for part in slices for item in part] == list(range(count))
    assert all(slices) and max(map(len, slices)) - min(map(len, slices)) <= 1
    assert len(slices) == min(parts, count)


def test_jobs_run_in_workers_come_back_in_job_order() -> None:
    jobs = [lambda number=number: [number] * number for number in range(1, 6)]
    assert list(run_jobs(jobs, workers=2)) == list(run_jobs(jobs, workers=1)) == [[n] * n for n in range(1, 6)]


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "site"), "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.output
