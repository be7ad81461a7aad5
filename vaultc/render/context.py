"""What every page builder receives: the vault, its knowledge and graph, the site plan, templates.

The render stage is split by kind of page (notes, glossary, questions, graph, search, site files);
each builder is a function of one :class:`SiteContext` returning :class:`Page` values, so builders
share no mutable state and can be tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from vaultc.extract.model import Knowledge
from vaultc.graph import ConceptGraph
from vaultc.names import SitePath
from vaultc.render.sitemap import (
    GLOSSARY,
    GRAPH_PAGE,
    HOME,
    OPEN_QUESTIONS,
    QUESTIONS,
    SEARCH,
    STUDY,
    TAGS_INDEX,
    SiteMap,
    url_from,
)
from vaultc.resolve import ResolvedVault
from vaultc.theme import TemplateRenderer


@dataclass(frozen=True)
class Page:
    """One output file and its bytes."""

    path: SitePath
    content: bytes


@dataclass(frozen=True)
class SiteOptions:
    """Choices about the site that do not change what the vault means."""

    title: str
    allow_html: bool = False
    base_url: str | None = None
    """Absolute URL the site is published at; only for sitemap.xml and canonical links."""
    obsidian_vault: str = ""
    """Vault name in ``obsidian://open?vault=...`` links ("" leaves the links out)."""


@dataclass(frozen=True)
class PageLink:
    """A titled link for templates: ``url`` is already relative to the page it appears on."""

    title: str
    url: str


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
        """Render ``template`` as the page at ``path``; ``url()`` in templates is relative to it."""
        url = url_from(path)
        html = self.templates.render(
            template,
            site_title=self.options.title,
            url=url,
            nav=[PageLink(title, url(target)) for title, target in NAVIGATION],
            home_url=url(HOME),
            search_url=url(SEARCH),
            page_path=path,
            canonical=self.canonical(path),
            static=lambda name: url(SiteMap.static(name)),
            **context,
        )
        return Page(path, html.encode("utf-8"))

    def canonical(self, path: SitePath) -> str:
        """The page's absolute URL when ``--base-url`` is given, else ""."""
        if not self.options.base_url:
            return ""
        page = "" if path == HOME else path.removesuffix("index.html") if path.endswith("/index.html") else path
        return self.options.base_url.rstrip("/") + "/" + quote(page, safe="/-_.~")
