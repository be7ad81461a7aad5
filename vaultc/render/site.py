"""The render stage's entry point: every page and file of the site, in memory.

Nothing here touches the disk: the theme was read beforehand and attachments are listed as copies
for the write stage to make. Each kind of page has its own builder module taking one
:class:`~vaultc.render.context.SiteContext`; this module gathers their pages (the way mkdocs gathers
everything before writing). Output is deterministic (sorted inputs, no clocks), so two builds of the
same vault are byte-identical.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from vaultc.diagnostics import Diagnostic
from vaultc.extract.model import Knowledge
from vaultc.graph import ConceptGraph, graph_json
from vaultc.graph_nodes import note_node
from vaultc.markdown.code import pygments_css
from vaultc.names import SitePath, VaultPath, folder_of
from vaultc.parallel import Progress, run_jobs, split
from vaultc.render.context import Page, PageLink, SiteContext, SiteOptions, site_context
from vaultc.render.glossary.glossary_counts import knowledge_counts
from vaultc.render.glossary.glossary_pages import glossary_pages
from vaultc.render.graph.graph_svg import graph_pages, local_graph
from vaultc.render.notes.explorer import explorer_pages
from vaultc.render.notes.feed import feed_pages
from vaultc.render.notes.folders import folder_pages
from vaultc.render.notes.page_keys import note_content_key, note_page_key, site_digest
from vaultc.render.notes.pages import note_context
from vaultc.render.questions.anki_export import anki_pages
from vaultc.render.questions.answer_fragments import NO_ANSWERS, DeckAnswers, deck_answers
from vaultc.render.questions.question_pages import question_pages
from vaultc.render.search.search_index import search_pages
from vaultc.render.seo import seo_pages
from vaultc.render.sitemap import (
    GLOSSARY,
    GRAPH_JSON,
    GRAPH_PAGE,
    HOME,
    NOT_FOUND,
    OPEN_QUESTIONS,
    QUESTIONS,
    SEARCH,
    STUDY,
    TAGS_INDEX,
    SiteMap,
    url_from,
)
from vaultc.resolve import ResolvedVault, TargetKind
from vaultc.theme import Theme

__all__ = ["Page", "RenderedSite", "SiteOptions", "render_site"]


@dataclass(frozen=True)
class RenderedSite:
    """Pages to write, vault files to copy into the site, and what rendering found."""

    pages: tuple[Page, ...]
    copies: tuple[tuple[VaultPath, SitePath], ...]
    diagnostics: tuple[Diagnostic, ...]
    answers: Mapping[str, str] = field(default_factory=dict)
    """The decks' answers by key, for the next build (empty without a cache)."""


Job = Callable[[], list[Page]]

MIN_NOTES_FOR_WORKERS = 100
"""Below this many notes a render is over before worker processes would have started."""


def render_site(
    vault: ResolvedVault,
    knowledge: Knowledge,
    graph: ConceptGraph,
    theme: Theme,
    options: SiteOptions,
    progress: Progress = lambda message: None,
    previous: Mapping[SitePath, str] | None = None,
    answers: Mapping[str, str] | None = None,
) -> RenderedSite:
    """All pages: notes, knowledge (glossary, terms, questions, study), graph, search, site files.
    With ``previous`` (the page keys of the last build, whose files are still in place) note pages
    get keys, and those whose key is unchanged are kept, not rendered (:mod:`~vaultc.render.notes.page_keys`);
    with ``answers`` (the decks' answers of the last build by key) unchanged answers are not rendered."""
    site = site_context(vault, knowledge, graph, theme, options)
    large = len(vault.notes) >= MIN_NOTES_FOR_WORKERS
    workers = options.workers if large else 1
    if workers > 1 or previous is not None:  # derived once here, inherited by every worker
        site.note_index, site.reader_graph  # noqa: B018 - cached properties, computed for their effect
    shared = site_digest(site, theme) if previous is not None or answers is not None else None
    decks = _deck_answers(site, workers, shared, answers, progress)
    keep = None if previous is None or shared is None else Reuse(shared, previous, decks.content_keys)
    pages = _gathered(_jobs(site, theme, workers, keep, decks), workers, progress if large else lambda message: None)
    if keep is not None and (kept := sum(page.kept for page in pages)):
        progress(f"{kept:,} of {len(vault.notes):,} note pages unchanged since the last build: kept")
    pages += seo_pages([page.path for page in pages], options.base_url)
    return RenderedSite(
        tuple(sorted(pages, key=lambda page: page.path)), _copies(vault, site.sitemap), site.sitemap.diagnostics,
        decks.keyed,
    )  # fmt: skip


