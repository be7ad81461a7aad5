"""vaultc next to Hugo on the same synthetic vault, in one run, as pairwise ratios.

Why this exists: this machine's absolute times drift by 2x under load, so a target such as "a cold
build within 2x of Hugo's" is only meaningful when both tools run on the same vault, alternately,
in the same minutes. For each size the synthetic vault (``bench/synth.py``) is written once; Hugo
gets a minimal site around it (three templates: a base, a page, a list; the notes as its content,
unchanged: Hugo reads wikilinks and embeds as text); then ``vaultc build`` and ``hugo`` run
alternately, ``--repeat`` times each, each in its own process, and every vaultc run is divided by
the Hugo run next to it. Reported per size: the median of those ratios for wall time and CPU time,
each tool's median wall and CPU seconds, peak memory (largest process) and the site written.
vaultc's cold builds run with ``--no-cache``; then, with a cache in the scratch folder, its warm runs
are timed once each against Hugo's median cold build: a build with nothing changed, a build after
one note was edited, and ``vaultc lint`` cold and warm.

Runs only where ``hugo`` is on PATH (Debian: ``apt-get install -y hugo``).

Usage: ``python bench/versus_hugo.py [--sizes 1000,10000] [--repeat 3] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

SYNTH = Path(__file__).resolve().with_name("synth.py")
VAULTC = [sys.executable, "-m", "vaultc"]
HUGO_CONFIG = 'baseURL = "http://localhost/"\ntitle = "bench"\ndisableKinds = ["RSS", "sitemap", "taxonomy", "term"]\n'
HUGO_TEMPLATES = {
    "_default/baseof.html": "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>"
    "<body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
    "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


@dataclass(frozen=True)
class Run:
    """One build by one tool: what it cost and what it wrote."""

    wall: float
    cpu: float
    """User + system seconds of the process and the processes it waited for (vaultc's workers)."""
    peak_mib: float
    """The largest resident set of the process or any of its children."""
    site_mb: float
    files: int


@dataclass(frozen=True)
class Comparison:
    size: int
    wall_ratio: float
    cpu_ratio: float
    vaultc: dict[str, float]
    hugo: dict[str, float]
    warm: dict[str, float]
    """Wall seconds of vaultc's cached runs: nothing_changed, one_note_edited, lint_cold, lint_warm."""


def timed(
    command: list[str], ok_codes: tuple[int, ...] = (0,), cache: Path | None = None
) -> tuple[float, float, float]:
    """(wall s, CPU s, peak MiB) of one command run to completion in a child process, from the
    child's own resource usage (``wait4``): its CPU includes the workers it waited for, its peak is
    the largest resident set of it and its workers."""
    started = time.perf_counter()
    env = {**os.environ, "VAULTC_CACHE_DIR": str(cache)} if cache else None
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(command)} failed with exit code {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def site_size(folder: Path) -> tuple[float, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files) / 1e6, len(files)


def hugo_site(vault: Path, folder: Path) -> Path:
    """A minimal Hugo site whose content folder is the vault's notes (a copy: Hugo writes nothing there)."""
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG, "utf-8")
    for name, text in HUGO_TEMPLATES.items():
        (folder / "layouts" / name).write_text(text, "utf-8")
    shutil.copytree(vault, folder / "content", ignore=shutil.ignore_patterns(".*"))
    return folder


def one_pair(vault: Path, hugo: Path, scratch: Path, index: int) -> tuple[Run, Run]:
    """vaultc then Hugo, each a cold build into a fresh folder. vaultc exits 1 when a vault has
    errors, which the synthetic one has on purpose (broken links, embed loops)."""
    out, hugo_out = scratch / f"vaultc-{index}", scratch / f"hugo-{index}"
    vaultc = timed([*VAULTC, "build", str(vault), "-o", str(out), "-q", "--no-cache"], ok_codes=(0, 1))
    hugo_run = timed(["hugo", "--quiet", "-s", str(hugo), "-d", str(hugo_out)])
    return Run(*vaultc, *site_size(out)), Run(*hugo_run, *site_size(hugo_out))


