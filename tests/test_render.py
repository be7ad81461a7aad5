"""Rendering notes once links are resolved: links, embeds, transclusion, tags, raw HTML."""

from __future__ import annotations

from tests.vaults import resolve_files
from vaultc.names import VaultPath
from vaultc.render.notes.pages import note_body
from vaultc.render.sitemap import plan_site


def body(files: dict[str, str], path: str = "A.md", allow_html: bool = False, author: bool = False) -> str:
    vault = resolve_files(files)
    sitemap = plan_site(vault.notes, vault.attachments)
    note = vault.notes[VaultPath(path)]
    return note_body(note, sitemap.note(VaultPath(path)), vault, sitemap, allow_html, author=author)


def test_links_are_relative_site_urls_with_anchors() -> None:
    html = body({"A.md": "[[sub/B#Part Two|see]] [[#Top]]\n# Top\n", "sub/B.md": "## Part Two\n"})
    assert '<a class="wikilink" href="sub/b.html#part-two">see</a>' in html
    assert '<a class="wikilink" href="#top">Top</a>' in html


def test_broken_links_have_no_href_and_say_why() -> None:
    html = body({"A.md": "[[Nowhere]] and [[B#Nope]]\n", "B.md": "text\n"})
    assert '<a class="wikilink broken" title="No note named “Nowhere” yet">Nowhere</a>' in html
    assert '<a class="wikilink broken-anchor" title="This heading or block does not exist" href="b.html">' in html


def test_whole_note_section_and_block_transclusion() -> None:
    files = {
        "A.md": "![[B]]\n\n![[B#Two]]\n\n![[B#^quote]]\n",
        "B.md": "# One\nfirst\n# Two\nsecond [[A]]\n## Two-sub\nnested\n# Three\nthird\n\n> quoted\n\n^quote\n",
    }
    html = body(files)
    whole, section, block = html.split('<div class="transclusion">')[1:]
    assert "first" in whole and "third" in whole
    assert "second" in section and "nested" in section and "third" not in section and "first" not in section
    assert "<blockquote>" in block and "quoted" in block and "second" not in block
    assert 'id="' not in html  # embedded ids would duplicate the source page's
    assert '<a class="wikilink" href="a.html">A</a>' in section  # links keep working inside embeds
    assert "<p><div" not in html  # a paragraph holding an embed becomes a div


def test_transclusion_loop_is_cut_with_a_link() -> None:
    html = body({"A.md": "![[B]]\n", "B.md": "b text ![[A]]\n"})
    assert "b text" in html
    assert '<a class="transclusion-loop" href="a.html" title="Embeds loop back here">A</a>' in html


def test_attachments_embed_by_type() -> None:
    files = {
        "A.md": "![[p.png|100x145]] ![[s.mp3]] ![[v.mp4]] ![[d.pdf]] ![[x.zip]] ![[gone.png]]\n",
        "p.png": "",
        "s.mp3": "",
        "v.mp4": "",
        "d.pdf": "",
        "x.zip": "",
    }
    html = body(files)
    assert '<img src="../files/p.png" alt="p.png" width="100" height="145" loading="lazy">' in html
    assert '<audio class="embed-audio" controls preload="metadata" src="../files/s.mp3"' in html
    assert '<video class="embed-video" controls preload="metadata" src="../files/v.mp4"' in html
    pdf = '<object class="embed-pdf" data="../files/d.pdf" type="application/pdf"><a href="../files/d.pdf">d.pdf</a>'
    assert pdf + "</object>" in html
    assert '<a class="embed-file" href="../files/x.zip">x.zip</a>' in html
    assert '<span class="embed-unavailable">gone.png (not available)</span>' in html  # the public site: quiet
    assert "Missing embed" not in html
    marked = '<span class="embed-missing" role="img" aria-label="Missing embed: gone.png">Missing embed: gone.png'
    assert marked in body(files, author=True)  # the author's view: cannot be missed


def test_tags_link_to_their_pages() -> None:
    html = body({"A.md": "about #ml/nlp here\n"})
    assert '<a class="tag" href="../tags/ml/nlp.html">#ml/nlp</a>' in html


def test_scripts_in_notes_do_not_run_unless_allowed() -> None:
    note = {
        "A.md": '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a> <br>\n'
    }
    safe = body(note)
    assert "<script" not in safe and "onerror" not in safe and "javascript:" not in safe
    assert "<br>" in safe
    trusted = body(note, allow_html=True)
    assert "<script>alert(1)</script>" in trusted


def test_text_is_escaped() -> None:
    html = body({"A.md": "a <b & c> [[<x>|1 < 2]]\n"})
    assert "a &lt;b &amp; c&gt;" in html
    assert 'title="No note named “&lt;x&gt;” yet">1 &lt; 2</a>' in html


def test_pasted_data_images_survive_but_data_links_do_not() -> None:
    html = body({"A.md": '![x](data:image/png;base64,iVBORw0KGgo=) <a href="data:text/html,<script>">y</a>\n'})
    assert '<img src="data:image/png;base64,iVBORw0KGgo="' in html
    assert "data:text/html" not in html


def test_headings_follow_the_page_outline_without_skipping_levels() -> None:
    html = body({"A.md": "## Two\n##### Five\n###### Six\n### Three\n# One\n"})
    assert [line[:3] for line in html.splitlines()] == ["<h2", "<h3", "<h4", "<h3", "<h2"]


def test_code_blocks_can_be_reached_by_keyboard_to_scroll() -> None:
    html = body({"A.md": "```python\nx = 1\n```\n\n    indented\n"})
    assert html.count('<pre tabindex="0"') == 2
