"""The concept graph: typed nodes and edges; backlinks, orphans, related notes; graph.json."""

from __future__ import annotations

import json

from networkx.readwrite import json_graph

from tests.vaults import graph_of
from vaultc.graph import graph_json

FILES = {
    "A.md": "---\ntags: [ml]\n---\n# Intro\n[[B]] [[C#Part]] ![[pic.png]] #nlp\n",
    "B.md": "#ml back to [[A#Intro]]\n",
    "C.md": "# Part\n#ml\n",
    "Lonely.md": "nobody links here #solo\n",
    "pic.png": "",
}


def test_nodes_and_edges_are_typed() -> None:
    graph = graph_of(FILES).graph
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    assert kinds["note:A.md"] == "note" and kinds["heading:A.md#intro"] == "heading"
    assert kinds["attachment:pic.png"] == "attachment" and kinds["tag:ml"] == "tag"
    edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}
    assert ("note:A.md", "note:B.md", "links-to") in edges
    assert ("note:A.md", "heading:C.md#part", "links-to") in edges
    assert ("note:A.md", "attachment:pic.png", "embeds") in edges
    assert ("note:A.md", "tag:nlp", "tagged") in edges
    assert ("note:C.md", "heading:C.md#part", "contains") in edges


def test_backlinks_include_links_to_headings() -> None:
    graph = graph_of(FILES)
    assert graph.backlinks("A.md") == ("B.md",)
    assert graph.backlinks("C.md") == ("A.md",)  # via [[C#Part]]
    assert graph.backlinks("Lonely.md") == ()


def test_orphans_and_related() -> None:
    graph = graph_of(FILES)
    assert graph.orphans() == ("Lonely.md",)
    assert graph.related("B.md")[:2] == ("A.md", "C.md")  # A: link both ways + tag; C: shared tag
    assert graph.tags == {"ml": ("A.md", "B.md", "C.md"), "nlp": ("A.md",), "solo": ("Lonely.md",)}


def test_graph_json_is_node_link_and_round_trips() -> None:
    data = graph_json(graph_of(FILES))
    text = json.dumps(data, sort_keys=True)
    again = json_graph.node_link_graph(json.loads(text), edges="edges")
    assert again.number_of_nodes() == len(data["nodes"]) and again.number_of_edges() == len(data["edges"])
    assert all("kind" in node for node in data["nodes"]) and all("kind" in edge for edge in data["edges"])
    assert data["nodes"] == sorted(data["nodes"], key=lambda node: node["id"])


def test_common_tags_only_strengthen_candidates_found_otherwise() -> None:
    files = {f"N{i:02}.md": "#everywhere\n" for i in range(60)}
    files["N00.md"] = "#everywhere #rare [[N59]]\n"
    files["N30.md"] = "#everywhere #rare\n"
    related = graph_of(files).related("N00.md")
    assert related == ("N59.md", "N30.md")  # linked (+ common tag), then rare tag; the other 58 are not proposed


def test_questions_and_terms_join_the_graph() -> None:
    from tests.vaults import resolve_files
    from vaultc.extract.stage import extract_knowledge
    from vaultc.graph import build_graph

    files = {
        "A.md": "# What is PCA?\nPrincipal component analysis (PCA) reduces dimensions.\n\n---\n# What is a kernel?\n",
        "B.md": "# What is a kernel?\n\n---\nKernel\nStride\nPadding\n\nUse PCA before clustering.\n",
    }
    vault = resolve_files(files)
    knowledge = extract_knowledge(vault)
    graph = build_graph(vault, knowledge).graph
    questions = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "question"}
    assert {(d["label"], d["status"]) for d in questions.values()} == {
        ("What is PCA?", "answered"), ("What is a kernel?", "unanswered")}
    edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}
    assert ("note:A.md", "question:A.md#what-is-pca", "contains") in edges
    assert ("question:A.md#what-is-pca", "term:pca", "about") in edges
    assert ("term:pca", "note:A.md", "defined-in") in edges
    assert ("note:B.md", "term:pca", "mentions") in edges
    assert ("question:B.md#what-is-a-kernel", "question:A.md#what-is-a-kernel", "duplicates") in edges
    assert graph.nodes["term:kernel"]["status"] == "undefined"
    assert graph.nodes["term:stride"]["status"] == "undefined"
