"""The words shown for a concept wherever it is listed: short definition, synonyms, acronyms.

One place for these so the glossary, the concept page and its description say the same thing.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from vaultc.extract.model import Concept
from vaultc.markdown.math import formula_to_mathml

SHORT_DEFINITION = 200
"""Characters of the first definition shown in the glossary and in page descriptions."""
_FORMULA = re.compile(r"\$\$(?P<display>[^$]+)\$\$|\$(?P<inline>[^$\n]+)\$")


def shorten(text: str, limit: int = SHORT_DEFINITION) -> str:
    """``text`` on one line, cut on a word boundary to at most ``limit`` characters (with "…"),
    never inside a ``$...$`` formula."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut and not flat[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    if cut.count("$") % 2:
        cut = cut[: cut.rfind("$")]
    return cut.rstrip(" ,;:.-–—($") + "…"


def short_definition(concept: Concept) -> str:
    """The concept's first definition, shortened ("" when it has none), formulas as ``$...$``."""
    return shorten(concept.definitions[0].text) if concept.definitions else ""


def definition_html(text: str) -> Markup:
    """A definition as HTML: its words escaped, its ``$...$`` formulas as MathML (or as their
    source in ``<code>`` when they cannot be converted), never its LaTeX shown as prose."""
    parts, position = [], 0
    for match in _FORMULA.finditer(text):
        parts.append(str(escape(text[position : match.start()])))
        latex = match["display"] or match["inline"]
        mathml, _problem = formula_to_mathml(latex, "block" if match["display"] else "inline")
        parts.append(f'<span class="math math-inline">{mathml}</span>' if mathml else f"<code>{escape(latex)}</code>")
        position = match.end()
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))


def plain_definition(text: str) -> str:
    """A definition as plain text (page descriptions): formulas keep their source, without ``$``."""
    return _FORMULA.sub(lambda match: match["display"] or match["inline"], text)


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
