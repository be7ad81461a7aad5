"""Rendering on every core: the site's pages as independent jobs, run by forked worker processes.

Why this module exists: rendering is most of a build (note pages alone are over half of it at
10,000 notes) and each page depends only on the finished :class:`~vaultc.render.context.SiteContext`,
never on another page. So the render stage is a list of jobs (a slice of the note pages, the
glossary, the study decks...), each a function of the site returning its pages. With more than one
core the jobs run in worker processes *forked* after the shared work is done: a worker inherits the
parsed vault, the knowledge and the site's derived indexes without any copying or pickling, and only
its pages' bytes travel back. The parent gathers them in job order, so the site is the same bytes
whatever the number of workers (the tests compare both).

``gc.freeze()`` before the fork keeps the inherited objects out of the workers' garbage collections,
which would otherwise touch, and so copy, every page of the parent's memory. Where ``fork`` does not
exist (Windows, and macOS by default) or one worker is asked for, the jobs run in this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence

from vaultc.render.context import Page

Job = Callable[[], list[Page]]

_JOBS: Sequence[Job] = ()
"""The jobs of the current render, read by the forked workers (set only around the pool's life)."""


def available_workers() -> int:
    """The cores this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # no sched_getaffinity (macOS, Windows)
        return max(1, os.cpu_count() or 1)


Progress = Callable[[str], None]


def run_jobs(jobs: Sequence[Job], workers: int, progress: Progress = lambda message: None) -> list[Page]:
    """Every job's pages, in job order; ``workers`` processes at most; ``progress`` hears of each
    job done (with the pages so far) on large renders."""
    workers = min(workers, len(jobs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _gathered((job() for job in jobs), len(jobs), progress)
    global _JOBS
    _JOBS = jobs
    gc.freeze()  # what the workers inherit stays out of their collections (no copy-on-write storm)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return _gathered(pool.imap(_run_job, range(len(jobs)), chunksize=1), len(jobs), progress)
    finally:
        _JOBS = ()


def _gathered(results, count: int, progress: Progress) -> list[Page]:
    pages: list[Page] = []
    for done, job_pages in enumerate(results, 1):
        pages += job_pages
        if count > 2:
            progress(f"rendered {done}/{count} parts, {len(pages):,} pages")
    return pages


def _run_job(index: int) -> list[Page]:
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
