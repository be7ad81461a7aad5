"""Embedded units, and finding transclusion loops (A embeds B, B embeds A) before anything is rendered.

An embed includes a *unit* of a note: the whole note, one heading's section, or one block
(:func:`unit_tokens` cuts it from the note's tokens, for the renderer and for
:mod:`vaultc.embed_budget`, which bounds how much one page expands). A loop
exists when following the embeds inside those units leads back to a unit already being included.
Working on units, not notes, avoids false alarms when a note embeds a section of another note that
does not itself embed anything back. The renderer also guards against loops, so this only reports.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
from markdown_it.token import Token

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.model import LinkKind, LinkRef, ParsedNote, Target
from vaultc.names import VaultPath, basename, note_stem

Unit = tuple[VaultPath, str]
"""(note path, anchor): anchor "" is the whole note, else a heading anchor or "^blockid"."""


def unit_lines(note: ParsedNote, anchor: str) -> tuple[int, int]:
    """The 1-based line range a unit covers in its note."""
    if anchor.startswith("^"):
        block = next((b for b in note.blocks if b.block_id == anchor[1:]), None)
        return (block.line, block.end_line) if block else (0, -1)
    if anchor:
        heading = next((h for h in note.headings if h.anchor == anchor), None)
        return (heading.line, heading.section_end) if heading else (0, -1)
    return 1, note.line_count


def unit_tokens(tokens: tuple[Token, ...], anchor: str) -> list[Token]:
    """The tokens of a whole note (without front matter), a heading's section, or a block."""
    if not anchor:
        return [token for token in tokens if token.type != "front_matter"]
    start = next((i for i, t in enumerate(tokens) if _anchor_of(t) == anchor), None)
    if start is None:
        return []
    if tokens[start].type == "heading_open":
        level = int(tokens[start].tag[1])
        end = next(
            (
                i
                for i in range(start + 1, len(tokens))
                if tokens[i].type == "heading_open" and int(tokens[i].tag[1]) <= level and tokens[i].level == 0
            ),
            len(tokens),
        )
        return list(tokens[start:end])
    return list(tokens[start : _matching_close(tokens, start) + 1])


def _anchor_of(token: Token) -> str | None:
    if "block_id" in token.meta:
        return "^" + token.meta["block_id"]
    return token.attrGet("id") if token.type == "heading_open" else None


def _matching_close(tokens: tuple[Token, ...], start: int) -> int:
    depth = 0
    for position in range(start, len(tokens)):
        depth += tokens[position].nesting
        if depth <= 0:
            return position
    return len(tokens) - 1


def embed_cycle_problems(
    notes: Mapping[VaultPath, ParsedNote], targets: Mapping[VaultPath, tuple[Target, ...]]
) -> list[Diagnostic]:
    """One ``embed-cycle`` diagnostic per loop, at the embed that starts it in the first note."""
    graph = nx.DiGraph()
    for path, note in notes.items():
        for link in note.links:
            target = targets[path][link.index]
            if link.kind is LinkKind.EMBED and target.path in notes and not target.anchor_missing:
                graph.add_edge((path, link.index), (target.path, target.anchor))
    unit_graph = _unit_graph(graph, notes)
    return [_report(cycle, unit_graph, notes) for cycle in _one_cycle_per_component(unit_graph)]


def _unit_graph(embeds: nx.DiGraph, notes: Mapping[VaultPath, ParsedNote]) -> nx.DiGraph:
    """Unit -> unit edges, labelled with the embed link that makes them."""
    units = nx.DiGraph()
    targets = {unit for _, unit in embeds.edges}
    for unit in sorted(targets):
        path, anchor = unit
        first, last = unit_lines(notes[path], anchor)
        for link in notes[path].links:
            if (path, link.index) in embeds and first <= link.line <= last:
                for _, embedded in embeds.out_edges((path, link.index)):
                    units.add_edge(unit, embedded, link=link)
    return units


def _one_cycle_per_component(units: nx.DiGraph) -> list[list[Unit]]:
    cycles = []
    for component in sorted(nx.strongly_connected_components(units), key=min):
        start = min(component)
        if len(component) > 1 or units.has_edge(start, start):
            edges = nx.find_cycle(units.subgraph(component), source=start)
            cycles.append([edge[0] for edge in edges] + [start])
    return cycles


def _report(cycle: list[Unit], units: nx.DiGraph, notes: Mapping[VaultPath, ParsedNote]) -> Diagnostic:
    path = " -> ".join(_unit_name(unit) for unit in cycle)
    link: LinkRef = units.edges[cycle[0], cycle[1]]["link"]
    return diagnostic(
        cycle[0][0],
        link.line,
        link.column,
        "embed-cycle",
        f"embeds loop: {path}; the repeated embed is shown as a link",
        subject=path,
    )


def _unit_name(unit: Unit) -> str:
    path, anchor = unit
    name = basename(note_stem(path))
    return f"{name}#{anchor}" if anchor else name
