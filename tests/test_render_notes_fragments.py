"""Parts of a note shown on other pages (answers via ``fragment_html``, embeds): footnote links go
to the note's own page and nothing brings an id along; the note's own page keeps its footnotes."""

from __future__ import annotations

from tests.note_pages import duplicate_ids, page_body, site_of
from vaultc.names import SitePath
from vaultc.render.notes.pages import fragment_html

FILES = {
    "A.md": "What is x?\nAn answer[^1] with a note.\n\n[^1]: The footnote.\n",
    "B.md": "Own text[^1].\n\n![[A]]\n\n[^1]: B's footnote.\n",
}


def test_own_page_keeps_footnote_ids_and_in_page_links() -> None:
    html = page_body(FILES)
    assert '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>' in html
    assert '<li id="fn1" class="footnote-item">' in html
    assert '<a href="#fnref1" class="footnote-backref">' in html


def test_answer_on_another_page_links_footnotes_to_the_note_page_without_ids() -> None:
    site = site_of(FILES)
    (question,) = site.knowledge.questions
    note = site.vault.notes[question.note]
    html = fragment_html(site, note, question.answer.tokens, SitePath("questions/index.html"))
    assert '<sup class="footnote-ref"><a href="../notes/a.html#fn1">[1]</a></sup>' in html
    assert 'id="' not in html and "question-marks" not in html and "term-link" not in html


def test_embedded_footnotes_point_at_their_note_and_keep_the_page_ids_unique() -> None:
    html = page_body(FILES, "B.md")
    assert '<a href="a.html#fn1">[1]</a>' in html and '<a href="a.html#fnref1" class="footnote-backref">' in html
    assert html.count('id="fn1"') == 1 and html.count('id="fnref1"') == 1
    assert not duplicate_ids(html)
