"""Raw-text tags written as words: "put it in a <script> tag" keeps the rest of the note.

Why this module exists: in HTML, everything after ``<script>``, ``<style>``, ``<textarea>``,
``<title>`` (and the older ``<xmp>``, ``<iframe>``, ``<noembed>``, ``<noframes>``, ``<noscript>``,
``<plaintext>``) up to its closing tag is the element's text, never markup. A note that names the tag
in prose without backticks, and never closes it, would lose everything after it on the page (the
browser, or the sanitizer, takes the rest of the page for the element's text), while markdown-it's
HTML block of type 1 (a line starting ``<script``, ``<pre``, ``<style``, ``<textarea``) runs to the
end of the note when no closing tag follows, so headings after it are not even parsed.

Two rules, both deciding from the note's own tokens:

* the ``html_block`` block rule is guarded: a type-1 line starts an HTML block only when one of its
  closing tags follows in the same container (as markdown-it would find it); otherwise the line is an
  ordinary paragraph, and the rest of the note is parsed as Markdown;
* a core rule, run once inline parsing is done, turns each raw-text opening tag that is not closed
  in its own piece of HTML (an ``html_block``, or the rest of its paragraph for ``html_inline``) into
  text, shown as written. An ``html_block`` holding one becomes a paragraph whose inline content is
  the block's text, so its other tags stay raw HTML and only the unclosed tag is escaped (a block
  that opens with a kept tag, ``<div>``, gets no ``<p>`` around it: its HTML is as written).

Tokens: an escaped tag is a ``text`` token with ``meta["escaped_raw_text"]`` (the tag name) and
``meta["line"]`` (its 1-based line in the note); :mod:`vaultc.parse` reports each as a
``raw-text-tag`` diagnostic. A closed ``<script>...</script>`` stays raw HTML, for the sanitizer.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

RAW_TEXT_TAGS = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)
"""Elements whose content a browser reads as text up to their closing tag (HTML's raw text and
escapable raw text elements, and those parsed the same way in a page with scripting on)."""

_TYPE_ONE_OPEN, _TYPE_ONE_CLOSE, _ = HTML_SEQUENCES[0]


def raw_text_plugin(md: MarkdownIt) -> None:
    """Guard markdown-it's HTML blocks and escape unclosed raw-text tags."""
    html_block = next(rule for rule in md.block.ruler.__rules__ if rule.name == "html_block")
    md.block.ruler.at("html_block", _guarded(html_block.fn), {"alt": list(html_block.alt)})
    # after text_join, which would merge the escaped tag's text token (and its meta) into its neighbours
    md.core.ruler.after("text_join", "raw_text", _escape_unclosed)


def _guarded(html_block):
    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        """``html_block``, except that a type-1 block needs its closing tag."""
        line_start = state.bMarks[start_line] + state.tShift[start_line]
        type_one = _TYPE_ONE_OPEN.search(state.src[line_start : state.eMarks[start_line]])
        if type_one and not _closed_in_container(state, start_line, end_line):
            return False
        return html_block(state, start_line, end_line, silent)

    return rule


def _closed_in_container(state: StateBlock, start_line: int, end_line: int) -> bool:
    """Whether a type-1 closing tag is on this line or a later one of the same container, the lines
    markdown-it's own ``html_block`` would search."""
    if _last_type_one_close(state.src) < state.bMarks[start_line]:
        return False  # nothing closes it anywhere after this line: no need to look line by line
    line = start_line
    while line < end_line and (line == start_line or state.sCount[line] >= state.blkIndent or state.isEmpty(line)):
        if _TYPE_ONE_CLOSE.search(state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]):
            return True
        line += 1
    return False


@functools.lru_cache(maxsize=8)
def _last_type_one_close(src: str) -> int:
    """Where the last type-1 closing tag of a source starts (-1 if none); once per note."""
    return max((match.start() for match in _TYPE_ONE_CLOSE.finditer(src)), default=-1)


def _escape_unclosed(state: StateCore) -> None:
    """Core rule: unclosed raw-text tags become text, in blocks and in paragraphs."""
    tokens = state.tokens
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "html_block" and _unclosed_tag(token.content):
            tokens[position : position + 1] = _as_paragraph(state, token)
            position += 3  # the paragraph's inline is escaped already
            continue
        if token.type == "inline" and token.children and any(c.type == "html_inline" for c in token.children):
            _escape_in_inline(token)
        position += 1


def _as_paragraph(state: StateCore, block: Token) -> list[Token]:
    """An HTML block as the paragraph it reads as: its text parsed inline, its tags raw HTML."""
    opening = Token("paragraph_open", "p", 1, map=block.map, level=block.level, block=True)
    inline = Token("inline", "", 0, map=block.map, level=block.level + 1, content=block.content.rstrip("\n"))
    inline.block, inline.children = True, []
    state.md.inline.parse(inline.content, state.md, state.env, inline.children)
    _escape_in_inline(inline)
    closing = Token("paragraph_close", "p", -1, level=block.level, block=True)
    # a block that opens with a kept tag (``<div>``) is that element, as before: no <p> around it
    opening.hidden = closing.hidden = bool(inline.children) and inline.children[0].type == "html_inline"
    return [opening, inline, closing]


def _escape_in_inline(inline: Token) -> None:
    """Each raw-text opening tag with no closing tag later in the paragraph becomes text."""
    children = inline.children or []
    closed_later: set[str] = set()
    lines = _line_of_each(inline, children)
    for index in range(len(children) - 1, -1, -1):
        child = children[index]
        if child.type != "html_inline":
            continue
        kind, name = _tag_of(child.content)
        if kind == "end" and name != "plaintext":  # nothing ever closes <plaintext>
            closed_later.add(name)
        elif kind == "start" and name in RAW_TEXT_TAGS and name not in closed_later:
            child.type = "text"
            child.meta = {**child.meta, "escaped_raw_text": name, "line": lines[index]}


def _line_of_each(inline: Token, children: list[Token]) -> list[int]:
    """The 1-based note line of each child (0 when the paragraph's place is unknown)."""
    line = inline.map[0] + 1 if inline.map else 0
    found = []
    for child in children:
        found.append(line)
        line += bool(line) and child.type in ("softbreak", "hardbreak")
    return found


def _unclosed_tag(html: str) -> str:
    """The raw-text tag a browser would leave open at the end of ``html`` ("" if none; there is at
    most one: the first unclosed one takes all that follows as its text)."""
    reader = _RawTextReader()
    reader.feed(html)
    return reader.open_element


def _tag_of(html: str) -> tuple[str, str]:
    """("start" or "end" or "", tag name) of one inline HTML tag."""
    reader = _RawTextReader()
    reader.feed(html)
    return reader.first


class _RawTextReader(HTMLParser):
    """Follows raw-text elements the way a browser does: after the opening tag, only the element's own
    closing tag ends it (the standard library knows this for script and style only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open_element = ""
        self.first = ("", "")

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.first = self.first if self.first[0] else ("start", tag)
        if tag in RAW_TEXT_TAGS:
            self.open_element = tag
            self.set_cdata_mode(tag)

    handle_startendtag = handle_starttag  # <script/> is an opening tag in HTML

    def handle_endtag(self, tag: str) -> None:
        self.first = self.first if self.first[0] else ("end", tag)
        if tag == self.open_element != "plaintext":
            self.open_element = ""
