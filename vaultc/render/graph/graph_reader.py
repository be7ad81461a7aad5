"""The reader's graph: the concept graph folded down to what a reader can open, built once per site.

The concept graph (:mod:`vaultc.graph`) has notes, headings, attachments, tags, questions and terms.
A picture of all of them is unreadable, and most of them have no page of their own, so the site's
graphs show only two kinds of node, each a link to its page:

* **notes** (``note:`` nodes) -> the note's page;
* **concepts** (``term:`` nodes with a page under ``terms/``) -> the concept page. A term node
  without a page of its own that is ``synonym-of`` a concept (an acronym spelling) folds into that
  concept; any other term without a page is left out. A concept named only by one note's title
  or aliases (a note "Dropout" makes a concept "Dropout") *is* that note for a reader: it folds
  into the note, so the two are not drawn side by side, and the notes mentioning it point at the
  note (the concept page's local graph is then the note's).

Everything else folds into its note: a heading or question counts as the note that contains it
(its ``owner``). Tags and attachments are left out: a tag page already lists its notes, and a tag
shared by thousands of notes would tie the whole vault into one knot. Edges are undirected and
simple (one per pair, no self-loops):

* note - note: ``links-to`` and ``embeds`` (a link to a heading is a link to its note), and the
  concept edges of a concept folded into a note (drawn in the concept style, not as links);
* note - concept: ``mentions``, ``defined-in``, and ``about`` (a question about a term ties the
  term to the question's note);
* concept - concept: ``synonym-of`` between two concepts that both have pages.

``duplicates`` (question - question) and ``tagged`` are not drawn. Nodes are ranked most connected
first, ties broken by node id, so every cap and every order is deterministic. The folded graph is
computed once per site (``SiteContext.reader_graph`` keeps it) because the local graph of each of
10,000 pages is a small query on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from vaultc.extract.model import Concept, Knowledge
from vaultc.graph import ConceptGraph
from vaultc.graph_nodes import note_node
from vaultc.names import SitePath
from vaultc.render.sitemap import SiteMap

READER_EDGES = frozenset({"links-to", "embeds", "mentions", "defined-in", "about", "synonym-of"})
LINK_EDGES = frozenset({"links-to", "embeds"})
TITLE_SOURCES = frozenset({"title", "alias"})
TERM_PREFIX = "term:"


@dataclass(frozen=True)
class ReaderNode:
    """A node a reader can open: a note or a concept, and the page it links to."""

    id: str
    kind: str
    """"note" or "term"."""
    label: str
    page: SitePath
    undefined: bool = False
    """A concept that no note defines yet."""


@dataclass(frozen=True)
class SitePages:
    """What the site plan says about the nodes: their pages and display names."""

    notes: Mapping[str, SitePath]
    """Vault path -> note page."""
    concepts: Mapping[str, SitePath]
    """Concept key -> concept page."""
    names: Mapping[str, str] = field(default_factory=dict)
    """Concept key -> display name (else the node's label)."""
    title_of: Mapping[str, str] = field(default_factory=dict)
    """Concept key -> vault path of the one note whose title or aliases are its only names."""


@dataclass(frozen=True)
class ReaderGraph:
    """Nodes by id, ranked (most connected first, ties by id), with ranked neighbour lists."""

    nodes: Mapping[str, ReaderNode]
    ranked: tuple[str, ...]
    rank: Mapping[str, int]
    """Node id -> its position in :attr:`ranked`."""
    neighbours: Mapping[str, tuple[str, ...]]
    """Node id -> adjacent node ids in rank order."""
    adjacent: Mapping[str, frozenset[str]]
    linked: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Note id -> the notes it links to, embeds, or is linked or embedded from."""
    folded: Mapping[str, str] = field(default_factory=dict)
    """Term node -> the reader node it folded into (an acronym's concept, a title's note)."""
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    """Per-site memo for the renderers: values derived from one node, computed once."""

    def reader_id(self, node: str) -> str | None:
        """The reader node standing for a concept-graph node (None: not shown)."""
        return node if node in self.nodes else self.folded.get(node)

    def is_link(self, one: str, other: str) -> bool:
        """The two are joined by a link or an embed (not only through a concept)."""
        return other in self.linked.get(one, ())

    def degree(self, node: str) -> int:
        return len(self.neighbours.get(node, ()))

    def edges_among(self, shown: list[str], first: int | None = None) -> list[tuple[str, str]]:
        """Edges between the given nodes, each once, ordered by their positions in ``shown``.

        With ``first``, only edges with an end among the first ``first`` nodes.
        """
        edges = []
        for index, node in enumerate(shown[:first]):
            near = self.adjacent.get(node, frozenset())
            edges += [(node, other) for other in shown[index + 1 :] if other in near]
        return edges


def fold_graph(graph: nx.MultiDiGraph, pages: SitePages) -> ReaderGraph:
    """The reader's graph of ``graph`` given the site's pages (see the module docstring)."""
    alias = _reader_ids(graph, pages)
    nodes = {reader: _reader_node(graph, reader, pages) for reader in set(alias.values())}
    adjacent: dict[str, set[str]] = defaultdict(set)
    linked: dict[str, set[str]] = defaultdict(set)
    for source, target, kind in graph.edges(keys=True):
        if kind in READER_EDGES:
            one, other = alias.get(source), alias.get(target)
            if one is not None and other is not None and one != other:
                adjacent[one].add(other)
                adjacent[other].add(one)
                if kind in LINK_EDGES:
                    linked[one].add(other)
                    linked[other].add(one)
    ranked = tuple(sorted(nodes, key=lambda node: (-len(adjacent.get(node, ())), node)))
    rank = {node: position for position, node in enumerate(ranked)}
    neighbours = {node: tuple(sorted(near, key=rank.__getitem__)) for node, near in adjacent.items()}
    frozen = {node: frozenset(near) for node, near in adjacent.items()}
    folded = {node: reader for node, reader in alias.items() if node != reader and node.startswith(TERM_PREFIX)}
    links = {node: frozenset(near) for node, near in linked.items()}
    return ReaderGraph(nodes, ranked, rank, neighbours, frozen, links, folded)


def _reader_ids(graph: nx.MultiDiGraph, pages: SitePages) -> dict[str, str]:
    """Concept-graph node id -> the reader node it folds into (absent: not shown)."""
    alias: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind == "note" and data["path"] in pages.notes:
            alias[node] = node
        elif kind in ("heading", "question") and data.get("path") in pages.notes:
            alias[node] = data["owner"]
        elif kind == "term":
            folded = _concept_of(graph, node, pages)
            if folded is not None:
                alias[node] = folded
    return alias


def _concept_of(graph: nx.MultiDiGraph, node: str, pages: SitePages) -> str | None:
    """The term itself if it has a page, else the first concept with a page it is a synonym of;
    then the note instead, if that concept is only the note's title."""
    concept = node if node.removeprefix(TERM_PREFIX) in pages.concepts else None
    if concept is None:
        synonyms = sorted(target for _, target, kind in graph.out_edges(node, keys=True) if kind == "synonym-of")
        concept = next((target for target in synonyms if target.removeprefix(TERM_PREFIX) in pages.concepts), None)
    note = pages.title_of.get(concept.removeprefix(TERM_PREFIX)) if concept else None
    return note_node(note) if note is not None and note in pages.notes else concept


def _reader_node(graph: nx.MultiDiGraph, node: str, pages: SitePages) -> ReaderNode:
    data = graph.nodes[node]
    if data["kind"] == "note":
        return ReaderNode(node, "note", data["label"], pages.notes[data["path"]])
    key = node.removeprefix(TERM_PREFIX)
    label = pages.names.get(key, data["label"])
    return ReaderNode(node, "term", label, pages.concepts[key], undefined=data.get("status") == "undefined")


def title_concepts(concepts: Iterable[Concept]) -> dict[str, str]:
    """Concept key -> note path, for concepts whose every name and definition is one note's title."""
    found = {}
    for concept in concepts:
        notes = {term.note for term in concept.terms} | {definition.note for definition in concept.definitions}
        if concept.terms and len(notes) == 1 and all(term.source in TITLE_SOURCES for term in concept.terms):
            found[concept.key] = notes.pop()
    return found


def build_reader_graph(knowledge: Knowledge, graph: ConceptGraph, sitemap: SiteMap) -> ReaderGraph:
    """The folded graph of this site (kept by the context as ``site.reader_graph``: built once)."""
    names = {concept.key: concept.name for concept in knowledge.concepts}
    pages = SitePages(sitemap.notes, sitemap.concepts, names, title_concepts(knowledge.concepts))
    return fold_graph(graph.graph, pages)
