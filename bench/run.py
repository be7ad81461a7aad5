"""The baseline benchmark: how long a cold build of a synthetic vault takes, stage by stage.

Why this exists: speed and memory targets need a number to start from, measured the same way every
time. For each size N it writes the deterministic synthetic vault (``bench/synth.py``) into a
temporary folder, then builds it in a fresh Python process, so the wall time includes interpreter
start and imports: what a user waits for on the command line. The child reports the per-stage
timings from :class:`vaultc.build.BuildResult`, the counts and its own peak memory as JSON; the
parent prints a Markdown table and, with ``--json``, the raw numbers.

Usage: ``python bench/run.py [--sizes 1000,10000] [--repeat K] [--seed S] [--json FILE]``.
Timings are the median of K runs; everything else is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

STAGES = ("load", "parse", "resolve", "extract", "graph", "render", "write")
SYNTH = Path(__file__).resolve().with_name("synth.py")
COLUMNS = (
    "N",
    "notes",
    "pages",
    "cold wall time (s)",
    "notes/s",
    "peak memory (MiB)",
    *(f"{stage} (s)" for stage in STAGES),
)


@dataclass(frozen=True)
class ChildReport:
    """What one cold build reports about itself, printed as JSON by the child process."""

    notes: int
    pages: int
    diagnostics: int
    peak_rss_kib: int
    """``ru_maxrss`` of the child: the most resident memory it ever held."""
    stages: dict[str, float]
    """Stage name -> seconds, as timed inside :func:`vaultc.build.build`."""


@dataclass(frozen=True)
class Measurement:
    """One vault size: the counts and the median of each timing over the repeats."""

    size: int
    notes: int
    pages: int
    diagnostics: int
    wall_seconds: float
    """Parent-side wall time of the child process: interpreter start, imports and the build."""
    peak_mib: float
    stages: dict[str, float]
    repeat: int

    @property
    def notes_per_second(self) -> float:
        return self.notes / self.wall_seconds


def child_build(vault: Path, output: Path) -> ChildReport:
    """Run in the child process: build once and describe the result."""
    from vaultc.build import BuildOptions, build  # imported here so the parent never pays for it

    result = build(BuildOptions(vault, output))
    return ChildReport(result.notes, result.pages, len(result.diagnostics), _peak_rss_kib(), dict(result.timings))


def _peak_rss_kib() -> int:
    """The largest resident set of the build's processes: itself or a render worker (workers share
    the parent's memory copy-on-write, so their sets overlap; the largest one is reported)."""
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS reports bytes, Linux KiB


def write_synthetic_vault(size: int, folder: Path, seed: int) -> None:
    """Write the vault with the synth CLI, so this script never imports it by path."""
    command = [sys.executable, str(SYNTH), str(size), str(folder), "--seed", str(seed)]
    subprocess.run(command, check=True, capture_output=True, text=True)


def cold_build(vault: Path, output: Path) -> tuple[float, ChildReport]:
    """Build in a fresh interpreter; return its wall time and its report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(vault), str(output)]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if finished.returncode != 0:
        raise RuntimeError(f"cold build of {vault} failed ({finished.returncode}):\n{finished.stderr}")
    last_line = finished.stdout.strip().splitlines()[-1]  # anything a library printed comes before
    return wall, ChildReport(**json.loads(last_line))


def measure(size: int, seed: int = 0, repeat: int = 1) -> Measurement:
    """Generate a vault of ``size`` notes in a temporary folder and cold-build it ``repeat`` times."""
    with tempfile.TemporaryDirectory(prefix=f"vaultc-bench-{size}-") as scratch:
        vault = Path(scratch) / "vault"
        write_synthetic_vault(size, vault, seed)
        runs = [cold_build(vault, Path(scratch) / f"site-{run}") for run in range(repeat)]
    return summarise(size, runs)


def summarise(size: int, runs: list[tuple[float, ChildReport]]) -> Measurement:
    """Median of every timing and of peak memory; the counts must agree across runs."""
    reports = [report for _, report in runs]
    first = reports[0]
    if any((r.notes, r.pages, r.diagnostics) != (first.notes, first.pages, first.diagnostics) for r in reports):
        raise RuntimeError(f"repeated builds of the {size}-note vault disagree: {reports}")
    stages = {stage: statistics.median(r.stages.get(stage, 0.0) for r in reports) for stage in STAGES}
    return Measurement(
        size,
        first.notes,
        first.pages,
        first.diagnostics,
        wall_seconds=statistics.median(wall for wall, _ in runs),
        peak_mib=statistics.median(r.peak_rss_kib for r in reports) / 1024,
        stages=stages,
        repeat=len(runs),
    )


def markdown_table(measurements: list[Measurement]) -> str:
    """One row per size, columns as in :data:`COLUMNS`."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---:" for _ in COLUMNS) + "|"]
    for m in sorted(measurements, key=lambda m: m.size):
        cells = [
            f"{m.size:,}",
            f"{m.notes:,}",
            f"{m.pages:,}",
            f"{m.wall_seconds:.2f}",
            f"{m.notes_per_second:,.0f}",
            f"{m.peak_mib:,.0f}",
            *(f"{m.stages[stage]:.2f}" for stage in STAGES),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def as_json(measurements: list[Measurement], seed: int) -> str:
    """The raw numbers, sizes ascending, keys sorted: diffable apart from the timings."""
    rows = [{**asdict(m), "notes_per_second": m.notes_per_second} for m in sorted(measurements, key=lambda m: m.size)]
    return json.dumps({"seed": seed, "stages": list(STAGES), "results": rows}, indent=2, sort_keys=True) + "\n"


def _sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("--sizes wants positive note counts, e.g. 1000,10000")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Time cold vaultc builds of synthetic vaults.")
    parser.add_argument("--sizes", type=_sizes, default=[1000, 10000], help="e.g. 1000,10000")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; timings are medians")
    parser.add_argument("--seed", type=int, default=0, help="seed for bench/synth.py")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the raw numbers here")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("VAULT", "OUT"), help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.child:
        print(json.dumps(asdict(child_build(*args.child))))
        return
    if args.repeat < 1:
        raise SystemExit("--repeat must be at least 1")
    measurements = []
    for size in args.sizes:
        print(f"building {size} notes x{args.repeat}…", file=sys.stderr)
        measurements.append(measure(size, args.seed, args.repeat))
    print(markdown_table(measurements))
    if args.json:
        args.json.write_text(as_json(measurements, args.seed), "utf-8")


if __name__ == "__main__":
    main()
