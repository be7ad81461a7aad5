"""Obsidian tags: ``#tag``, ``#nested/tag``, ``#café``.

Why this module exists: tags group notes across the vault, and an inline rule finds them only in
prose (never in code, link URLs or headings' ``#`` markers), which a regex over the source cannot.

Token ``tag`` (self-closing), ``meta``: ``name`` (as written, without ``#``), ``raw`` (``#name``)
and ``offset``. Names are recorded as written; comparing them case-insensitively is the vault's job.

Choices, following Obsidian: a tag starts at the beginning of the inline content or after
whitespace (so ``foo#bar``, ``(#tag)`` and ``##double`` are text), is made of letters, digits,
marks, ``_``, ``-`` and ``/``, drops a trailing ``/``, and needs a character other than a digit or
``/`` (``#1984`` is text, ``#y1984`` a tag). Inside a link's text a tag would nest links, so there
it is text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_PUNCTUATION_IN_NAMES = "_-/"


def tags_plugin(md: MarkdownIt) -> None:
    """Register the ``#tag`` inline rule and its default rendering."""
    md.inline.ruler.push("tag", tag)
    md.add_render_rule("tag", render_tag)


def tag(state: StateInline, silent: bool) -> bool:
    """Inline rule for ``#name`` after whitespace or at the start of the content."""
    start = state.pos
    if state.src[start] != "#" or state.linkLevel > 0 or not _follows_space(state, start):
        return False
    name = _scan_name(state, start + 1)
    if not _is_tag_name(name):
        return False
    if not silent:
        token = state.push("tag", "", 0)
        token.meta = {"name": name, "raw": "#" + name, "offset": start}
    state.pos = start + 1 + len(name)
    return True


def _follows_space(state: StateInline, pos: int) -> bool:
    return pos == 0 or state.src[pos - 1].isspace()


def _scan_name(state: StateInline, start: int) -> str:
    """The longest run of name characters from ``start``, without a trailing ``/``."""
    end = start
    while end < state.posMax and _is_name_char(state.src[end]):
        end += 1
    return state.src[start:end].rstrip("/")


def _is_name_char(char: str) -> bool:
    return char in _PUNCTUATION_IN_NAMES or unicodedata.category(char)[0] in "LNM"


def _is_tag_name(name: str) -> bool:
    return any(not char.isdigit() and char != "/" for char in name)


def render_tag(self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """Plain default: the site renderer replaces it with a link to the tag's page."""
    name = escapeHtml(tokens[idx].meta["name"])
    return f'<a class="tag" href="#{name}">#{name}</a>'
