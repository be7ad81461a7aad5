"""(Under construction: owned by a helper for issue 4.)"""

from __future__ import annotations

from collections.abc import Iterable

from vaultc.names import SitePath
from vaultc.render.context import Page
from vaultc.render.sitemap import SITEMAP_XML


def sitemap_xml(paths: Iterable[SitePath], base_url: str | None) -> Page:
    return Page(SITEMAP_XML, b"")
