"""Ids written in a note's raw HTML, renamed so they never collide with the page's own ids.

A note's ``<div id="search">`` or ``<h2 id="top">`` would otherwise share an id with the theme's
search box, a heading's anchor, a ``q-`` question anchor or a footnote, and break them (the first
element with an id wins, and scripts find the wrong one). Like GitHub's ``user-content-`` prefix,
every raw id is published as ``html.<id>``: vaultc's own ids are slugs, ``q-`` anchors, ``^block``
ids, footnote ids and the theme's names, none of which holds a ``.``, so the two can never meet.
``aria-describedby`` references are renamed alike, and a raw ``href="#x"`` follows its raw target
unless ``x`` is one of the note's heading anchors or block ids. Where the note is shown away from
its own page (an embed, an answer on another page) raw ids are dropped, as vaultc drops its own.

Raw HTML is read with the standard library's HTML tokenizer (never a regex); a tag without any of
these attributes is passed on exactly as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from vaultc.render.notes.view import NoteView, note_unescaped

RAW_ID_PREFIX = "html."
_REFERENCES = ("id", "aria-describedby", "href")

Attributes = list[tuple[str, str | None]]


def install_raw_html_rules(md: MarkdownIt) -> None:
    """Wrap the renderer's rules for raw HTML so their ids are renamed (or dropped off the note's page)."""
    for kind in ("html_block", "html_inline"):
        md.add_render_rule(kind, _renaming(md.renderer.rules[kind]))


def _renaming(plain: Callable) -> Callable:
    def rule(renderer, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
        html = plain(tokens, idx, options, env)
        note_unescaped(env)
        view = env.get("vaultc")
        return rename_raw_ids(html, _own_anchors(env, view), view is None or view.on_own_page)

    return rule


def _own_anchors(env: dict, view: NoteView | None) -> frozenset[str]:
    """The note's heading anchors and ``^block`` ids, which raw ``href="#x"`` links may mean (once per render)."""
    if view is None:
        return frozenset()
    if "vaultc_own_anchors" not in env:
        blocks = {"^" + token.meta["block_id"] for token in view.note.tokens if "block_id" in token.meta}
        env["vaultc_own_anchors"] = frozenset({heading.anchor for heading in view.note.headings} | blocks)
    return env["vaultc_own_anchors"]


def rename_raw_ids(html: str, own_anchors: frozenset[str], own_page: bool) -> str:
    """``html`` with its ids prefixed (``own_page``) or removed (elsewhere)."""
    if not any(name in html for name in ("id", "aria-describedby", "#")):
        return html  # nothing to rename: most raw HTML is a <br> or a closing tag
    renamer = _Renamer(own_anchors, own_page)
    renamer.feed(html)
    renamer.close()
    return "".join(renamer.out)


class _Renamer(HTMLParser):
    """Copies HTML through, rewriting only the start tags that carry an id or a reference to one."""

    def __init__(self, own_anchors: frozenset[str], own_page: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.own_anchors, self.own_page = own_anchors, own_page
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: Attributes) -> None:
        self.out.append(self._tag(tag, attrs, "", self.get_starttag_text() or ""))

    def handle_startendtag(self, tag: str, attrs: Attributes) -> None:
        self.out.append(self._tag(tag, attrs, " /", self.get_starttag_text() or ""))

    def _tag(self, tag: str, attrs: Attributes, closing: str, written: str) -> str:
        if not any(name in _REFERENCES for name, _ in attrs):
            return written
        kept = [(name, self._value(name, value)) for name, value in attrs]
        rendered = "".join(f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in kept
                           if not (name in ("id", "aria-describedby") and value is None))  # fmt: skip
        return f"<{tag}{rendered}{closing}>"

    def _value(self, name: str, value: str | None) -> str | None:
        if value is None or name not in _REFERENCES:
            return value
        if name == "href":
            target = value[1:]
            rename = value.startswith("#") and target and target not in self.own_anchors and self.own_page
            return "#" + RAW_ID_PREFIX + target if rename else value
        if not self.own_page:
            return None
        return " ".join(RAW_ID_PREFIX + part for part in value.split()) or None

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")
