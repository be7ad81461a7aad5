"""Dense vaults cost what their size says: output grows with the links a vault holds, never with
their square, and one note of many equal questions gets as many anchors. (Time is measured in
``bench/dense.py``; here only sizes and counts.)"""

from __future__ import annotations

import json
from pathlib import Path

from bench.dense import write_clique
from vaultc.build import BuildOptions, build


def site_of(tmp_path: Path, name: str, write) -> Path:
    vault, site = tmp_path / f"{name}-vault", tmp_path / f"{name}-site"
    vault.mkdir()
    write(vault)
    assert build(BuildOptions(vault, site)).written
    return site


def sizes(site: Path) -> tuple[int, int]:
    """Bytes of the whole site, and of its largest note page."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path.stat().st_size for path in (site / "notes").rglob("*.html")]
    return sum(path.stat().st_size for path in files), max(pages)


def test_a_clique_twice_as_large_costs_what_its_links_cost(tmp_path: Path) -> None:
    small, large = 30, 60
    links_ratio = (large * (large - 1)) / (small * (small - 1))  # 4.07: a clique's links grow as N^2
    small_total, small_page = sizes(site_of(tmp_path, "small", lambda folder: write_clique(small, folder)))
    large_total, large_page = sizes(site_of(tmp_path, "large", lambda folder: write_clique(large, folder)))
    assert large_total / small_total < links_ratio * 1.1  # linear in the links, not worse
    assert large_page / small_page < (large / small) * 1.1  # a page grows with its own links and backlinks


def test_one_note_of_two_thousand_equal_questions_gets_two_thousand_anchors(tmp_path: Path) -> None:
    def write(folder: Path) -> None:
        answers = "".join("## What is it?\n\nIt is a thing.\n\n" for _ in range(2000))
        (folder / "Same.md").write_text("# Same\n\n" + answers, "utf-8")

    questions = json.loads((site_of(tmp_path, "same", write) / "qa.json").read_text("utf-8"))
    questions = questions["questions"] if isinstance(questions, dict) else questions
    anchors = {question["url"] for question in questions}
    assert len(questions) == 2000 and len(anchors) == 2000
