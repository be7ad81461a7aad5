"""Node positions for the site's graphs, computed at build time and deterministic.

* :func:`spring_layout` is networkx's Fruchterman-Reingold layout with a fixed seed and a fixed
  number of iterations; callers pass nodes sorted, so the same graph always gets the same picture.
  The global graph is capped to a few hundred nodes before it is laid out.
* :func:`ring_positions` spreads rings of nodes evenly on circles around a centre (the idea of
  networkx's shell layout), for the local graph of every page; it is plain trigonometry, cached per
  ring size, because it runs for every page of the site.
* :func:`fit` scales positions into a box and rounds them to one decimal: smaller SVG, and no
  float noise between machines.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import networkx as nx

Point = tuple[float, float]

SEED = 42
ITERATIONS = 60


def spring_layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = SEED, iterations: int = ITERATIONS
) -> dict[str, Point]:
    """networkx's spring layout of the graph (seeded: the same input always gives the same output)."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    positions = nx.spring_layout(graph, seed=seed, iterations=iterations)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def ring_positions(sizes: Sequence[int], radii: Sequence[float]) -> list[list[Point]]:
    """Points evenly spread on concentric circles around the origin: ``sizes[i]`` on radius ``radii[i]``.

    Each ring starts at the top and goes clockwise; every other ring is turned by half a step so
    that its nodes fall between those of the ring inside it. Rounded to one decimal.
    """
    rings = []
    for depth, (size, radius) in enumerate(zip(sizes, radii, strict=True)):
        step = 2 * math.pi / max(size, 1)
        offset = step / 2 if depth % 2 else 0.0
        angles = [-math.pi / 2 + offset + position * step for position in range(size)]
        rings.append([(round(radius * math.cos(a), 1) + 0.0, round(radius * math.sin(a), 1) + 0.0) for a in angles])
    return rings


def fit(
    positions: dict[str, Point], width: float, height: float, margin: float, keep_aspect: bool = True
) -> dict[str, Point]:
    """Scale and move positions to fill ``width`` x ``height`` inside ``margin``.

    With ``keep_aspect`` both axes are scaled alike; without, each axis fills the box (a spring
    layout is roughly round, a page is wider than tall). Coordinates are rounded to one decimal;
    a single node (or all in one place) goes to the middle.
    """
    if not positions:
        return {}
    xs = [point[0] for point in positions.values()]
    ys = [point[1] for point in positions.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale_x = (width - 2 * margin) / span_x if span_x else math.inf
    scale_y = (height - 2 * margin) / span_y if span_y else math.inf
    if keep_aspect:
        scale_x = scale_y = min(scale_x, scale_y)
    scale_x, scale_y = (0.0 if scale == math.inf else scale for scale in (scale_x, scale_y))
    middle_x, middle_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {
        node: (
            round(width / 2 + (px - middle_x) * scale_x, 1) + 0.0,
            round(height / 2 + (py - middle_y) * scale_y, 1) + 0.0,
        )
        for node, (px, py) in positions.items()
    }
