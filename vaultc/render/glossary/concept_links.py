"""Which concepts go together, and which notes link to a concept: both computed once for all pages.

*Related concepts* of a concept, best first (ties by display name), at most :data:`RELATED_LIMIT`:

* a ``synonym-of`` edge of the concept graph (an acronym and its long form) counts 3;
* each question about both counts 2;
* each section (a note's heading, or the note's top before any heading) where both are mentioned,
  listed or defined (a note's title is not a section's) counts ``1 / log2(1 + concepts there)``,
  so a glossary section naming forty terms ties them less than a paragraph naming two. Sections
  naming more than :data:`COMMON_SECTION_CONCEPTS` only strengthen concepts already found (as
  tags do for related notes in :mod:`vaultc.graph`), which keeps this linear in the vault's size.

*Backlinks* of a concept are the notes linking to (or embedding) a place that stands for it:

* a note whose title or front-matter alias is a spelling of the concept (its term note), or one of
  that note's headings;
* a heading whose text is a spelling of the concept ("[[Glossary#Embedding]]");
* the block (``#^id``) holding one of its definitions.

A link to a whole glossary note is not a backlink of every term in it (only of the concept the
glossary note's own title names, if any). A note never counts as a backlink of a concept it is the
term note of.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Mapping

from vaultc.extract.model import Concept, Knowledge
from vaultc.extract.spelling import concept_key
from vaultc.graph import ConceptGraph
from vaultc.graph_nodes import term_node
from vaultc.names import VaultPath
from vaultc.render.glossary.concept_places import Location, PlaceFinder
from vaultc.resolve import ResolvedVault, TargetKind

RELATED_LIMIT = 10
COMMON_SECTION_CONCEPTS = 40
SYNONYM_WEIGHT = 3.0
SHARED_QUESTION_WEIGHT = 2.0

WHOLE_NOTE_SOURCES = ("title", "alias")
"""Terms standing for a whole note (its title), not for a line of one of its sections."""
Section = tuple[VaultPath, str]
"""A note and a heading anchor ("" before the first heading)."""


def related_concepts(
    knowledge: Knowledge, graph: ConceptGraph, places: PlaceFinder, order: Mapping[str, object]
) -> dict[str, tuple[str, ...]]:
    """Concept key -> keys of its related concepts; ``order`` maps a key to its display sort key."""
    sections_of = _sections_of(knowledge, places)
    members: dict[Section, list[str]] = defaultdict(list)
    for key in sorted(sections_of):
        for section in sections_of[key]:
            members[section].append(key)
    about: dict[int, list[str]] = defaultdict(list)
    for concept in knowledge.concepts:
        for question in concept.questions:
            about[question].append(concept.key)
    related = {}
    for concept in knowledge.concepts:
        scores = _synonym_scores(graph, concept.key, order)
        for question in concept.questions:
            for other in about[question]:
                scores[other] += SHARED_QUESTION_WEIGHT
        _add_section_scores(scores, sorted(sections_of.get(concept.key, ())), members)
        scores.pop(concept.key, None)
        best = heapq.nsmallest(RELATED_LIMIT, scores.items(), key=lambda item: (-item[1], order[item[0]]))
        related[concept.key] = tuple(key for key, _ in best)
    return related


def _sections_of(knowledge: Knowledge, places: PlaceFinder) -> dict[str, set[Section]]:
    """Concept key -> the sections that mention, list or define it (a note's title is not in a section)."""
    found: dict[str, set[Section]] = defaultdict(set)
    for concept in knowledge.concepts:
        located: list[Location] = [(t.note, t.line) for t in concept.terms if t.source not in WHOLE_NOTE_SOURCES]
        located += knowledge.mentions.get(concept.key, ())
        for note, line in located:
            heading = places.heading(note, line)
            found[concept.key].add((note, heading.anchor if heading else ""))
    return found


def _synonym_scores(graph: ConceptGraph, key: str, concepts: Mapping[str, object]) -> Counter[str]:
    """Concepts tied to this one by ``synonym-of`` edges, either way (adjacency lookups only)."""
    scores: Counter[str] = Counter()
    node = term_node(key)
    if node not in graph.graph:
        return scores
    for neighbours in (graph.graph.succ[node], graph.graph.pred[node]):
        for other, kinds in neighbours.items():
            other_key = other.removeprefix("term:")
            if other.startswith("term:") and "synonym-of" in kinds and other_key in concepts:
                scores[other_key] += SYNONYM_WEIGHT
    return scores


def _add_section_scores(scores: Counter[str], sections: list[Section], members: Mapping[Section, list[str]]) -> None:
    """Small sections first; then common ones, which only add to concepts found already."""
    common = []
    for section in sections:
        keys = members[section]
        if len(keys) > COMMON_SECTION_CONCEPTS:
            common.append(section)
            continue
        for other in keys:
            scores[other] += 1 / math.log2(1 + len(keys))
    for section in common:
        keys, weight = set(members[section]), 1 / math.log2(1 + len(members[section]))
        for other in [other for other in scores if other in keys]:
            scores[other] += weight


def concept_backlinks(vault: ResolvedVault, knowledge: Knowledge) -> dict[str, tuple[VaultPath, ...]]:
    """Concept key -> sorted notes linking to a place standing for it (see the module docstring)."""
    standing = _StandingPlaces(vault, knowledge.concepts)
    term_notes = standing.term_notes
    sources_of: dict[tuple[VaultPath, str], set[VaultPath]] = defaultdict(set)
    for source, targets in vault.targets.items():
        for target in targets:  # most links name no heading, block or term note: skip them cheaply
            if target.kind is TargetKind.NOTE and (target.anchor or target.path in term_notes):
                sources_of[(target.path, target.anchor)].add(source)
    found: dict[str, set[VaultPath]] = defaultdict(set)
    for (note, anchor), sources in sources_of.items():
        for key in standing.concepts_at(note, anchor):
            found[key].update(source for source in sources if key not in term_notes.get(source, _NONE))
    return {key: tuple(sorted(sources)) for key, sources in found.items() if sources}


_NONE: frozenset[str] = frozenset()


class _StandingPlaces:
    """Link targets (note, anchor) -> the concepts they stand for."""

    def __init__(self, vault: ResolvedVault, concepts: tuple[Concept, ...]) -> None:
        self._vault = vault
        self._keys = {concept.key for concept in concepts}
        self.term_notes: dict[VaultPath, set[str]] = defaultdict(set)
        """Note -> concepts it is the term note of (its title or an alias spells them)."""
        self._definitions: dict[Location, set[str]] = defaultdict(set)
        for concept in concepts:
            for term in concept.terms:
                if term.source in WHOLE_NOTE_SOURCES:
                    self.term_notes[term.note].add(concept.key)
            for definition in concept.definitions:
                self._definitions[(definition.note, definition.line)].add(concept.key)
        self._heading_texts: dict[VaultPath, dict[str, str]] = {}
        self._text_keys: dict[str, str] = {}

    def concepts_at(self, note: VaultPath, anchor: str) -> frozenset[str] | set[str]:
        whole_note = self.term_notes.get(note, _NONE)
        if anchor.startswith("^"):
            spans = [range(b.line, b.end_line + 1) for b in self._vault.notes[note].blocks if b.block_id == anchor[1:]]
            defined = {key for span in spans for line in span for key in self._definitions.get((note, line), ())}
            return whole_note | defined if defined else whole_note
        key = self._heading_key(note, anchor) if anchor else ""
        return whole_note | {key} if key in self._keys else whole_note

    def _heading_key(self, note: VaultPath, anchor: str) -> str:
        """The concept key a heading's text spells (cached: notes repeat heading texts)."""
        if note not in self._heading_texts:
            self._heading_texts[note] = {h.anchor: h.text for h in self._vault.notes[note].headings}
        text = self._heading_texts[note].get(anchor, "")
        if text not in self._text_keys:
            self._text_keys[text] = concept_key(text)
        return self._text_keys[text]
