"""The graphs: folding the concept graph for readers, neighbourhoods, caps, layout, SVG output."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import networkx as nx
import pytest

from tests.vaults import resolve_files
from vaultc.extract.stage import extract_knowledge
from vaultc.graph import build_graph
from vaultc.graph_nodes import note_node, term_node
from vaultc.names import SitePath
from vaultc.render.context import SiteContext, SiteOptions, site_context
from vaultc.render.graph import graph_svg
from vaultc.render.graph.graph_draw import number
from vaultc.render.graph.graph_layout import fit, ring_positions, spring_layout
from vaultc.render.graph.graph_local import LOCAL_CAP, local_graph, neighbourhood
from vaultc.render.graph.graph_reader import SitePages, fold_graph
from vaultc.render.graph.graph_svg import connected_core, graph_pages, summary
from vaultc.render.sitemap import GRAPH_PAGE
from vaultc.theme import load_theme

SVG = "{http://www.w3.org/2000/svg}"
THEME = load_theme()


def site_of(files: dict[str, str]) -> SiteContext:
    vault = resolve_files(files)
    knowledge = extract_knowledge(vault)
    return site_context(vault, knowledge, build_graph(vault, knowledge), THEME, SiteOptions("Test"))


def graph_html(site: SiteContext) -> str:
    (page,) = graph_pages(site)
    assert page.path == GRAPH_PAGE
    return page.content.decode("utf-8")


def svg_of(html: str) -> ET.Element:
    """The first ``<svg class="graph">`` of a page, parsed as XML (so it must be well formed)."""
    match = re.search(r'<svg class="graph .*?</svg>', html, re.S)
    assert match, "no graph svg"
    return ET.fromstring(match.group(0))


def node_links(svg: ET.Element) -> list[ET.Element]:
    return [element for element in svg.iter(f"{SVG}a")]


def target_of(page: str, href: str) -> str:
    """The site path a relative href on ``page`` points at."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(href)))


def site_pages(site: SiteContext) -> set[str]:
    return {*site.sitemap.notes.values(), *site.sitemap.concepts.values(), GRAPH_PAGE}


LINKED = {
    "A.md": "# Intro\nDropout: randomly zeroes units.\n\nSee [[B#Part]].\n",
    "B.md": "# Part\nWe use dropout here, see [[C]].\n",
    "C.md": "Back to [[A]].\n",
    "Lonely.md": "Nobody links here.\n",
}


# ---- folding the concept graph -------------------------------------------------------------------


def concept_graph() -> nx.MultiDiGraph:
    """By hand: a note with a heading and a question, a tag, an acronym, a term with no page."""
    graph = nx.MultiDiGraph()
    for path in ("a.md", "b.md"):
        graph.add_node(note_node(path), kind="note", label=path[0].upper(), path=path)
    graph.add_node("heading:b.md#part", kind="heading", label="Part", path="b.md", owner="note:b.md")
    graph.add_node("question:a.md#q", kind="question", label="What is AI?", path="a.md", owner="note:a.md")
    graph.add_node("tag:ml", kind="tag", label="ml")
    for key, status in (("artificial intelligence", "defined"), ("ai", "defined"), ("pageless", "undefined")):
        graph.add_node(term_node(key), kind="term", label=key, status=status)
    edges = [
        ("note:a.md", "heading:b.md#part", "links-to"),
        ("note:a.md", "question:a.md#q", "contains"),
        ("question:a.md#q", "term:ai", "about"),
        ("term:ai", "term:artificial intelligence", "synonym-of"),
        ("note:b.md", "term:pageless", "mentions"),
        ("note:a.md", "tag:ml", "tagged"),
        ("note:b.md", "tag:ml", "tagged"),
    ]
    for source, target, kind in edges:
        graph.add_edge(source, target, key=kind, kind=kind)
    return graph


