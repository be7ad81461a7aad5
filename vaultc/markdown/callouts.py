"""Obsidian callouts: a blockquote whose first line starts with ``[!type]``.

Why this module exists: a callout is a blockquote to CommonMark, so it is recognised on the
blockquote's tokens, never by a regex over the source, and its nested Markdown (including nested
callouts) is parsed exactly like any blockquote's.

Syntax: ``> [!type]``, ``> [!type] Title with *inline* Markdown``, ``> [!type]+ Title`` (foldable,
open) and ``> [!type]- Title`` (foldable, closed), then the body on the following ``>`` lines.

Tokens: ``callout_open`` replaces ``blockquote_open`` (keeping its ``map``) with ``meta``: ``type``
(canonical: aliases mapped, custom types lowercased), ``written_type`` (as written, lowercased),
``fold`` (``"+"``, ``"-"`` or None) and ``title`` (the title's Markdown source, or the default
title); then ``callout_title_open``, an ``inline`` token holding the title, ``callout_title_close``,
the body's block tokens and ``callout_close`` (replacing ``blockquote_close``).

Ordering: the core rule runs after "block" and before "inline", so the title line is split off the
first paragraph while it is still text. Inline parsing then sees the title and the body as separate
tokens: an unclosed ``*`` in the title cannot pair with one in the body, and other plugins' inline
tokens get offsets within the right token.

Choices, following Obsidian: ``[!type]`` must open the blockquote's first line; a type is letters,
digits, ``_`` and ``-``; the default title is the type as written, not its alias, lowercased with
a capital first letter ("Faq" for ``[!FAQ]``). Foldable callouts are ``<details>``: no JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML, RendererProtocol
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_HEADER = re.compile(r"\[!([\w-]+)\]([+-]?)[ \t]*(.*)")

_CANONICAL_TYPES = {
    "note": "note",
    "abstract": "abstract", "summary": "abstract", "tldr": "abstract",
    "info": "info",
    "todo": "todo",
    "tip": "tip", "hint": "tip", "important": "tip",
    "success": "success", "check": "success", "done": "success",
    "question": "question", "help": "question", "faq": "question",
    "warning": "warning", "caution": "warning", "attention": "warning",
    "failure": "failure", "fail": "failure", "missing": "failure",
    "danger": "danger", "error": "danger",
    "bug": "bug",
    "example": "example",
    "quote": "quote", "cite": "quote",
}  # fmt: skip


@dataclass(frozen=True)
class _Header:
    """What a callout's first line says, where it stands, and the rest of its first paragraph."""

    written_type: str
    fold: str | None
    title: str
    body: str
    line: int
    paragraph_end: int


def callouts_plugin(md: MarkdownIt) -> None:
    """Register the core rule that turns ``[!type]`` blockquotes into callouts, and their HTML."""
    md.core.ruler.after("block", "callouts", convert_callouts)
    md.add_render_rule("callout_open", render_callout_open)
    md.add_render_rule("callout_title_open", render_callout_title_open)
    md.add_render_rule("callout_title_close", render_callout_title_close)
    md.add_render_rule("callout_close", render_callout_close)


def convert_callouts(state: StateCore) -> None:
    """Core rule: convert every callout blockquote, outer ones first (the list grows as it goes)."""
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        if tokens[index].type == "blockquote_open":
            header = _read_header(tokens, index)
            if header is not None:
                _mark_callout(tokens[index], tokens[_closing_index(tokens, index)], header)
                _split_first_paragraph(tokens, index, header)
        index += 1


def _read_header(tokens: list[Token], index: int) -> _Header | None:
    """The header when the blockquote's first line is a paragraph line starting with ``[!type]``."""
    quote, paragraph = tokens[index], tokens[index + 1]
    if paragraph.type != "paragraph_open" or paragraph.map is None or quote.map is None:
        return None
    if paragraph.map[0] != quote.map[0]:
        return None
    first_line, _, body = tokens[index + 2].content.partition("\n")
    match = _HEADER.fullmatch(first_line.rstrip())
    if match is None:
        return None
    written_type = match[1].lower()
    title = match[3] or written_type.capitalize()
    fold = match[2] or None
    return _Header(written_type, fold, title, body.lstrip(), quote.map[0], paragraph.map[1])


