"""A page per concept (``terms/<slug>.html``): everything the vault says about one idea.

The page shows the concept's spellings and status, its definitions with their sources, the
questions about it with their answers, the notes that mention it (saying when a mention lies in an
answer), related concepts, the notes linking to it and its local graph. Lookups shared by all
concept pages (places, related concepts, backlinks; see :mod:`vaultc.render.glossary.concept_links` for how
those two are decided) are built once in :class:`ConceptPagesData`, so building every concept
page costs time linear in the vault.
"""

from __future__ import annotations

from dataclasses import dataclass

from vaultc.extract.model import Concept
from vaultc.graph_nodes import term_node
from vaultc.names import SitePath, VaultPath
from vaultc.render.context import Page, PageLink, SiteContext
from vaultc.render.glossary.concept_links import concept_backlinks, related_concepts
from vaultc.render.glossary.concept_places import PlaceFinder, unique_places
from vaultc.render.glossary.concept_sections import definition_views, mention_views, question_views
from vaultc.render.glossary.concept_text import acronyms, concept_status, plain_definition, short_definition, synonyms
from vaultc.render.glossary.glossary_order import GlossaryLayout, entry_id, sort_key
from vaultc.render.graph.graph_svg import local_graph
from vaultc.render.sitemap import GLOSSARY, QUESTIONS, url_from

BACKLINKS_SHOWN = 100
LISTED_SHOWN = 50
DESCRIPTION_PLACES = 3
"""Notes named in the description of an undefined concept."""


@dataclass(frozen=True)
class ConceptPagesData:
    """What every concept page looks up, computed once for the whole site."""

    places: PlaceFinder
    related: dict[str, tuple[str, ...]]
    backlinks: dict[str, tuple[VaultPath, ...]]
    glossary_pages: dict[str, SitePath]
    """Concept key -> the glossary page listing it (glossary entries only)."""
    names: dict[str, str]


def concept_pages_data(site: SiteContext, layout: GlossaryLayout, places: PlaceFinder) -> ConceptPagesData:
    order = {concept.key: sort_key(concept) for concept in site.knowledge.concepts}
    return ConceptPagesData(
        places,
        related_concepts(site.knowledge, site.graph, places, order),
        concept_backlinks(site.vault, site.knowledge),
        layout.entry_pages(),
        {concept.key: concept.name for concept in site.knowledge.concepts},
    )


def _glossary_url(site: SiteContext, concept: Concept, data: ConceptPagesData, page: SitePath) -> str:
    """Its glossary entry; the glossary itself for a concept that is not an entry (only asked about)."""
    url = url_from(page)
    if concept.key in data.glossary_pages:
        return url(data.glossary_pages[concept.key], entry_id(page))
    return url(GLOSSARY)


def concept_pages(site: SiteContext, data: ConceptPagesData) -> list[Page]:
    return [concept_page(site, concept, data) for concept in site.knowledge.concepts]


def concept_page(site: SiteContext, concept: Concept, data: ConceptPagesData) -> Page:
    page = site.sitemap.concept(concept.key)
    url = url_from(page)
    mentions, more_mention_notes = mention_views(site, concept, data.places, page)
    definitions, more_definitions = definition_views(site, concept, data.places, page)
    questions, more_questions = question_views(site, concept, data.places, page)
    backlinks = data.backlinks.get(concept.key, ())
    return site.page(
        "concept.html",
        page,
        page_title=concept.name,
        description=_description(site, concept),
        concept=concept,
        status=concept_status(concept),
        synonyms=synonyms(concept),
        acronyms=acronyms(concept),
        glossary_url=_glossary_url(site, concept, data, page),
        definitions=definitions,
        more_definitions=more_definitions,
        **_listed(concept, data.places, page),
        questions=questions,
        more_questions=more_questions,
        questions_url=url(QUESTIONS),
        mentions=mentions,
        more_mention_notes=more_mention_notes,
        related=[
            PageLink(data.names[key], url(site.sitemap.concept(key))) for key in data.related.get(concept.key, ())
        ],
        backlinks=[PageLink(site.vault.notes[p].title, url(site.sitemap.note(p))) for p in backlinks[:BACKLINKS_SHOWN]],
        more_backlinks=max(0, len(backlinks) - BACKLINKS_SHOWN),
        local_graph=local_graph(site, term_node(concept.key), page),
    )


def _listed(concept: Concept, places: PlaceFinder, page: SitePath) -> dict:
    """For an undefined concept: where it was listed (glossary lines, term lists, question subjects)."""
    if concept.definitions:
        return {"listed": [], "more_listed": 0}
    listed = unique_places(places.place(term.note, term.line, page) for term in concept.terms)
    return {"listed": listed[:LISTED_SHOWN], "more_listed": max(0, len(listed) - LISTED_SHOWN)}


def _description(site: SiteContext, concept: Concept) -> str:
    """The short definition, or "X: needs a definition — listed in A, B and others" (or "asked in")."""
    if concept.definitions:
        return plain_definition(short_definition(concept))
    titles = list(dict.fromkeys(site.vault.notes[term.note].title for term in concept.terms))
    named = ", ".join(titles[:DESCRIPTION_PLACES]) + (" and others" if len(titles) > DESCRIPTION_PLACES else "")
    where = ("listed in " if concept.needs_definition else "asked in ") + named if titles else ""
    return f"{concept.name}: {'needs a definition' if concept.needs_definition else 'not defined yet'}" + (
        f" — {where}" if where else ""
    )
