"""What every page builder receives: the vault, its knowledge and graph, the site plan, templates.

The render stage is split by kind of page (notes, glossary, questions, graph, search, site files);
each builder is a function of one :class:`SiteContext` returning :class:`Page` values, so builders
share no mutable state and can be tested alone.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from vaultc.config_properties import DEFAULT_HIDDEN_PROPERTIES
from vaultc.extract.model import Knowledge, QuestionStatus
from vaultc.graph import ConceptGraph
from vaultc.names import SitePath, absolute_url
from vaultc.render.csp import page_policy
from vaultc.render.graph.graph_reader import ReaderGraph, build_reader_graph
from vaultc.render.notes.page_index import NotePageIndex, build_page_index
from vaultc.render.sitemap import (
    FEED,
    GLOSSARY,
    GRAPH_PAGE,
    HOME,
    NOT_FOUND,
    OPEN_QUESTIONS,
    QUESTIONS,
    SEARCH,
    SEARCH_INDEX,
    STUDY,
    TAGS_INDEX,
    SiteMap,
    plan_site,
    url_from,
)
from vaultc.resolve import ResolvedVault
from vaultc.theme import TemplateRenderer, Theme


@dataclass(frozen=True)
class Page:
    """One output file and its bytes."""

    path: SitePath
    content: bytes
    key: str = ""
    """A digest of the page's inputs, for pages a later build may keep (note pages; "" for others)."""
    kept: bool = False
    """The last build wrote this page from the same inputs: the write stage keeps that file
    (``content`` is empty)."""


@dataclass(frozen=True)
class SiteOptions:
    """Choices about the site that do not change what the vault means."""

    title: str
    allow_html: bool = False
    base_url: str | None = None
    """Absolute URL the site is published at; only for sitemap.xml, robots.txt, canonical links and
    the 404 page's links (every other URL stays relative)."""
    obsidian_vault: str = ""
    """Vault name in ``obsidian://open?vault=...`` links ("" leaves the links out: the public site)."""
    author: bool = False
    """The author's view (``vaultc serve``, ``build --author``): a missing embed is marked as one;
    on the public site it is a quiet placeholder."""
    hidden_properties: frozenset[str] = DEFAULT_HIDDEN_PROPERTIES
    """Case-folded front-matter keys the properties table leaves out (``properties:`` in vaultc.yaml)."""
    modified: int = 0
    """The latest edit of any note (seconds since 1970): the Anki package's modification time, so
    that Anki takes an edited card on import as newer."""
    workers: int = 1
    """Processes the render may run in (:mod:`vaultc.render.parallel`); the pages are the same bytes."""


@dataclass(frozen=True)
class PageLink:
    """A titled link for templates: ``url`` is already relative to the page it appears on."""

    title: str
    url: str


QUESTION_STATUSES = tuple(status.value for status in QuestionStatus)
"""Every question status, in the order pages list and count them: answered, unanswered, stub, prompt
(a question left open on purpose, which no note is expected to answer; never a to-do)."""

STATUS_LABELS = {
    "answered": "answered",
    "unanswered": "unanswered",
    "stub": "stub",
    "prompt": "open prompt",
    "undefined": "needs a definition",
    "defined": "defined",
}
"""Badge text per status, for templates (``status_labels``) and for badges rendered in notes."""

NAVIGATION = (
    ("Glossary", GLOSSARY),
    ("Questions", QUESTIONS),
    ("Open questions", OPEN_QUESTIONS),
    ("Study", STUDY),
    ("Tags", TAGS_INDEX),
    ("Graph", GRAPH_PAGE),
    ("Search", SEARCH),
)


@dataclass(frozen=True)
class SiteContext:
    """The inputs of every page builder, and the one way to turn a template into a page."""

    vault: ResolvedVault
    knowledge: Knowledge
    graph: ConceptGraph
    sitemap: SiteMap
    templates: TemplateRenderer
    options: SiteOptions

    def page(self, template: str, path: SitePath, **context: Any) -> Page:
        """Render ``template`` as the page at ``path``; ``url()`` in templates is relative to it.

        The one exception is the 404 page with a base URL: the host serves it at any missing path,
        however deep, so its URLs are absolute there."""
        base_url = self.options.base_url
        url = absolute_url_from(base_url) if path == NOT_FOUND and base_url else url_from(path)
        html = self.templates.render(
            template,
            site_title=self.options.title,
            url=url,
            nav=[PageLink(title, url(target)) for title, target in NAVIGATION],
            home_url=url(HOME),
            search_url=url(SEARCH),
            search_index_url=url(SEARCH_INDEX),
            feed_url=url(FEED) if self.options.base_url else "",
            page_path=path,
            canonical=self.canonical(path),
            static=lambda name: url(SiteMap.static(name)),
            content_security_policy=page_policy(self.options.allow_html),
            **context,
        )
        return Page(path, html.encode("utf-8"))

    @functools.cached_property
    def note_index(self) -> NotePageIndex:
        """Questions by note and linkable terms: built once, read by every note page."""
        return build_page_index(self.knowledge, self.sitemap)

    @functools.cached_property
    def reader_graph(self) -> ReaderGraph:
        """The concept graph folded into what a reader can open, for graph.html and local graphs."""
        return build_reader_graph(self.knowledge, self.graph, self.sitemap)

    def canonical(self, path: SitePath) -> str:
        """The page's absolute URL when ``--base-url`` is given, else "" (and "" for the 404 page,
        which stands for no address of its own)."""
        if not self.options.base_url or path == NOT_FOUND:
            return ""
        return absolute_url(self.options.base_url, path)


def absolute_url_from(base_url: str):
    """Like :func:`url_from`, with absolute URLs: ``url(target, fragment="")``."""

    def url(target: str, fragment: str = "") -> str:
        return absolute_url(base_url, target, fragment)

    return url


def site_context(
    vault: ResolvedVault, knowledge: Knowledge, graph: ConceptGraph, theme: Theme, options: SiteOptions
) -> SiteContext:
    """The context of one build: every note, attachment and concept placed, templates ready."""
    sitemap = plan_site(vault.notes, vault.attachments, {c.key: c.name for c in knowledge.concepts})
    templates = TemplateRenderer(theme, {"status_labels": STATUS_LABELS, "question_statuses": QUESTION_STATUSES})
    return SiteContext(vault, knowledge, graph, sitemap, templates, options)
