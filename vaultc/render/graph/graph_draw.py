"""Writes a laid-out reader graph as inline SVG whose nodes are links: the one place graph markup is made.

The SVG needs no JavaScript: each node is an ``<a href>`` holding a ``<title>`` (its accessible
name and tooltip), a shape and, for the nodes worth naming, a ``<text>`` label. Notes are circles,
concepts squares; graph.css colours them and draws concepts no note defines yet (class
``undefined``) as hollow dashed squares, so kind never depends on colour alone. All edges of a kind are one ``<path>``
(``M x y L x y`` per edge), which keeps a graph of thousands of edges small. Every string is
escaped here; the result is :class:`markupsafe.Markup` because it was built safely.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from vaultc.names import SitePath, relative_url
from vaultc.render.graph.graph_layout import Point
from vaultc.render.graph.graph_reader import ReaderGraph, ReaderNode

LABEL_CHARS = 24
"""Longer labels are cut (with an ellipsis); the full name stays in the node's tooltip."""


@dataclass(frozen=True)
class Label:
    """Where a node's name is written: ``anchor`` is the SVG ``text-anchor``."""

    x: float
    y: float
    anchor: str = "middle"


@dataclass(frozen=True)
class Drawing:
    """Everything needed to write one graph: what to show and where."""

    css_class: str
    view_box: tuple[float, float, float, float]
    title: str
    font_size: int
    nodes: Sequence[str]
    """Node ids in drawing order (later ones on top)."""
    positions: Mapping[str, Point]
    radii: Mapping[str, float]
    edges: Sequence[tuple[str, str]]
    labels: Mapping[str, Label] = field(default_factory=dict)
    centre: str | None = None
    """Drawn highlighted and not as a link (it is the page the graph is on)."""
    title_id: str | None = None
    """Set to label the SVG with ``aria-labelledby`` (the page must not reuse the id)."""


def draw_svg(drawing: Drawing, reader: ReaderGraph, page: SitePath) -> Markup:
    """The ``<svg class="graph ...">`` element, its links relative to ``page``."""
    view_box = " ".join(number(value) for value in drawing.view_box)
    coordinates = {node: f"{number(x)} {number(y)}" for node, (x, y) in drawing.positions.items()}
    labelled = f' aria-labelledby="{escape(drawing.title_id)}"' if drawing.title_id else ""
    title_id = f' id="{escape(drawing.title_id)}"' if drawing.title_id else ""
    parts = [
        f'<svg class="graph {escape(drawing.css_class)}" viewBox="{view_box}"{labelled}'
        f' font-size="{drawing.font_size}" text-anchor="middle" xmlns="http://www.w3.org/2000/svg">',
        f"<title{title_id}>{escape(drawing.title)}</title>",
        *_edge_paths(drawing, reader, coordinates),
    ]
    folder = page.rpartition("/")[0]
    parts += [_node(drawing, reader, reader.nodes[node], folder) for node in drawing.nodes]
    parts.append("</svg>")
    return Markup("\n".join(parts))


def _edge_paths(drawing: Drawing, reader: ReaderGraph, coordinates: Mapping[str, str]) -> list[str]:
    """One path for links and embeds between notes, one for the edges that come from concepts."""
    links, concepts = [], []
    for one, other in drawing.edges:
        segment = f"M{coordinates[one]}L{coordinates[other]}"
        (links if reader.is_link(one, other) else concepts).append(segment)
    return [
        f'<path class="edges {kind}" d="{"".join(segments)}"/>'
        for kind, segments in (("links", links), ("concepts", concepts))
        if segments
    ]


def _node(drawing: Drawing, reader: ReaderGraph, node: ReaderNode, folder: str) -> str:
    classes, title, text = _node_texts(reader, node)
    inner = title + _shape(node.kind, *drawing.positions[node.id], drawing.radii[node.id])
    label = drawing.labels.get(node.id)
    if label is not None:
        anchor = "" if label.anchor == "middle" else f' text-anchor="{label.anchor}"'
        inner += f'<text x="{number(label.x)}" y="{number(label.y)}"{anchor}>{text}</text>'
    if node.id == drawing.centre:
        return f'<g class="node centre {classes}">{inner}</g>'
    return f'<a class="node {classes}" href="{_href(folder, node.page)}">{inner}</a>'