def _deck_answers(
    site: SiteContext, workers: int, shared: str | None, previous: Mapping[str, str] | None, progress: Progress
) -> DeckAnswers:
    """The decks' answers, first and on every core, when there are workers or a cache to use."""
    if workers <= 1 and shared is None:
        return NO_ANSWERS  # the decks render their answers as they go
    decks = deck_answers(site, workers, shared, previous)
    if decks.reused:
        progress(f"{decks.reused:,} of {len(decks.html):,} answers unchanged since the last build: kept")
    return decks


@dataclass(frozen=True)
class Reuse:
    """What note pages need to know to be kept: the site's digest and the last build's page keys."""

    shared: str
    previous: Mapping[SitePath, str]
    content_keys: Mapping[VaultPath, str]
    """Each note's content key (:func:`~vaultc.render.notes.page_keys.note_content_key`), when made already."""


def _jobs(site: SiteContext, theme: Theme, workers: int, keep: Reuse | None, decks: DeckAnswers) -> list[Job]:
    """The render as independent jobs, the longest first; note pages in slices (4 per worker, so a
    worker that finishes early takes another)."""
    slices = split(tuple(site.vault.notes), workers * 4)
    return [
        functools.partial(question_pages, site, decks),
        functools.partial(anki_pages, site, decks),
        functools.partial(glossary_pages, site),
        functools.partial(search_pages, site),
        functools.partial(graph_pages, site),
        *(functools.partial(_note_pages, site, paths, keep) for paths in slices),
        functools.partial(_site_pages, site, theme),
    ]


def _gathered(jobs: list[Job], workers: int, progress: Progress) -> list[Page]:
    """Every job's pages in job order, each part done reported with the pages so far."""
    pages: list[Page] = []
    for done, job_pages in enumerate(run_jobs(jobs, workers), 1):
        pages += job_pages
        if len(jobs) > 2:
            progress(f"rendered {done}/{len(jobs)} parts, {len(pages):,} pages")
    return pages


def _note_pages(site: SiteContext, paths: Sequence[VaultPath], keep: Reuse | None) -> list[Page]:
    if keep is None:
        return [note_page(site, path) for path in paths]
    pages = []
    for path in paths:
        page = site.sitemap.note(path)
        drawn = local_graph(site, note_node(path), page)
        content = keep.content_keys.get(path) or note_content_key(site, path, keep.shared)
        key = note_page_key(site, path, content, str(drawn))
        kept = keep.previous.get(page) == key
        pages.append(Page(page, b"", key, kept=True) if kept else replace(note_page(site, path, drawn), key=key))
    return pages


def _site_pages(site: SiteContext, theme: Theme) -> list[Page]:
    """Tags, folders and the explorer's tree, home, 404, graph.json and the theme's files."""
    pages = tag_pages(site) + folder_pages(site) + explorer_pages(site) + feed_pages(site)
    pages.append(site.page("index.html", HOME, **home(site)))
    pages.append(site.page("404.html", NOT_FOUND, page_title="Page not found"))
    pages.append(Page(GRAPH_JSON, _json(graph_json(site.graph))))
    skipped = frozenset() if has_diagram(site) else MERMAID_FILES  # 3.5 MB a site without a diagram need not carry
    pages += [Page(site.sitemap.static(name), data) for name, data in theme.static.items() if name not in skipped]
    pages.append(Page(site.sitemap.static("pygments.css"), pygments_css().encode("utf-8")))
    return pages