def test_fold_keeps_notes_and_concepts_and_folds_the_rest_into_them() -> None:
    notes = {"a.md": SitePath("notes/a.html"), "b.md": SitePath("notes/b.html")}
    concepts = {"artificial intelligence": SitePath("terms/artificial-intelligence.html")}
    reader = fold_graph(
        concept_graph(), SitePages(notes, concepts, {"artificial intelligence": "Artificial intelligence"})
    )
    assert sorted(reader.nodes) == ["note:a.md", "note:b.md", "term:artificial intelligence"]
    # the link to b's heading is a link to b; the question about the acronym ties a to the long form
    assert reader.adjacent["note:a.md"] == {"note:b.md", "term:artificial intelligence"}
    assert reader.adjacent["note:b.md"] == {"note:a.md"}  # the shared tag and the pageless term are not edges
    concept = reader.nodes["term:artificial intelligence"]
    assert (concept.label, concept.page, concept.kind) == (
        "Artificial intelligence",
        concepts["artificial intelligence"],
        "term",
    )
    assert reader.ranked == ("note:a.md", "note:b.md", "term:artificial intelligence")  # degree, then id


def test_an_acronym_without_a_concept_to_fold_into_is_left_out() -> None:
    notes = {"a.md": SitePath("notes/a.html"), "b.md": SitePath("notes/b.html")}
    reader = fold_graph(concept_graph(), SitePages(notes, {}))
    assert sorted(reader.nodes) == ["note:a.md", "note:b.md"]


# ---- neighbourhoods -------------------------------------------------------------------------------


def chain_reader(edges: list[tuple[str, str]]):
    """A reader graph of notes n0, n1... joined by links."""
    graph = nx.MultiDiGraph()
    names = sorted({name for edge in edges for name in edge})
    for name in names:
        graph.add_node(note_node(name), kind="note", label=name, path=name)
    for one, other in edges:
        graph.add_edge(note_node(one), note_node(other), key="links-to", kind="links-to")
    return fold_graph(graph, SitePages({name: SitePath(f"notes/{name}.html") for name in names}, {}))


STAR_AND_TAIL = [("c", "a"), ("c", "b"), ("a", "x"), ("b", "x"), ("b", "y"), ("y", "far"), ("c", "z")]


@pytest.mark.parametrize(
    "centre, cap, near, far",
    [
        # near: ranked by degree then id; far: exactly two steps away, ranked; never the centre
        ("c", 30, ["b", "a", "z"], ["x", "y"]),
        ("c", 4, ["b", "a", "z"], []),  # the first ring fills the cap
        ("c", 5, ["b", "a", "z"], ["x"]),  # then the second, most connected first
        ("c", 3, ["b", "a"], []),
        ("y", 30, ["b", "far"], ["c", "x"]),
        ("far", 30, ["y"], ["b"]),
        ("z", 30, ["c"], ["b", "a"]),
    ],
)
def test_neighbourhood_within_two_steps(centre: str, cap: int, near: list[str], far: list[str]) -> None:
    reader = chain_reader(STAR_AND_TAIL)
    found_near, found_far = neighbourhood(reader, note_node(centre), cap)
    assert found_near == [note_node(name) for name in near]
    assert found_far == [note_node(name) for name in far]


def test_local_graph_is_capped_nearer_ring_first() -> None:
    hub_edges = [("hub", f"n{i:02}") for i in range(40)] + [("n00", "beyond")]
    reader = chain_reader(hub_edges)
    near, far = neighbourhood(reader, note_node("hub"), LOCAL_CAP)
    assert len(near) == LOCAL_CAP - 1 and far == []
    assert near[0] == note_node("n00")  # two connections: ranked first


# ---- the local graph of a page --------------------------------------------------------------------


def test_local_graph_centre_is_highlighted_and_not_a_link() -> None:
    site = site_of(LINKED)
    page = site.sitemap.note("A.md")
    html = str(local_graph(site, note_node("A.md"), page))
    assert html.startswith('<figure class="local-graph">') and html.endswith("</figure>")
    svg = svg_of(html)
    centres = [g for g in svg.iter(f"{SVG}g") if "centre" in g.get("class", "").split()]
    assert len(centres) == 1 and centres[0].find(f"{SVG}title").text.startswith("A (note")
    hrefs = [target_of(page, a.get("href")) for a in node_links(svg)]
    assert page not in hrefs
    assert sorted(hrefs) == ["notes/b.html", "notes/c.html", "terms/dropout.html"]
    assert "Connections of A" in html and 'href="../graph.html"' in html