# The local graphs of 10,000 pages draw the same nodes, links and ring slots again and again:
# their markup is made once (per site for node texts, per process for pure functions of values).
def _node_texts(reader: ReaderGraph, node: ReaderNode) -> tuple[str, str, str]:
    """CSS classes, the escaped ``<title>`` and the escaped (shortened) label of a node."""
    texts = reader.memo.get(node.id)
    if texts is None:
        classes = "note" if node.kind == "note" else "term undefined" if node.undefined else "term"
        title = f"<title>{escape(describe(node, reader.degree(node.id)))}</title>"
        texts = reader.memo[node.id] = (classes, title, str(escape(short(node.label))))
    return texts


@functools.lru_cache(maxsize=131072)
def _href(folder: str, target: str) -> str:
    """The escaped URL of ``target`` from any page in ``folder`` (a URL depends only on the folder)."""
    return str(escape(relative_url(f"{folder}/page" if folder else "page", target)))


@functools.lru_cache(maxsize=65536)
def _shape(kind: str, x: float, y: float, radius: float) -> str:
    """A circle for a note, a square for a concept."""
    if kind == "note":
        return f'<circle cx="{number(x)}" cy="{number(y)}" r="{number(radius)}"/>'
    side = number(2 * radius)
    return f'<rect x="{number(x - radius)}" y="{number(y - radius)}" width="{side}" height="{side}"/>'


Box = tuple[float, float, float, float]


def place_labels(
    wanted: Sequence[tuple[str, str, Label]], font_size: float, bounds: Box, shapes: Mapping[str, Box] | None = None
) -> dict[str, Label]:
    """Keep each wanted label (in order: most important first) that lies inside ``bounds`` and
    overlaps no label kept before and no node's shape (``shapes``: node -> box) but its own.

    Label boxes are estimated from the number of characters (about 0.6 em each), which is enough
    to stop the names of close nodes from being written over each other or over other nodes.
    """
    obstacles: list[tuple[str | None, Box]] = list((shapes or {}).items())
    kept: dict[str, Label] = {}
    for node, text, label in wanted:
        box = label_box(len(short(text)), label, font_size)
        inside = bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]
        if inside and _clear(box, obstacles, node):
            kept[node] = label
            obstacles.append((None, box))
    return kept


def _clear(box: Box, obstacles: list[tuple[str | None, Box]], own: str) -> bool:
    """No obstacle but ``own`` (the node's own shape) overlaps ``box``."""
    left, top, right, bottom = box
    for owner, (other_left, other_top, other_right, other_bottom) in obstacles:
        if other_left < right and left < other_right and other_top < bottom and top < other_bottom and owner != own:
            return False
    return True


def shape_box(point: Point, radius: float) -> Box:
    return point[0] - radius, point[1] - radius, point[0] + radius, point[1] + radius


def label_box(length: int, label: Label, font_size: float) -> Box:
    """The estimated box of a label of ``length`` characters."""
    width = length * font_size * 0.6
    left = label.x if label.anchor == "start" else label.x - width if label.anchor == "end" else label.x - width / 2
    return left, label.y - font_size, left + width, label.y + font_size * 0.25


def describe(node: ReaderNode, degree: int) -> str:
    """The node's tooltip and accessible name: its name, kind and number of connections."""
    kind = "note" if node.kind == "note" else "concept, needs a definition" if node.undefined else "concept"
    connections = "1 connection" if degree == 1 else f"{degree} connections"
    return f"{node.label} ({kind}, {connections})"


def short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


@functools.lru_cache(maxsize=65536)
def number(value: float) -> str:
    """A coordinate with at most one decimal and no ``-0``: ``12``, ``-3.5``."""
    text = f"{round(value, 1) + 0.0:.1f}"
    return text[:-2] if text.endswith(".0") else text
