"""Note pages: a note's rendered body with its properties (:mod:`vaultc.render.notes.property_table`), table
of contents, tags, backlinks and related notes, question badges and term links
(:mod:`vaultc.render.notes.annotate`), and a summary of its questions."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from vaultc.extract.model import Question, QuestionForm, QuestionStatus
from vaultc.markdown import create_markdown
from vaultc.model import ParsedNote
from vaultc.names import SitePath
from vaultc.parse import inline_text
from vaultc.render.context import PageLink, SiteContext
from vaultc.render.notes.annotate import page_tokens
from vaultc.render.notes.answer_start import from_answer_start
from vaultc.render.notes.explorer import EXPLORER_INDEX
from vaultc.render.notes.folders import note_breadcrumbs
from vaultc.render.notes.markdown_html import install_site_rules
from vaultc.render.notes.property_table import PropertyRow, property_rows
from vaultc.render.notes.reading import reading_facts
from vaultc.render.notes.title_heading import TitleSplit, opening_title, page_level, split_title
from vaultc.render.notes.transclude import without_ids
from vaultc.render.notes.view import NoteView
from vaultc.render.sanitize import sanitize_html
from vaultc.render.sitemap import SiteMap, url_from
from vaultc.resolve import ResolvedVault

DESCRIPTION_LENGTH = 160
TOC_MAX_DEPTH = 3


@dataclass(frozen=True)
class TocEntry:
    text: str
    anchor: str
    depth: int
    """Indentation: the heading's outline depth (notes often start at #####)."""
    status: str = ""
    """The status of the question this heading asks ("" for a heading that asks nothing)."""


def table_of_contents(note: ParsedNote, questions: Sequence[Question] = ()) -> list[TocEntry]:
    """The note's outline (none for fewer than two headings), each question marked with its status;
    a heading that is the page's title is not in it (:mod:`~vaultc.render.notes.title_heading`)."""
    title = opening_title(note)
    headings = [heading for heading in note.headings if heading is not title]
    if len(headings) < 2:
        return []
    statuses = {question.anchor: question.status.value for question in questions}
    return [TocEntry(h.text, h.anchor, min(page_level(h, title) - 2, TOC_MAX_DEPTH), statuses.get(h.anchor, ""))
            for h in headings]  # fmt: skip


@functools.cache
def site_markdown() -> MarkdownIt:
    """The parser's renderer with the site-aware rules installed (one per process)."""
    md = create_markdown()
    install_site_rules(md)
    return md


def note_body(
    note: ParsedNote,
    page: SitePath,
    vault: ResolvedVault,
    sitemap: SiteMap,
    allow_html: bool,
    tokens: Sequence[Token] | None = None,
    author: bool = False,
) -> str:
    """The note's content as HTML for ``page``; sanitized unless raw HTML is allowed. ``tokens``
    replaces the note's own (the decorated copy its page shows); ``author``: the author's view."""
    md = site_markdown()
    view = NoteView(note, page, vault, sitemap, embed_stack=((note.path, ""),), author=author)
    html = md.renderer.render(list(note.tokens if tokens is None else tokens), md.options, {"vaultc": view})
    return html if allow_html or not view.unescaped.seen else sanitize_html(html)


def fragment_html(
    site: SiteContext,
    note: ParsedNote,
    tokens: tuple[int, int],
    page: SitePath,
    question: Question | None = None,
    base_url: str | None = None,
) -> Markup:
    """Part of a note (``[start, end)`` of its top-level tokens, e.g. an answer) as HTML for another
    page: links made relative to ``page`` (footnote references to the note's page), ids removed
    (the note's own page has them), sanitized. With the ``question`` whose answer it is, the part
    starts where the answer does (:mod:`~vaultc.render.notes.answer_start`): the question is shown
    above it, never inside it. With ``base_url`` its links are absolute (HTML read off the site)."""
    start, end = tokens
    if start >= end:
        return Markup("")
    md = site_markdown()
    view = NoteView(note, page, site.vault, site.sitemap, ((note.path, ""),), fragment=True, base_url=base_url,
                    author=site.options.author)  # fmt: skip
    part = note.tokens[start:end]
    if question is not None:
        part = from_answer_start(part, question.answer.first_line, question.form is QuestionForm.CARD)
    html = md.renderer.render(without_ids(balanced(part)), md.options, {"vaultc": view})
    return Markup(html if site.options.allow_html or not view.unescaped.seen else sanitize_html(html))


