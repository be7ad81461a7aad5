"""Front matter exactly where Obsidian finds it, and never a reason to drop a note's text.

Why not mdit-py-plugins' ``front_matter``: it opens on any line starting with three dashes
(``---\\``, ``----``, ``--- x``) and closes on the next run of as many dashes, so a note whose first
line merely starts with dashes lost everything up to its first thematic break. Obsidian reads front
matter only when:

* the note's first line is ``---`` (trailing spaces or tabs allowed, as YAML allows them), and
* a later line at column 0 is ``---`` or ``...`` (YAML's document end), trailing blanks allowed.

Without a closing line there is no front matter: the ``---`` is a thematic break, as in Obsidian.

The block's YAML is read here (:func:`vaultc.frontmatter.load_front_matter`, cached for the parse
stage) because its reading decides what the lines are. Properties become one hidden
``front_matter`` token (``content`` the YAML, ``map`` the fenced lines). A block that cannot be read
(invalid YAML, not a mapping, hostile nesting) still gives that token, so the parse stage reports it
with its line, and its lines are then parsed as Markdown: Obsidian's source view shows them, and a
page that silently hid them would lose the note's first sections.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from vaultc.frontmatter import load_front_matter

OPENING = "---"
CLOSINGS = ("---", "...")


def front_matter_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("table", "front_matter", _front_matter_rule)


def _line(state: StateBlock, line: int) -> str:
    """A source line as written (indentation kept), without trailing blanks."""
    return state.src[state.bMarks[line] : state.eMarks[line]].rstrip(" \t")


def _closing_line(state: StateBlock, end_line: int) -> int | None:
    return next((line for line in range(1, end_line) if _line(state, line) in CLOSINGS), None)


def _front_matter_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    # Only the document's own first line: a blockquote or list re-tokenizing from line 0 is not it.
    if start_line != 0 or state.parentType != "root" or _line(state, 0) != OPENING:
        return False
    closing = _closing_line(state, end_line)
    if closing is None:
        return False
    if silent:
        return True
    content = state.src[state.bMarks[1] : state.eMarks[closing - 1]] if closing > 1 else ""
    token = state.push("front_matter", "", 0)
    token.hidden, token.block = True, True
    token.markup, token.content, token.map = OPENING, content, [0, closing + 1]
    if load_front_matter(content).data is None:
        _tokenize_as_text(state, closing)
    state.line = closing + 1
    return True


def _tokenize_as_text(state: StateBlock, closing: int) -> None:
    """Parse the lines between the fences as the note's Markdown (the fences stay fences)."""
    old_line_max = state.lineMax
    state.lineMax = closing  # nothing inside may run on past the closing fence
    state.md.block.tokenize(state, 1, closing)
    state.lineMax = old_line_max
