"""Site-wide features on a build of the default vault: titles and descriptions, the theme toggle's
markup and scripts, the 404 page with and without a base URL, and the repository's Pages workflow."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner

from vaultc.build import readable_name
from vaultc.cli import main

ROOT = Path(__file__).resolve().parent.parent
VAULT = ROOT / "vault"
STATIC = ROOT / "themes" / "default" / "static"
BASE = "https://me.github.io/notes/"


class PageHead(HTMLParser):
    """What the tests read from one page: title, description, scripts, links, the toggle, URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.description, self._in = "", None, ""
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts = 0
        self.head_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.elements.append((tag, values))
        self._in = tag
        if tag == "meta" and values.get("name") == "description":
            self.description = values.get("content")
        elif tag == "script":
            self.scripts.append({**values, "in_head": None if self.head_done else "yes"})
        elif tag == "link":
            self.links.append(values)
        elif tag == "body":
            self.head_done = True

    def handle_data(self, data: str) -> None:
        if self._in == "title" and not self.head_done:  # not the <title> of an SVG
            self.title += data
        elif self._in == "script" and data.strip():
            self.inline_scripts += 1

    def handle_endtag(self, tag: str) -> None:
        self._in = ""

    def urls(self) -> list[str]:
        return [v for _, attrs in self.elements for k, v in attrs.items() if k in ("href", "src", "action") and v]


def read(page: Path) -> PageHead:
    parser = PageHead()
    parser.feed(page.read_text("utf-8"))
    return parser


def build(output: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output), "-q", *options])
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("site-wide") / "site")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("site-wide-base") / "site", "--base-url", BASE)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.is_relative_to(site / "static"))


def test_every_page_has_a_distinct_title_naming_the_site(site: Path) -> None:
    titles = {page.relative_to(site).as_posix(): read(page).title for page in html_pages(site)}
    name = readable_name(ROOT / "vault")  # no title is configured: named after the checkout holding vault/
    assert titles["index.html"] == name and name.casefold() != "vault"
    assert all(title.endswith(f" · {name}") for path, title in titles.items() if path != "index.html"), titles
    repeated = [title for title, count in Counter(titles.values()).items() if count > 1]
    assert repeated == [], {path: title for path, title in titles.items() if title in repeated}


def test_every_page_has_a_meta_description(site: Path) -> None:
    empty = [
        page.relative_to(site).as_posix() for page in html_pages(site) if not (read(page).description or "").strip()
    ]
    assert empty == []


def test_the_theme_is_applied_before_the_page_is_drawn_by_a_blocking_head_script(site: Path) -> None:
    for page in html_pages(site):
        head = read(page)
        sources = [script["src"] for script in head.scripts]
        assert head.inline_scripts == 0 and all(sources), page  # no inline scripts anywhere
        (init,) = [s for s in head.scripts if s["src"].endswith("static/theme-init.js")]
        assert init["in_head"] and "defer" not in init and "async" not in init, page
        (site_js,) = [s for s in head.scripts if s["src"].endswith("static/site.js")]
        assert "defer" in site_js, page
        stylesheets = [link["href"] for link in head.links if link.get("rel") == "stylesheet"]
        assert any(href.endswith("static/site.css") for href in stylesheets), page
        assert any(link.get("rel") == "icon" for link in head.links), page
    for name in ("theme-init.js", "site.js", "site.css", "favicon.svg"):
        assert (site / "static" / name).is_file()


def test_the_theme_toggle_is_a_hidden_toggle_button_until_javascript_shows_it(site: Path) -> None:
    for page in html_pages(site):
        (toggle,) = [attrs for tag, attrs in read(page).elements if attrs.get("id") == "theme-toggle"]
        assert toggle["type"] == "button" and "hidden" in toggle and toggle["aria-pressed"] == "false", page


def test_the_navigation_marks_the_current_page(site: Path) -> None:
    current = [attrs["href"] for tag, attrs in read(site / "tags" / "index.html").elements if attrs.get("aria-current")]
    assert current == ["index.html"]  # the Tags link, as seen from tags/index.html
    assert not [attrs for _, attrs in read(site / "index.html").elements if attrs.get("aria-current")]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("script", ["site.js", "theme-init.js"])
def test_the_scripts_parse(script: str) -> None:
    subprocess.run(["node", "--check", str(STATIC / script)], check=True)


def test_print_hides_the_interactive_parts() -> None:
    css = (STATIC / "site.css").read_text("utf-8")
    printed = css[css.index("@media print") :]
    for selector in (".site-search", ".theme-toggle", ".popover", ".local-graph"):
        assert selector in printed


# ---- 404 -------------------------------------------------------------------------------------------------


def test_the_404_page_offers_search_and_ways_back(site: Path) -> None:
    page = read(site / "404.html")
    (form,) = [attrs for tag, attrs in page.elements if tag == "form" and attrs.get("class") == "not-found-search"]
    assert form["action"] == "search.html" and form["method"] == "get"
    labels = [attrs.get("for") for tag, attrs in page.elements if tag == "label"]
    assert "not-found-search-input" in labels
    hrefs = [attrs.get("href") for tag, attrs in page.elements if tag == "a"]
    assert {"index.html", "glossary.html", "questions/index.html"} <= set(hrefs)
    assert ("meta", {"name": "robots", "content": "noindex"}) in page.elements


def test_without_a_base_url_the_404_page_links_relative_to_the_site_root(site: Path) -> None:
    urls = read(site / "404.html").urls()
    assert "static/style.css" in urls and "glossary.html" in urls
    assert not [url for url in urls if urlsplit(url).scheme]


def test_with_a_base_url_every_url_on_the_404_page_is_absolute(published: Path) -> None:
    urls = read(published / "404.html").urls()
    relative = [url for url in urls if not url.startswith(BASE) and not url.startswith("#")]
    assert relative == []
    assert {BASE, BASE + "glossary.html", BASE + "questions/", BASE + "static/style.css"} <= set(urls)
    assert BASE + "search.html" in urls  # both search forms
    assert "#content" in urls  # the skip link stays on the page
    # other pages keep relative URLs: the site still works from file:// and under any path
    assert "../static/style.css" in read(published / "tags" / "index.html").urls()


# ---- the repository's own GitHub Pages workflow --------------------------------------------------------


def test_the_pages_workflow_builds_the_vault_with_the_pages_base_url_and_deploys_it() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1: on -> True
    assert workflow["permissions"] == {"pages": "write", "id-token": "write", "contents": "read"}
    assert workflow["concurrency"]["group"] == "pages"
    build_steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    assert uses.index("actions/checkout") < uses.index("actions/setup-python") < uses.index("actions/configure-pages")
    assert build_steps[uses.index("actions/setup-python")]["with"]["python-version"] == "3.11"
    configure = build_steps[uses.index("actions/configure-pages")]
    runs = [step.get("run", "") for step in build_steps]
    assert "pip install ." in runs
    build_run = f'vaultc build vault -o site --base-url "${{{{ steps.{configure["id"]}.outputs.base_url }}}}"'
    assert runs.index(build_run) > runs.index("pip install .")
    upload = build_steps[uses.index("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "site" and uses.index("actions/upload-pages-artifact") > runs.index(build_run)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
