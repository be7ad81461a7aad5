"""Turning one note's tokens into HTML for one page, now that every link has a target.

The syntax plugins give plain renderings; here the rules for tokens whose output depends on the rest
of the vault are replaced: links and embeds point at site URLs (relative to the page being written),
broken ones are visibly marked (``class="broken"``, no ``href``), note embeds are transcluded with a
guard against loops, and tags link to their tag pages. The note page's own decorations (question
badges, term links: :mod:`vaultc.render.notes.annotate`) arrive as extra tokens, rendered by rules
registered here. Everything a rule needs arrives through markdown-it's ``env["vaultc"]`` as a
:class:`~vaultc.render.notes.view.NoteView`; the tokens themselves are never modified.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from vaultc.names import basename
from vaultc.render.notes import media
from vaultc.render.notes.question_marks import render_question_mark
from vaultc.render.notes.raw_ids import install_raw_html_rules
from vaultc.render.notes.term_links import render_term_link
from vaultc.render.notes.transclude import transclude
from vaultc.render.notes.view import NoteView
from vaultc.render.sitemap import SiteMap
from vaultc.resolve import Target, TargetKind


def _view(env: dict) -> NoteView:
    return env["vaultc"]


def install_site_rules(md: MarkdownIt) -> None:
    """Replace the plain renderings with ones that know the site."""
    md.add_render_rule("wikilink_open", _render_link_open)
    md.add_render_rule("wikilink_close", lambda renderer, *args: "</a>")
    md.add_render_rule("link_open", _render_markdown_link_open)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("embed", _render_embed)
    md.add_render_rule("tag", _render_tag)
    md.add_render_rule("heading_open", _render_heading)
    md.add_render_rule("heading_close", _render_heading)
    md.add_render_rule("paragraph_open", _render_paragraph(open_=True))
    md.add_render_rule("paragraph_close", _render_paragraph(open_=False))
    for kind, elsewhere in (
        ("footnote_ref", _footnote_ref_elsewhere),
        ("footnote_open", _footnote_open_elsewhere),
        ("footnote_anchor", _footnote_backref_elsewhere),
    ):
        md.add_render_rule(kind, _footnote_rule(md.renderer.rules[kind], elsewhere))
    md.add_render_rule("question_mark", render_question_mark)
    md.add_render_rule("term_link", render_term_link)
    for kind in ("fence", "code_block"):
        md.add_render_rule(kind, _keyboard_scrollable(md.renderer.rules[kind]))
    install_raw_html_rules(md)


def _keyboard_scrollable(plain):
    """Code blocks scroll sideways; ``tabindex="0"`` lets keyboard users reach and scroll them."""

    def rule(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
        html = plain(tokens, idx, options, env)
        return html.replace("<pre", '<pre tabindex="0"', 1) if html.startswith("<pre") else html

    return rule


def _render_link_open(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    return _anchor_tag(_view(env), _view(env).target(tokens[idx]), "wikilink", tokens[idx].meta.get("target", ""))


def _render_markdown_link_open(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    token = tokens[idx]
    if "link_index" in token.meta:
        return _anchor_tag(
            _view(env), _view(env).target(token), "internal", token.meta.get("target", token.attrGet("href"))
        )
    href = escapeHtml(str(token.attrGet("href") or ""))
    title = token.attrGet("title")
    title_attr = f' title="{escapeHtml(str(title))}"' if title else ""
    return f'<a class="external" href="{href}"{title_attr} rel="noopener">'


def _anchor_tag(view: NoteView, target: Target, css_class: str, written: str) -> str:
    if target.kind in (TargetKind.NOTE, TargetKind.ATTACHMENT):
        broken = ' broken-anchor" title="This heading or block does not exist' if target.anchor_missing else ""
        return f'<a class="{css_class}{broken}" href="{escapeHtml(view.href(target))}">'
    reason = {
        TargetKind.UNPUBLISHED: "This note is not published",
        TargetKind.UNSAFE: "This link points outside the vault",
    }.get(target.kind, f"No note named “{written}” yet")
    return f'<a class="{css_class} broken" title="{escapeHtml(reason)}">'


def _render_tag(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    view, name = _view(env), tokens[idx].meta["name"]
    href = escapeHtml(view.url_of(SiteMap.tag(name)))
    return f'<a class="tag" href="{href}">#{escapeHtml(name)}</a>'


def _render_image(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    token, view = tokens[idx], _view(env)
    alt = "".join(child.content for child in token.children or ())
    if "link_index" not in token.meta:
        src = escapeHtml(str(token.attrGet("src") or ""))
        return f'<img src="{src}" alt="{escapeHtml(alt)}" loading="lazy">'
    target = view.target(token)
    if target.kind is not TargetKind.ATTACHMENT:
        return media.missing(str(token.attrGet("src")), view.author)
    return media.image(view.href(target), alt, None, None)


def _render_embed(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    token, view = tokens[idx], _view(env)
    target = view.target(token)
    meta = token.meta
    if target.kind is TargetKind.ATTACHMENT:
        return media.attachment(
            view.href(target), basename(target.path), meta.get("alt"), meta.get("width"), meta.get("height")
        )
    if target.kind is TargetKind.NOTE:
        return transclude(renderer, view, target, options)
    return media.missing(meta.get("target", ""), view.author)


def _render_heading(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    """Headings at their outline level (the written level stays in the tokens for sections)."""
    token = tokens[idx]
    if token.nesting == 1:
        return f"<h{token.meta.get('outline_level', token.tag[1])}{renderer.renderAttrs(token)}>"
    return f"</h{tokens[idx - 2].meta.get('outline_level', token.tag[1])}>\n"


def _is_note_embed(view: NoteView, token: Token) -> bool:
    return token.type == "embed" and view.target(token).kind is TargetKind.NOTE


def _render_paragraph(open_: bool):
    """A paragraph holding a note embed becomes a ``div`` (a ``p`` cannot contain the embedded blocks)."""

    def rule(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
        inline_at = idx + 1 if open_ else idx - 1
        inline = tokens[inline_at] if 0 <= inline_at < len(tokens) else None
        holds_embed = (
            inline is not None
            and inline.type == "inline"
            and any(_is_note_embed(_view(env), child) for child in inline.children or ())
        )
        if holds_embed and not tokens[idx].hidden:
            return f'<div class="paragraph"{renderer.renderAttrs(tokens[idx])}>' if open_ else "</div>\n"
        return renderer.renderToken(tokens, idx, options, env)

    return rule


def _footnote_rule(own_page_rule, elsewhere):
    """The footnote plugin's rendering on the note's own page; ``elsewhere`` in an answer shown on
    another page or an embed, where the footnotes are not on the page: links go to the note's page
    and nothing has an id (two answers would share ``fn1``)."""

    def rule(renderer: RendererHTML, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
        view = _view(env)
        return own_page_rule(tokens, idx, options, env) if view.on_own_page else elsewhere(view, tokens[idx].meta)

    return rule


def _footnote_number(meta: dict) -> str:
    return str(meta["id"] + 1) + (f":{meta['subId']}" if meta.get("subId", -1) > 0 else "")


def _footnote_ref_elsewhere(view: NoteView, meta: dict) -> str:
    href = escapeHtml(view.own_page_url(f"fn{meta['id'] + 1}"))
    return f'<sup class="footnote-ref"><a href="{href}">[{_footnote_number(meta)}]</a></sup>'


def _footnote_open_elsewhere(view: NoteView, meta: dict) -> str:
    return '<li class="footnote-item">'


def _footnote_backref_elsewhere(view: NoteView, meta: dict) -> str:
    href = escapeHtml(view.own_page_url("fnref" + _footnote_number(meta)))
    return f' <a href="{href}" class="footnote-backref">\u21a9\ufe0e</a>'
