"""Work on every core: independent jobs run by forked worker processes, results in job order.

Why this module exists: parsing and rendering are most of a build, and both split into jobs that
depend only on what is finished before them (a slice of the notes to parse; a slice of the note
pages, the glossary, the study decks to render). With more than one core the jobs run in worker
processes *forked* once the shared work is done: a worker inherits the parsed vault, the knowledge
and the site's derived indexes without any copying or pickling, and only each job's result (page
bytes, encoded notes) travels back. Results come back in job order, so the output is the same bytes
whatever the number of workers (the tests compare both).

``gc.freeze()`` before the fork keeps the inherited objects out of the workers' garbage collections,
which would otherwise touch, and so copy, every page of the parent's memory. Where ``fork`` does not
exist (Windows, and macOS by default) or one worker is asked for, the jobs run in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Result = TypeVar("Result")
Progress = Callable[[str], None]

_JOBS: Sequence[Callable[[], object]] = ()
"""The jobs of the current pool, read by the forked workers (set only around the pool's life)."""


def available_workers() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def run_jobs(jobs: Sequence[Callable[[], Result]], workers: int) -> Iterator[Result]:
    """Every job's result, in job order, computed by ``workers`` processes at most."""
    workers = min(workers, len(jobs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (job() for job in jobs)
        return
    global _JOBS
    _JOBS = jobs
    gc.freeze()  # what the workers inherit stays out of their collections (no copy-on-write storm)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_run_job, range(len(jobs)), chunksize=1)
    finally:
        _JOBS = ()


def _run_job(index: int) -> object:
    return _JOBS[index]()


def split(items: Sequence, parts: int) -> list[Sequence]:
    """``items`` in ``parts`` contiguous slices of nearly equal length (none empty)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    slices, start = [], 0
    for part in range(parts):
        end = start + size + (part < extra)
        slices.append(items[start:end])
        start = end
    return slices