def test_local_graph_of_an_isolated_or_unknown_node_is_empty() -> None:
    site = site_of(LINKED)
    assert str(local_graph(site, note_node("Lonely.md"), site.sitemap.note("Lonely.md"))) == ""
    assert str(local_graph(site, note_node("Missing.md"), SitePath("notes/missing.html"))) == ""


def test_local_graph_links_resolve_from_concept_pages() -> None:
    site = site_of(LINKED)
    page = site.sitemap.concept("dropout")
    svg = svg_of(str(local_graph(site, term_node("dropout"), page)))
    targets = {target_of(page, a.get("href")) for a in node_links(svg)}
    assert targets == {"notes/a.html", "notes/b.html", "notes/c.html"}  # c: two steps, through a and b
    assert targets <= site_pages(site)


TITLED = {  # LINKED with "B" renamed "Bagging", a note that opens by defining its title
    "A.md": "# Intro\nDropout: randomly zeroes units.\n\nSee [[Bagging#Part]].\n",
    "Bagging.md": "# Part\nBagging trains each model on a resample and we use dropout here, see [[C]].\n",
    "C.md": "Back to [[A]].\n",
    "Lonely.md": "Nobody links here.\n",
}


def test_a_concept_that_is_only_a_note_title_is_drawn_as_the_note() -> None:
    site = site_of(TITLED)
    assert site.sitemap.concept("bagging")  # the note "Bagging" defines a concept "Bagging", with its own page
    html = graph_html(site)
    assert "terms/bagging.html" not in html and html.count('href="notes/bagging.html"') == 2  # picture and list
    local = str(local_graph(site, term_node("bagging"), site.sitemap.concept("bagging")))
    centre = next(g for g in svg_of(local).iter(f"{SVG}g") if "centre" in g.get("class"))
    assert centre.find(f"{SVG}title").text.startswith("Bagging (note")


def test_links_and_concept_edges_are_separate_paths() -> None:
    svg = svg_of(graph_html(site_of(LINKED)))
    paths = {path.get("class"): path.get("d") for path in svg.iter(f"{SVG}path")}
    assert set(paths) == {"edges links", "edges concepts"}
    assert paths["edges links"].count("M") == 3  # A-B, B-C, C-A
    assert paths["edges concepts"].count("M") == 2  # dropout: defined in A, mentioned in B


# ---- graph.html -----------------------------------------------------------------------------------


def test_graph_page_nodes_link_to_existing_pages_and_are_listed() -> None:
    site = site_of(LINKED)
    html = graph_html(site)
    svg = svg_of(html)
    targets = [target_of(GRAPH_PAGE, a.get("href")) for a in node_links(svg)]
    assert sorted(targets) == [
        "notes/a.html",
        "notes/b.html",
        "notes/c.html",
        "notes/lonely.html",
        "terms/dropout.html",
    ]
    assert set(targets) <= site_pages(site)
    for a in node_links(svg):  # every node has an accessible name
        assert a.find(f"{SVG}title").text
    assert svg.get("aria-labelledby") == "graph-title" and 'id="graph-title"' in html
    assert "Showing all 5 notes and concepts." in html
    listed = re.search(r'<details class="graph-list">.*?</details>', html, re.S).group(0)
    assert sorted(re.findall(r'<a href="([^"]+)"', listed)) == sorted(a.get("href") for a in node_links(svg))
    assert 'href="graph.json"' in html


def test_graph_page_is_capped_to_the_most_connected_with_a_sentence() -> None:
    files = {f"N{i:03}.md": f"[[N{(i + 1) % 320:03}]]\n" for i in range(320)}
    files["N000.md"] = "".join(f"[[N{i:03}]] " for i in range(1, 40)) + "\n"  # the hub
    html = graph_html(site_of(files))
    svg = svg_of(html)
    assert len(node_links(svg)) == graph_svg.GLOBAL_CAP == 300
    assert "Showing 300 of the 320 notes and concepts: the most connected ones that link up" in html
    titles = [a.find(f"{SVG}title").text for a in node_links(svg)]
    assert any(title.startswith("N000 (note, 40 connections)") for title in titles)


