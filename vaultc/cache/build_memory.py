"""What the build cache knows about one build: the last run of the same command into the same
output folder, and how this run is saved for the next.

Why this module exists: the driver (:mod:`vaultc.build`) reads as the stages in order; the cache's
decisions (is the site up to date, which parsed notes and note pages can be reused, what to keep)
are made here, once, the same way with or without a cache folder (without one, nothing is reused
and nothing is kept).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from vaultc.analysis import Analysis, Inputs, Remembered, vault_counts
from vaultc.cache.remember import remember, remembered
from vaultc.cache.runs import RunRecord, decode_record, inputs_key
from vaultc.cache.store import CacheFolder
from vaultc.diagnostics import Diagnostic
from vaultc.names import SitePath
from vaultc.render.site import RenderedSite
from vaultc.theme import Theme
from vaultc.write import output_stamp


@dataclass(frozen=True)
class BuildMemory:
    cache: CacheFolder | None
    key: str
    """This build's inputs, named (:func:`vaultc.cache.runs.inputs_key`)."""
    record_name: str
    last: RunRecord | None
    """The last build into this output folder, when the folder is still as that build left it."""

    @classmethod
    def open(cls, cache_root: Path | None, output: Path, inputs: Inputs, settings: tuple[str, ...], theme: Theme):
        name = "build-" + hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]  # one per output folder
        key = inputs_key("build", inputs, settings, theme)
        if cache_root is None:
            return cls(None, key, name, None)
        cache = CacheFolder.for_vault(inputs.loaded.root, cache_root)
        last = decode_record(cache.record(name))
        untouched = last is not None and last.output == output_stamp(output)
        return cls(cache, key, name, last if untouched else None)

    def unchanged(self) -> RunRecord | None:
        """The last build's record when nothing this build reads has changed since."""
        return self.last if self.last is not None and self.last.key == self.key else None

    def remembered(self) -> Remembered | None:
        """The last run's parsed notes and readings by key (None: no cache, so none are returned either)."""
        return remembered(self.cache)

    def page_keys(self) -> Mapping[SitePath, str] | None:
        """Keys of the pages the output folder holds (None: no cache, so pages get no keys)."""
        if self.cache is None:
            return None
        return self.last.pages if self.last is not None else {}

    def answers(self) -> Mapping[str, str] | None:
        """The study decks' answers of the last build by key (None: no cache, so answers get no keys)."""
        return self.cache.answers() if self.cache is not None else None

    def keep(self, analysis: Analysis, site: RenderedSite, found: tuple[Diagnostic, ...], output: Path | None):
        """Save this build (``output``: the folder written, None when nothing was); the findings of trying."""
        if self.cache is None:
            return []
        record = None
        if output is not None:
            counts = {"notes": len(analysis.resolved.notes), "pages": len(site.pages), **vault_counts(analysis)}
            keys = {page.path: page.key for page in site.pages if page.key}
            record = RunRecord(self.key, found, counts, output_stamp(output), keys)
        return remember(self.cache, analysis, self.record_name, record, site.answers)
