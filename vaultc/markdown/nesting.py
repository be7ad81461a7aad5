"""Deeply nested notes: outlines and quotes deeper than markdown-it's nesting limit keep their text.

Why this module exists: markdown-it stops nesting at ``maxNesting`` (20 in its CommonMark preset,
reached by a 10-level outline: a list and its item are two levels) and then drops the rest of the
container, which for a list at the top of a note is the rest of the note, without a word. Outline
notes go deeper than that. Here the limit is raised to :data:`NESTING_LIMIT` (a 50-level outline,
or 100 nested quotes), which keeps parsing bounded (the parser recurses once per level) and linear
in the note's length; past it, a block rule that runs before every other takes the rest of the
container as one paragraph that keeps each line on a line of its own (a core rule makes its line
breaks hard, whatever ``strict_line_breaks`` says), its Markdown markers shown as written and its
inline syntax (links, emphasis, tags) still read. Blank lines stay in it, so each line of the
paragraph is the note's line of the same offset.

Tokens: ordinary ``paragraph_open``/``inline``/``paragraph_close``; the ``paragraph_open`` has
``meta["nesting_limit"]`` (the limit), which :mod:`vaultc.parse` reports with the line (``map``) as a
``nesting-limit`` diagnostic.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore

from vaultc.markdown.line_breaks import break_every_line

NESTING_LIMIT = 100
"""Nesting levels parsed as Markdown: a list and its item count one each, a quote or callout one."""


def nesting_plugin(md: MarkdownIt, limit: int = NESTING_LIMIT) -> None:
    """Raise the nesting limit and keep what lies beyond it as plain lines."""
    md.options["maxNesting"] = limit + 1  # room for the paragraphs the rule below makes at ``limit``
    first_rule = md.block.ruler.get_all_rules()[0]
    md.block.ruler.before(first_rule, "nesting_limit", _too_deep(limit))
    md.core.ruler.after("inline", "nesting_limit_breaks", _hard_breaks)


def _too_deep(limit: int):
    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        """Block rule: at the limit, the lines left in the container become one paragraph."""
        if state.level < limit:
            return False
        if silent:
            return True
        last = _container_end(state, start_line, end_line)
        opening = state.push("paragraph_open", "p", 1)
        opening.map = [start_line, last]
        opening.meta["nesting_limit"] = limit
        inline = state.push("inline", "", 0)
        inline.content = "\n".join(_line_text(state, line) for line in range(start_line, last))
        inline.map = [start_line, last]
        inline.children = []
        state.push("paragraph_close", "p", -1)
        state.line = last
        return True

    return rule


def _container_end(state: StateBlock, line: int, end_line: int) -> int:
    """The line after the container's last non-blank line (where markdown-it's own loop would stop:
    a line indented less than the container's content ends it)."""
    last = line + 1
    while line < end_line and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        if not state.isEmpty(line):
            last = line + 1
        line += 1
    return last


def _line_text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].strip()


def _hard_breaks(state: StateCore) -> None:
    """Core rule: the lines of a paragraph past the limit stay apart."""
    for position, token in enumerate(state.tokens):
        if token.type == "paragraph_open" and "nesting_limit" in token.meta:
            break_every_line(state.tokens[position + 1])
