"""``unsafe-html``: what the sanitizer removes from a note's raw HTML is reported at file:line, with
the same rules (every payload of tests/test_active_content.py that runs code is named), and nothing
is reported for HTML that is published as written; ``--allow-html`` builds report none of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_active_content import PAYLOADS
from vaultc.cli import main
from vaultc.html_report import unsafe_html
from vaultc.parse import parse_note

NOT_ACTIVE_OR_ONLY_RESTYLED = {
    '<iframe src="https://example.com/" sandbox="allow-scripts allow-same-origin"></iframe>',  # shown, re-sandboxed
    '<div style="background:url(javascript:alert(1))">x</div>',  # a style dropped: the text is kept
    '<a href="x" style="position:fixed;inset:0">cover the page</a>',
    "<xmp><img src=x onerror=alert(1)></xmp>",  # raw text: the <img> is words, never an element
    "<!--><img src=x onerror=alert(1)>-->",  # read as one comment here; the sanitizer removes it
}


def findings(text: str) -> list[tuple[int, str]]:
    return [(found.line, found.subject) for found in unsafe_html([parse_note("A.md", text)])]


@pytest.mark.parametrize("payload", sorted(set(PAYLOADS) - NOT_ACTIVE_OR_ONLY_RESTYLED))
def test_every_payload_that_runs_code_is_reported_at_its_line(payload: str) -> None:
    found = findings("# Note\n\nSome text\n\n" + payload + "\n")
    assert found and {line for line, _ in found} == {5}, found


@pytest.mark.parametrize(
    "html",
    [
        "<b>bold</b> and <sup>2</sup> and <br>",
        "<details><summary>More</summary>\n\nHidden answer\n</details>",
        '<img src="pics/a.png" alt="a" width="200">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="pasted">',
        '<iframe src="https://www.youtube.com/embed/x" allowfullscreen></iframe>',
        '<object data="files/doc.pdf" type="application/pdf"></object>',
        '<a href="https://example.com">site</a> <a href="mailto:a@b.c">mail</a>',
        "Write `<embed src=x>` like this",
        "```html\n<script>alert(1)</script>\n<embed src=x>\n```",
        "Put it in a <script> tag",  # unclosed: shown as text (a raw-text-tag finding), nothing removed
        "the <textarea> element",
    ],
)
def test_html_published_as_written_is_not_reported(html: str) -> None:
    assert findings("Intro\n\n" + html + "\n") == []


def test_tags_inside_a_paragraph_are_placed_at_their_line() -> None:
    text = "Intro\n\nfirst line <b>x</b>\nsecond <img src=x onerror=y>\nthird\n<a href='javascript:z'>a</a>\n"
    assert findings(text) == [(4, "<img>"), (6, "<a>")]


def test_a_noscript_split_over_two_tags_is_read_as_a_browser_reads_it() -> None:
    assert findings('Text <noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n') == [(1, "<img>")]


def test_an_escaped_bracket_is_text_not_a_tag() -> None:
    assert findings("Text \\<img src=x onerror=y> and <b>b</b>\n") == []


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault" / "A.md").write_text("# A\n\nA widget: <embed src='w.swf'>\n", "utf-8")
    return tmp_path / "vault"


def test_lint_and_a_default_build_report_it_and_an_allow_html_build_does_not(vault: Path, tmp_path: Path) -> None:
    lint = CliRunner().invoke(main, ["lint", str(vault)])
    assert "A.md:3:0: warning unsafe-html <embed> is removed from the site (--allow-html keeps it)" in lint.output
    build = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site")])
    assert "unsafe-html" in build.output
    trusted = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site"), "--allow-html"])
    assert trusted.exit_code == 0 and "unsafe-html" not in trusted.output
