#!/usr/bin/env python3
"""The long fuzz run: the properties of ``tests/test_fuzz.py`` on many more generated vaults.

    python scripts/fuzz.py --examples 2000 --seed 1 [--out fuzz-failures] [--skip KIND ...] [--survey]

Why a script: the suite runs a few dozen derandomized vaults so CI stays fast; finding new bugs
needs thousands, with a seed that changes. Each failing property (or exception, by where it was
raised) is shrunk by Hypothesis separately, and the smallest vault seen failing it is written to
``OUT/<kind>/`` with a ``problems.txt`` saying what broke, ready to rebuild with
``vaultc build OUT/<kind>/vault -o site``. Hypothesis stops generating at the first failure to
shrink it, so ``--skip KIND`` (a kind or the start of one) ignores a property already known to fail
(e.g. while another change fixes it) and the run looks for the others; ``--survey`` never stops nor
shrinks: all N vaults are built and the smallest failing each kind is kept, a map of what fails
before shrinking the kinds one by one. The exit code is 1 when anything failed. Seeds make runs
repeatable on the same code.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from anywhere: the strategies and checks live in tests/

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402 - after the path set-up above

from tests.fuzz_build import empty_vault_baseline, failure_for, site_problems_of  # noqa: E402
from tests.fuzz_vaults import FuzzVault, vaults  # noqa: E402


class Findings:
    """The smallest failing vault seen for each kind of failure, and its report."""

    def __init__(self) -> None:
        self.smallest: dict[str, tuple[FuzzVault, str]] = {}
        self.examples = 0

    def record(self, kind: str, vault: FuzzVault, report: str) -> None:
        size = sum(len(path) + len(data) for path, data in vault.files)
        kept = self.smallest.get(kind)
        if kept is None or size < sum(len(path) + len(data) for path, data in kept[0].files):
            self.smallest[kind] = (vault, report)

    def save(self, out: Path) -> None:
        for kind, (vault, report) in sorted(self.smallest.items()):
            folder = out / kind
            shutil.rmtree(folder, ignore_errors=True)
            (folder / "vault").mkdir(parents=True)
            vault.write(folder / "vault")
            listing = "\n".join(f"--- {path} ---\n{data!r}" for path, data in vault.files)
            (folder / "problems.txt").write_text(f"{report}\n\n{listing}\n", "utf-8")


def exception_kind(error: BaseException) -> str:
    """An exception's kind: its type and the deepest vaultc line it passed through."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if "/vaultc/" in frame.filename]
    where = f"{Path(frames[-1].filename).stem}-{frames[-1].lineno}" if frames else "outside-vaultc"
    return f"exception-{type(error).__name__}-{where}"


def run(examples: int, seed_value: int, skip: tuple[str, ...], survey: bool, findings: Findings) -> None:
    baseline = empty_vault_baseline()

    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @seed(seed_value)
    @given(vaults())
    def fuzz(generated: FuzzVault) -> None:
        findings.examples += 1
        try:
            problems = [
                problem for problem in site_problems_of(generated, baseline) if not problem.kind.startswith(skip)
            ]
        except Exception as error:
            kind = exception_kind(error)
            if not kind.startswith(skip):
                findings.record(kind, generated, traceback.format_exc())
                if not survey:
                    raise
            return
        if problems:
            report = "\n".join(f"{kind}: {detail}" for kind, detail in problems)
            for kind in {problem.kind for problem in problems}:
                findings.record(kind, generated, report)
            if not survey:
                raise failure_for(problems[0].kind)(report)

    with contextlib.suppress(Exception):  # Hypothesis raises what failed; the findings hold each vault
        fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="vaults to generate (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed (default 0)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="where failing vaults go")
    parser.add_argument("--skip", action="append", default=[], help="a kind (or its start) to ignore; repeatable")
    parser.add_argument("--survey", action="store_true", help="build every vault, shrink nothing")
    args = parser.parse_args()
    findings = Findings()
    started = time.perf_counter()
    run(args.examples, args.seed, tuple(args.skip), args.survey, findings)
    elapsed = time.perf_counter() - started
    findings.save(args.out)
    print(f"{findings.examples} builds in {elapsed:.0f} s, seed {args.seed}: {len(findings.smallest)} kinds failed")
    for kind, (vault, report) in sorted(findings.smallest.items()):
        print(f"  {kind}: {args.out / kind} ({len(vault.files)} files) {report.splitlines()[0][:100]}")
    return 1 if findings.smallest else 0


if __name__ == "__main__":
    sys.exit(main())
