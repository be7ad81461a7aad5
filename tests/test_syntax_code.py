"""Fenced code highlighting: fixture rendering and the light/dark stylesheet."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.syntax_cases import fixture_cases
from vaultc.markdown.code import highlight_code, pygments_css

MD = MarkdownIt("commonmark", {"highlight": highlight_code})


def same_text_quotes(html: str) -> str:
    """Pygments releases differ in whether text quotes are escaped (``&quot;`` or ``"``); both mean
    the same HTML, so compare with quotes unescaped. ``<``, ``>`` and ``&`` stay escaped."""
    return html.replace("&quot;", '"').replace("&#39;", "'").replace("&#x27;", "'")


@pytest.mark.parametrize(("text", "expected"), fixture_cases("code.md"))
def test_fixture(text: str, expected: str) -> None:
    assert same_text_quotes(MD.render(text)) == same_text_quotes(expected)


def test_highlighted_code_uses_classes_only() -> None:
    html = highlight_code("import os\nprint(os.sep)\n", "python", "")
    assert html.startswith('<pre class="highlight"><code class="language-python">')
    assert "style=" not in html and '<span class="kn">import</span>' in html


@pytest.mark.parametrize("lang", ["", "mermaid", "Mermaid", "no-such-language"])
def test_plain_languages_leave_escaping_to_markdown_it(lang: str) -> None:
    assert highlight_code("a < b\n", lang, "") == ""


def test_css_is_deterministic_and_covers_both_themes() -> None:
    css = pygments_css()
    assert css == pygments_css()
    light, _, rest = css.partition("@media (prefers-color-scheme: dark) {")
    media, _, chosen = rest.partition("\n}\n")
    assert light.startswith(".highlight") and "\n.highlight .k {" in light
    assert '\n:root:not([data-theme="light"]) .highlight .k {' in media
    assert '\n:root[data-theme="dark"] .highlight .k {' in chosen
    assert css.count("{") == css.count("}")


def test_dark_blocks_reset_light_colours() -> None:
    """Each dark block starts by resetting span colours, so light-only classes cannot leak."""
    css = pygments_css()
    assert css.count(".highlight span { color: inherit;") == 2