MERMAID_FILES = frozenset({"vendor/mermaid.min.js", "vendor/mermaid.LICENSE.txt"})
"""The diagram library, shipped only in a site with a diagram."""


def has_diagram(site: SiteContext) -> bool:
    """Does a note hold a ```mermaid block (anywhere: in a list, a callout)?"""
    return any(
        token.type == "fence" and token.info.split()[:1] == ["mermaid"]
        for note in site.vault.notes.values()
        if "mermaid" in note.text  # most notes have no such word: their tokens need no look
        for token in note.tokens
    )


def note_page(site: SiteContext, path: VaultPath, drawn: str | None = None) -> Page:
    """The page of note ``path`` (``drawn``: its local graph, when already drawn)."""
    page, note = site.sitemap.note(path), site.vault.notes[path]
    context = note_context(note, page, site)
    graph = local_graph(site, note_node(path), page) if drawn is None else drawn
    return site.page("note.html", page, page_title=note.title, local_graph=graph, **context)


def tag_pages(site: SiteContext) -> list[Page]:
    tags = site.graph.tags
    pages = [_tag_page(site, tag, paths) for tag, paths in tags.items()]
    url = url_from(TAGS_INDEX)
    listing = [(PageLink("#" + tag, url(site.sitemap.tag(tag))), len(paths)) for tag, paths in tags.items()]
    pages.append(site.page("tags.html", TAGS_INDEX, page_title="Tags", tags=listing))
    return pages


def _tag_page(site: SiteContext, tag: str, paths: tuple[str, ...]) -> Page:
    page = site.sitemap.tag(tag)
    url = url_from(page)
    notes = [PageLink(site.vault.notes[p].title, url(site.sitemap.note(p))) for p in paths]
    return site.page("tag.html", page, page_title=f"#{tag}", tag=tag, notes=notes)


def home(site: SiteContext) -> dict[str, Any]:
    """The home page: what the vault holds (counts), the ways into it, and its notes by folder."""
    url, counts = url_from(HOME), knowledge_counts(site.knowledge)
    folders: dict[str, list[PageLink]] = defaultdict(list)
    for path, note in site.vault.notes.items():
        folders[folder_of(path)].append(PageLink(note.title, url(site.sitemap.note(path))))
    ways_in = {"glossary": GLOSSARY, "questions": QUESTIONS, "open": OPEN_QUESTIONS,
               "study": STUDY, "tags": TAGS_INDEX, "graph": GRAPH_PAGE, "search": SEARCH}
    return {
        "page_title": "Home",
        "description": f"{site.options.title}: {len(site.vault.notes)} notes, {counts.questions} questions "
        f"({counts.open} open) and {counts.terms} terms.",
        "folders": sorted(
            (folder, sorted(links, key=lambda link: (link.title.casefold(), link.url)))
            for folder, links in folders.items()
        ),
        "note_count": len(site.vault.notes),
        "tag_count": len(site.graph.tags),
        "counts": counts,
        "links": {name: url(target) for name, target in ways_in.items()},
    }


def _copies(vault: ResolvedVault, sitemap: SiteMap) -> tuple[tuple[VaultPath, SitePath], ...]:
    """Only attachments that some published note links to or embeds are published."""
    used = {
        target.path for targets in vault.targets.values() for target in targets if target.kind is TargetKind.ATTACHMENT
    }
    return tuple((path, sitemap.attachment(path)) for path in sorted(used))


def _json(data: Any) -> bytes:
    """Compact JSON (no indentation: it was half of graph.json's bytes), keys sorted for stable bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
