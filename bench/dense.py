"""Dense vaults: what a build costs when links, questions or embeds are packed together.

Why this exists: issue 9 found that cost grew with link density, not with the vault's size (1,000
notes that all link to each other took 5.6 GB and 140 s), that one note with many question headings
slowed down faster than linearly, and that a transclusion fan-out (each note embeds the next twice)
grew a page exponentially. Every stage should be linear in its input, so this script builds each
shape at a few sizes, each build in a fresh Python process, and prints wall time, peak memory, the
slowest stages and the largest page. Doubling the size should roughly double the time, never
quadruple it.

Shapes (``--shape``):

* ``clique``: N notes, each linking to every other note (N * (N - 1) links, N^2 characters of text).
* ``headings``: one note with N question headings (``## What is topic 17?``), each answered.
* ``fanout``: a chain of N notes, each embedding the next one twice (2^N expansions unbounded).

Usage: ``python bench/dense.py [--shape clique,headings,fanout] [--sizes 100,200,400]``; sizes are
per shape unless given. ``--profile`` runs the largest size in-process under cProfile instead.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

DEFAULT_SIZES = {"clique": (125, 250, 500, 1000), "headings": (500, 1000, 2000, 4000), "fanout": (8, 16, 25)}


def write_clique(size: int, folder: Path) -> None:
    """``size`` notes, each linking to every other note once."""
    names = [f"n{number:04d}" for number in range(size)]
    for name in names:
        links = " ".join(f"[[{other}]]" for other in names if other != name)
        (folder / f"{name}.md").write_text(f"# {name}\n\nLinks: {links}\n", "utf-8")


def write_headings(size: int, folder: Path) -> None:
    """One note with ``size`` question headings, each with a one-line answer."""
    sections = [f"## What is topic {number}?\n\nTopic {number} is the {number}th example.\n" for number in range(size)]
    (folder / "questions.md").write_text("# Questions\n\n" + "\n".join(sections), "utf-8")


def write_fanout(size: int, folder: Path) -> None:
    """A chain of ``size`` notes, each embedding the next one twice."""
    for number in range(size):
        embed = f"![[e{number + 1:02d}]]"
        body = f"Level {number}.\n\n{embed}\n\n{embed}\n" if number + 1 < size else "End.\n"
        (folder / f"e{number:02d}.md").write_text(body, "utf-8")


WRITERS: dict[str, Callable[[int, Path], None]] = {
    "clique": write_clique,
    "headings": write_headings,
    "fanout": write_fanout,
}


def child_build(vault: Path, output: Path) -> dict:
    """Run in the child process: build once and describe the result."""
    from vaultc.build import BuildOptions, build

    result = build(BuildOptions(vault, output))
    files = [path for path in output.rglob("*") if path.is_file()]
    largest = max(files, key=lambda path: path.stat().st_size)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "notes": result.notes,
        "pages": result.pages,
        "diagnostics": len(result.diagnostics),
        "peak_mib": (peak // 1024 if sys.platform == "darwin" else peak) / 1024,
        "stages": dict(result.timings),
        "site_mib": sum(path.stat().st_size for path in files) / 2**20,
        "largest_page": str(largest.relative_to(output)),
        "largest_kib": largest.stat().st_size / 1024,
    }


def measure(shape: str, size: int) -> dict:
    """Write the vault, cold-build it in a fresh interpreter, return its figures."""
    with tempfile.TemporaryDirectory(prefix=f"vaultc-dense-{shape}-") as scratch:
        vault = Path(scratch) / "vault"
        vault.mkdir()
        WRITERS[shape](size, vault)
        command = [sys.executable, str(Path(__file__).resolve()), "--child", str(vault), str(Path(scratch) / "site")]
        started = time.perf_counter()
        finished = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - started
    if finished.returncode != 0:
        return {"shape": shape, "size": size, "failed": finished.returncode, "wall_s": wall}
    report = json.loads(finished.stdout.strip().splitlines()[-1])
    return {"shape": shape, "size": size, "wall_s": wall, **report}


def row(report: dict) -> str:
    """One Markdown table row: the two slowest stages say where the time goes."""
    if "failed" in report:
        return (
            f"| {report['shape']} | {report['size']:,} | failed ({report['failed']}) after {report['wall_s']:.0f} s |"
        )
    slowest = sorted(report["stages"].items(), key=lambda item: -item[1])[:2]
    stages = ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in slowest)
    return (
        f"| {report['shape']} | {report['size']:,} | {report['wall_s']:.2f} | {report['peak_mib']:,.0f} | {stages} "
        f"| {report['site_mib']:.1f} | {report['largest_page']} ({report['largest_kib']:,.0f} KiB) |"
    )


HEADER = (
    "| shape | N | wall (s) | peak memory (MiB) | slowest stages (s) | site (MiB) | largest file |\n"
    "|---|---:|---:|---:|---|---:|---|"
)


def profile(shape: str, size: int, top: int = 25) -> None:
    """Build the vault in this process under cProfile and print the costliest functions."""
    import cProfile
    import pstats

    from vaultc.build import BuildOptions, build

    with tempfile.TemporaryDirectory(prefix=f"vaultc-dense-{shape}-") as scratch:
        vault = Path(scratch) / "vault"
        vault.mkdir()
        WRITERS[shape](size, vault)
        profiler = cProfile.Profile()
        profiler.runcall(build, BuildOptions(vault, Path(scratch) / "site"))
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Time vaultc builds of dense synthetic vaults.")
    parser.add_argument("--shape", default=",".join(WRITERS), help="comma-separated: " + ", ".join(WRITERS))
    parser.add_argument("--sizes", help="comma-separated sizes for every shape (default: per shape)")
    parser.add_argument("--profile", action="store_true", help="profile the largest size in-process")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the raw figures here")
    parser.add_argument("--child", nargs=2, type=Path, metavar=("VAULT", "OUT"), help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.child:
        print(json.dumps(child_build(*args.child)))
        return
    reports = []
    print(HEADER)
    for shape in args.shape.split(","):
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else DEFAULT_SIZES[shape]
        if args.profile:
            profile(shape, max(sizes))
            continue
        for size in sizes:
            print(f"building {shape} {size}…", file=sys.stderr)
            reports.append(measure(shape, size))
            print(row(reports[-1]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(reports, indent=2, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()
