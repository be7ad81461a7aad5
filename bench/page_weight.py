"""Page weight: what a reader downloads for the heaviest pages of a big site.

Why this exists: a site of 10,000 notes has pages that list everything (glossary, questions, tags,
search), and those grow with the vault while a note page does not. This measures them: it writes
the deterministic synthetic vault (``bench/synth.py``), builds it in this process, then reads the
output folder. A page's weight is its HTML plus every stylesheet (``<link rel="stylesheet">``) and
script (``<script src>``) it references inside the site, each counted once; images and fetched
data are not counted with the pages: the files at the site's root that scripts fetch on demand
(``search-index.js``, ``graph.json``...) are listed on their own. Sizes are bytes on disk, and gzip
sizes (what GitHub Pages sends) are given beside them. Reported: the heaviest page, the five
heaviest, those root data files, and the whole site.

Usage: ``python bench/page_weight.py [--notes N] [--seed S] [--json] [--keep DIR]`` or, for a site
already built, ``python bench/page_weight.py --site DIR``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from bench.synth import write_vault  # noqa: E402
from vaultc.build import BuildOptions, build  # noqa: E402

TOP = 5


@dataclass(frozen=True)
class PageWeight:
    path: str
    html_bytes: int
    css_bytes: int
    js_bytes: int
    total_bytes: int
    total_gzip_bytes: int
    assets: dict[str, int]
    """Site path of each stylesheet and script the page loads -> its size in bytes."""


class _AssetScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() and values.get("href"):
            self.stylesheets.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.scripts.append(values["src"])


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("static/"))


def page_weight(site: Path, page: Path) -> PageWeight:
    """One page's HTML and the site files its stylesheets and scripts point at."""
    scan = _AssetScan()
    html = page.read_bytes()
    scan.feed(html.decode("utf-8"))
    css = _local_files(site, page, scan.stylesheets)
    js = _local_files(site, page, scan.scripts)
    assets = {name: file.stat().st_size for name, file in sorted({**css, **js}.items())}
    css_bytes, js_bytes = sum(assets[name] for name in css), sum(assets[name] for name in js)
    compressed = len(_gzip(html)) + sum(len(_gzip(file.read_bytes())) for file in {**css, **js}.values())
    return PageWeight(
        page.relative_to(site).as_posix(),
        len(html),
        css_bytes,
        js_bytes,
        len(html) + css_bytes + js_bytes,
        compressed,
        assets,
    )


def _local_files(site: Path, page: Path, urls: list[str]) -> dict[str, Path]:
    """Relative URLs resolved from the page to files inside the site (absolute URLs are skipped)."""
    found = {}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        file = (page.parent / unquote(parts.path)).resolve()
        if file.is_file() and file.is_relative_to(site.resolve()):
            found[file.relative_to(site.resolve()).as_posix()] = file
    return found


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def site_report(site: Path, top: int = TOP) -> dict:
    """The heaviest pages by HTML size, with what they load, and the size of the whole site."""
    pages = html_pages(site)
    by_size = sorted(pages, key=lambda page: (-page.stat().st_size, page.as_posix()))
    heaviest = [asdict(page_weight(site, page)) for page in by_size[:top]]
    files = [file for file in site.rglob("*") if file.is_file()]
    return {
        "html_pages": len(pages),
        "site_files": len(files),
        "site_bytes": sum(file.stat().st_size for file in files),
        "heaviest": heaviest[0] if heaviest else None,
        "top": heaviest,
        "data_files": {file.name: file.stat().st_size for file in sorted(site.glob("*")) if _is_data(file)},
    }


def _is_data(file: Path) -> bool:
    """A file at the site's root that pages fetch or offer (search index, graph, exports, sitemap)."""
    return file.is_file() and file.suffix != ".html" and not file.name.startswith(".")


def measure(n_notes: int, seed: int = 0, keep: Path | None = None) -> dict:
    """Write the synthetic vault, build it, and report on the site (kept in ``keep`` if given)."""
    with tempfile.TemporaryDirectory(prefix="vaultc-weight-") as scratch:
        vault = Path(scratch) / "vault"
        site = keep if keep is not None else Path(scratch) / "site"
        write_vault(n_notes, vault, seed)
        result = build(BuildOptions(vault, site))
        if not result.written:
            raise SystemExit("the build wrote nothing")
        return {"notes": result.notes, "seed": seed, **site_report(site)}


def markdown_report(report: dict) -> str:
    lines = [
        f"Site: {report['html_pages']:,} HTML pages, {report['site_files']:,} files, "
        f"{_kib(report['site_bytes'])} in all.",
        "",
        "| page | HTML | CSS | JS | total | total gzipped |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for page in report["top"]:
        lines.append(
            f"| {page['path']} | {_kib(page['html_bytes'])} | {_kib(page['css_bytes'])} | {_kib(page['js_bytes'])} "
            f"| {_kib(page['total_bytes'])} | {_kib(page['total_gzip_bytes'])} |"
        )
    data = ", ".join(f"{name} {_kib(size)}" for name, size in report["data_files"].items())
    return "\n".join(lines) + f"\n\nFetched on demand: {data or 'nothing'}.\n"


def _kib(size: int) -> str:
    return f"{size / 1024:,.1f} KiB"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Weigh the heaviest pages of a vaultc site.")
    parser.add_argument("--notes", type=int, default=10_000, metavar="N", help="synthetic vault size (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--site", type=Path, help="weigh this already built site instead of building one")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = site_report(args.site) if args.site else measure(args.notes, args.seed, args.keep)
    print(
        json.dumps(report, indent=1, sort_keys=True) if args.json else markdown_report(report),
        end="\n" if args.json else "",
    )


if __name__ == "__main__":
    main()
