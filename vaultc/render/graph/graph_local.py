"""The local graph on every note and concept page: the page's node and its neighbours within two steps.

The page's node sits in the middle (highlighted, not a link: it is this page), the nodes one step
away on a ring around it, those two steps away on an outer ring; at most :data:`LOCAL_CAP` nodes,
the nearer ring first and each ring most connected first (ties by id). The outer ring follows the
order of the inner ring, each node next to the first inner node it hangs from. Edges between two
outer nodes are left out: they would cut across the picture.

It runs for every page of a 10,000-note vault, so it is built to cost little: the reader graph is
folded and ranked once per site (``SiteContext.reader_graph``), the second
ring is a merge of ranked lists stopped when full (a concept mentioned by thousands of notes costs
no more than a rare one), and ring geometry (positions, label spots, shape boxes) depends only on
the two ring sizes, so it is computed once per pair of sizes.
"""

from __future__ import annotations

import functools
import heapq
from dataclasses import dataclass

from markupsafe import Markup, escape

from vaultc.names import SitePath
from vaultc.render.context import SiteContext
from vaultc.render.graph.graph_draw import (
    LABEL_CHARS,
    Box,
    Drawing,
    Label,
    draw_svg,
    label_box,
    place_labels,
    shape_box,
)
from vaultc.render.graph.graph_layout import Point, ring_positions
from vaultc.render.graph.graph_reader import ReaderGraph
from vaultc.render.sitemap import GRAPH_PAGE, url_from

LOCAL_CAP = 25
"""Nodes in a local graph, the centre included."""
LOCAL_SIZE = (500.0, 330.0)
LOCAL_RINGS = (68.0, 130.0)
"""Radii of the rings at one and two steps (one ring alone uses :data:`LOCAL_SINGLE_RING`)."""
LOCAL_SINGLE_RING = 105.0
NODE_RADII = (9.0, 6.0, 4.5)
"""Centre, first ring, second ring."""
FONT_SIZE = 13


def local_graph(site: SiteContext, node: str, page: SitePath) -> Markup:
    """``<figure class="local-graph">`` of ``node`` and its neighbours within two steps, or "" if none."""
    reader = site.reader_graph
    centre = reader.reader_id(node)  # a concept named only by a note's title is drawn as the note
    if centre is None or not reader.neighbours.get(centre):
        return Markup("")
    near, far = neighbourhood(reader, centre, LOCAL_CAP)
    svg = draw_svg(local_drawing(reader, centre, near, far), reader, page)
    name, cut = escape(reader.nodes[centre].label), _cut(reader, centre, len(near))
    graph = escape(url_from(page)(GRAPH_PAGE))
    return Markup(
        f'<figure class="local-graph">\n{svg}\n<figcaption>Connections of {name}{cut} · '
        f'<a href="{graph}">whole graph</a></figcaption>\n</figure>'
    )


def neighbourhood(reader: ReaderGraph, centre: str, cap: int) -> tuple[list[str], list[str]]:
    """Nodes one and two steps from ``centre``, at most ``cap - 1`` in all: nearer first, ranked."""
    room = cap - 1
    near = list(reader.neighbours.get(centre, ())[:room])
    seen = {centre, *near}
    far: list[str] = []
    if len(near) < room:
        for other in heapq.merge(*(reader.neighbours[node] for node in near), key=reader.rank.__getitem__):
            if other not in seen:
                seen.add(other)
                far.append(other)
                if len(near) + len(far) >= room:
                    break
    return near, far


def _cut(reader: ReaderGraph, centre: str, shown_near: int) -> str:
    """Says how many direct connections are shown when the first ring was cut, else ""."""
    total = reader.degree(centre)
    return f" ({shown_near} of {total} direct connections shown)" if shown_near < total else ""


