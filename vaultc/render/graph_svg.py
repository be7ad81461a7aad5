"""(Under construction: owned by a helper for issue 4.)"""

from __future__ import annotations

from markupsafe import Markup

from vaultc.names import SitePath
from vaultc.render.context import Page, SiteContext


def graph_pages(site: SiteContext) -> list[Page]:
    return []


def local_graph(site: SiteContext, node: str, page: SitePath) -> Markup:
    return Markup("")
