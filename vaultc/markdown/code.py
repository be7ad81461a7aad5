"""Syntax highlighting for fenced code, done at build time with Pygments, plus its stylesheet.

Why this module exists: pages should be readable without JavaScript, so code is coloured when the
site is built. :func:`highlight_code` is markdown-it's ``highlight`` option; it emits CSS classes
only, and :func:`pygments_css` gives the matching light and dark colours.

The language is the fence's info word, looked up by Pygments alias and never guessed from the
code (guessing is slow and its choices are surprising). An empty or unknown language, and
``mermaid`` (which a diagram renderer takes over), get ``""``: markdown-it then escapes the code
itself and renders ``<pre><code class="language-LANG">``.
"""

from __future__ import annotations

import functools

from markdown_it.common.utils import escapeHtml
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

LIGHT_STYLE = "default"
DARK_STYLE = "github-dark"
_NOT_HIGHLIGHTED = frozenset({"mermaid"})
_FORMATTER = HtmlFormatter(nowrap=True)
# Dark rules win over light ones by specificity; the reset stops a light colour from leaking into
# dark mode for a token class that the dark style leaves uncoloured.
_DARK_RESET = (
    "{root} .highlight span { color: inherit; background: none; font-weight: inherit;"
    " font-style: inherit; text-decoration: inherit; border: none }"
)


def highlight_code(code: str, lang: str, attrs: str) -> str:
    """``<pre class="highlight"><code class="language-LANG">`` HTML; "" lets markdown-it escape."""
    lexer = _lexer(lang.lower())
    if lexer is None:
        return ""
    spans = highlight(code, lexer, _FORMATTER)
    language = escapeHtml(lang)
    return f'<pre class="highlight"><code class="language-{language}">{spans}</code></pre>'


@functools.lru_cache(maxsize=256)
def _lexer(name: str) -> Lexer | None:
    if not name or name in _NOT_HIGHLIGHTED:
        return None
    try:
        # stripnl=False: leading and trailing blank lines are part of what the author wrote.
        return get_lexer_by_name(name, stripnl=False)
    except ClassNotFound:
        return None


@functools.cache
def pygments_css() -> str:
    """Light colours as plain rules; dark ones when the OS prefers dark (unless the page chose
    ``data-theme="light"``) and when the page chose ``data-theme="dark"``."""
    light = _rules(LIGHT_STYLE, ".highlight")
    os_dark = _dark_rules(':root:not([data-theme="light"])')
    chosen_dark = _dark_rules(':root[data-theme="dark"]')
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{os_dark}\n}}\n{chosen_dark}\n"


def _dark_rules(root: str) -> str:
    reset = _DARK_RESET.replace("{root}", root)
    return f"{reset}\n{_rules(DARK_STYLE, f'{root} .highlight')}"


def _rules(style: str, scope: str) -> str:
    formatter = HtmlFormatter(style=style)
    lines = formatter.get_background_style_defs(scope) + formatter.get_token_style_defs(scope)
    return "\n".join(lines)
