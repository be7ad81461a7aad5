"""``feed.xml``: an Atom feed of the vault's notes, newest first, when the site's address is known.

Why this module exists: readers follow a published vault in their feed reader, as Quartz and
Obsidian Publish let them. A feed needs absolute links, so there is none without ``--base-url``
(or ``base_url:`` in ``vaultc.yaml``). Notes with a date in their properties come first, newest
first (their update date, else their creation date); the rest follow by title, dated with the
latest edit of the vault. Built with ElementTree, so every text is escaped, and from sorted inputs,
so the same vault gives the same bytes.
"""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

from vaultc.names import VaultPath
from vaultc.render.context import Page, SiteContext, absolute_url
from vaultc.render.notes.pages import description
from vaultc.render.notes.reading import reading_facts
from vaultc.render.sitemap import FEED, HOME

FEED_ENTRIES = 30
ATOM = "http://www.w3.org/2005/Atom"


def feed_pages(site: SiteContext) -> list[Page]:
    """The feed (none without a base URL or a note), each entry summarised by its note's description."""
    base_url = site.options.base_url
    if not base_url or not site.vault.notes:
        return []
    entries = sorted(_entries(site, _moment(site.options.modified)),
                     key=lambda entry: (not entry[0], _negated(entry[1]), entry[2].casefold(), entry[3]))  # fmt: skip
    feed = ElementTree.Element("feed", xmlns=ATOM)
    _text(feed, "title", site.options.title)
    ElementTree.SubElement(feed, "link", href=absolute_url(base_url, HOME))
    ElementTree.SubElement(feed, "link", rel="self", href=absolute_url(base_url, FEED))
    _text(feed, "id", absolute_url(base_url, HOME))
    _text(feed, "updated", max(entry[1] for entry in entries))
    _text(ElementTree.SubElement(feed, "author"), "name", site.options.title)
    for _dated, moment, title, path in entries[:FEED_ENTRIES]:
        url = absolute_url(base_url, site.sitemap.note(path))
        _entry(feed, url, title, moment, description(site.vault.notes[path]))
    ElementTree.indent(feed)
    return [Page(FEED, b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(feed, encoding="utf-8"))]


def _entry(feed: ElementTree.Element, url: str, title: str, moment: str, summary: str) -> None:
    entry = ElementTree.SubElement(feed, "entry")
    _text(entry, "title", title)
    ElementTree.SubElement(entry, "link", href=url)
    _text(entry, "id", url)
    _text(entry, "updated", moment)
    if summary:
        _text(entry, "summary", summary)


def _entries(site: SiteContext, fallback: str) -> list[tuple[bool, str, str, VaultPath]]:
    """(dated, Atom time, title, path) for every note."""
    found = []
    for path, note in site.vault.notes.items():
        facts = reading_facts(note)
        day = facts.updated or facts.created
        found.append((day is not None, f"{day}T00:00:00Z" if day else fallback, note.title, path))
    return found


def _negated(moment: str) -> tuple[int, ...]:
    """Newest first: the time's digits, each negated (ISO times sort as text)."""
    return tuple(-ord(char) for char in moment)


def _moment(seconds: int) -> str:
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _text(parent: ElementTree.Element, tag: str, text: str) -> None:
    ElementTree.SubElement(parent, tag).text = text