def _closing_index(tokens: list[Token], opening_index: int) -> int:
    """The matching close: the first later token back at the opening token's level."""
    level = tokens[opening_index].level
    return next(
        index
        for index in range(opening_index + 1, len(tokens))
        if tokens[index].level == level and tokens[index].nesting == -1
    )


def _mark_callout(opening: Token, closing: Token, header: _Header) -> None:
    _set_callout(opening, closing, header.written_type, header.fold, header.title)


def _set_callout(opening: Token, closing: Token, written_type: str, fold: str | None, title: str) -> None:
    tag = "details" if fold else "div"
    callout_type = _CANONICAL_TYPES.get(written_type, written_type)
    opening.type, opening.tag = "callout_open", tag
    closing.type, closing.tag = "callout_close", tag
    opening.attrs = {"class": "callout", "data-callout": callout_type}
    opening.meta = {"type": callout_type, "written_type": written_type, "fold": fold, "title": title}


def callout_tokens(
    written_type: str, fold: str | None, title: str, lines: list[int], level: int
) -> tuple[Token, list[Token], Token]:
    """A callout's opening, title and closing tokens around a body made elsewhere (an admonition's)."""
    opening = Token("callout_open", "div", 1, map=list(lines), level=level)
    closing = Token("callout_close", "div", -1, level=level)
    opening.block = closing.block = True
    header = _Header(written_type, fold, title or written_type.capitalize(), "", lines[0], lines[0] + 1)
    _set_callout(opening, closing, written_type, fold, header.title)
    return opening, _title_tokens(level, header), closing


def _split_first_paragraph(tokens: list[Token], index: int, header: _Header) -> None:
    """Put the title tokens first; the first paragraph keeps the lines after the title, if any."""
    title_tokens = _title_tokens(tokens[index].level, header)
    if not header.body:
        tokens[index + 1 : index + 4] = title_tokens
        return
    paragraph, inline = tokens[index + 1], tokens[index + 2]
    paragraph.map = [header.line + 1, header.paragraph_end]
    inline.map = [header.line + 1, header.paragraph_end]
    inline.content = header.body
    tokens[index + 1 : index + 1] = title_tokens


def _title_tokens(callout_level: int, header: _Header) -> list[Token]:
    """Title open/close around an inline token, which the "inline" core rule parses next."""
    tag = "summary" if header.fold else "div"
    title_line = [header.line, header.line + 1]
    opening = Token("callout_title_open", tag, 1, map=title_line, level=callout_level + 1)
    title = Token("inline", "", 0, map=list(title_line), level=callout_level + 2)
    title.content, title.children = header.title, []
    closing = Token("callout_title_close", tag, -1, level=callout_level + 1)
    opening.block = closing.block = True
    return [opening, title, closing]


def render_callout_open(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    open_attribute = " open" if token.meta["fold"] == "+" else ""
    return f"<{token.tag}{RendererHTML.renderAttrs(token)}{open_attribute}>\n"


def render_callout_title_open(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]  # an id given to the title (a question on it: render/notes/question_marks.py) is kept
    return f'<{token.tag} class="callout-title"{RendererHTML.renderAttrs(token)}>'


def render_callout_title_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Closes the title and opens the content wrapper, unless the callout is only a title (or the
    fragment being rendered, an answer that starts at the title, ends with it)."""
    has_body = idx + 1 < len(tokens) and tokens[idx + 1].type != "callout_close"
    return f"</{tokens[idx].tag}>\n" + ('<div class="callout-content">\n' if has_body else "")


def render_callout_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    has_body = tokens[idx - 1].type not in ("callout_title_close", "callout_open")
    return ("</div>\n" if has_body else "") + f"</{tokens[idx].tag}>\n"
