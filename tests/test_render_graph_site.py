"""The graphs of real vaults: graph.html of the default vault, its links, and output that does not
depend on Python's string hashing (set and dict order)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.crawl import broken_references
from vaultc.cli import main

ROOT = Path(__file__).resolve().parent.parent
VAULT = ROOT / "vault"
SVG = "{http://www.w3.org/2000/svg}"

# Renders graph.html and every local graph of the default vault; prints a digest of all of it.
DIGEST_SCRIPT = """
import hashlib, sys
from pathlib import Path
from vaultc.analysis import StageTimer, analyse
from vaultc.graph import build_graph
from vaultc.graph_nodes import note_node, term_node
from vaultc.render.context import SiteOptions, site_context
from vaultc.render.graph.graph_svg import graph_pages, local_graph
from vaultc.theme import load_theme

analysis = analyse(Path(sys.argv[1]), (), StageTimer(lambda message: None))
vault, knowledge = analysis.resolved, analysis.knowledge
site = site_context(vault, knowledge, build_graph(vault, knowledge), load_theme(), SiteOptions("t"))
sitemap = site.sitemap
digest = hashlib.sha256(graph_pages(site)[0].content)
for path in sorted(vault.notes):
    digest.update(str(local_graph(site, note_node(path), sitemap.note(path))).encode())
for key in sorted(sitemap.concepts):
    digest.update(str(local_graph(site, term_node(key), sitemap.concept(key))).encode())
print(digest.hexdigest())
"""


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("graph") / "site"
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output), "-q"])
    assert result.exit_code == 0, result.output
    return output


def test_graph_page_exists_and_draws_the_vault(built_site: Path) -> None:
    html = (built_site / "graph.html").read_text("utf-8")
    assert html.count("<h1>") == 1
    svg = ET.fromstring(re.search(r'<svg class="graph .*?</svg>', html, re.S).group(0))
    links = list(svg.iter(f"{SVG}a"))
    assert len(links) >= 50  # three notes and their concepts
    assert all(link.find(f"{SVG}title").text for link in links)
    assert re.search(r"Showing all \d+ notes and concepts\.", html)
    assert 'href="static/graph.css"' in html and 'src="static/graph.js"' in html
    assert (built_site / "static" / "graph.js").is_file() and (built_site / "static" / "graph.css").is_file()


def test_graph_page_links_resolve(built_site: Path) -> None:
    problems = [problem for problem in broken_references(built_site) if problem.startswith("graph.html:")]
    assert problems == []


def test_graph_page_weight_is_small(built_site: Path) -> None:
    assert (built_site / "graph.html").stat().st_size < 300_000


def _digest(hash_seed: str) -> str:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", DIGEST_SCRIPT, str(VAULT)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=True,
    )
    return result.stdout.strip()


def test_graphs_do_not_depend_on_string_hashing() -> None:
    """Set and dict iteration order changes with PYTHONHASHSEED; the graphs must not."""
    digests = {_digest(seed) for seed in ("1", "2")}
    assert len(digests) == 1
    assert len(next(iter(digests))) == len(hashlib.sha256().hexdigest())
