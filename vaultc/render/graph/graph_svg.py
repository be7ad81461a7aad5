"""The graph pages: the concept graph of the whole vault (graph.html), and each page's local graph.

Both draw the reader's graph (:mod:`vaultc.render.graph.graph_reader`: notes and concepts, each a link
to its page) as inline SVG laid out at build time (:mod:`vaultc.render.graph.graph_layout`), so they
work with no JavaScript; ``graph.js`` only adds zoom and pan to the big one. The local graph of a
page is :func:`vaultc.render.graph.graph_local.local_graph`, re-exported here.

graph.html stays readable and light at 10,000 notes: it draws at most :data:`GLOBAL_CAP` nodes,
the vault's best-connected part (:func:`connected_core`), and says so in a sentence; it names on
the picture only the :data:`GLOBAL_LABEL_CANDIDATES` most connected whose names do not collide
(every node has a tooltip), sizes nodes by their connections, and lists the drawn nodes as links
below the picture, the text alternative for readers who cannot use it. The whole graph is in
``graph.json``. The layout is a seeded spring layout, so the picture is the same on every build.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from markupsafe import Markup

from vaultc.render.context import Page, PageLink, SiteContext
from vaultc.render.graph.graph_draw import Drawing, Label, draw_svg, place_labels
from vaultc.render.graph.graph_layout import fit, spring_layout
from vaultc.render.graph.graph_local import local_graph
from vaultc.render.graph.graph_reader import ReaderGraph
from vaultc.render.sitemap import GRAPH_JSON, GRAPH_PAGE, url_from

GLOBAL_CAP = 300
GLOBAL_LABEL_CANDIDATES = 40
"""The most connected nodes are named on graph.html, as long as their names do not collide."""
GLOBAL_SIZE = (800.0, 640.0)

__all__ = ["graph_pages", "local_graph"]


def graph_pages(site: SiteContext) -> list[Page]:
    """graph.html: the best-connected notes and concepts, drawn and listed."""
    reader = site.reader_graph
    shown = connected_core(reader, GLOBAL_CAP)
    url = url_from(GRAPH_PAGE)
    svg = draw_svg(global_drawing(reader, shown), reader, GRAPH_PAGE) if shown else Markup("")
    listing = sorted(shown, key=lambda node: (reader.nodes[node].label.casefold(), node))
    return [
        site.page(
            "graph.html",
            GRAPH_PAGE,
            page_title="Concept graph",
            graph_svg=svg,
            summary=summary(len(shown), len(reader.ranked)),
            notes=[_entry(reader, node, url) for node in listing if reader.nodes[node].kind == "note"],
            concepts=[_entry(reader, node, url) for node in listing if reader.nodes[node].kind == "term"],
            graph_json_url=url(GRAPH_JSON),
        )
    ]


def connected_core(reader: ReaderGraph, cap: int) -> list[str]:
    """At most ``cap`` nodes, in rank order: the most connected node, then again and again the most
    connected node next to those already taken (a new start, the most connected left, only when
    they have no neighbour left).

    The plain top ``cap`` by degree of a large vault barely touch each other (a note's links are
    spread over 10,000 others), which draws a cloud of dots; grown this way, the picture is the
    vault's best-connected part and how it holds together.
    """
    taken: list[str] = []
    seen: set[str] = set()
    frontier: list[int] = []  # ranks: the heap gives the most connected first, ties by id
    starts = iter(reader.ranked)
    while len(taken) < min(cap, len(reader.ranked)):
        if not frontier:
            start = next(node for node in starts if node not in seen)
            seen.add(start)
            heapq.heappush(frontier, reader.rank[start])
        node = reader.ranked[heapq.heappop(frontier)]
        taken.append(node)
        for other in reader.neighbours.get(node, ()):
            if other not in seen:
                seen.add(other)
                heapq.heappush(frontier, reader.rank[other])
    return sorted(taken, key=reader.rank.__getitem__)


def summary(shown: int, total: int) -> str:
    """The sentence saying what the picture shows."""
    if total == 0:
        return "There are no notes or concepts to draw yet."
    if shown < total:
        return (
            f"Showing {shown:,} of the {total:,} notes and concepts:"
            " the most connected ones that link up with each other."
        )
    return f"Showing all {total:,} notes and concepts." if total > 1 else "Showing the only note or concept."


@dataclass(frozen=True)
class GraphEntry:
    """A shown node in the text alternative under the picture."""

    link: PageLink
    connections: int
    undefined: bool


def _entry(reader: ReaderGraph, node: str, url) -> GraphEntry:
    shown = reader.nodes[node]
    return GraphEntry(PageLink(shown.label, url(shown.page)), reader.degree(node), shown.undefined)


def global_drawing(reader: ReaderGraph, shown: list[str]) -> Drawing:
    """The picture of ``shown`` (ranked ids): spring layout, sized by connections, top ones named."""
    ordered = sorted(shown)  # layout input independent of rank ties and of set order
    edges = reader.edges_among(ordered)
    width, height = GLOBAL_SIZE
    radii = global_radii(reader, shown)
    positions = fit(spring_layout(ordered, edges), width, height, margin=24, keep_aspect=False)
    font_size = 12
    wanted = [
        (node, reader.nodes[node].label, Label(positions[node][0], positions[node][1] + radii[node] + font_size))
        for node in shown[:GLOBAL_LABEL_CANDIDATES]
    ]
    # Many nodes: a label may cross a small shape, never another label.
    labels = place_labels(wanted, font_size, bounds=(0, 0, width, height))
    return Drawing(
        css_class="graph-global",
        view_box=(0, 0, width, height),
        title=f"Concept graph: {len(shown)} notes and concepts and the links between them",
        font_size=font_size,
        nodes=shown[::-1],  # most connected drawn last, on top
        positions=positions,
        radii=radii,
        edges=edges,
        labels=labels,
        title_id="graph-title",
    )


def global_radii(reader: ReaderGraph, shown: list[str]) -> dict[str, float]:
    """3 to 12 units, by the logarithm of the connections, scaled between the least and most connected shown."""
    scale = {node: math.log2(1 + reader.degree(node)) for node in shown}
    low, high = min(scale.values()), max(scale.values())
    spread = high - low
    return {node: round(3 + 9 * (value - low) / spread, 1) if spread else 6.0 for node, value in scale.items()}
