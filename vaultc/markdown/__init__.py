"""Obsidian-flavoured Markdown: one markdown-it plugin per syntax, assembled in one place.

Why this package exists: every piece of Obsidian syntax is recognised by a markdown-it rule, never
by a regex over raw text or HTML, so nothing is ever parsed inside code spans or fenced code.

Token contract (what the later stages rely on; each plugin documents its own tokens):

* Inline tokens that refer to something (``wikilink_open``, ``embed``, ``tag``, ``math_inline``)
  carry ``meta["raw"]`` (their exact markup) and ``meta["offset"]`` (their start in the inline
  token's content). :mod:`vaultc.markdown.positions` turns these into 1-based ``meta["line"]`` and
  ``meta["column"]`` in the note's source, so every diagnostic can point at file:line:col.
* Plugins only parse and give a plain default rendering (used by the fixture tests). The site
  renderer (:mod:`vaultc.render.notes.markdown_html`) replaces the rules for tokens whose output depends on
  the rest of the vault (links, embeds, tags).
* Problems found while parsing are recorded in token metadata (e.g. ``meta["math_error"]``) and
  turned into diagnostics by :mod:`vaultc.parse`; plugins never raise and never print.
"""

from __future__ import annotations

from collections.abc import Mapping

from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from vaultc.markdown.admonitions import admonitions_plugin
from vaultc.markdown.bare_urls import bare_urls_plugin
from vaultc.markdown.block_ids import block_ids_plugin
from vaultc.markdown.callouts import callouts_plugin
from vaultc.markdown.cards import DEFAULT_SEPARATORS, cards_plugin
from vaultc.markdown.cloze import cloze_plugin
from vaultc.markdown.code import highlight_code
from vaultc.markdown.comments import comments_plugin
from vaultc.markdown.front_matter import front_matter_plugin
from vaultc.markdown.highlight import highlight_plugin
from vaultc.markdown.line_breaks import line_breaks_plugin
from vaultc.markdown.math import math_plugin
from vaultc.markdown.nesting import nesting_plugin
from vaultc.markdown.positions import positions_plugin
from vaultc.markdown.raw_text import raw_text_plugin
from vaultc.markdown.tags import tags_plugin
from vaultc.markdown.wikilinks import wikilinks_plugin


def create_markdown(
    card_separators: Mapping[str, str] = DEFAULT_SEPARATORS, strict_line_breaks: bool = False
) -> MarkdownIt:
    """The parser every note goes through: CommonMark + GFM tables/strikethrough + Obsidian (and the
    spaced-repetition plugin's card separators and the line-break rule, which a vault may choose)."""
    md = MarkdownIt(
        "commonmark",
        # HTML5 void elements (<br>, as the sanitizer writes them: a page is the same with or without it)
        {"html": True, "xhtmlOut": False, "linkify": False, "typographer": False, "highlight": highlight_code},
    )
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin)
    md.use(comments_plugin)
    md.use(wikilinks_plugin)
    md.use(bare_urls_plugin)
    md.use(tags_plugin)
    md.use(highlight_plugin)
    md.use(cloze_plugin)
    md.use(math_plugin)
    md.use(footnote_plugin)
    md.use(tasklists_plugin)
    md.use(deflist_plugin)
    md.use(callouts_plugin)
    md.use(admonitions_plugin)
    md.use(block_ids_plugin)
    md.use(cards_plugin, card_separators)
    md.use(nesting_plugin)  # last block rule added: it must run before all the others
    md.use(raw_text_plugin)
    if not strict_line_breaks:
        md.use(line_breaks_plugin)
    md.use(positions_plugin)
    return md
