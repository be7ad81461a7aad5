"""Where everything goes in the output: one table from vault things to site paths.

Notes live under ``notes/`` (mirroring the vault's folders, slugged), tag pages under ``tags/``,
attachments under ``files/`` with their original names, theme assets under ``static/``. Generated
pages (home, tags index, 404...) sit at the root, so no note name can collide with them. Two notes
whose slugs coincide ("A b.md" and "a-b.md") get ``-2``, ``-3``... in path order, with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.names import SitePath, VaultPath, note_stem, relative_url, slugify

HOME = SitePath("index.html")
TAGS_INDEX = SitePath("tags/index.html")
NOT_FOUND = SitePath("404.html")
GRAPH_JSON = SitePath("graph.json")
STATIC = "static"


@dataclass(frozen=True)
class SiteMap:
    """Site paths of notes, tags and attachments."""

    notes: Mapping[VaultPath, SitePath]
    attachments: Mapping[VaultPath, SitePath]
    diagnostics: tuple[Diagnostic, ...]

    def note(self, path: VaultPath) -> SitePath:
        return self.notes[path]

    def attachment(self, path: VaultPath) -> SitePath:
        return self.attachments[path]

    @staticmethod
    def tag(tag: str) -> SitePath:
        segments = [slugify(part) or "tag" for part in tag.casefold().split("/") if part]
        return SitePath("tags/" + "/".join(segments) + ".html")

    @staticmethod
    def static(name: str) -> SitePath:
        return SitePath(f"{STATIC}/{name}")


def plan_site(notes: Iterable[VaultPath], attachments: Iterable[VaultPath]) -> SiteMap:
    """Assign every note and attachment its place (deterministic: in path order)."""
    taken: set[str] = set()
    note_paths: dict[VaultPath, SitePath] = {}
    problems = []
    for path in sorted(notes):
        wanted = "notes/" + "/".join(slugify(part) or "untitled" for part in note_stem(path).split("/"))
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
    files = {path: SitePath("files/" + path) for path in sorted(attachments)}
    return SiteMap(MappingProxyType(note_paths), MappingProxyType(files), tuple(problems))


def url_from(page: SitePath):
    """A URL builder for templates rendered at ``page``: ``url(target, fragment="")``."""

    def url(target: str, fragment: str = "") -> str:
        return relative_url(page, target, fragment)

    return url
