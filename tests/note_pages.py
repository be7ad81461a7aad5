"""Note pages of in-memory vaults (dicts of path -> text), with knowledge, graph and theme, for the
note-page tests (question badges, term links, summary)."""

from __future__ import annotations

import collections
import functools
import re

from tests.vaults import resolve_files
from vaultc.extract.stage import extract_knowledge
from vaultc.graph import build_graph
from vaultc.names import VaultPath
from vaultc.render.context import SiteContext, SiteOptions, site_context
from vaultc.render.notes.annotate import page_tokens
from vaultc.render.notes.pages import note_body
from vaultc.render.site import note_page
from vaultc.theme import Theme, load_theme


@functools.cache
def _theme() -> Theme:
    return load_theme()


def site_of(files: dict[str, str]) -> SiteContext:
    vault = resolve_files(files)
    knowledge = extract_knowledge(vault)
    return site_context(
        vault, knowledge, build_graph(vault, knowledge), _theme(), SiteOptions("Test")
    )


def page_body(files: dict[str, str], path: str = "A.md") -> str:
    """The note's content as its own page shows it (badges, term links), without the template."""
    site = site_of(files)
    note, page = site.vault.notes[VaultPath(path)], site.sitemap.note(VaultPath(path))
    return note_body(note, page, site.vault, site.sitemap, False, page_tokens(site, note, page))


def page_html(files: dict[str, str], path: str = "A.md") -> str:
    """The whole note page."""
    return note_page(site_of(files), VaultPath(path)).content.decode("utf-8")


def duplicate_ids(html: str) -> list[str]:
    counts = collections.Counter(re.findall(r'\sid="([^"]*)"', html))
    return sorted(name for name, count in counts.items() if count > 1)
