"""Obsidian block ids: ``Some text ^abc-1`` and a ``^abc-1`` line under a table, quote or list.

Why this module exists: ``[[note#^abc-1]]`` links point at blocks, so each id must end up on the
token of the block it names (and so on its HTML element), with the marker gone from the text.

Two places name a block:

* A marker ending the text of a paragraph, heading or callout title, after a space or line break:
  it is cut from the last text token and names that block.
* A paragraph holding only ``^id`` names the previous block (table, blockquote, list, callout,
  paragraph, heading, code); its tokens are removed. With nothing before it, it stays text.

The block's open token gets ``attrs["id"] = "^abc-1"``, ``meta["block_id"] = "abc-1"`` and
``meta["block_id_line"]`` (1-based line of the marker). A list item's first paragraph names the
list item and a callout's title the callout, as in Obsidian.

Ordering: a block rule makes a ``^id`` line followed by a blank line (or the end of its container)
a paragraph of its own; without it, a marker right under a table would be a table row and one right
under a quote or list a lazy continuation line. The core rule runs after "inline", when the last
text token is known, so a marker inside code (a code span is not a text token) stays literal.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_MARKER = re.compile(r"\^([A-Za-z0-9-]+)")
_MARKER_AT_END = re.compile(r"[ \t\n]\^([A-Za-z0-9-]+)\Z")
_TEXT_OWNERS = ("paragraph_open", "heading_open", "callout_title_open")
_LEAF_BLOCKS = ("fence", "code_block")
_LINE_BREAKS = ("softbreak", "hardbreak")


def block_ids_plugin(md: MarkdownIt) -> None:
    """Register the marker-line block rule and the core rule that assigns the ids."""
    md.block.ruler.before(
        "paragraph",
        "block_id_line",
        block_id_line,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.core.ruler.after("inline", "block_ids", assign_block_ids)


def block_id_line(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a line holding only ``^id``, then a blank line or the container's end."""
    if state.is_code_block(start_line) or not _ends_block(state, start_line + 1, end_line):
        return False
    text = state.src[state.bMarks[start_line] + state.tShift[start_line] : state.eMarks[start_line]]
    if _MARKER.fullmatch(text.strip()) is None:
        return False
    if not silent:
        _push_paragraph(state, start_line, text.strip())
        state.line = start_line + 1
    return True


def _ends_block(state: StateBlock, line: int, end_line: int) -> bool:
    return line >= end_line or state.isEmpty(line) or state.sCount[line] < state.blkIndent


def _push_paragraph(state: StateBlock, line: int, text: str) -> None:
    """The same tokens as the paragraph rule, so the core rule treats every marker line alike."""
    state.push("paragraph_open", "p", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content, inline.map, inline.children = text, [line, line + 1], []
    state.push("paragraph_close", "p", -1)


def assign_block_ids(state: StateCore) -> None:
    """Core rule: give blocks their ids, then drop the paragraphs that only held a marker."""
    tokens = state.tokens
    marker_paragraphs = []
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.map or tokens[index - 1].type not in _TEXT_OWNERS:
            continue
        if _name_previous_block(tokens, index):
            marker_paragraphs.append(index)
        else:
            _take_trailing_marker(tokens, index)
    for index in reversed(marker_paragraphs):
        del tokens[index - 1 : index + 2]


def _name_previous_block(tokens: list[Token], inline_index: int) -> bool:
    """For a paragraph holding only ``^id``: put the id on the block before it, if there is one."""
    inline = tokens[inline_index]
    match = _MARKER.fullmatch(inline.content)
    if match is None or tokens[inline_index - 1].type != "paragraph_open" or not inline.map:
        return False
    previous = _previous_block(tokens, inline_index - 1)
    if previous is None:
        return False
    _set_id(previous, match[1], inline.map[0] + 1)
    return True


def _previous_block(tokens: list[Token], paragraph_index: int) -> Token | None:
    """The token holding the id for the sibling block just before a paragraph (None when the
    paragraph comes first in its container, or follows a block that cannot carry an id)."""
    if paragraph_index == 0:
        return None
    before = tokens[paragraph_index - 1]
    if before.type in _LEAF_BLOCKS:
        return before
    if before.nesting != -1:
        return None
    return _id_holder(tokens, _opening_index(tokens, paragraph_index - 1))


def _opening_index(tokens: list[Token], closing_index: int) -> int:
    """The matching open: the nearest earlier token back at the closing token's level."""
    level = tokens[closing_index].level
    return next(
        index
        for index in range(closing_index - 1, -1, -1)
        if tokens[index].level == level and tokens[index].nesting == 1
    )


def _id_holder(tokens: list[Token], opening_index: int) -> Token:
    """The id's holder: a list item's first paragraph names the item; a title, its callout."""
    opening, parent = tokens[opening_index], tokens[opening_index - 1]
    if opening_index == 0:
        return opening
    if opening.type == "callout_title_open" or (opening.type == "paragraph_open" and parent.type == "list_item_open"):
        return parent
    return opening


def _take_trailing_marker(tokens: list[Token], inline_index: int) -> None:
    """For text ending in `` ^id``: cut the marker and name the block holding the text."""
    inline = tokens[inline_index]
    match = _MARKER_AT_END.search(inline.content)
    if match is None or not inline.map or not _cut_marker(inline.children or [], match[0][1:]):
        return
    line = inline.map[0] + inline.content.count("\n", 0, match.start(1)) + 1
    inline.content = inline.content[: match.start()]
    holder = _id_holder(tokens, inline_index - 1)
    _set_id(holder, match[1], line)
    if holder.type == "callout_open":
        holder.meta["title"] = inline.content  # the title callouts recorded still had the marker


def _cut_marker(children: list[Token], marker: str) -> bool:
    """Remove ``marker`` and the whitespace before it from the last text child; drop what it
    leaves empty (the text token, then a line break that ended the previous line)."""
    if not children or children[-1].type != "text" or not children[-1].content.endswith(marker):
        return False
    last = children[-1]
    last.content = last.content[: -len(marker)].rstrip()
    if not last.content:
        children.pop()
        if children and children[-1].type in _LINE_BREAKS:
            children.pop()
    return True


def _set_id(token: Token, block_id: str, line: int) -> None:
    token.attrs["id"] = "^" + block_id
    token.meta["block_id"] = block_id
    token.meta["block_id_line"] = line
