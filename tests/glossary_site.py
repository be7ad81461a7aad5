"""Glossary, concept and home pages of in-memory vaults (dicts of path -> text), for the
glossary and home tests."""

from __future__ import annotations

import collections
import functools
import re

from tests.vaults import resolve_files
from vaultc.extract.answers import DEFAULT_STUB_PATTERNS
from vaultc.extract.stage import extract_knowledge
from vaultc.graph import build_graph
from vaultc.render.context import SiteContext, SiteOptions, site_context
from vaultc.render.glossary.glossary_pages import glossary_pages
from vaultc.render.site import home
from vaultc.render.sitemap import HOME
from vaultc.theme import Theme, load_theme


@functools.cache
def _theme() -> Theme:
    return load_theme()


def site_of(files: dict[str, str], title: str = "Test") -> SiteContext:
    vault = resolve_files(files)
    knowledge = extract_knowledge(vault, DEFAULT_STUB_PATTERNS)
    return site_context(
        vault, knowledge, build_graph(vault, knowledge), _theme(), SiteOptions(title)
    )


def glossary_site(files: dict[str, str]) -> dict[str, str]:
    """Site path -> HTML of every page the glossary builder makes."""
    return {page.path: page.content.decode("utf-8") for page in glossary_pages(site_of(files))}


def home_html(files: dict[str, str], title: str = "Test") -> str:
    site = site_of(files, title)
    return site.page("index.html", HOME, **home(site)).content.decode("utf-8")


def main_of(html: str) -> str:
    """The page's <main> element (header navigation and footer left out)."""
    return html[html.index("<main") : html.index("</main>")]


def duplicate_ids(html: str) -> list[str]:
    counts = collections.Counter(re.findall(r'\sid="([^"]*)"', html))
    return sorted(name for name, count in counts.items() if count > 1)


def entry(html: str, entry_id: str) -> str:
    """One glossary entry: its <dt> and <dd>."""
    start = html.index(f'<dt id="{entry_id}"')
    return html[start : html.index("</dd>", start)]
