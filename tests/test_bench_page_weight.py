"""The page-weight benchmark on a tiny synthetic vault: the report's shape, and that its numbers are
real file sizes (never thresholds: weights are measured in bench/, not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.page_weight import TOP, html_pages, markdown_report, measure, site_report

ROOT = Path(__file__).resolve().parents[1]
TINY = 30


@pytest.fixture(scope="module")
def weighed(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    site = tmp_path_factory.mktemp("weight") / "site"
    return measure(TINY, seed=0, keep=site), site


def test_the_report_has_the_counts_and_the_heaviest_pages(weighed: tuple[dict, Path]) -> None:
    report, site = weighed
    assert report["notes"] == TINY and report["seed"] == 0
    assert report["html_pages"] == len(html_pages(site)) > TINY
    assert len(report["top"]) == TOP
    assert report["heaviest"] == report["top"][0]
    sizes = [page["html_bytes"] for page in report["top"]]
    assert sizes == sorted(sizes, reverse=True)
    assert max(p.stat().st_size for p in html_pages(site)) == report["heaviest"]["html_bytes"]
    assert report["data_files"]["graph.json"] == (site / "graph.json").stat().st_size
    assert not [name for name in report["data_files"] if name.endswith(".html") or name.startswith(".")]


def test_the_numbers_are_the_sizes_of_the_files(weighed: tuple[dict, Path]) -> None:
    report, site = weighed
    files = [f for f in site.rglob("*") if f.is_file()]
    assert report["site_files"] == len(files)
    assert report["site_bytes"] == sum(f.stat().st_size for f in files)
    for page in report["top"]:
        assert page["html_bytes"] == (site / page["path"]).stat().st_size
        assert page["assets"] == {name: (site / name).stat().st_size for name in page["assets"]}
        css = sum(size for name, size in page["assets"].items() if name.endswith(".css"))
        js = sum(size for name, size in page["assets"].items() if name.endswith(".js"))
        assert (page["css_bytes"], page["js_bytes"]) == (css, js)
        assert page["total_bytes"] == page["html_bytes"] + css + js
        assert 0 < page["total_gzip_bytes"] < page["total_bytes"]
        # every page loads the theme's stylesheet and scripts
        assert {"static/style.css", "static/site.js", "static/theme-init.js"} <= set(page["assets"])


def test_an_existing_site_can_be_weighed_and_printed(weighed: tuple[dict, Path]) -> None:
    report, site = weighed
    again = site_report(site)
    assert again == {key: value for key, value in report.items() if key not in ("notes", "seed")}
    table = markdown_report(report)
    assert f"| {report['heaviest']['path']} |" in table
    assert len(table.splitlines()) == 4 + TOP + 2
    assert "Fetched on demand: " in table and "graph.json" in table


def test_the_script_prints_json(weighed: tuple[dict, Path]) -> None:
    _, site = weighed
    output = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "page_weight.py"), "--site", str(site), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert json.loads(output) == site_report(site)
