"""sitemap.xml, robots.txt and canonical links: only with a base URL, absolute, encoded, sorted, valid."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from vaultc.cli import main
from vaultc.config import load_config
from vaultc.errors import UsageProblem
from vaultc.names import SitePath
from vaultc.render.context import absolute_url
from vaultc.render.seo import ROBOTS_TXT, URLS_PER_SITEMAP, is_listed, listed_urls, seo_pages, sitemap_xml
from vaultc.render.sitemap import SITEMAP_XML

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://me.github.io/my-notes/"
PATHS = [
    SitePath(p)
    for p in (
        "notes/zeta.html",
        "index.html",
        "404.html",
        "tags/index.html",
        "questions/index.html",
        "terms/naïve-bayes.html",
        "notes/a&b.html",
        "static/style.css",
        "static/extra.html",
        "files/picture.png",
        "files/page.html",
        "graph.json",
        "glossary.html",
    )
]


def locations(xml: bytes, entry: str = "url") -> list[str]:
    """The <loc> of every <url> (or <sitemap>), checking the structure the sitemaps.org schema asks for."""
    root = ElementTree.fromstring(xml)
    assert root.tag == NS + ("urlset" if entry == "url" else "sitemapindex")
    found = []
    for item in root:
        assert item.tag == NS + entry
        assert [child.tag for child in item] == [NS + "loc"]  # no lastmod: builds are deterministic
        found.append(item[0].text)
    return found


def test_the_sitemap_lists_every_html_page_but_404_assets_and_attachments_sorted_and_absolute() -> None:
    xml = sitemap_xml(PATHS, BASE).content
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    assert locations(xml) == [
        "https://me.github.io/my-notes/",
        "https://me.github.io/my-notes/glossary.html",
        "https://me.github.io/my-notes/notes/a%26b.html",
        "https://me.github.io/my-notes/notes/zeta.html",
        "https://me.github.io/my-notes/questions/",
        "https://me.github.io/my-notes/tags/",
        "https://me.github.io/my-notes/terms/na%C3%AFve-bayes.html",
    ]


def test_urls_are_percent_encoded_and_xml_escaped() -> None:
    urls = listed_urls([SitePath("notes/a b/c?d#e&f.html")], "https://x.org")
    assert urls == ["https://x.org/notes/a%20b/c%3Fd%23e%26f.html"]
    assert (
        b"<loc>https://x.org/notes/a%20b/c%3Fd%23e%26f.html</loc>"
        in sitemap_xml([SitePath("notes/a b/c?d#e&f.html")], "https://x.org").content
    )
    # an ampersand that survives encoding (in the base URL's path) is escaped for XML
    assert (
        b"<loc>https://x.org/a&amp;b/index2.html</loc>"
        in sitemap_xml([SitePath("index2.html")], "https://x.org/a&b").content
    )


@pytest.mark.parametrize(
    ("path", "listed"),
    [("index.html", True), ("404.html", False), ("static/x.html", False), ("files/x.html", False), ("qa.json", False)],
)
def test_which_paths_are_listed(path: str, listed: bool) -> None:
    assert is_listed(SitePath(path)) is listed


def test_without_a_base_url_there_is_no_sitemap_and_no_robots_txt() -> None:
    assert seo_pages(PATHS, None) == []
    assert seo_pages(PATHS, "") == []


def test_with_a_base_url_robots_txt_points_at_the_sitemap() -> None:
    pages = {page.path: page.content for page in seo_pages(PATHS, BASE)}
    assert set(pages) == {SITEMAP_XML, ROBOTS_TXT}
    assert pages[ROBOTS_TXT].decode() == (
        "User-agent: *\nAllow: /\n\nSitemap: https://me.github.io/my-notes/sitemap.xml\n"
    )


def test_a_site_over_the_protocol_limit_gets_a_sitemap_index() -> None:
    paths = [SitePath(f"notes/n{i:06}.html") for i in range(URLS_PER_SITEMAP + 3)]
    pages = {page.path: page.content for page in seo_pages(paths, BASE)}
    assert set(pages) == {SITEMAP_XML, ROBOTS_TXT, "sitemap-1.xml", "sitemap-2.xml"}
    assert locations(pages[SITEMAP_XML], "sitemap") == [BASE + "sitemap-1.xml", BASE + "sitemap-2.xml"]
    first, second = locations(pages["sitemap-1.xml"]), locations(pages["sitemap-2.xml"])
    assert len(first) == URLS_PER_SITEMAP and len(second) == 3
    assert first + second == listed_urls(paths, BASE)


@pytest.mark.parametrize(
    ("base", "path", "expected"),
    [
        ("https://x.org", "index.html", "https://x.org/"),
        ("https://x.org/", "index.html", "https://x.org/"),
        ("https://x.org/sub/", "questions/index.html", "https://x.org/sub/questions/"),
        ("https://x.org/sub", "notes/windex.html", "https://x.org/sub/notes/windex.html"),
        ("https://x.org", "notes/Ünïcode name.html", "https://x.org/notes/%C3%9Cn%C3%AFcode%20name.html"),
    ],
)
def test_absolute_urls_serve_index_pages_as_their_folder(base: str, path: str, expected: str) -> None:
    assert absolute_url(base, path) == expected


def test_absolute_urls_keep_an_encoded_fragment() -> None:
    assert absolute_url("https://x.org", "notes/a.html", "q-what is") == "https://x.org/notes/a.html#q-what%20is"


# ---- end to end: what a build writes -----------------------------------------------------------------------

VAULT_FILES = {
    "Start.md": "# Start\n\nSee [[Über Notes]] and [[sub/Deep one]].\n\n#topic\n",
    "Über Notes.md": "Umlauts in the name.\n",
    "sub/Deep one.md": "Deep in a folder.\n",
}


def build(tmp_path: Path, *options: str, files: dict[str, str] | None = None) -> Path:
    vault, site = tmp_path / "vault", tmp_path / "site"
    for name, text in (files or VAULT_FILES).items():
        (vault / name).parent.mkdir(parents=True, exist_ok=True)
        (vault / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(site), "-q", *options])
    assert result.exit_code == 0, result.output
    return site


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "static")}


def test_a_build_with_a_base_url_lists_exactly_its_html_pages(tmp_path: Path) -> None:
    site = build(tmp_path, "--base-url", "https://me.github.io/notes")
    listed = locations((site / "sitemap.xml").read_bytes())
    expected = sorted(absolute_url("https://me.github.io/notes/", p) for p in html_pages(site) - {"404.html"})
    assert listed == expected
    assert "https://me.github.io/notes/notes/%C3%BCber-notes.html" in listed
    assert all(urlsplit(url).scheme == "https" for url in listed)
    assert "Sitemap: https://me.github.io/notes/sitemap.xml" in (site / "robots.txt").read_text()


def test_every_page_but_404_has_its_canonical_link(tmp_path: Path) -> None:
    site = build(tmp_path, "--base-url", "https://me.github.io/notes/")
    for page in html_pages(site) - {"404.html"}:
        html = (site / page).read_text("utf-8")
        assert f'<link rel="canonical" href="{absolute_url("https://me.github.io/notes/", page)}">' in html, page
    assert 'rel="canonical"' not in (site / "404.html").read_text("utf-8")


def test_a_build_without_a_base_url_has_no_sitemap_robots_or_canonical(tmp_path: Path) -> None:
    site = build(tmp_path)
    assert not (site / "sitemap.xml").exists()
    assert not (site / "robots.txt").exists()
    assert all('rel="canonical"' not in (site / page).read_text("utf-8") for page in html_pages(site))
    assert all("sitemap.xml" not in (site / page).read_text("utf-8") for page in html_pages(site))


def test_the_base_url_can_come_from_vaultc_yaml(tmp_path: Path) -> None:
    files = {**VAULT_FILES, "vaultc.yaml": "base_url: https://example.org/kb\n"}
    site = build(tmp_path, files=files)
    assert locations((site / "sitemap.xml").read_bytes())[0] == "https://example.org/kb/"


def test_the_command_line_base_url_wins_over_vaultc_yaml(tmp_path: Path) -> None:
    files = {**VAULT_FILES, "vaultc.yaml": "base_url: https://example.org/kb\n"}
    site = build(tmp_path, "--base-url", "https://other.org/", files=files)
    assert locations((site / "sitemap.xml").read_bytes())[0] == "https://other.org/"


@pytest.mark.parametrize("bad", ["example.org/notes", "ftp://example.org/", "https://example.org/?x=1", "/notes/"])
def test_a_base_url_that_is_not_an_absolute_http_url_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    (tmp_path / "vault").mkdir()
    result = CliRunner().invoke(
        main, ["build", str(tmp_path / "vault"), "-o", str(tmp_path / "site"), "--base-url", bad]
    )
    assert result.exit_code == 2
    assert "--base-url" in result.output and "https://you.github.io/notes/" in result.output
    assert not (tmp_path / "site").exists()


# ---- base_url in vaultc.yaml ------------------------------------------------------------------------------


def test_vaultc_yaml_base_url_is_normalised(tmp_path: Path) -> None:
    (tmp_path / "vaultc.yaml").write_text('title: x\nbase_url: "HTTPS://Bücher.example/my notes"\n', encoding="utf-8")
    assert load_config(tmp_path).base_url == "https://xn--bcher-kva.example/my%20notes/"


def test_vaultc_yaml_without_base_url_has_none(tmp_path: Path) -> None:
    (tmp_path / "vaultc.yaml").write_text("title: x\n", encoding="utf-8")
    assert load_config(tmp_path).base_url is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("example.org", "is not an absolute http:// or https:// URL"),
        ("https://example.org/#top", "has a query, a fragment"),
        ("[https://example.org]", "must be non-empty text"),
    ],
)
def test_a_bad_base_url_in_vaultc_yaml_names_the_line(tmp_path: Path, value: str, message: str) -> None:
    (tmp_path / "vaultc.yaml").write_text(f"title: x\nbase_url: {value}\n", encoding="utf-8")
    with pytest.raises(UsageProblem) as problem:
        load_config(tmp_path)
    assert "vaultc.yaml line 2: base_url" in problem.value.message
    assert message in problem.value.message
