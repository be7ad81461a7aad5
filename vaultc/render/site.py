"""The render stage's entry point: every page and file of the site, in memory.

Nothing here touches the disk: the theme was read beforehand and attachments are listed as copies
for the write stage to make. Output is deterministic (sorted inputs, no clocks), so two builds of
the same vault are byte-identical.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from vaultc.diagnostics import Diagnostic
from vaultc.graph import ConceptGraph, graph_json
from vaultc.markdown.code import pygments_css
from vaultc.names import SitePath, VaultPath, folder_of
from vaultc.render.notes import PageLink, note_context
from vaultc.render.sitemap import GRAPH_JSON, HOME, NOT_FOUND, TAGS_INDEX, SiteMap, plan_site, url_from
from vaultc.resolve import ResolvedVault, TargetKind
from vaultc.theme import TemplateRenderer, Theme


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


@dataclass(frozen=True)
class RenderedSite:
    """Pages to write, vault files to copy into the site, and what rendering found."""

    pages: tuple[Page, ...]
    copies: tuple[tuple[VaultPath, SitePath], ...]
    diagnostics: tuple[Diagnostic, ...]


def render_site(vault: ResolvedVault, graph: ConceptGraph, theme: Theme, options: SiteOptions) -> RenderedSite:
    """All pages: notes, tags, home, 404, the graph as JSON, and theme assets."""
    sitemap = plan_site(vault.notes, vault.attachments)
    templates = TemplateRenderer(theme)
    pages = [_note_page(templates, vault, graph, sitemap, options, path) for path in vault.notes]
    pages += _tag_pages(templates, vault, graph, sitemap, options)
    pages.append(_page(templates, "index.html", HOME, options, **_home(vault, sitemap, graph, url_from(HOME))))
    pages.append(_page(templates, "404.html", NOT_FOUND, options, page_title="Page not found"))
    pages.append(Page(GRAPH_JSON, _json(graph_json(graph))))
    pages += [Page(sitemap.static(name), data) for name, data in theme.static.items()]
    pages.append(Page(sitemap.static("pygments.css"), pygments_css().encode("utf-8")))
    return RenderedSite(tuple(sorted(pages, key=lambda page: page.path)), _copies(vault, sitemap), sitemap.diagnostics)


def _page(templates: TemplateRenderer, template: str, path: SitePath, options: SiteOptions, **context: Any) -> Page:
    url = url_from(path)
    nav = [PageLink("Notes", url(HOME)), PageLink("Tags", url(TAGS_INDEX))]
    html = templates.render(template, site_title=options.title, url=url, nav=nav, page_path=path,
                            static=lambda name: url(SiteMap.static(name)), **context)
    return Page(path, html.encode("utf-8"))


def _note_page(templates, vault, graph, sitemap, options, path) -> Page:
    page = sitemap.note(path)
    context = note_context(vault.notes[path], page, vault, graph, sitemap, url_from(page), options.allow_html)
    return _page(templates, "note.html", page, options, page_title=vault.notes[path].title, **context)


def _tag_pages(templates, vault, graph, sitemap, options) -> list[Page]:
    tags = graph.tags()
    pages = []
    for tag, paths in tags.items():
        page = sitemap.tag(tag)
        url = url_from(page)
        notes = [PageLink(vault.notes[p].title, url(sitemap.note(p))) for p in paths]
        pages.append(_page(templates, "tag.html", page, options, page_title=f"#{tag}", tag=tag, notes=notes))
    url = url_from(TAGS_INDEX)
    listing = [(PageLink("#" + tag, url(sitemap.tag(tag))), len(paths)) for tag, paths in tags.items()]
    pages.append(_page(templates, "tags.html", TAGS_INDEX, options, page_title="Tags", tags=listing))
    return pages


def _home(vault: ResolvedVault, sitemap: SiteMap, graph: ConceptGraph, url) -> dict:
    folders: dict[str, list[PageLink]] = defaultdict(list)
    for path, note in vault.notes.items():
        folders[folder_of(path)].append(PageLink(note.title, url(sitemap.note(path))))
    return {
        "page_title": "Home",
        "folders": sorted((folder, sorted(links, key=lambda link: link.title.casefold())) for folder, links in folders.items()),
        "note_count": len(vault.notes),
        "tag_count": len(graph.tags()),
        "graph_url": url(GRAPH_JSON),
    }


def _copies(vault: ResolvedVault, sitemap: SiteMap) -> tuple[tuple[VaultPath, SitePath], ...]:
    """Only attachments that some published note links to or embeds are published."""
    used = {target.path for targets in vault.targets.values() for target in targets if target.kind is TargetKind.ATTACHMENT}
    return tuple((path, sitemap.attachment(path)) for path in sorted(used))


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
