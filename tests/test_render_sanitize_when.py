"""The sanitizer runs on exactly the renderings that hold HTML markdown-it did not escape: a note's
raw HTML, MathML, and either of them arriving by transclusion or in an answer shown elsewhere. Other
notes are markdown-it output, whose text is escaped and URLs validated, and are published as rendered."""

from __future__ import annotations

import pytest

from tests.note_pages import page_body, site_of
from vaultc.names import VaultPath
from vaultc.render.notes import pages as notes
from vaultc.render.notes.pages import fragment_html


@pytest.fixture
def sanitized(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML each call of the sanitizer got, while it still does its work."""
    calls: list[str] = []
    real = notes.sanitize_html

    def recording(html: str) -> str:
        calls.append(html)
        return real(html)

    monkeypatch.setattr(notes, "sanitize_html", recording)
    return calls


PLAIN = "# A\n\nText with [[B]], a [link](https://example.org), `<b>code</b>`, **bold** and #tag.\n"


def test_a_note_of_markdown_only_is_not_sanitized(sanitized: list[str]) -> None:
    html = page_body({"A.md": PLAIN, "B.md": "# B\n"})
    assert sanitized == [] and "&lt;b&gt;code&lt;/b&gt;" in html


@pytest.mark.parametrize(
    "text",
    [
        "# A\n\nRaw <img src=x onerror=alert(1)> here\n",
        "# A\n\n<div onclick=alert(1)>block</div>\n",

        "# A\n\n![[B]]\n",  # B holds raw HTML: the page holds it too
    ],
)
def test_a_rendering_with_raw_html_or_mathml_is_sanitized(sanitized: list[str], text: str) -> None:
    html = page_body({"A.md": text, "B.md": "# B\n\n<img src=x onerror=alert(1)>\n"})
    assert len(sanitized) == 1 and "onerror" not in html and "onclick" not in html


def test_an_answer_shown_elsewhere_is_sanitized_when_it_holds_raw_html(sanitized: list[str]) -> None:
    site = site_of({"A.md": "## What is it?\n\nIt is <img src=x onerror=alert(1)> this.\n"})
    note = site.vault.notes[VaultPath("A.md")]
    html = fragment_html(site, note, (3, len(note.tokens)), "questions/index.html")
    assert "onerror" not in html and len(sanitized) == 1


def test_a_page_of_formulas_needs_no_sanitizer_as_its_mathml_is_cleaned_when_parsed(sanitized: list[str]) -> None:
    text = (
        "# A\n\n$x^2$ and $\\href{https://example.org}{y}$ and $\\style{position:fixed}{z}$ and"
        " $\\text{<script>alert(1)</script>}$ and $\\color{red}{w}$\n"
    )
    html = page_body({"A.md": text})
    assert sanitized == [] and html.count("<math") == 5
    assert "href=" not in html.split("<math", 1)[1] and "style=" not in html and 'mathcolor="red"' in html
    assert "<script" not in html and "&lt;script&gt;" in html
