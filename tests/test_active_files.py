"""Attachments a browser would run are published so that opening them runs nothing: SVG cleaned,
pages and scripts as plain text (the policy is in :mod:`vaultc.active_files`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vaultc.active_files import EMPTY_SVG, clean_svg, published_name
from vaultc.build import BuildOptions, build

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">{}</svg>'


@pytest.mark.parametrize("inside, gone", [
    ("<script>alert(1)</script>", "alert"),
    ('<rect width="5" height="5" onclick="alert(1)"/>', "onclick"),
    ('<a xlink:href="javascript:alert(1)"><text>x</text></a>', "javascript"),
    ('<a href=" JavaScript:alert(1)"><text>x</text></a>', "javascript"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>',
     "onerror"),
    ('<use href="https://evil.example/sprite.svg#a"/>', "evil.example"),
    ('<set attributeName="href" to="javascript:alert(1)"/>', "javascript"),
    ('<animate attributeName="xlink:href" values="javascript:alert(1)"/>', "javascript"),
    ('<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script>', "alert"),
    ('<iframe xmlns="http://www.w3.org/1999/xhtml" src="x"/>', "iframe"),
])  # fmt: skip
def test_svg_loses_everything_that_could_run(inside: str, gone: str) -> None:
    cleaned = clean_svg(SVG.format(inside).encode()).decode()
    assert gone not in cleaned.casefold() and cleaned.startswith("<?xml")


def test_svg_keeps_its_drawing() -> None:
    drawing = ('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>'
               '<rect width="5" height="5" fill="url(#g)" style="stroke: red"/><use href="#g"/><text x="1">Hi</text>'
               '<image href="data:image/png;base64,iVBORw0KGgo="/>')  # fmt: skip
    cleaned = clean_svg(SVG.format(drawing).encode()).decode()
    for kept in ('viewBox="0 0 10 10"', 'fill="url(#g)"', 'style="stroke: red"', 'href="#g"', ">Hi</text>",
                 "data:image/png;base64"):  # fmt: skip
        assert kept in cleaned, (kept, cleaned)


@pytest.mark.parametrize("content", [b"not xml", b"<html><script>alert(1)</script></html>", b"<svg"])
def test_what_is_not_an_svg_document_becomes_an_empty_svg(content: bytes) -> None:
    assert clean_svg(content) == EMPTY_SVG


@pytest.mark.parametrize("path, published", [
    ("page.html", "page.html.txt"), ("a/B.HTM", "a/B.HTM.txt"), ("x.xhtml", "x.xhtml.txt"), ("run.js", "run.js.txt"),
    ("d.xml", "d.xml.txt"), ("pic.svg", "pic.svg"), ("pic.png", "pic.png"), ("doc.pdf", "doc.pdf"),
])  # fmt: skip
def test_pages_and_scripts_are_published_as_text(path: str, published: str) -> None:
    assert published_name(path) == published


def test_a_built_site_publishes_attachments_that_cannot_run(tmp_path: Path) -> None:
    vault, site = tmp_path / "vault", tmp_path / "site"
    vault.mkdir()
    (vault / "evil.svg").write_text(SVG.format('<script>alert(1)</script><circle r="4" onload="alert(2)"/>'), "utf-8")
    (vault / "page.html").write_text("<!doctype html><script>alert(3)</script>", "utf-8")
    (vault / "Note.md").write_text("![[evil.svg]]\n\n[the page](page.html) and [[page.html]]\n", "utf-8")
    build(BuildOptions(vault, site))
    svg = (site / "files/evil.svg").read_text("utf-8")
    assert "alert" not in svg and "<circle" in svg
    assert not (site / "files/page.html").exists()
    assert (site / "files/page.html.txt").read_text("utf-8") == "<!doctype html><script>alert(3)</script>"
    note = (site / "notes/note.html").read_text("utf-8")
    assert note.count('href="../files/page.html.txt"') == 2 and "files/evil.svg" in note
