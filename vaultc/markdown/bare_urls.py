"""Bare URLs and e-mail addresses become links, as in Obsidian's reading view.

Why this module exists: Obsidian links ``https://example.com`` and ``someone@example.org`` written
as plain text; CommonMark links only ``<https://...>``. markdown-it's linkify rule (with
linkify-it-py) does the finding, so code spans, Markdown links and HTML links are left alone, and
every URL passes markdown-it's ``validateLink`` (``javascript:``, ``vbscript:``, ``file:`` and most
``data:`` URLs are never linked). What this module adds:

* the choice of what counts: a URL with a scheme and an e-mail address, never a bare domain
  ("example.com", or "README.md": ``.md`` is a country's domain) or an IP address;
* no link inside a link: linkify knows Markdown and HTML links but not wikilinks, so a URL in a
  wikilink's label (``[[Note|see https://x.org]]``) is turned back into the label's text.

Tokens: markdown-it's own ``link_open``/``text``/``link_close`` with ``markup == "linkify"``.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

LINKIFY_OPTIONS = {"fuzzy_link": False, "fuzzy_email": True, "fuzzy_ip": False}


LINK_MARKS = ("//", "@")
"""What every link linkify may find holds (``https://``, ``//host``, ``name@host``, ``mailto:a@b``)."""


def bare_urls_plugin(md: MarkdownIt) -> None:
    """Link bare URLs and e-mail addresses, never inside a wikilink."""
    md.options["linkify"] = True
    md.enable("linkify")
    md.linkify.set(LINKIFY_OPTIONS)
    linkify = next(rule.fn for rule in md.core.ruler.__rules__ if rule.name == "linkify")
    md.core.ruler.at("linkify", _only_where_a_link_may_be(linkify))
    md.core.ruler.after("linkify", "bare_urls_outside_wikilinks", _unlink_inside_wikilinks)


def _only_where_a_link_may_be(linkify):
    """markdown-it's linkify run on the paragraphs that could hold a link: its regular expressions are
    a quarter of a note's parse when run on every paragraph."""

    def rule(state: StateCore) -> None:
        candidates = [t for t in state.tokens if t.type == "inline" and any(m in t.content for m in LINK_MARKS)]
        if candidates:  # the rule links the inline tokens' children in place
            linkify(StateCore(state.src, state.md, state.env, candidates))

    return rule


def _unlink_inside_wikilinks(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "inline" and token.children and any(c.markup == "linkify" for c in token.children):
            token.children = _without_nested_links(token.children)


def _without_nested_links(children: list[Token]) -> list[Token]:
    """The children, with linkify's link tokens dropped where a wikilink is open (their text stays)."""
    kept, depth = [], 0
    for child in children:
        depth += {"wikilink_open": 1, "wikilink_close": -1}.get(child.type, 0)
        if depth and child.markup == "linkify" and child.type in ("link_open", "link_close"):
            continue
        kept.append(child)
    return kept
