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
    site = _SiteRenderer(vault, graph, sitemap, TemplateRenderer(theme), options)
    pages = [site.note_page(path) for path in vault.notes]
    pages += site.tag_pages()
    pages.append(site.page("index.html", HOME, **site.home()))
    pages.append(site.page("404.html", NOT_FOUND, page_title="Page not found"))
    pages.append(Page(GRAPH_JSON, _json(graph_json(graph))))
    pages += [Page(sitemap.static(name), data) for name, data in theme.static.items()]
    pages.append(Page(sitemap.static("pygments.css"), pygments_css().encode("utf-8")))
    return RenderedSite(tuple(sorted(pages, key=lambda page: page.path)), _copies(vault, sitemap), sitemap.diagnostics)


@dataclass(frozen=True)
class _SiteRenderer:
    """What every page needs: the vault, its graph, where things go, and the templates."""

    vault: ResolvedVault
    graph: ConceptGraph
    sitemap: SiteMap
    templates: TemplateRenderer
    options: SiteOptions

    def page(self, template: str, path: SitePath, **context: Any) -> Page:
        url = url_from(path)
        nav = [PageLink("Notes", url(HOME)), PageLink("Tags", url(TAGS_INDEX))]
        html = self.templates.render(
            template,
            site_title=self.options.title,
            url=url,
            nav=nav,
            page_path=path,
            static=lambda name: url(SiteMap.static(name)),
            **context,
        )
        return Page(path, html.encode("utf-8"))

    def note_page(self, path: VaultPath) -> Page:
        page, note = self.sitemap.note(path), self.vault.notes[path]
        context = note_context(
            note, page, self.vault, self.graph, self.sitemap, url_from(page), self.options.allow_html
        )
        return self.page("note.html", page, page_title=note.title, **context)

    def tag_pages(self) -> list[Page]:
        tags = self.graph.tags
        pages = [self._tag_page(tag, paths) for tag, paths in tags.items()]
        url = url_from(TAGS_INDEX)
        listing = [(PageLink("#" + tag, url(self.sitemap.tag(tag))), len(paths)) for tag, paths in tags.items()]
        pages.append(self.page("tags.html", TAGS_INDEX, page_title="Tags", tags=listing))
        return pages

    def _tag_page(self, tag: str, paths: tuple[str, ...]) -> Page:
        page = self.sitemap.tag(tag)
        url = url_from(page)
        notes = [PageLink(self.vault.notes[p].title, url(self.sitemap.note(p))) for p in paths]
        return self.page("tag.html", page, page_title=f"#{tag}", tag=tag, notes=notes)

    def home(self) -> dict[str, Any]:
        url = url_from(HOME)
        folders: dict[str, list[PageLink]] = defaultdict(list)
        for path, note in self.vault.notes.items():
            folders[folder_of(path)].append(PageLink(note.title, url(self.sitemap.note(path))))
        return {
            "page_title": "Home",
            "folders": sorted(
                (folder, sorted(links, key=lambda link: link.title.casefold())) for folder, links in folders.items()
            ),
            "note_count": len(self.vault.notes),
            "tag_count": len(self.graph.tags),
            "graph_url": url(GRAPH_JSON),
        }


def _copies(vault: ResolvedVault, sitemap: SiteMap) -> tuple[tuple[VaultPath, SitePath], ...]:
    """Only attachments that some published note links to or embeds are published."""
    used = {
        target.path for targets in vault.targets.values() for target in targets if target.kind is TargetKind.ATTACHMENT
    }
    return tuple((path, sitemap.attachment(path)) for path in sorted(used))


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