def balanced(tokens: Sequence[Token]) -> list[Token]:
    """The tokens as a well-formed fragment: an answer that starts inside a list item and goes on
    after the list drops the closes of blocks it did not open, puts the items of a list it does not
    hold in a list of their own (``class="answer-items"``), leaves out the title of a callout it
    starts inside (the callout's renderer needs its opening to frame the body), and closes the
    blocks it leaves open."""
    kept: list[Token] = []
    opened: list[Token] = []
    in_orphan_title = False
    for token in tokens:
        if token.type == "callout_title_open" and not (opened and opened[-1].type == "callout_open"):
            in_orphan_title = True
        if in_orphan_title:
            in_orphan_title = token.type != "callout_title_close"
            continue
        if token.nesting == 1:
            if token.type == "list_item_open" and not (opened and opened[-1].type.endswith("list_open")):
                opened.append(_answer_items())
                kept.append(opened[-1])
            opened.append(token)
            kept.append(token)
        elif token.nesting == -1:
            if opened:
                opening = opened.pop()
                kept.append(token if token.type == opening.type.replace("_open", "_close") else _closing(opening))
        else:
            kept.append(token)
    kept.extend(_closing(opening) for opening in reversed(opened))
    return kept


def _answer_items() -> Token:
    items = Token("bullet_list_open", "ul", 1)
    items.attrs = {"class": "answer-items"}
    items.block = True
    return items


def _closing(opening: Token) -> Token:
    """The close of a block token (a close of the list kind that was opened, whatever was written)."""
    closing = Token(opening.type.replace("_open", "_close"), opening.tag, -1)
    closing.block, closing.hidden = opening.block, opening.hidden
    return closing


def description(note: ParsedNote) -> str:
    """Front-matter description, else the start of the first paragraph."""
    if note.front_matter.description:
        return note.front_matter.description
    for position, token in enumerate(note.tokens):
        if token.type == "paragraph_open" and position + 1 < len(note.tokens):
            text = inline_text(note.tokens[position + 1])
            if text:
                return text if len(text) <= DESCRIPTION_LENGTH else text[: DESCRIPTION_LENGTH - 1].rstrip() + "…"
    return note.title


def note_context(note: ParsedNote, page: SitePath, site: SiteContext) -> dict:
    """Everything the ``note.html`` template shows."""
    vault, graph, sitemap, url = site.vault, site.graph, site.sitemap, url_from(page)

    def link_to(path: str) -> PageLink:
        return PageLink(vault.notes[path].title, url(sitemap.note(path)))

    view = NoteView(note, page, vault, sitemap, ((note.path, ""),), author=site.options.author)
    properties = property_rows(view, site_markdown(), site.options.hidden_properties)
    title_html, content = _title_and_body(site, note, page)
    return {
        "note": note,
        "title_html": title_html,
        "content": content,
        "question_summary": question_summary(site.note_index.questions.get(note.path, ())),
        "description": description(note),
        "toc": table_of_contents(note, site.note_index.questions.get(note.path, ())),
        "breadcrumbs": note_breadcrumbs(site, note.path, page),
        "reading": reading_facts(note),
        "explorer_index": url(EXPLORER_INDEX),
        "properties": properties,
        "tags": [PageLink("#" + tag, url(sitemap.tag(tag))) for tag in _header_tags(note, properties)],
        "backlinks": [link_to(path) for path in graph.backlinks(note.path)],
        "related": [link_to(path) for path in graph.related(note.path)],
    }


def _title_and_body(site: SiteContext, note: ParsedNote, page: SitePath) -> tuple[Markup | None, str]:
    """The page's HTML: the note's own first heading as its title, when it is one, and the body."""
    tokens = page_tokens(site, note, page)
    title = opening_title(note)
    split = split_title(tokens, title) if title else TitleSplit([], tokens)

    def html(part: list[Token]) -> str:
        return note_body(note, page, site.vault, site.sitemap, site.options.allow_html, part, site.options.author)

    return (Markup(html(split.title).strip()) if split.title else None), html(split.body)


def _header_tags(note: ParsedNote, properties: Sequence[PropertyRow]) -> list[str]:
    """The note's tags, less those its properties table already shows (its inline tags remain)."""
    if not any(row.kind == "tags" for row in properties):
        return list(note.tags)
    shown = {tag.casefold() for tag in note.front_matter.tags}
    return [tag for tag in note.tags if tag.casefold() not in shown]


@dataclass(frozen=True)
class QuestionSummary:
    """How many of a note's questions are answered, and where the first open one is."""

    total: int
    answered: int
    unanswered: int
    stubs: int
    prompts: int
    """Questions left open on purpose (counted apart: they are not missing answers)."""
    first_open: str
    """Anchor of the first unanswered or stub question ("" when none is; a prompt is never "open")."""


def question_summary(questions: Sequence[Question]) -> QuestionSummary | None:
    """None for a note without questions."""
    if not questions:
        return None
    count = {status: sum(q.status is status for q in questions) for status in QuestionStatus}
    missing = (QuestionStatus.UNANSWERED, QuestionStatus.STUB)
    first_open = next((q.anchor for q in questions if q.status in missing), "")
    return QuestionSummary(
        len(questions),
        count[QuestionStatus.ANSWERED],
        count[QuestionStatus.UNANSWERED],
        count[QuestionStatus.STUB],
        count[QuestionStatus.PROMPT],
        first_open,
    )
