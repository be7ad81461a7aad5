"""The package's shape: no import cycles anywhere in vaultc, and the render sub-packages depend on
each other only as ``vaultc/render/__init__.py`` says (read from the source, imports inside
functions included)."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "vaultc"
PAGE_KINDS = ("notes", "glossary", "questions", "graph", "search")
ALLOWED = {
    "notes": set(),
    "glossary": {"notes", "graph"},
    "questions": {"notes", "graph"},
    "graph": {"notes"},
    "search": {"notes", "graph", "glossary"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        source = module_name(path)
        graph.add_node(source)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            graph.add_edges_from((source, name) for name in names if name.startswith("vaultc.") and name != source)
    return graph


def test_no_module_imports_itself_back() -> None:
    cycles = [sorted(group) for group in nx.strongly_connected_components(imports()) if len(group) > 1]
    assert cycles == []


def test_render_sub_packages_depend_only_as_documented() -> None:
    found = set()
    for source, target in imports().edges:
        source_kind, target_kind = _kind(source), _kind(target)
        if source_kind in PAGE_KINDS and target_kind not in (None, source_kind):
            found.add((source_kind, target_kind))
    assert {(a, b) for a, b in found if b not in ALLOWED[a]} == set()


def test_no_builder_imports_the_gatherer_and_shared_modules_import_only_the_indexes() -> None:
    edges = imports().edges
    assert [s for s, t in edges if t == "vaultc.render.site" and _kind(s) in PAGE_KINDS] == []
    shared = {(s, t) for s, t in edges if s.count(".") == 2 and s.startswith("vaultc.render.") and _kind(t)}
    assert {s for s, _ in shared} <= {"vaultc.render.site", "vaultc.render.context"}
    assert {t for s, t in shared if s == "vaultc.render.context"} == {
        "vaultc.render.notes.page_index",
        "vaultc.render.graph.graph_reader",
    }


def _kind(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 3 and parts[1] == "render" and parts[2] in PAGE_KINDS else None
