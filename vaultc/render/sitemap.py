"""Where everything goes in the output: one table from vault things to site paths.

Notes live under ``notes/`` (mirroring the vault's folders, slugged), tag pages under ``tags/``,
concept pages under ``terms/``, question listings under ``questions/``, study decks under
``study/``, attachments under ``files/`` with their original names, theme assets under
``static/``. Generated pages (home, glossary, 404...) sit at the root or are named ``index.html``
in their own folder, where no note, tag or term slug can land. Two notes
whose slugs coincide ("A b.md" and "a-b.md") get ``-2``, ``-3``... in path order, with a warning.
Every slug is a file or folder name bounded by :func:`~vaultc.names.bounded_name` (a 300-character
tag is a shortened name ending in a hash of the whole one).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from vaultc.active_files import published_name
from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.names import SitePath, VaultPath, bounded_name, note_stem, relative_url, slugify

HOME = SitePath("index.html")
TAGS_INDEX = SitePath("tags/index.html")
NOT_FOUND = SitePath("404.html")
GRAPH_JSON = SitePath("graph.json")
GLOSSARY = SitePath("glossary.html")
QUESTIONS = SitePath("questions/index.html")
OPEN_QUESTIONS = SitePath("open.html")
STUDY = SitePath("study/index.html")
GRAPH_PAGE = SitePath("graph.html")
SEARCH = SitePath("search.html")
SEARCH_INDEX = SitePath("search-index.js")
QA_JSON = SitePath("qa.json")
QA_CSV = SitePath("qa.csv")
SITEMAP_XML = SitePath("sitemap.xml")
FEED = SitePath("feed.xml")
STATIC = "static"
RESERVED_SLUGS = frozenset({"index"})
"""Slugs a tag or term page may not take: its folder's generated ``index.html`` uses them."""


@dataclass(frozen=True)
class SiteMap:
    """Site paths of notes, tags and attachments."""

    notes: Mapping[VaultPath, SitePath]
    attachments: Mapping[VaultPath, SitePath]
    diagnostics: tuple[Diagnostic, ...]
    concepts: Mapping[str, SitePath] = field(default_factory=lambda: MappingProxyType({}))
    """Concept key -> its page under ``terms/``."""

    def note(self, path: VaultPath) -> SitePath:
        return self.notes[path]

    def concept(self, key: str) -> SitePath:
        return self.concepts[key]

    def attachment(self, path: VaultPath) -> SitePath:
        return self.attachments[path]

    @staticmethod
    def tag(tag: str) -> SitePath:
        segments = [_free(bounded_name(slugify(part) or "tag")) for part in tag.casefold().split("/") if part]
        return SitePath("tags/" + "/".join(segments) + ".html")

    @staticmethod
    def static(name: str) -> SitePath:
        return SitePath(f"{STATIC}/{name}")


def _free(slug: str) -> str:
    return slug + "-" if slug in RESERVED_SLUGS else slug


def plan_site(
    notes: Iterable[VaultPath], attachments: Iterable[VaultPath], concept_names: Mapping[str, str] | None = None
) -> SiteMap:
    """Assign every note, attachment and concept its place (deterministic: in path/key order)."""
    taken: set[str] = set()
    note_paths: dict[VaultPath, SitePath] = {}
    problems = []
    for path in sorted(notes):
        wanted = "notes/" + "/".join(bounded_name(slugify(part) or "untitled") for part in note_stem(path).split("/"))
        site_path, counter = wanted, 1
        while site_path.casefold() in taken:
            counter += 1
            site_path = f"{wanted}-{counter}"
        if counter > 1:
            problems.append(
                diagnostic(
                    path,
                    0,
                    0,
                    "slug-collision",
                    f"another note already uses {wanted}.html; this one is at {site_path}.html. Rename one of them",
                )
            )
        taken.add(site_path.casefold())
        note_paths[path] = SitePath(site_path + ".html")
    files = {path: SitePath("files/" + published_name(path)) for path in sorted(attachments)}
    concepts = _plan_concepts(concept_names or {})
    return SiteMap(MappingProxyType(note_paths), MappingProxyType(files), tuple(problems), concepts)


def _plan_concepts(names: Mapping[str, str]) -> Mapping[str, SitePath]:
    """``terms/<slug of the display name>.html``; equal slugs get ``-2``, ``-3``... in key order."""
    taken: set[str] = set(RESERVED_SLUGS)
    pages = {}
    for key in sorted(names):
        wanted = bounded_name(slugify(names[key]) or slugify(key) or "term")
        slug, counter = wanted, 1
        while slug in taken:
            counter += 1
            slug = f"{wanted}-{counter}"
        taken.add(slug)
        pages[key] = SitePath(f"terms/{slug}.html")
    return MappingProxyType(pages)


def url_from(page: SitePath):
    """A URL builder for templates rendered at ``page``: ``url(target, fragment="")``."""

    def url(target: str, fragment: str = "") -> str:
        return relative_url(page, target, fragment)

    return url
