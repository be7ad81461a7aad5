"""The glossary's order and layout: how names sort, which letter they file under, which page holds
which letter.

Names sort the way a reader expects an index to: case and accents ignored ("Édition" with the E's),
leading punctuation skipped ("(Leaky) ReLU" under L), the name itself breaking ties so the order is
total. Initials that are not letters file under "#". A small glossary is one page with in-page
letter jumps; above :data:`SPLIT_THRESHOLD` concepts each letter gets its own page under
``glossary/`` (a letter with more than :data:`LETTER_PAGE_LIMIT` entries is cut into numbered
parts), so no page grows with the vault.
"""

from __future__ import annotations

import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from vaultc.extract.model import Concept
from vaultc.names import SitePath, slugify
from vaultc.render.sitemap import GLOSSARY

SPLIT_THRESHOLD = 1500
"""More concepts than this: one glossary page per letter."""
LETTER_PAGE_LIMIT = 1000
"""Entries per letter page; a bigger letter continues on ``a-2.html``, ``a-3.html``..."""
OTHER = "#"
LATIN = tuple(string.ascii_uppercase)


def folded(name: str) -> str:
    """Case- and accent-free form of a name, leading punctuation removed ("(Édition)" -> "edition")."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    for position, char in enumerate(plain):
        if char.isalnum():
            return plain[position:]
    return plain


def sort_key(concept: Concept) -> tuple[str, str, str]:
    return folded(concept.name), concept.name, concept.key


def initial(name: str) -> str:
    """The letter a name files under: "A"–"Z", another alphabet's letter, or "#"."""
    first = folded(name)[:1]
    return first.upper() if first.isalpha() else OTHER


def letter_id(letter: str) -> str:
    """Id of a letter's heading on the glossary ("letter-a", "letter-other" for "#")."""
    return "letter-" + ("other" if letter == OTHER else slugify(letter) or "other")


@dataclass(frozen=True)
class LetterGroup:
    """The concepts filed under one letter, in glossary order, and the page(s) they are on."""

    letter: str
    concepts: tuple[Concept, ...]
    pages: tuple[SitePath, ...]
    """GLOSSARY when the glossary is one page; else the letter's own page(s)."""

    def page_of(self, position: int) -> SitePath:
        """The page showing the concept at ``position`` in this group."""
        return self.pages[min(position // LETTER_PAGE_LIMIT, len(self.pages) - 1)]

    def part(self, page: int) -> tuple[Concept, ...]:
        if len(self.pages) == 1:
            return self.concepts
        return self.concepts[page * LETTER_PAGE_LIMIT : (page + 1) * LETTER_PAGE_LIMIT]


@dataclass(frozen=True)
class GlossaryLayout:
    """Every letter shown in the jumps (A–Z always, then other alphabets, then "#"), in order."""

    groups: tuple[LetterGroup, ...]
    split: bool

    def letters(self) -> tuple[str, ...]:
        return tuple(group.letter for group in self.groups)

    def entry_pages(self) -> dict[str, SitePath]:
        """Concept key -> the glossary page holding its entry."""
        return {
            concept.key: group.page_of(position)
            for group in self.groups
            for position, concept in enumerate(group.concepts)
        }


def entry_id(concept_page: SitePath) -> str:
    """Id of a concept's glossary entry, from its page ("terms/relu.html" -> "term-relu"): unique,
    since concept pages are."""
    return "term-" + concept_page.removeprefix("terms/").removesuffix(".html")


def layout_glossary(concepts: Iterable[Concept]) -> GlossaryLayout:
    """Group concepts by initial; decide whether each letter gets its own page(s)."""
    ordered = sorted(concepts, key=sort_key)
    by_letter: dict[str, list[Concept]] = defaultdict(list)
    for concept in ordered:
        by_letter[initial(concept.name)].append(concept)
    others = sorted(letter for letter in by_letter if letter not in LATIN and letter != OTHER)
    split = len(ordered) > SPLIT_THRESHOLD
    groups = []
    for letter in (*LATIN, *others, OTHER):
        members = tuple(by_letter.get(letter, ()))
        groups.append(LetterGroup(letter, members, _pages(letter, len(members), split)))
    return GlossaryLayout(tuple(groups), split)


def _pages(letter: str, count: int, split: bool) -> tuple[SitePath, ...]:
    if not split:
        return (GLOSSARY,)
    base = "glossary/" + letter_id(letter).removeprefix("letter-")
    parts = max(1, -(-count // LETTER_PAGE_LIMIT))
    return tuple(SitePath(base + (f"-{part}" if part > 1 else "") + ".html") for part in range(1, parts + 1))
