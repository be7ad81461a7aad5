"""Obsidian highlights: ``==highlighted==`` becomes ``<mark>highlighted</mark>``.

Why this module exists: highlights are paired delimiters like ``~~strikethrough~~``, so they must
take part in markdown-it's delimiter balancing (nesting with emphasis, never inside code spans or
link destinations) instead of being matched by a regex.

Tokens ``mark_open`` / ``mark_close`` (tag ``mark``, markup ``==``), for the default renderer.

Choices: the rules of strikethrough apply, with the flanking rules of ``scanDelims`` (so ``a == b``
and ``a==b == c`` are text) and runs split into pairs with an odd ``=`` left as text
(``===x===`` is ``=<mark>x</mark>=``). A single ``=`` is always text.
"""

from __future__ import annotations

from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter

_MARKER = "="
_PAIR = _MARKER * 2


def highlight_plugin(md: MarkdownIt) -> None:
    """Register ``==`` as a delimiter and the pass that turns matched pairs into ``<mark>``."""
    md.inline.ruler.before("emphasis", "mark", tokenize_marks)
    md.inline.ruler2.before("emphasis", "mark", pair_marks)


def tokenize_marks(state: StateInline, silent: bool) -> bool:
    """Push a run of ``=`` as text tokens, one per ``==``, and record each as a delimiter."""
    if silent or state.src[state.pos] != _MARKER:
        return False
    scanned = state.scanDelims(state.pos, True)
    if scanned.length < 2:
        return False
    if scanned.length % 2:
        state.push("text", "", 0).content = _MARKER
    for _ in range(scanned.length // 2):
        state.push("text", "", 0).content = _PAIR
        state.delimiters.append(
            Delimiter(
                marker=ord(_MARKER),
                length=0,  # pairs, so emphasis' "rule of 3" must not apply
                token=len(state.tokens) - 1,
                end=-1,
                open=scanned.can_open,
                close=scanned.can_close,
            )
        )
    state.pos += scanned.length
    return True


def pair_marks(state: StateInline) -> None:
    """After balance_pairs: the top-level delimiters, then those of each nested link text."""
    _convert_pairs(state, state.delimiters)
    for token_meta in state.tokens_meta:
        if token_meta and "delimiters" in token_meta:
            _convert_pairs(state, token_meta["delimiters"])


def _convert_pairs(state: StateInline, delimiters: list[Delimiter]) -> None:
    lone_markers = []
    for opener in delimiters:
        if opener.marker != ord(_MARKER) or opener.end == -1:
            continue
        closer = delimiters[opener.end]
        _make_tag(state, opener.token, "mark_open", 1)
        _make_tag(state, closer.token, "mark_close", -1)
        before_closer = state.tokens[closer.token - 1]
        if before_closer.type == "text" and before_closer.content == _MARKER:
            lone_markers.append(closer.token - 1)
    for index in reversed(lone_markers):
        _move_after_closers(state, index)


def _make_tag(state: StateInline, index: int, token_type: str, nesting: Literal[1, -1]) -> None:
    token = state.tokens[index]
    token.type = token_type
    token.tag = "mark"
    token.nesting = nesting
    token.markup = _PAIR
    token.content = ""


def _move_after_closers(state: StateInline, index: int) -> None:
    """An odd run ``===`` was split as ``=`` + ``==``: when the ``==`` closes, the lone ``=`` is
    text that belongs after every ``mark_close`` of the run."""
    last = index
    while last + 1 < len(state.tokens) and state.tokens[last + 1].type == "mark_close":
        last += 1
    tokens = state.tokens
    tokens[index], tokens[last] = tokens[last], tokens[index]
