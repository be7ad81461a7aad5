"""Node positions for the site's graphs, computed at build time: deterministic and pure Python.

networkx's own layouts (``spring_layout``, ``shell_layout``, ``kamada_kawai_layout``) all need
numpy (and scipy), which vaultc does not depend on. This module does the same work in plain
Python, on graphs the site has already capped to a few hundred nodes:

* :func:`spring_layout` is Fruchterman–Reingold as networkx implements it (attraction ``d²/k``
  along edges, repulsion ``k²/d``, every node moving by a "temperature" that cools linearly), with
  the grid variant of the original paper: repulsion only between nodes closer than ``2k``, found
  through a grid of ``2k`` cells, so an iteration costs O(nodes + edges) instead of O(nodes²).
  Start positions come from ``random.Random(seed)`` in input order, and callers pass nodes sorted,
  so the same graph always gets the same picture.
* :func:`ring_positions` spreads rings of nodes evenly on circles around a centre (networkx's
  shell layout), for the local graph of every page.
* :func:`fit` scales positions into a box and rounds them to one decimal: smaller SVG, and no
  float noise between machines.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence

Point = tuple[float, float]

SEED = 42
ITERATIONS = 60


def spring_layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = SEED, iterations: int = ITERATIONS
) -> dict[str, Point]:
    """Fruchterman–Reingold positions in about the unit square (see the module docstring)."""
    rng = random.Random(seed)
    x = [rng.random() for _ in nodes]
    y = [rng.random() for _ in nodes]
    index = {node: position for position, node in enumerate(nodes)}
    pairs = [(index[one], index[other]) for one, other in edges]
    k = math.sqrt(1.0 / max(len(nodes), 1))
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx, dy = _repulsion(x, y, k)
        _add_attraction(x, y, pairs, k, dx, dy)
        for node in range(len(nodes)):
            length = math.hypot(dx[node], dy[node])
            if length > 0:
                x[node] += dx[node] * temperature / length
                y[node] += dy[node] * temperature / length
        temperature -= cooling
    return {node: (x[i], y[i]) for node, i in index.items()}


def _repulsion(x: list[float], y: list[float], k: float) -> tuple[list[float], list[float]]:
    """``k²/d`` pushes between nodes closer than ``2k``, found through a grid of ``2k`` cells."""
    cell = 2 * k
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for node in range(len(x)):
        grid[(math.floor(x[node] / cell), math.floor(y[node] / cell))].append(node)
    dx, dy = [0.0] * len(x), [0.0] * len(x)
    reach, square = cell * cell, k * k
    for (column, row), members in grid.items():
        near = [
            other
            for c in (column - 1, column, column + 1)
            for r in (row - 1, row, row + 1)
            for other in grid.get((c, r), ())
        ]
        for node in members:
            for other in near:
                if other <= node:
                    continue
                ox, oy = x[node] - x[other], y[node] - y[other]
                distance2 = ox * ox + oy * oy
                if distance2 >= reach:
                    continue
                distance2 = max(distance2, 1e-6)
                push = square / distance2  # k²/d along the unit vector (ox, oy)/d
                dx[node] += ox * push
                dy[node] += oy * push
                dx[other] -= ox * push
                dy[other] -= oy * push
    return dx, dy


def _add_attraction(x: list[float], y: list[float], pairs: list[tuple[int, int]], k: float, dx: list, dy: list) -> None:
    """``d²/k`` pulls along every edge."""
    for one, other in pairs:
        ox, oy = x[one] - x[other], y[one] - y[other]
        pull = math.hypot(ox, oy) / k  # d²/k along the unit vector
        dx[one] -= ox * pull
        dy[one] -= oy * pull
        dx[other] += ox * pull
        dy[other] += oy * pull


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
