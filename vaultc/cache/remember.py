"""Saving a run into the cache, as one step that cannot fail the run.

Why this module exists: ``build`` and ``lint`` both end by keeping their parsed notes and their run
record. The cache only makes runs faster, so a folder that cannot be written (read-only home, full
disk) is a finding, not an error: the run's result is whole without it.
"""

from __future__ import annotations

from collections.abc import Mapping

from vaultc.analysis import Analysis, Remembered
from vaultc.cache.runs import RunRecord, encode_record
from vaultc.cache.store import CacheFolder
from vaultc.diagnostics import Diagnostic, diagnostic


def remember(
    cache: CacheFolder,
    analysis: Analysis,
    name: str,
    record: RunRecord | None,
    answers: Mapping[str, str] | None = None,
) -> list[Diagnostic]:
    """Keep the analysis's entries (parsed notes, what extract read), a build's ``answers`` and
    ``record`` (none: a run whose result is not to be reused, such as a build that wrote nothing);
    the findings of trying."""
    try:
        cache.save_entries(analysis.parsed.entries, analysis.readings, answers)
        if record is not None:
            cache.save_record(name, encode_record(record))
    except OSError as error:
        reason = error.strerror or str(error)
        message = f"cannot write the build cache in '{cache.path}' ({reason}); pass --no-cache or set VAULTC_CACHE_DIR"
        return [diagnostic("", 0, 0, "cache-unwritable", message)]
    return []


def remembered(cache: CacheFolder | None) -> Remembered | None:
    """What the cache holds from the last run (None without a cache)."""
    return Remembered(cache.notes(), cache.readings()) if cache is not None else None
