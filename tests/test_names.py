"""Names, slugs and relative URLs between site paths."""

from __future__ import annotations

import posixpath

import pytest

from vaultc.names import normalize_inside, relative_url, slugify, unique_slug

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
    taken: set[str] = set()
    assert [unique_slug(t, taken) for t in ("A", "a", "A", "???")] == ["a", "a-1", "a-2", "section"]


@pytest.mark.parametrize("folder, target, joined", [
    ("a/b", "../c", "a/c"), ("a", "./x.md", "a/x.md"), ("", "../x", None), ("a", "../../x", None), ("a", "..", ""),
])
def test_normalize_inside(folder: str, target: str, joined: str | None) -> None:
    assert normalize_inside(folder, target) == joined
