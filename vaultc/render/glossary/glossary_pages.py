"""The glossary and the concept pages: the render stage's builder for everything about terms.

Builds the shared lookups once (glossary layout, :class:`~vaultc.render.glossary.concept_places.PlaceFinder`,
related concepts, backlinks), then the glossary A–Z (:mod:`vaultc.render.glossary.glossary_listing`) and
one page per concept (:mod:`vaultc.render.glossary.concept_pages`).
"""

from __future__ import annotations

from vaultc.render.context import Page, SiteContext
from vaultc.render.glossary.concept_pages import concept_pages, concept_pages_data
from vaultc.render.glossary.concept_places import PlaceFinder
from vaultc.render.glossary.glossary_listing import glossary_listing
from vaultc.render.glossary.glossary_order import layout_glossary


def glossary_pages(site: SiteContext) -> list[Page]:
    """``glossary.html`` (plus per-letter pages for a big glossary) and ``terms/<slug>.html`` pages.

    The glossary lists the concepts that are entries (defined or listed); every concept, an unanswered
    question's subject too, has its page, where its questions and mentions are."""
    entries = layout_glossary(concept for concept in site.knowledge.concepts if concept.in_glossary)
    places = PlaceFinder(site.vault, site.knowledge, site.sitemap)
    pages = glossary_listing(site, entries, places)
    pages += concept_pages(site, concept_pages_data(site, entries, places))
    return pages
