"""Obsidian comments: ``%%hidden%%`` inside a paragraph and ``%%`` blocks spanning lines.

Why this module exists: comments never reach the page, yet later stages read them (directives
such as ``%% vaultc-disable-next-line unanswered-question %%``), so they are tokens with their text
kept intact rather than text cut out of the source. Being markdown-it rules, they cannot fire
inside code spans or fenced code, the mistake a regex pre-pass makes.

Tokens (both rendered as nothing):

* ``comment`` (inline): ``content`` is the text between the ``%%`` pairs, which may span lines of
  one paragraph; ``meta``: ``raw`` (the whole ``%%…%%``) and ``offset``.
* ``comment_block`` (block): ``content`` is the text between the opening and closing ``%%``
  (blank lines and Markdown included, unparsed); ``map`` covers its lines.

Choices, following Obsidian: a block comment starts on a line beginning with ``%%`` and ends on the
line holding the next ``%%``, which must end that line (``%% a %% more`` is a paragraph with an
inline comment). It interrupts paragraphs, lists and lazy blockquote lines, like a code fence. An
unclosed block comment hides the rest of its container, for a top-level one the rest of the note,
as Obsidian hides the rest of the note; an unclosed inline ``%%`` stays literal.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_MARKER = "%%"


def comments_plugin(md: MarkdownIt) -> None:
    """Register the block and inline ``%%`` rules; comments render as nothing."""
    md.block.ruler.after(
        "fence",
        "comment_block",
        comment_block,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.inline.ruler.before("emphasis", "comment", comment)
    md.add_render_rule("comment", render_nothing)
    md.add_render_rule("comment_block", render_nothing)


def comment_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Block rule: a line starting with ``%%`` up to the line ending with the closing ``%%``."""
    if state.is_code_block(start_line):
        return False
    opening = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith(_MARKER, opening):
        return False
    last_line = _closing_line(state, start_line, opening + len(_MARKER), end_line)
    if last_line is None:
        return False
    if silent:
        return True
    state.line = last_line + 1
    token = state.push("comment_block", "", 0)
    token.markup = _MARKER
    token.content = _between_markers(state.getLines(start_line, state.line, state.blkIndent, False))
    token.map = [start_line, state.line]
    return True


def _closing_line(state: StateBlock, line: int, search_from: int, end_line: int) -> int | None:
    """The line holding the closing ``%%``, the container's last line when there is none, or None
    when the closing ``%%`` is followed by more text (then it is an inline comment)."""
    while line < end_line:
        closing = state.src.find(_MARKER, search_from, state.eMarks[line])
        if closing >= 0:
            rest_of_line = state.src[closing + len(_MARKER) : state.eMarks[line]]
            return line if not rest_of_line.strip() else None
        line += 1
        if line < end_line:
            search_from = state.bMarks[line] + state.tShift[line]
    return end_line - 1


def _between_markers(text: str) -> str:
    opening = text.index(_MARKER) + len(_MARKER)
    closing = text.find(_MARKER, opening)
    return text[opening:] if closing < 0 else text[opening:closing]


def comment(state: StateInline, silent: bool) -> bool:
    """Inline rule: ``%%text%%`` within one paragraph; without a closing ``%%`` it is text."""
    start = state.pos
    if not state.src.startswith(_MARKER, start):
        return False
    closing = state.src.find(_MARKER, start + len(_MARKER), state.posMax)
    if closing < 0:
        return False
    end = closing + len(_MARKER)
    if not silent:
        token = state.push("comment", "", 0)
        token.markup = _MARKER
        token.content = state.src[start + len(_MARKER) : closing]
        token.meta = {"raw": state.src[start:end], "offset": start}
    state.pos = end
    return True


def render_nothing(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Comments are for the author only."""
    return ""
