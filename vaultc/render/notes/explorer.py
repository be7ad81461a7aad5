"""The explorer's data: every note's folder, title and page, for ``static/explorer.js`` to draw the
vault's folder tree beside each note.

Why a script of its own: the tree is the same on every page, so putting it into each page would
cost the whole vault's list on every one of them (a 10,000-note site would carry 10,000 links
10,000 times) and would change every page when one note is renamed. One file, loaded once and
cached by the browser, draws it everywhere; without JavaScript the breadcrumbs and the folder pages
(:mod:`~vaultc.render.notes.folders`) lead to the same places.
"""

from __future__ import annotations

from vaultc.names import SitePath, enclosing_folders, folder_of
from vaultc.render.context import Page, SiteContext
from vaultc.render.data_script import data_script
from vaultc.render.notes.folders import folder_page

EXPLORER_INDEX = SitePath("explorer-index.js")
EXPLORER_GLOBAL = "VAULTC_EXPLORER"


def explorer_pages(site: SiteContext) -> list[Page]:
    """``explorer-index.js``: ``{"notes": [[folder, title, page], ...], "folders": {folder: page}}``,
    notes by folder then title; pages are site paths (the script makes them relative)."""
    notes = sorted(
        ([folder_of(path), note.title, site.sitemap.note(path)] for path, note in site.vault.notes.items()),
        key=lambda row: (row[0].casefold(), row[0], row[1].casefold(), row[2]),
    )
    held = {"", *(folder for row in notes for folder in enclosing_folders(row[0]))}
    folders = {folder: folder_page(folder) for folder in sorted(held)}
    return [Page(EXPLORER_INDEX, data_script(EXPLORER_GLOBAL, {"notes": notes, "folders": folders}))]