def test_cap_keeps_the_most_connected_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_svg, "GLOBAL_CAP", 2)
    html = graph_html(site_of(LINKED))
    titles = sorted(a.find(f"{SVG}title").text for a in node_links(svg_of(html)))
    assert titles == ["A (note, 3 connections)", "B (note, 3 connections)"]
    assert "Showing 2 of the 5 notes and concepts" in html


def test_empty_vault_has_a_graph_page_without_a_picture() -> None:
    html = graph_html(site_of({}))
    assert "There are no notes or concepts to draw yet." in html and "<svg" not in html


@pytest.mark.parametrize(
    "cap, shown",
    [
        (1, ["g"]),
        (3, ["g", "m1", "m2"]),  # grows from the most connected node rather than jump to h
        (5, ["g", "m1", "m2", "m3", "m4"]),
        (6, ["g", "h", "m1", "m2", "m3", "m4"]),  # g's part is used up: start again from h
        (99, ["g", "h", "l1", "l2", "l3", "m1", "m2", "m3", "m4"]),
    ],
)
def test_the_global_graph_grows_from_the_most_connected(cap: int, shown: list[str]) -> None:
    two_stars = [("h", "l1"), ("h", "l2"), ("h", "l3"), ("g", "m1"), ("g", "m2"), ("g", "m3"), ("g", "m4")]
    assert connected_core(chain_reader(two_stars), cap) == [note_node(name) for name in shown]


def test_summary_sentences() -> None:
    assert summary(300, 10_080) == (
        "Showing 300 of the 10,080 notes and concepts: the most connected ones that link up with each other."
    )
    assert summary(1, 1) == "Showing the only note or concept."


def test_names_are_escaped() -> None:
    files = {"A.md": "---\ntitle: '<b>&\"'\n---\nSee [[B]].\n", "B.md": "text\n"}
    site = site_of(files)
    html = graph_html(site)
    assert "<b>" not in html and "&lt;b&gt;&amp;&#34;" in html
    titles = [a.find(f"{SVG}title").text for a in node_links(svg_of(html))]
    assert '<b>&" (note, 1 connection)' in titles  # the parsed XML gives the original text back
    local = str(local_graph(site, note_node("B.md"), site.sitemap.note("B.md")))
    assert "<b>" not in local and svg_of(local) is not None


def test_output_is_the_same_whatever_the_insertion_order() -> None:
    site = site_of(LINKED)
    first, second = graph_html(site), graph_html(site_of(dict(reversed(list(LINKED.items())))))
    assert first == second
    forward = chain_reader(STAR_AND_TAIL)
    backward = chain_reader(STAR_AND_TAIL[::-1])
    assert forward.ranked == backward.ranked and forward.neighbours == backward.neighbours


# ---- layout and numbers ---------------------------------------------------------------------------


def test_spring_layout_is_seeded_and_fit_rounds_into_the_box() -> None:
    nodes = [f"n{i}" for i in range(30)]
    edges = [(nodes[i], nodes[(i * 7 + 1) % 30]) for i in range(30)]
    first = fit(spring_layout(nodes, edges), 800, 600, 20)
    assert first == fit(spring_layout(nodes, edges), 800, 600, 20)
    assert all(20 <= x <= 780 and 20 <= y <= 580 for x, y in first.values())
    assert all(round(value, 1) == value for point in first.values() for value in point)
    assert fit({"only": (0.3, 0.7)}, 100, 50, 5) == {"only": (50.0, 25.0)}


def test_rings_start_at_the_top_and_turn_by_half_a_step() -> None:
    inner, outer = ring_positions([4, 2], [10.0, 20.0])
    assert inner == [(0.0, -10.0), (10.0, 0.0), (0.0, 10.0), (-10.0, 0.0)]
    assert outer == [(20.0, 0.0), (-20.0, 0.0)]


@pytest.mark.parametrize("value, text", [(12.0, "12"), (-3.5, "-3.5"), (-0.04, "0"), (1.25, "1.2"), (7.96, "8")])
def test_numbers_have_at_most_one_decimal(value: float, text: str) -> None:
    assert number(value) == text
