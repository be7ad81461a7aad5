"""Cloze deletions written with curly brackets: ``{{hidden}}``, Anki's ``{{c1::hidden}}`` and
``{{c1::hidden::hint}}``, as the spaced-repetition plugins read them.

Why a markdown-it rule: a cloze is a span of a card's text, so it must not be seen inside code, and
its inner ``::`` must not be taken for a card separator (:mod:`vaultc.markdown.cards` reads only
``text`` tokens, and this rule turns the whole cloze into one token first). ``==highlight==`` clozes
need no rule of their own: they are highlights (:mod:`vaultc.markdown.highlight`).

Token: ``cloze`` (``content`` = the hidden text, ``meta["hint"]``, ``meta["raw"]`` = the markup
as written, ``meta["offset"]``). It renders as written, as Obsidian shows it; whether it is a card
is the extract stage's decision.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_CLOZE = re.compile(r"\{\{(?:c\d+::)?(?P<hidden>[^{}\n]+?)(?:::(?P<hint>[^{}\n]*))?\}\}")
"""Applied only at the position the inline parser is at (``match(src, pos)``), never over a text."""


def cloze_plugin(md: MarkdownIt) -> None:
    """Register ``{{...}}`` as an inline rule, before the text rule can take ``{``."""
    md.inline.ruler.before("emphasis", "cloze", _cloze)
    md.add_render_rule("cloze", _render_cloze)


def _cloze(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("{{", state.pos):
        return False
    match = _CLOZE.match(state.src, state.pos)
    if match is None or not match["hidden"].strip():
        return False
    if not silent:
        token = state.push("cloze", "", 0)
        token.content = match["hidden"].strip()
        token.meta = {"hint": (match["hint"] or "").strip(), "raw": match.group(0), "offset": state.pos}
    state.pos = match.end()
    return True


def _render_cloze(self: object, tokens: list[Token], idx: int, options: object, env: object) -> str:
    return escapeHtml(tokens[idx].meta["raw"])
