"""The parse stage: one note's text -> a :class:`ParsedNote`.

A pure function of (path, text): no disk, no knowledge of other notes. That makes it cacheable by
content hash and runnable in worker processes; its input and output pickle. Here the token stream
is also read once for everything later stages need: headings with their sections, block ids, links
and embeds with line:column, tags, and the parse-time diagnostics the plugins recorded in tokens.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.frontmatter import read_front_matter
from vaultc.markdown import create_markdown
from vaultc.markdown.cards import DEFAULT_SEPARATORS
from vaultc.model import Block, FrontMatter, Heading, LinkKind, LinkRef, ParsedNote
from vaultc.names import PAGE_IDS, Slugger, VaultPath, basename, note_stem
from vaultc.properties import with_properties

MATH_ERROR_MESSAGE = "cannot convert formula to MathML ({reason}); its source is shown"
"""The message of a ``math-error`` finding (:mod:`vaultc.math_report` reads its reason back)."""


@dataclass(frozen=True)
class ParseOptions:
    """What a vault sets about its syntax (part of the key of a parse: same text and options, same note)."""

    card_separators: tuple[tuple[str, str], ...] = tuple(sorted(DEFAULT_SEPARATORS.items()))
    """(kind, separator) pairs of the spaced-repetition cards (``vaultc.yaml``'s ``flashcards:``)."""
    strict_line_breaks: bool = False
    """CommonMark's soft line breaks instead of Obsidian's (``vaultc.yaml``'s ``strict_line_breaks:``)."""


@functools.cache
def _markdown(options: ParseOptions = ParseOptions()) -> MarkdownIt:
    """One parser per process and options (building it is the costly part)."""
    return create_markdown(dict(options.card_separators), options.strict_line_breaks)


def parse_note(path: VaultPath, text: str, options: ParseOptions = ParseOptions()) -> ParsedNote:
    """Parse one note; never raises for any text."""
    tokens = _markdown(options).parse(text, {})
    line_count = text.count("\n") + (0 if text.endswith("\n") else 1)
    front_matter, problems = _front_matter(path, tokens)
    return ParsedNote(
        path=path,
        title=front_matter.title or basename(note_stem(path)),
        front_matter=front_matter,
        tokens=tuple(tokens),
        headings=_headings(tokens, line_count),
        blocks=_blocks(tokens),
        links=front_matter.links + _links(tokens, text.split("\n"), len(front_matter.links)),
        tags=_tags(front_matter, tokens),
        diagnostics=problems + _token_problems(path, tokens),
        line_count=line_count,
        text=text,
    )


def _front_matter(path: str, tokens: list[Token]) -> tuple[FrontMatter, tuple[Diagnostic, ...]]:
    if tokens and tokens[0].type == "front_matter":
        first_line = tokens[0].map[0] + 1
        front_matter, problems = read_front_matter(path, tokens[0].content, first_line)
        if any(problem.rule == "front-matter-error" for problem in problems):
            return front_matter, problems  # unread, so no properties either
        return with_properties(front_matter, tokens[0].content, first_line), problems
    return FrontMatter(), ()


def inline_text(inline: Token) -> str:
    """The plain text of an inline token (what a reader sees, without markup)."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline", "math_inline"):
            parts.append(child.content)
        elif child.type == "tag":
            parts.append(child.meta["raw"])
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def _headings(tokens: list[Token], line_count: int) -> tuple[Heading, ...]:
    """Headings with unique anchors and outline levels (also set on the token) and section extents."""
    found: list[tuple[int, str, str, int, int]] = []
    slugs = Slugger(PAGE_IDS)
    outline = _Outline()
    for position, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            level, text = int(token.tag[1]), inline_text(tokens[position + 1])
            anchor = slugs.slug(text)
            token.attrSet("id", anchor)
            token.meta["outline_level"] = outline.place(level)
            found.append((level, text, anchor, token.map[0] + 1, token.meta["outline_level"]))
    headings = []
    for position, (level, text, anchor, line, outline_level) in enumerate(found):
        later = [other[3] for other in found[position + 1 :] if other[0] <= level]
        end = later[0] - 1 if later else line_count
        headings.append(Heading(level, text, anchor, line, end, outline_level))
    return tuple(headings)


class _Outline:
    """Maps written heading levels to page levels: a heading sits one below its nearest shallower one."""

    TOP, DEEPEST = 2, 6

    def __init__(self) -> None:
        self.open: list[tuple[int, int]] = []  # (written level, page level) of enclosing headings

    def place(self, level: int) -> int:
        while self.open and self.open[-1][0] >= level:
            self.open.pop()
        page_level = min(self.open[-1][1] + 1, self.DEEPEST) if self.open else self.TOP
        self.open.append((level, page_level))
        return page_level


def _blocks(tokens: list[Token]) -> tuple[Block, ...]:
    return tuple(
        Block(token.meta["block_id"], token.map[0] + 1, token.map[1])
        for token in tokens
        if "block_id" in token.meta and token.map
    )


def _links(tokens: list[Token], source_lines: list[str], first: int) -> tuple[LinkRef, ...]:
    """Every wikilink, embed and relative Markdown link/image, numbered in document order from
    ``first`` (the links in the note's properties come before them)."""
    links: list[LinkRef] = []
    for block in tokens:
        if block.type != "inline":
            continue
        for child in block.children or ():
            link = _link_of(child, first + len(links), block, source_lines)
            if link is not None:
                child.meta["link_index"] = link.index
                links.append(link)
    return tuple(links)


def _link_of(token: Token, index: int, block: Token, source_lines: list[str]) -> LinkRef | None:
    if token.type in ("wikilink_open", "embed"):
        kind = LinkKind.EMBED if token.type == "embed" else LinkKind.LINK
        meta = token.meta
        return LinkRef(
            index,
            kind,
            meta["target"],
            tuple(meta["heading"]),
            meta["block"],
            meta.get("line", 0),
            meta.get("column", 0),
            meta["raw"],
            True,
        )
    if token.type in ("link_open", "image"):
        url = str(token.attrGet("href" if token.type == "link_open" else "src") or "")
        return _markdown_link(token, url, index, block, source_lines)
    return None


def _markdown_link(token: Token, url: str, index: int, block: Token, source_lines: list[str]) -> LinkRef | None:
    """A Markdown link or image with a relative URL refers into the vault; others are external."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not (parts.path or parts.fragment):
        return None
    fragment = unquote(parts.fragment)
    block_id = fragment[1:] if fragment.startswith("^") else None
    heading = () if block_id or not fragment else (fragment,)
    kind = LinkKind.EMBED if token.type == "image" else LinkKind.LINK
    line, column = _locate(url, block, source_lines)
    return LinkRef(index, kind, unquote(parts.path), heading, block_id, line, column, url, False)


def _locate(needle: str, block: Token, source_lines: list[str]) -> tuple[int, int]:
    """Line and column of a Markdown link's URL within its block (links carry no position)."""
    start, end = block.map if block.map else (0, 1)
    for line_index in range(start, min(end, len(source_lines))):
        column = source_lines[line_index].find(needle)
        if column >= 0:
            return line_index + 1, column + 1
    return start + 1, 0


def _tags(front_matter: FrontMatter, tokens: list[Token]) -> tuple[str, ...]:
    """Front-matter tags then inline tags; tags are case-insensitive, so the first spelling wins."""
    names = list(front_matter.tags)
    for block in tokens:
        if block.type == "inline":
            names.extend(child.meta["name"] for child in block.children or () if child.type == "tag")
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _token_problems(path: str, tokens: list[Token]) -> tuple[Diagnostic, ...]:
    """What the plugins recorded in the tokens: formulas, nesting, escaped tags."""
    return _math_problems(path, tokens) + _nesting_problems(path, tokens) + _escaped_tags(path, tokens)


def _math_problems(path: str, tokens: list[Token]) -> tuple[Diagnostic, ...]:
    problems = []
    for token in _walk(tokens):
        if "math_error" in token.meta:
            line = token.meta.get("line") or (token.map[0] + 1 if token.map else 0)
            problems.append(
                diagnostic(
                    path,
                    line,
                    token.meta.get("column", 0),
                    "math-error",
                    MATH_ERROR_MESSAGE.format(reason=token.meta["math_error"]),
                    subject=token.content,
                )
            )
    return tuple(problems)


def _nesting_problems(path: str, tokens: list[Token]) -> tuple[Diagnostic, ...]:
    """Where a note nests deeper than the parser goes: its lines are shown as written from there."""
    return tuple(
        diagnostic(
            path,
            token.map[0] + 1,
            1,
            "nesting-limit",
            f"nested deeper than vaultc parses (more than {token.meta['nesting_limit'] // 2} outline levels or"
            f" {token.meta['nesting_limit']} quote levels); from here the lines are shown as written, without"
            " their list or quote structure (to fix: indent less or split the outline)",
        )
        for token in tokens
        if token.type == "paragraph_open" and "nesting_limit" in token.meta
    )


def _escaped_tags(path: str, tokens: list[Token]) -> tuple[Diagnostic, ...]:
    """Raw-text tags shown as text because nothing closes them (else the rest of the page would be lost)."""
    return tuple(
        diagnostic(
            path,
            token.meta["line"],
            0,
            "raw-text-tag",
            f"<{token.meta['escaped_raw_text']}> is never closed, so it is shown as text (a browser would"
            " hide all that follows it); to show it as code, put it in backticks",
            subject=token.content,
        )
        for token in _walk(tokens)
        if "escaped_raw_text" in token.meta
    )


def _walk(tokens: list[Token]):
    for token in tokens:
        yield token
        if token.children:
            yield from token.children
