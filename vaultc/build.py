"""The driver: runs the stages in order. Reading it tells the whole program.

    load -> parse -> resolve -> extract -> graph -> render -> write

The first four are shared with ``vaultc lint`` (:mod:`vaultc.analysis`). Every stage returns an
immutable value and its diagnostics; the driver gathers them, decides whether the run failed, and
only then lets the write stage touch the output folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from vaultc.analysis import Progress, StageTimer, analyse_inputs, batch_garbage_collection, read_inputs
from vaultc.cache.remember import remember
from vaultc.cache.runs import RunRecord, decode_record, inputs_key
from vaultc.cache.store import CacheFolder
from vaultc.config import Config, apply_config
from vaultc.diagnostics import Diagnostic, Severity, sort_diagnostics
from vaultc.graph import build_graph
from vaultc.parallel import available_workers
from vaultc.render.site import SiteOptions, render_site
from vaultc.theme import load_theme
from vaultc.write import check_output_folder, output_stamp, write_site


@dataclass(frozen=True)
class BuildOptions:
    vault: Path
    output: Path
    strict: bool = False
    allow_html: bool = False
    title: str | None = None
    theme: Path | None = None
    ignore: tuple[str, ...] = ()
    base_url: str | None = None
    jobs: int | None = None
    """Processes for the parse and render stages (None: one per core this process may use)."""
    cache: Path | None = None
    """The folder of build caches (:func:`vaultc.cache.store.cache_root`); None: no cache."""


@dataclass(frozen=True)
class BuildResult:
    notes: int
    pages: int
    diagnostics: tuple[Diagnostic, ...]
    written: bool
    timings: tuple[tuple[str, float], ...] = field(default=())

    def failed(self, strict: bool) -> bool:
        """Errors fail a build; with ``strict``, warnings too."""
        return _fails(self.diagnostics, strict)


def build(options: BuildOptions, progress: Progress = lambda message: None) -> BuildResult:
    """Build the site; write it unless ``--strict`` and the vault has problems."""
    with batch_garbage_collection():
        return _build(options, progress)


def _build(options: BuildOptions, progress: Progress) -> BuildResult:
    timer = StageTimer(progress)
    check_output_folder(options.vault, options.output)
    theme = load_theme(options.theme)
    inputs = read_inputs(options.vault, options.ignore, timer)
    cache = CacheFolder.for_vault(options.vault, options.cache) if options.cache else None
    key = inputs_key("build", inputs, _settings(options), theme)
    last = decode_record(cache.record(_record_name(options))) if cache else None
    untouched = last is not None and last.output == output_stamp(options.output)  # the site as last built
    if untouched and last.key == key:
        progress("nothing changed since the last build: the site is up to date")
        return BuildResult(last.counts["notes"], last.counts["pages"], last.diagnostics, True, timer.timings())
    previous = (last.pages if untouched else {}) if cache else None
    workers = options.jobs or available_workers()
    analysis = analyse_inputs(inputs, timer, cache.notes() if cache else None, workers)
    with timer("graph"):
        graph = build_graph(analysis.resolved, analysis.knowledge)
    with timer("render"):
        site_options = _site_options(options, analysis.config, workers)
        site = render_site(analysis.resolved, analysis.knowledge, graph, theme, site_options, timer.progress, previous)
    found = sort_diagnostics([*_kept(analysis.diagnostics, options), *apply_config(site.diagnostics, analysis.config)])
    written = not (options.strict and _fails(found, strict=True))
    if written:
        with timer("write"):
            write_site(site, options.vault, options.output)
    if cache:
        counts = {"notes": len(analysis.resolved.notes), "pages": len(site.pages)}
        keys = {page.path: page.key for page in site.pages if page.key}
        record = RunRecord(key, found, counts, output_stamp(options.output), keys) if written else None
        found = sort_diagnostics([*found, *remember(cache, analysis.parsed.entries, _record_name(options), record)])
    return BuildResult(len(analysis.resolved.notes), len(site.pages), found, written, timer.timings())


def _settings(options: BuildOptions) -> tuple[str, ...]:
    """The options that change what a build writes (not how fast: ``jobs``)."""
    output = str(options.output.resolve())
    return output, repr((options.strict, options.allow_html, options.title, options.ignore, options.base_url))


def _record_name(options: BuildOptions) -> str:
    """One record per output folder: two sites of one vault do not evict each other."""
    return "build-" + hashlib.sha256(str(options.output.resolve()).encode()).hexdigest()[:16]


def _kept(found: tuple[Diagnostic, ...], options: BuildOptions) -> list[Diagnostic]:
    """The analysis's findings that hold for this build: ``--allow-html`` publishes raw HTML as written."""
    return [d for d in found if not (options.allow_html and d.rule == "unsafe-html")]


def _site_options(options: BuildOptions, config: Config, workers: int) -> SiteOptions:
    vault_name = options.vault.resolve().name
    return SiteOptions(
        title=options.title or config.title or vault_name,
        allow_html=options.allow_html,
        base_url=options.base_url or config.base_url,
        obsidian_vault=config.obsidian_vault_name or vault_name,
        hidden_properties=config.properties.hidden,
        workers=workers,
    )


def _fails(found: tuple[Diagnostic, ...], strict: bool) -> bool:
    threshold = Severity.WARNING if strict else Severity.ERROR
    return any(d.severity >= threshold for d in found)
