"""The tokens a note's own page renders: its parsed tokens plus question marks and term links.

Why a module: the parse is shared by every page (answers on question pages, transclusions) and is
never changed, so the note page gets copies of just the tokens it decorates, made in one pass in
document order: ids and badges from :mod:`vaultc.render.notes.question_marks`, term links from
:mod:`vaultc.render.notes.term_links` (which needs that order for "once per section"). The per-site
indexes (questions by note, linkable terms) are built once per :class:`SiteContext`, so a page
costs time proportional to its own tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.model import ParsedNote
from vaultc.names import SitePath
from vaultc.render.context import SiteContext
from vaultc.render.notes.question_marks import MarkPlan, insert_marks, plan_marks
from vaultc.render.notes.term_links import TermLinker

_TITLE_OPENINGS = frozenset({"heading_open", "callout_title_open"})
"""Inline content under these is a title, not prose: no term links there."""


def page_tokens(site: SiteContext, note: ParsedNote, page: SitePath) -> list[Token]:
    """The note's tokens for its own page, with question ids, badges and term links."""
    index = site.note_index
    plan = plan_marks(note.tokens, index.questions.get(note.path, ()))
    return annotated(note.tokens, plan, TermLinker(index.terms, note.path, page))


def annotated(tokens: Sequence[Token], plan: MarkPlan, linker: TermLinker | None) -> list[Token]:
    """One pass: copy each token that gets an id, a badge or term links; keep the others."""
    result: list[Token] = []
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and linker is not None:
            linker.new_section()
        if token.type == "inline":
            token = _decorated_inline(token, position, tokens, plan, linker)
        elif position in plan.block_ids and token.attrGet("id") != plan.block_ids[position]:
            token = token.copy(attrs={**token.attrs, "id": plan.block_ids[position]})
        result.append(token)
        result.extend(plan.after.get(position, ()))
    return result


def _decorated_inline(
    token: Token, position: int, tokens: Sequence[Token], plan: MarkPlan, linker: TermLinker | None
) -> Token:
    original = children = token.children or []
    is_title = position > 0 and tokens[position - 1].type in _TITLE_OPENINGS
    if linker is not None and original and not is_title:
        children = linker.link(token)
    if position in plan.in_line:
        children = insert_marks(children, plan.in_line[position])
    return token if children is original else token.copy(children=children)
