"""The glossary A–Z: every concept with its short definition, spellings and acronyms.

A concept listed as a term but defined nowhere is flagged ("needs a definition") with the places it
was listed, each linking to the section of the note that lists it, so the gap can be filled where it
was noticed; a concept only asked about so far shows where it is asked instead. Letter jumps head
every glossary page; letters without entries are shown but not linked. When the glossary is split
(see :mod:`vaultc.render.glossary.glossary_order`), ``glossary.html`` keeps the counts and the jumps, and
each letter's entries are on the letter's page(s).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from vaultc.extract.model import Concept
from vaultc.names import SitePath
from vaultc.render.context import Page, PageLink, SiteContext
from vaultc.render.glossary.concept_places import Place, PlaceFinder, unique_places
from vaultc.render.glossary.concept_text import acronyms, concept_status, definition_html, short_definition, synonyms
from vaultc.render.glossary.glossary_counts import knowledge_counts
from vaultc.render.glossary.glossary_order import GlossaryLayout, LetterGroup, entry_id, letter_id
from vaultc.render.sitemap import GLOSSARY, OPEN_QUESTIONS, url_from

GLOSSARY_PLACES = 5
"""Places listed under an undefined term in the glossary (the concept page lists them all)."""


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    name: str
    url: str
    definition: Markup
    """The short definition as HTML (formulas as MathML)."""
    synonyms: tuple[str, ...]
    acronyms: tuple[str, ...]
    status: str
    """See :func:`~vaultc.render.glossary.concept_text.concept_status`."""
    places: tuple[Place, ...]
    """For a concept without a definition: where it is listed or asked (at most :data:`GLOSSARY_PLACES`)."""
    more_places: int


@dataclass(frozen=True)
class LetterJump:
    letter: str
    url: str
    """"" for a letter without entries."""


@dataclass(frozen=True)
class LetterSection:
    letter: str
    id: str
    entries: tuple[GlossaryEntry, ...]
    url: str
    """Where the letter's entries are (used by the split glossary's overview)."""
    count: int


def glossary_listing(site: SiteContext, layout: GlossaryLayout, places: PlaceFinder) -> list[Page]:
    """``glossary.html`` and, for a split glossary, every letter's page(s)."""
    if not layout.split:
        return [_page(site, GLOSSARY, layout, "Glossary", _sections(site, GLOSSARY, layout.groups, places))]
    url = url_from(GLOSSARY)
    overview = [
        LetterSection(g.letter, letter_id(g.letter), (), url(g.pages[0]), len(g.concepts))
        for g in layout.groups
        if g.concepts
    ]
    pages = [_page(site, GLOSSARY, layout, "Glossary", overview, overview=True)]
    for group in (group for group in layout.groups if group.concepts):
        for part, path in enumerate(group.pages):
            title = f"Glossary: {group.letter}" + (f" (part {part + 1})" if len(group.pages) > 1 else "")
            shown = LetterGroup(group.letter, group.part(part), (path,))
            parts = [PageLink(str(n + 1), url_from(path)(p)) for n, p in enumerate(group.pages)]
            sections = _sections(site, path, (shown,), places)
            pages.append(_page(site, path, layout, title, sections, parts=parts if len(parts) > 1 else []))
    return pages


def _page(
    site: SiteContext,
    path: SitePath,
    layout: GlossaryLayout,
    title: str,
    sections: list[LetterSection],
    overview: bool = False,
    parts: list[PageLink] | None = None,
) -> Page:
    counts = knowledge_counts(site.knowledge)  # cheap: a pass over questions and concepts
    url = url_from(path)
    return site.page(
        "glossary.html",
        path,
        page_title=title,
        description=f"{title} of {site.options.title}: {counts.terms} terms, {counts.undefined} need a definition.",
        counts=counts,
        jumps=_jumps(layout, path),
        sections=sections,
        overview=overview,
        parts=parts or [],
        glossary_url=url(GLOSSARY),
        open_url=url(OPEN_QUESTIONS),
    )


def _jumps(layout: GlossaryLayout, page: SitePath) -> list[LetterJump]:
    url = url_from(page)
    jumps = []
    for group in layout.groups:
        if not group.concepts:
            jumps.append(LetterJump(group.letter, ""))
        elif layout.split:
            jumps.append(LetterJump(group.letter, url(group.pages[0])))
        else:
            jumps.append(LetterJump(group.letter, "#" + letter_id(group.letter)))
    return jumps


def _sections(
    site: SiteContext, page: SitePath, groups: tuple[LetterGroup, ...], places: PlaceFinder
) -> list[LetterSection]:
    return [
        LetterSection(g.letter, letter_id(g.letter), tuple(_entry(site, page, c, places) for c in g.concepts), "", 0)
        for g in groups
        if g.concepts
    ]


def _entry(site: SiteContext, page: SitePath, concept: Concept, places: PlaceFinder) -> GlossaryEntry:
    url, concept_page = url_from(page), site.sitemap.concept(concept.key)
    listed: list[Place] = []
    if not concept.definitions:
        located = [places.place(term.note, term.line, page) for term in concept.terms]
        listed = unique_places(located)
    return GlossaryEntry(
        id=entry_id(concept_page),
        name=concept.name,
        url=url(concept_page),
        definition=definition_html(short_definition(concept)),
        synonyms=synonyms(concept),
        acronyms=acronyms(concept),
        status=concept_status(concept),
        places=tuple(listed[:GLOSSARY_PLACES]),
        more_places=max(0, len(listed) - GLOSSARY_PLACES),
    )
