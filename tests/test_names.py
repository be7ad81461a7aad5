"""Names, slugs and relative URLs between site paths."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from tests.crawl import broken_references
from vaultc.build import BuildOptions, build
from vaultc.names import (
    MAX_NAME_BYTES,
    Slugger,
    VaultPath,
    bounded_name,
    normalize_inside,
    relative_url,
    slugify,
)
from vaultc.render.sitemap import SiteMap, plan_site

PAGES = ["index.html", "notes/a.html", "notes/x/b.html", "notes/x/y/c.html", "notes/z/d.html", "tags/ml/nlp.html",
         "files/img/p q.png", "static/style.css", "notes.html"]


@pytest.mark.parametrize("source", PAGES)
@pytest.mark.parametrize("target", PAGES)
def test_relative_url_agrees_with_posixpath(source: str, target: str) -> None:
    expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
    assert relative_url(source, target) == expected.replace(" ", "%20")


def test_relative_url_fragments() -> None:
    assert relative_url("notes/a.html", "notes/a.html", "^block 1") == "#%5Eblock%201"
    assert relative_url("notes/a.html", "notes/x/b.html", "part") == "x/b.html#part"


@pytest.mark.parametrize("text, slug", [
    ("Graph View!", "graph-view"), ("What's new?", "whats-new"), ("Café  au lait", "café--au-lait"),
    ("日本語 ノート", "日本語-ノート"), ("a_b-c", "a_b-c"), ("!!!", ""),
    ("Supervised machine\u00a0learning", "supervised-machinelearning"),  # GitHub drops the no-break space
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_unique_slug_counts_up() -> None:
    slugs = Slugger()
    assert [slugs.slug(t) for t in ("A", "a", "A", "???")] == ["a", "a-1", "a-2", "section"]


def test_slugs_skip_names_already_taken_and_reserved() -> None:
    slugs = Slugger({"content"})
    assert [slugs.slug(t) for t in ("Content", "x 1", "x", "x", "x")] == ["content-1", "x-1", "x", "x-2", "x-3"]


class CountingSet(set):
    """A set that counts how often it is asked whether it holds something."""

    asked = 0

    def __contains__(self, item: object) -> bool:
        CountingSet.asked += 1
        return super().__contains__(item)


def test_a_thousand_equal_headings_take_linear_work() -> None:
    slugs = Slugger()
    slugs.taken = CountingSet()
    CountingSet.asked = 0
    found = [slugs.slug("What is it?") for _ in range(1000)]
    assert found[-1] == "what-is-it-999" and len(set(found)) == 1000
    assert CountingSet.asked < 3000  # counting up from "x" every time asks 500,500 times


@pytest.mark.parametrize("folder, target, joined", [
    ("a/b", "../c", "a/c"), ("a", "./x.md", "a/x.md"), ("", "../x", None), ("a", "../../x", None), ("a", "..", ""),
])
def test_normalize_inside(folder: str, target: str, joined: str | None) -> None:
    assert normalize_inside(folder, target) == joined


# Output file names are bounded: every file or folder name vaultc writes fits in MAX_NAME_BYTES of
# UTF-8 (plus a short suffix such as "-2" or ".html"), well under the 255 bytes file systems allow.


@pytest.mark.parametrize("name", ["a" * 300, "é" * 200, "日本語" * 100, "a" * 150 + "😀" * 40, "ab-" * 90])
def test_long_names_are_shortened_with_a_stable_hash(name: str) -> None:
    short = bounded_name(name)
    assert len(short.encode("utf-8")) <= MAX_NAME_BYTES
    assert short == bounded_name(name)  # deterministic
    assert name.startswith(short.rsplit("-", 1)[0])  # the start of the name is kept, cut between characters
    assert bounded_name(name[:-1] + "x") != short  # names that differ only at the end stay apart


def test_names_that_fit_are_kept() -> None:
    fits = "x" * MAX_NAME_BYTES
    assert bounded_name(fits) == fits
    assert bounded_name("日" * (MAX_NAME_BYTES // 3)) == "日" * (MAX_NAME_BYTES // 3)


def test_site_paths_of_long_notes_tags_and_terms_are_bounded() -> None:
    long_folder, long_note = "f" * 240, "n" * 251
    sitemap = plan_site(
        [VaultPath(f"{long_folder}/{long_note}.md"), VaultPath("日" * 84 + ".md")],
        [],
        {"term": "t" * 300},
    )
    paths = [*sitemap.notes.values(), *sitemap.concepts.values(), SiteMap.tag("x" * 300 + "/y")]
    assert all(len(segment.encode("utf-8")) <= MAX_NAME_BYTES + len(".html") for p in paths for segment in p.split("/"))
    assert len(set(paths)) == len(paths)


def test_a_vault_of_long_names_builds_and_every_link_resolves(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / ("d" * 200)).mkdir(parents=True)
    tag = "t" * 300
    names = {
        "x" * 251: f"#{tag}\n\nWhat is it?\n\nLong.",  # 254 bytes with ".md"; "x" * 251 + ".html" is 256
        "日" * 84: "What is this?\n\nWide.",  # 252 bytes of UTF-8 in 84 characters
        "d" * 200 + "/" + "e" * 240: "Deep.",  # its study deck's flattened name joins both
    }
    for name, text in names.items():
        (vault / f"{name}.md").write_text(text, "utf-8")
    links = " ".join(f"[[{name}]]" for name in names)
    (vault / "index.md").write_text(f"# Home\n\n{links} #{tag}\n", "utf-8")
    result = build(BuildOptions(vault, tmp_path / "site"))
    assert result.written and not result.failed(strict=False)
    site = tmp_path / "site"
    longest = max(len(path.name.encode("utf-8")) for path in site.rglob("*"))
    assert longest <= MAX_NAME_BYTES + len(".page-99.html")
    assert broken_references(site) == []
