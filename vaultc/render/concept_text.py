"""The words shown for a concept wherever it is listed: short definition, synonyms, acronyms.

One place for these so the glossary, the concept page and its description say the same thing.
"""

from __future__ import annotations

from vaultc.extract.model import Concept

SHORT_DEFINITION = 200
"""Characters of the first definition shown in the glossary and in page descriptions."""


def shorten(text: str, limit: int = SHORT_DEFINITION) -> str:
    """``text`` on one line, cut on a word boundary to at most ``limit`` characters (with "…")."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut and not flat[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.-–—(") + "…"


def short_definition(concept: Concept) -> str:
    """The concept's first definition, shortened ("" when it has none)."""
    return shorten(concept.definitions[0].text) if concept.definitions else ""


def concept_status(concept: Concept) -> str:
    """ "undefined" (listed as a term, never defined), "defined", or "" for a concept that is only
    asked about so far (its questions carry the status)."""
    if concept.needs_definition:
        return "undefined"
    return "defined" if concept.definitions else ""


def synonyms(concept: Concept) -> tuple[str, ...]:
    """Spellings other than the display name, ignoring mere case changes and the acronyms."""
    seen = {concept.name.casefold(), *(acronym.casefold() for acronym in concept.acronyms)}
    found = []
    for variant in concept.variants:
        if variant.casefold() not in seen:
            seen.add(variant.casefold())
            found.append(variant)
    return tuple(found)


def acronyms(concept: Concept) -> tuple[str, ...]:
    """Acronyms other than the display name itself ("AI" is not an acronym of "AI")."""
    return tuple(acronym for acronym in concept.acronyms if acronym.casefold() != concept.name.casefold())