def local_drawing(reader: ReaderGraph, centre: str, near: list[str], far: list[str]) -> Drawing:
    """The centre, the first ring in rank order, the outer ring grouped under its first parent."""
    # Scan the first ring, never a neighbour list: an outer node may be a hub of thousands.
    first_parent = {other: next(i for i, node in enumerate(near) if other in reader.adjacent[node]) for other in far}
    outer = sorted(far, key=lambda other: (first_parent[other], reader.rank[other]))
    geometry = ring_geometry(len(near), len(outer))
    shown = [centre, *near, *outer]
    nodes, room = reader.nodes, geometry.room
    wanted = [
        (node, nodes[node].label, geometry.labels[slot])
        for slot, node in enumerate(shown)
        if min(len(nodes[node].label), LABEL_CHARS) <= room[slot]
    ]
    labels = place_labels(wanted, FONT_SIZE, geometry.bounds)  # clear of the shapes: see ``room``
    inner = len(near) + 1  # edges from an outer node go only inwards
    width, height = LOCAL_SIZE
    return Drawing(
        css_class="graph-local",
        view_box=(-width / 2, -height / 2, width, height),
        title=f"Connections of {reader.nodes[centre].label}",
        font_size=FONT_SIZE,
        nodes=shown[::-1],
        positions=dict(zip(shown, geometry.points, strict=True)),
        radii=dict(zip(shown, geometry.radii, strict=True)),
        edges=reader.edges_among(shown, first=inner),
        labels=labels,
        centre=centre,
    )


@dataclass(frozen=True)
class RingGeometry:
    """Per slot (centre, first ring, outer ring): position, node radius, label spot, shape box."""

    points: tuple[Point, ...]
    radii: tuple[float, ...]
    labels: tuple[Label, ...]
    boxes: tuple[Box, ...]
    bounds: Box
    room: tuple[int, ...]
    """The longest label each slot has room for (0: none)."""


@functools.cache
def ring_geometry(near: int, outer: int) -> RingGeometry:
    """Where each slot goes for these ring sizes (the same for every page with these sizes)."""
    sizes, ring_radii = ((near, outer), LOCAL_RINGS) if outer else ((near,), (LOCAL_SINGLE_RING,))
    rings = ring_positions(sizes, ring_radii)
    points = ((0.0, 0.0), *(point for ring in rings for point in ring))
    radii = (NODE_RADII[0], *(NODE_RADII[depth + 1] for depth, size in enumerate(sizes) for _ in range(size)))
    width, height = LOCAL_SIZE
    bounds = (-width / 2, -height / 2, width / 2, height / 2)
    labels = tuple(radial_label(point, radius) for point, radius in zip(points, radii, strict=True))
    boxes = tuple(shape_box(point, radius) for point, radius in zip(points, radii, strict=True))
    room = tuple(_label_room(labels, boxes, bounds, slot) for slot in range(len(points)))
    return RingGeometry(points, radii, labels, boxes, bounds, room)


def _label_room(labels: tuple[Label, ...], boxes: tuple[Box, ...], bounds: Box, slot: int) -> int:
    """The longest label (in characters) that fits at ``slot``: inside ``bounds``, off the other
    nodes' shapes. A longer label covers more, so a binary search finds it."""
    shortest, longest = 0, LABEL_CHARS
    while shortest < longest:
        length = (shortest + longest + 1) // 2
        left, top, right, bottom = label_box(length, labels[slot], FONT_SIZE)
        inside = bounds[0] <= left and bounds[1] <= top and right <= bounds[2] and bottom <= bounds[3]
        clear = not any(
            box[0] < right and left < box[2] and box[1] < bottom and top < box[3]
            for other, box in enumerate(boxes)
            if other != slot
        )
        shortest, longest = (length, longest) if inside and clear else (shortest, length - 1)
    return shortest


def radial_label(point: Point, radius: float) -> Label:
    """A label pointing away from the centre: right of nodes on the right, left on the left."""
    x, y = point
    if abs(x) < 25:  # on the vertical axis (or the centre): above the top nodes, below the others
        return Label(x, y - radius - 4 if y < 0 else y + radius + 12)
    if x > 0:
        return Label(x + radius + 3, y + 4, "start")
    return Label(x - radius - 3, y + 4, "end")
