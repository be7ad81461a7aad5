"""Obsidian's line breaks: a single newline in a paragraph is a line break, as Obsidian shows it.

Why this module exists: CommonMark joins the lines of a paragraph (a "soft" break renders as a
space), but Obsidian's "Strict line breaks" setting is off by default, so a note written line by
line (a poem, an address, a list of steps without markers) shows its lines apart. markdown-it's
``breaks`` option would do this in the renderer; doing it in the tokens instead keeps the parse
stage's output the whole truth about a note (every page and fragment renders the same, whoever
renders it). ``strict_line_breaks: true`` in ``vaultc.yaml`` leaves this plugin out (CommonMark).

Tokens: each ``softbreak`` child of an inline token becomes a ``hardbreak`` (``<br>``); later stages
treat the two alike as a line's end.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


def line_breaks_plugin(md: MarkdownIt) -> None:
    """Every newline inside a paragraph breaks the line."""
    md.core.ruler.push("obsidian_line_breaks", _hard_breaks)


def _hard_breaks(state: StateCore) -> None:
    for token in state.tokens:
        break_every_line(token)


def break_every_line(inline: Token) -> None:
    """Each soft line break of an inline token becomes a hard one (also used past the nesting limit)."""
    for child in inline.children or ():
        if child.type == "softbreak":
            child.type, child.tag = "hardbreak", "br"
