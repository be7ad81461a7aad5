"""The graph stage: one networkx graph of everything the vault says, built in one place.

Nodes are notes, headings, attachments, tags, questions and terms, each with a ``kind``; edges are
typed (``links-to``, ``embeds``, ``tagged``, ``contains``, and the knowledge edges of
:mod:`vaultc.graph_knowledge`). Backlinks, orphans and related
notes are all questions asked of this graph, so every page and report agrees with every other. The
site ships it as ``graph.json`` in networkx's node-link format.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from vaultc.extract.model import Knowledge
from vaultc.graph_knowledge import add_knowledge
from vaultc.graph_nodes import attachment_node, heading_node, note_node, tag_node
from vaultc.model import LinkKind
from vaultc.names import VaultPath
from vaultc.resolve import ResolvedVault, Target, TargetKind

COMMON_TAG_NOTES = 50
"""A tag on more notes than this is too common to propose related notes by itself."""


@dataclass(frozen=True)
class _Neighbourhood:
    linked: dict[str, set[str]]
    """Note path -> notes it links to or is linked from (headings count as their note)."""
    tags_of: dict[str, frozenset[str]]
    notes_of_tag: dict[str, list[str]]
    """Tag node -> note paths, in path order."""


@dataclass(frozen=True)
class ConceptGraph:
    """The frozen graph plus the questions the site asks of it."""

    graph: nx.MultiDiGraph

    def backlinks(self, path: str) -> tuple[str, ...]:
        """Notes that link to or embed this note or one of its headings (sorted, no self)."""
        own = note_node(path)
        targets = [own] + [n for _, n, kind in self.graph.out_edges(own, keys=True) if kind == "contains"]
        sources = {
            source
            for target in targets
            for source, _, kind in self.graph.in_edges(target, keys=True)
            if kind in ("links-to", "embeds")
        }
        return tuple(sorted(self.graph.nodes[s]["path"] for s in sources if s != own))

    def related(self, path: str, limit: int = 5) -> tuple[str, ...]:
        """The notes most related to this one: linked either way, or sharing tags (ties by path).

        A link counts 1; a shared tag counts more the rarer the tag is (``1 / log2(1 + notes)``).
        Tags on more than :data:`COMMON_TAG_NOTES` notes only strengthen candidates already found, so
        a tag carried by a third of the vault cannot make this quadratic in the vault's size.
        """
        around = self._neighbourhood
        scores: Counter[str] = Counter({other: 1.0 for other in around.linked.get(path, ())})
        for tag in sorted(around.tags_of.get(path, ())):
            members = around.notes_of_tag[tag]
            weight = 1 / math.log2(1 + len(members))
            if len(members) > COMMON_TAG_NOTES:
                members = [other for other in list(scores) if tag in around.tags_of[other]]
            for other in members:
                if other != path:
                    scores[other] += weight
        best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))
        return tuple(other for other, _ in best)

    @functools.cached_property
    def _neighbourhood(self) -> _Neighbourhood:
        """Link and tag adjacency between notes, built once from the graph."""
        nodes = self.graph.nodes
        linked: dict[str, set[str]] = defaultdict(set)
        for source, target, kind in self.graph.edges(keys=True):
            owner = nodes[nodes[target].get("owner", target)]
            if kind in ("links-to", "embeds") and owner["kind"] == "note" and owner["path"] != nodes[source]["path"]:
                linked[nodes[source]["path"]].add(owner["path"])
                linked[owner["path"]].add(nodes[source]["path"])
        tags_of: dict[str, frozenset[str]] = {}
        notes_of_tag: dict[str, list[str]] = defaultdict(list)
        for node, data in sorted(self.graph.nodes(data=True)):
            if data["kind"] == "note":
                tags_of[data["path"]] = frozenset(t for t in self.graph.successors(node) if t.startswith("tag:"))
                for tag in sorted(tags_of[data["path"]]):
                    notes_of_tag[tag].append(data["path"])
        return _Neighbourhood(linked, tags_of, notes_of_tag)

    def orphans(self) -> tuple[str, ...]:
        """Notes with no links in or out, counting links to their headings (tags do not count)."""
        linked = set()
        for source, target, kind in self.graph.edges(keys=True):
            if kind in ("links-to", "embeds"):
                linked.update((source, self.graph.nodes[target].get("owner", target)))
        return tuple(
            sorted(
                data["path"]
                for node, data in self.graph.nodes(data=True)
                if data["kind"] == "note" and node not in linked
            )
        )

    @functools.cached_property
    def tags(self) -> dict[str, tuple[str, ...]]:
        """Tag label -> sorted note paths carrying it."""
        return {
            data["label"]: tuple(sorted(self.graph.nodes[s]["path"] for s in self.graph.predecessors(node)))
            for node, data in sorted(self.graph.nodes(data=True))
            if data["kind"] == "tag"
        }


def build_graph(vault: ResolvedVault, knowledge: Knowledge | None = None) -> ConceptGraph:
    """Nodes for every published note, heading, tag, linked attachment, question and concept."""
    graph = nx.MultiDiGraph()
    for path, note in vault.notes.items():
        graph.add_node(note_node(path), kind="note", label=note.title, path=path)
        for heading in note.headings:
            node = heading_node(path, heading.anchor)
            graph.add_node(
                node, kind="heading", label=heading.text, path=path, anchor=heading.anchor, owner=note_node(path)
            )
            graph.add_edge(note_node(path), node, key="contains", kind="contains")
        for tag in note.tags:
            graph.add_node(tag_node(tag), kind="tag", label=tag.casefold())
            graph.add_edge(note_node(path), tag_node(tag), key="tagged", kind="tagged")
    for path, note in vault.notes.items():
        for link in note.links:
            _add_link(graph, path, link.kind, vault.targets[path][link.index])
    if knowledge is not None:
        add_knowledge(graph, knowledge)
    return ConceptGraph(nx.freeze(graph))


def _add_link(graph: nx.MultiDiGraph, source: VaultPath, kind: LinkKind, target: Target) -> None:
    if target.kind is TargetKind.ATTACHMENT:
        graph.add_node(attachment_node(target.path), kind="attachment", label=target.path, path=target.path)
        node = attachment_node(target.path)
    elif target.kind is TargetKind.NOTE:
        anchored = heading_node(target.path, target.anchor)
        node = anchored if target.anchor and anchored in graph else note_node(target.path)
    else:
        return
    edge_kind = "embeds" if kind is LinkKind.EMBED else "links-to"
    graph.add_edge(note_node(source), node, key=edge_kind, kind=edge_kind)


def graph_json(graph: ConceptGraph) -> dict:
    """The graph in networkx node-link format (deterministic: nodes and edges sorted)."""
    data = nx.node_link_data(graph.graph, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda node: node["id"])
    data["edges"] = sorted(data["edges"], key=lambda edge: (edge["source"], edge["target"], edge["key"]))
    return data