def compare(size: int, repeat: int, seed: int = 0) -> Comparison:
    with tempfile.TemporaryDirectory(prefix=f"vaultc-vs-hugo-{size}-") as scratch_name:
        scratch = Path(scratch_name)
        vault = scratch / "vault"
        subprocess.run([sys.executable, str(SYNTH), str(size), str(vault), "--seed", str(seed)], check=True,
                       capture_output=True)  # fmt: skip
        hugo = hugo_site(vault, scratch / "hugo")
        pairs = [one_pair(vault, hugo, scratch, index) for index in range(repeat)]
        warm = warm_runs(vault, scratch)
    return Comparison(
        size,
        statistics.median(v.wall / h.wall for v, h in pairs),
        statistics.median(v.cpu / h.cpu for v, h in pairs),
        _medians([v for v, _ in pairs]),
        _medians([h for _, h in pairs]),
        warm,
    )


def warm_runs(vault: Path, scratch: Path) -> dict[str, float]:
    """vaultc with a cache: a priming build, then nothing changed, then one note edited; lint cold
    (no cache) and warm."""
    cache, out = scratch / "cache", scratch / "vaultc-warm"
    build = [*VAULTC, "build", str(vault), "-o", str(out), "-q"]
    timed(build, (0, 1), cache)
    nothing = timed(build, (0, 1), cache)[0]
    note = sorted(vault.rglob("*.md"))[len(list(vault.rglob("*.md"))) // 2]
    note.write_text(note.read_text("utf-8") + "\nOne more line, written while the site was open.\n", "utf-8")
    edited = timed(build, (0, 1), cache)[0]
    lint_cold = timed([*VAULTC, "lint", str(vault), "--no-cache"], (0, 1))[0]
    timed([*VAULTC, "lint", str(vault)], (0, 1), cache)
    lint_warm = timed([*VAULTC, "lint", str(vault)], (0, 1), cache)[0]
    return {"nothing_changed": nothing, "one_note_edited": edited, "lint_cold": lint_cold, "lint_warm": lint_warm}


def _medians(runs: list[Run]) -> dict[str, float]:
    return {name: statistics.median(getattr(run, name) for run in runs) for name in asdict(runs[0])}


def markdown_table(comparisons: list[Comparison]) -> str:
    rows = [
        "| notes | wall vaultc / Hugo | CPU vaultc / Hugo | vaultc wall, CPU (s) | Hugo wall, CPU (s) "
        "| peak MiB vaultc / Hugo | site MB vaultc / Hugo |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in comparisons:
        v, h = c.vaultc, c.hugo
        rows.append(
            f"| {c.size:,} | {c.wall_ratio:.2f}x | {c.cpu_ratio:.2f}x | {v['wall']:.1f}, {v['cpu']:.1f} "
            f"| {h['wall']:.1f}, {h['cpu']:.1f} | {v['peak_mib']:,.0f} / {h['peak_mib']:,.0f} "
            f"| {v['site_mb']:.1f} / {h['site_mb']:.1f} |"
        )
    rows += [
        "",
        "| notes | nothing changed (s, / Hugo cold) | one note edited (s, / Hugo cold) | lint cold (s) "
        "| lint warm (s) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for c in comparisons:
        w, hugo = c.warm, c.hugo["wall"]
        rows.append(
            f"| {c.size:,} | {w['nothing_changed']:.2f}, {w['nothing_changed'] / hugo:.2f}x "
            f"| {w['one_note_edited']:.1f}, {w['one_note_edited'] / hugo:.1f}x | {w['lint_cold']:.1f} "
            f"| {w['lint_warm']:.2f} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="vault sizes in notes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="pairs of builds per size (median of ratios)")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    options = parser.parse_args(argv)
    if shutil.which("hugo") is None:
        sys.exit("versus_hugo: hugo is not on PATH (Debian: apt-get install -y hugo); nothing measured.")
    comparisons = []
    for size in (int(part) for part in options.sizes.split(",")):
        print(f"versus_hugo: {size} notes, {options.repeat} pairs, {os.cpu_count()} cores", file=sys.stderr)
        comparisons.append(compare(size, options.repeat))
    print(markdown_table(comparisons))
    if options.json:
        options.json.write_text(json.dumps([asdict(c) for c in comparisons], indent=1, sort_keys=True), "utf-8")


if __name__ == "__main__":
    main()
