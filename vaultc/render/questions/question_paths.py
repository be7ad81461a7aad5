"""Where the question listings, study decks and their extra pages go in the site.

The fixed entry points (``questions/index.html``, ``open.html``, ``study/index.html``, ``qa.json``,
``qa.csv``) are in :mod:`vaultc.render.sitemap`; this module adds the pages derived from them:

* status filters ``questions/<status>.html`` and tag filters ``questions/tags/<tag>.html``;
* study decks ``study/all/index.html``, ``study/notes/<note>.html`` and ``study/tags/<tag>.html``;
* later pages of a long listing: ``questions/page-2.html`` for an ``index.html``, else
  ``<page>.page-2.html``. Names below never hold a ".", so no tag or note can take such a name.

Every deck sits exactly two folders deep, so an answer's relative links are the same on every
deck and it is rendered once. Nested names are flattened for that: the note ``a/b c.md`` gets
``study/notes/a--b-c.html``, the tag ``ml/nlp`` gets ``tags/ml--nlp.html`` (slugs as
:meth:`SiteMap.tag` makes them: case-folded, ``index`` avoided). Names that coincide after
flattening ("c++" and "c") get ``-2``, ``-3``... in order instead of sharing a page. A flattened
name too long for a file is shortened by :func:`~vaultc.names.bounded_name`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from vaultc.names import SitePath, bounded_name, slugify
from vaultc.render.sitemap import QUESTIONS, RESERVED_SLUGS, SiteMap

STUDY_ALL = SitePath("study/all/index.html")
STUDY_OPEN = SitePath("study/open/index.html")
FLATTENED = "--"
"""Joins the folders of a nested tag or note in a deck's flat name."""
_QUESTIONS_FOLDER = QUESTIONS.rsplit("/", 1)[0] + "/"


def paged(first: SitePath, number: int) -> SitePath:
    """Page ``number`` (1-based) of the listing whose first page is ``first``."""
    if number <= 1:
        return first
    if first == "index.html" or first.endswith("/index.html"):
        return SitePath(f"{first.removesuffix('index.html')}page-{number}.html")
    return SitePath(f"{first.removesuffix('.html')}.page-{number}.html")


def status_listing(status: str) -> SitePath:
    """``questions/answered.html``, ``questions/unanswered.html``, ``questions/stub.html``,
    ``questions/prompt.html``."""
    return SitePath(f"{_QUESTIONS_FOLDER}{status}.html")


def note_decks(note_pages: Iterable[SitePath]) -> Mapping[SitePath, SitePath]:
    """Note page -> its deck: ``notes/a/b.html`` -> ``study/notes/a--b.html`` (in page order)."""
    names = {page: _flat(page.removeprefix("notes/").removesuffix(".html")) for page in note_pages}
    return {page: SitePath(f"study/notes/{name}.html") for page, name in _unique(names).items()}


def tag_pages(tags: Iterable[str], folder: str) -> Mapping[str, SitePath]:
    """Tag -> ``<folder>/tags/<flat slug>.html`` (``folder`` is "questions" or "study")."""
    names = {tag: _flat(SiteMap.tag(tag).removeprefix("tags/").removesuffix(".html")) for tag in tags}
    return {tag: SitePath(f"{folder}/tags/{name}.html") for tag, name in _unique(names).items()}


ANKI_FOLDER = "anki"
"""The Anki packages: ``all.apkg`` and ``tags/<tag>.apkg``."""


def tag_packages(tags: Iterable[str]) -> Mapping[str, SitePath]:
    """Tag -> its Anki package, ``anki/tags/<flat slug>.apkg`` (named as its study deck)."""
    pages = tag_pages(tags, ANKI_FOLDER)
    return {tag: SitePath(path.removesuffix(".html") + ".apkg") for tag, path in pages.items()}


def folder_decks(folders: Iterable[str]) -> Mapping[str, SitePath]:
    """Vault folder -> ``study/folders/<flat slug>.html`` (``a/b`` -> ``a--b``)."""
    names = {folder: _flat("/".join(slugify(part) or "folder" for part in folder.split("/"))) for folder in folders}
    return {folder: SitePath(f"study/folders/{name}.html") for folder, name in _unique(names).items()}


def _flat(nested: str) -> str:
    return bounded_name(nested.replace("/", FLATTENED))


def _unique(wanted: Mapping[str, str]) -> dict[str, str]:
    """Each key's wanted name, or the name with ``-2``, ``-3``... when taken (keys in sorted order)."""
    taken: set[str] = set(RESERVED_SLUGS)
    names = {}
    for key in sorted(wanted):
        name, counter = wanted[key], 1
        while name in taken:
            counter += 1
            name = f"{wanted[key]}-{counter}"
        taken.add(name)
        names[key] = name
    return names
