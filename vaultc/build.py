"""The driver: runs the stages in order. Reading it tells the whole program.

    load -> parse -> resolve -> extract -> graph -> render -> write

The first four are shared with ``vaultc lint`` (:mod:`vaultc.analysis`). Every stage returns an
immutable value and its diagnostics; the driver gathers them, decides whether the run failed, and
only then lets the write stage touch the output folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vaultc.analysis import Progress, StageTimer, analyse_inputs, batch_garbage_collection, read_inputs, vault_counts
from vaultc.cache.build_memory import BuildMemory
from vaultc.config import Config, apply_config
from vaultc.diagnostics import Diagnostic, Severity, sort_diagnostics
from vaultc.graph import build_graph
from vaultc.parallel import available_workers
from vaultc.render.site import SiteOptions, render_site
from vaultc.theme import load_theme
from vaultc.write import check_output_folder, write_site


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
    author: bool = False
    """The author's view: what only the vault's author needs too (``obsidian://`` links to fix a
    note, missing embeds marked as such). The default is the public site for readers."""


@dataclass(frozen=True)
class BuildResult:
    notes: int
    pages: int
    diagnostics: tuple[Diagnostic, ...]
    written: bool
    timings: tuple[tuple[str, float], ...] = field(default=())
    found: Mapping[str, int] = field(default_factory=dict)
    """What the vault holds (:func:`vaultc.analysis.vault_counts`: questions by status, terms)."""

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
    memory = BuildMemory.open(options.cache, options.output, inputs, _settings(options), theme)
    if (last := memory.unchanged()) is not None:
        progress("nothing changed since the last build: the site is up to date")
        counts = dict(last.counts)
        return BuildResult(counts.pop("notes"), counts.pop("pages"), last.diagnostics, True, timer.timings(), counts)
    workers = options.jobs or available_workers()
    analysis = analyse_inputs(inputs, timer, memory.remembered(), workers)
    with timer("graph"):
        graph = build_graph(analysis.resolved, analysis.knowledge)
    with timer("render"):
        site_options = _site_options(options, analysis.config, workers, analysis.loaded.latest_edit)
        site = render_site(analysis.resolved, analysis.knowledge, graph, theme, site_options, timer.progress,
                           memory.page_keys(), memory.answers())  # fmt: skip
    found = sort_diagnostics([*_kept(analysis.diagnostics, options), *apply_config(site.diagnostics, analysis.config)])
    written = not (options.strict and _fails(found, strict=True))
    if written:
        with timer("write"):
            write_site(site, options.vault, options.output)
    found = sort_diagnostics([*found, *memory.keep(analysis, site, found, options.output if written else None)])
    counts = vault_counts(analysis)
    return BuildResult(len(analysis.resolved.notes), len(site.pages), found, written, timer.timings(), counts)


def _settings(options: BuildOptions) -> tuple[str, ...]:
    """The options that change what a build writes (not how fast: ``jobs``)."""
    output = str(options.output.resolve())
    return output, repr((options.strict, options.allow_html, options.title, options.ignore, options.base_url,
                         options.author))  # fmt: skip


def _kept(found: tuple[Diagnostic, ...], options: BuildOptions) -> list[Diagnostic]:
    """The analysis's findings that hold for this build: ``--allow-html`` publishes raw HTML as written."""
    return [d for d in found if not (options.allow_html and d.rule == "unsafe-html")]


def _site_options(options: BuildOptions, config: Config, workers: int, modified: int) -> SiteOptions:
    vault_name = options.vault.resolve().name
    return SiteOptions(
        title=options.title or config.title or readable_name(options.vault),
        allow_html=options.allow_html,
        base_url=options.base_url or config.base_url,
        obsidian_vault=(config.obsidian_vault_name or vault_name) if options.author else "",
        author=options.author,
        hidden_properties=config.properties.hidden,
        modified=modified,
        workers=workers,
    )


def readable_name(folder: Path) -> str:
    """A site title from the vault's folder, when neither ``--title`` nor ``vaultc.yaml`` gives one:
    its name with ``-`` and ``_`` read as spaces and a capital first letter. A folder named "vault"
    (vaultc's default) is named after the folder holding it, the project's: ``ml-notes/vault`` is
    "Ml notes"."""
    resolved = folder.resolve()
    name = resolved.parent.name if resolved.name.casefold() == "vault" and resolved.parent.name else resolved.name
    words = " ".join(name.replace("-", " ").replace("_", " ").split()) or "Notes"
    return words[0].upper() + words[1:]


def _fails(found: tuple[Diagnostic, ...], strict: bool) -> bool:
    threshold = Severity.WARNING if strict else Severity.ERROR
    return any(d.severity >= threshold for d in found)
