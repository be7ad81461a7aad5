"""Files for search engines: ``sitemap.xml`` and ``robots.txt``, made only when the site's address is known.

Why only then: the sitemaps.org protocol requires absolute URLs in ``<loc>``, and a relative
sitemap is ignored (or reported as an error) by every crawler, so without ``--base-url`` (or
``base_url:`` in ``vaultc.yaml``) neither file is written and nothing links to them.

The sitemap lists every HTML page except the 404 page (it stands for no address), theme assets
and vault attachments. URLs are percent-encoded, ``x/index.html`` is listed as its folder ``x/``
(the address GitHub Pages and every static host serve it at, and the one canonical links use), and
the list is sorted. ``<lastmod>`` is left out on purpose: a date would make two builds of the same
vault differ, and a wrong one is worse than none. A site of more than 50,000 pages (the protocol's
limit per file) gets a sitemap index, ``sitemap.xml``, pointing at ``sitemap-1.xml``,
``sitemap-2.xml``... of at most 50,000 URLs each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from vaultc.names import SitePath
from vaultc.render.context import Page, absolute_url
from vaultc.render.sitemap import NOT_FOUND, SITEMAP_XML, STATIC

ROBOTS_TXT = SitePath("robots.txt")
URLS_PER_SITEMAP = 50_000
"""The sitemaps.org limit of URLs in one file (its 50 MB limit is far away at this count)."""
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
UNLISTED_FOLDERS = (f"{STATIC}/", "files/")


def seo_pages(paths: Iterable[SitePath], base_url: str | None) -> list[Page]:
    """``sitemap.xml`` (plus its parts on a very large site) and ``robots.txt``; none without a base URL."""
    if not base_url:
        return []
    urls = listed_urls(paths, base_url)
    if len(urls) <= URLS_PER_SITEMAP:
        sitemaps = [Page(SITEMAP_XML, _urlset(urls))]
    else:
        sitemaps = _split_sitemaps(urls, base_url)
    return [*sitemaps, robots_txt(base_url)]


def sitemap_xml(paths: Iterable[SitePath], base_url: str | None) -> Page:
    """The sitemap of a site of at most 50,000 pages (:func:`seo_pages` is the whole story).

    Without a base URL there is no valid sitemap; this returns an empty file only so that a caller
    still appending its result unconditionally keeps working: call :func:`seo_pages` instead."""
    if not base_url:
        return Page(SITEMAP_XML, b"")
    return Page(SITEMAP_XML, _urlset(listed_urls(paths, base_url)))


def robots_txt(base_url: str) -> Page:
    """Allow everything and say where the sitemap is (the ``Sitemap:`` line must be absolute)."""
    text = f"User-agent: *\nAllow: /\n\nSitemap: {absolute_url(base_url, SITEMAP_XML)}\n"
    return Page(ROBOTS_TXT, text.encode("utf-8"))


def is_listed(path: SitePath) -> bool:
    """An HTML page with an address of its own: not the 404 page, not an asset or attachment."""
    return path.endswith(".html") and path != NOT_FOUND and not path.startswith(UNLISTED_FOLDERS)


def listed_urls(paths: Iterable[SitePath], base_url: str) -> list[str]:
    """The absolute URLs of the listed pages, sorted (deterministic, and easy to diff)."""
    return sorted({absolute_url(base_url, path) for path in paths if is_listed(path)})


def _urlset(urls: Sequence[str]) -> bytes:
    entries = "".join(f"<url><loc>{escape(url)}</loc></url>\n" for url in urls)
    return _xml(f'<urlset xmlns="{NAMESPACE}">\n{entries}</urlset>\n')


def _split_sitemaps(urls: Sequence[str], base_url: str) -> list[Page]:
    """A sitemap index at ``sitemap.xml`` and the numbered parts it points at."""
    parts = [
        Page(SitePath(f"sitemap-{number}.xml"), _urlset(urls[start : start + URLS_PER_SITEMAP]))
        for number, start in enumerate(range(0, len(urls), URLS_PER_SITEMAP), start=1)
    ]
    entries = "".join(f"<sitemap><loc>{escape(absolute_url(base_url, part.path))}</loc></sitemap>\n" for part in parts)
    index = Page(SITEMAP_XML, _xml(f'<sitemapindex xmlns="{NAMESPACE}">\n{entries}</sitemapindex>\n'))
    return [index, *parts]


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")
