"""The vault's folders as pages, and the breadcrumbs that lead to them from every note.

Why this module exists: a reader who lands on a note (from search, from a link someone shared)
should see where it sits and reach its neighbours without JavaScript: each note page starts with
its breadcrumbs (the site, then each folder holding it), and each folder has a page listing its
sub-folders and notes (``folders/<folder>/index.html``; the site's root folder is the home page).
The explorer (:mod:`~vaultc.render.notes.explorer`) is the same tree, drawn by a script.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from vaultc.names import SitePath, VaultPath, bounded_name, enclosing_folders, folder_of, slugify
from vaultc.render.context import Page, PageLink, SiteContext
from vaultc.render.sitemap import HOME, url_from

FOLDERS = "folders"


@dataclass(frozen=True)
class FolderListing:
    """What one folder page shows."""

    name: str
    folders: list[PageLink]
    notes: list[PageLink]


def folder_page(folder: str) -> SitePath:
    """``folders/<slug>/<slug>/index.html`` for the vault folder ``a/b`` (the root: the home page)."""
    if not folder:
        return HOME
    parts = [bounded_name(slugify(part) or "folder") for part in folder.split("/")]
    return SitePath(f"{FOLDERS}/{'/'.join(parts)}/index.html")


def breadcrumbs(site: SiteContext, folder: str, page: SitePath) -> list[PageLink]:
    """The site, then every folder down to ``folder``, as links from ``page``."""
    url = url_from(page)
    crumbs = [PageLink(site.options.title, url(HOME))]
    parts = folder.split("/") if folder else []
    for depth in range(1, len(parts) + 1):
        crumbs.append(PageLink(parts[depth - 1], url(folder_page("/".join(parts[:depth])))))
    return crumbs


def note_breadcrumbs(site: SiteContext, path: VaultPath, page: SitePath) -> list[PageLink]:
    return breadcrumbs(site, folder_of(path), page)


def folder_pages(site: SiteContext) -> list[Page]:
    """A page for every folder that holds a note, directly or below it."""
    notes_in: dict[str, list[VaultPath]] = defaultdict(list)
    children: dict[str, set[str]] = defaultdict(set)
    for path in site.vault.notes:
        notes_in[folder_of(path)].append(path)
        for folder in enclosing_folders(folder_of(path)):
            children[folder_of(folder)].add(folder)
    folders = sorted({*notes_in, *children} - {""})
    return [_folder_page(site, name, notes_in.get(name, []), sorted(children.get(name, ()))) for name in folders]


def _folder_page(site: SiteContext, folder: str, notes: list[VaultPath], subfolders: list[str]) -> Page:
    page = folder_page(folder)
    url = url_from(page)
    name = folder.rsplit("/", 1)[-1]
    listing = FolderListing(
        name,
        [PageLink(sub.rsplit("/", 1)[-1], url(folder_page(sub))) for sub in subfolders],
        sorted((PageLink(site.vault.notes[path].title, url(site.sitemap.note(path))) for path in notes),
               key=lambda link: (link.title.casefold(), link.url)),
    )  # fmt: skip
    return site.page(
        "folder.html",
        page,
        page_title=name,
        description=f"The notes and folders in {folder} of {site.options.title}.",
        listing=listing,
        breadcrumbs=breadcrumbs(site, folder_of(folder), page),
    )
