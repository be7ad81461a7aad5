"""What the graphs cost: render time they add and the bytes they weigh, on any vault.

Why this exists: the issue asks the graphs to stay light at 10,000 notes (graph.html under
300 KB, a local graph under 15 KB, under 10% added to the render stage). This script analyses a
vault once, then times, in CPU seconds of this process (steady on a busy machine, unlike wall
time): folding the reader graph, graph.html, one local graph per note and per concept, and the
whole render stage (``render_site``) twice, with the graph builders stubbed out and with them:
the difference is what the graphs add (alternated ``--repeat`` times, least of each kept). On a
shared machine two identical renders can differ by 10% or more, so ``graph_cpu_s_for_note_pages``
(the graph code's own CPU time) is the steadier figure. Sizes are UTF-8 bytes.

Usage: ``python bench/graph_weight.py VAULT [--repeat K] [--json FILE]``, e.g. after
``python bench/synth.py 10000 /tmp/synth``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

from markupsafe import Markup

from vaultc.analysis import StageTimer, analyse, batch_garbage_collection
from vaultc.graph import build_graph
from vaultc.graph_nodes import note_node, term_node
from vaultc.render import site as site_module
from vaultc.render.context import SiteContext, SiteOptions, site_context
from vaultc.render.glossary import concept_pages
from vaultc.render.graph.graph_svg import graph_pages, local_graph
from vaultc.render.site import render_site
from vaultc.theme import load_theme


def cpu(action: Callable[[], Any]) -> tuple[Any, float]:
    start = time.process_time()
    result = action()
    return result, time.process_time() - start


def measure(vault: Path, report: Callable[[str, Any], None], repeat: int = 2) -> None:
    """Report each figure as soon as it is known (the renders at the end take longest)."""
    analysis = analyse(vault, (), StageTimer(lambda message: None))
    resolved, knowledge = analysis.resolved, analysis.knowledge
    graph = build_graph(resolved, knowledge)
    gc.collect()
    gc.freeze()  # as the build does: the parsed vault stays, later collections skip it
    theme = load_theme(None)
    site = site_context(resolved, knowledge, graph, theme, SiteOptions("bench"))
    reader, fold_seconds = cpu(lambda: site.reader_graph)  # folded once, then kept by the context
    for name, value in (
        ("notes", len(resolved.notes)),
        ("concepts", len(knowledge.concepts)),
        ("reader_nodes", len(reader.nodes)),
        ("reader_edges", sum(len(near) for near in reader.neighbours.values()) // 2),
        ("fold_cpu_s", round(fold_seconds, 3)),
    ):
        report(name, value)
    pages, global_seconds = cpu(lambda: graph_pages(site))
    report("graph_html_bytes", len(pages[0].content))
    report("graph_page_cpu_s", round(global_seconds, 3))
    local_sizes, local_seconds = cpu(lambda: _local_sizes(site))
    report("local_graphs", len(local_sizes))
    report("local_cpu_s", round(local_seconds, 3))
    report("local_ms_per_page", round(1000 * local_seconds / max(len(local_sizes), 1), 3))
    report("local_bytes_max", max(local_sizes, default=0))
    report("local_bytes_median", statistics.median(local_sizes) if local_sizes else 0)
    graph_cpu = fold_seconds + global_seconds + local_seconds * len(resolved.notes) / max(len(local_sizes), 1)
    report("graph_cpu_s_for_note_pages", round(graph_cpu, 3))
    _measure_render(resolved, knowledge, graph, theme, report, repeat)


def _measure_render(resolved, knowledge, graph, theme, report: Callable[[str, Any], None], repeat: int) -> None:
    """CPU of the whole render stage without the graphs (stubbed out) and with them, alternated
    ``repeat`` times; the least of each is kept (CPU time still varies on a busy machine)."""
    render = functools.partial(render_site, resolved, knowledge, graph, theme, SiteOptions("bench"))
    without, with_graphs = [], []
    for _ in range(repeat):
        no_local_graph = lambda site, node, page: Markup("")  # noqa: E731
        with (
            mock.patch.object(site_module, "graph_pages", lambda site: []),
            mock.patch.object(site_module, "local_graph", no_local_graph),
            mock.patch.object(concept_pages, "local_graph", no_local_graph),
        ):
            without.append(cpu(render)[1])
        with_graphs.append(cpu(render)[1])
    report("render_without_graphs_cpu_s", round(min(without), 3))
    report("render_with_graphs_cpu_s", round(min(with_graphs), 3))
    report("render_added", f"{(min(with_graphs) - min(without)) / min(without):.1%}")


def _local_sizes(site: SiteContext) -> list[int]:
    """Bytes of the local graph of every note and every concept (empty ones left out)."""
    pages = [(note_node(path), site.sitemap.note(path)) for path in site.vault.notes]
    pages += [(term_node(key), page) for key, page in site.sitemap.concepts.items()]
    sizes = [len(str(local_graph(site, node, page)).encode("utf-8")) for node, page in pages]
    return [size for size in sizes if size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--repeat", type=int, default=2, help="renders with and without graphs (default 2)")
    arguments = parser.parse_args()
    figures: dict[str, Any] = {}

    def report(name: str, value: Any) -> None:
        figures[name] = value
        print(f"{name:28} {value}", flush=True)

    with batch_garbage_collection():  # the build's garbage-collection settings
        measure(arguments.vault, report, max(arguments.repeat, 1))
    if arguments.json:
        arguments.json.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n", "utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
