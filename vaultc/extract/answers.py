"""Answers: reading the part of a note that answers a question, and the boundaries of answers.

Why a module of its own: finding questions (:mod:`vaultc.extract.shapes`) is about a block's shape,
while an answer is about layout: where the author stops writing about one question. Notes mark that in
three ways, and the rules here follow them (all read from tokens, never from the raw source):

* **Thematic breaks** (``---``) always end an answer.
* **Spacers** (an HTML block holding only ``<br>``) end an answer when the note uses them between
  entries, i.e. a spacer stands right before a question somewhere in the note (possibly with a
  ``---`` or a section heading in between). What follows a spacer is never the answer: in the main
  seed "What is an embedding?" is followed by ``<br>`` and then an unrelated term list, and it is
  unanswered. In a note that never separates entries with spacers, a ``<br>`` is only vertical
  space and is skipped.
* **Room left blank**: when the first block after a question stands more than ``MAX_ANSWER_GAP``
  blank lines below it, the blank lines are the room left for an answer not yet written, and the
  block is something else (the FAQ's "What is spare data?" followed by five blank lines and a
  glossary). Answers that exist start on the next line or after one blank line in every note read.

The next question and headings end answers too; those rules need to know what is open, so they
live in :mod:`vaultc.extract.walk`.

A collected answer is a list of :class:`Piece` values, read from tokens here (never the raw source);
:mod:`vaultc.extract.answer_status` judges it (answered, unanswered, stub). The placeholders it
knows, ``DEFAULT_STUB_PATTERNS``, are regular expressions matched against the whole answer, so a
vault can configure its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from vaultc.extract.model import Answer

MAX_ANSWER_GAP = 2
"""Blank lines allowed between a question and the start of its answer."""

DEFAULT_STUB_PATTERNS: tuple[str, ...] = (
    r"[-–—_.…?!*~\s]+",  # "-", "...", "…", "?"
    r"(?:todo|tbd|tbc|fixme|wip)\b.{0,80}",  # "TODO", "TBD: check the paper"
    r"(?:your )?answer (?:goes )?here\W*",  # the ml-interview-questions placeholder
    r"(?:to be (?:written|done|added|answered|continued)|coming soon|fill (?:this |it )?in(?: later)?)\W*",
    r"(?:look (?:it |this |that )?up|google (?:it|this)|search (?:for )?(?:it|this)"
    # a "look it up" note
    r"|see (?:the )?(?:docs?|documentation|link|video|paper|notes?|lectures?|slides?|book|chapter))\b.{0,60}",
    r"(?:skip(?:ped)?|n/?a|not (?:needed|relevant|important)"
    r"|too (?:specialist|specialised|specialized|advanced|niche|detailed))\W*",  # a "skip" note
)
r"""Regular expressions for placeholders: an answer whose whole plain text matches one (ignoring case)
is a stub. Configurable (``stub_patterns``); write ``\.\.\.``, not ``...``, for literal dots."""

_URL = re.compile(r"(?:https?://|www\.)\S+")
_LABEL_LINE = re.compile(r"^\s*(?:\*\*)?(?:a|answer)\s*:", re.IGNORECASE)
ANSWER_LABEL = re.compile(r"^\s*(?:\*\*)?(?:a|answer)\s*[:.)](?:\*\*)?\s*", re.IGNORECASE)
_SPACER = re.compile(r"(?:\s*<\s*/?\s*br\s*/?\s*>)+\s*", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"\s*<!--.*?-->\s*", re.DOTALL)
_IGNORED_BLOCKS = frozenset({"comment_block", "front_matter", "footnote_block_open"})
_SUBSTANCE_INLINE = frozenset({"image", "embed", "math_inline", "math_inline_double"})
_SUBSTANCE_BLOCKS = frozenset({"fence", "code_block", "math_block", "math_block_label", "table_open", "html_block"})


@dataclass(frozen=True)
class Piece:
    """A part of an answer: some blocks, or the lines of a paragraph after its question line."""

    tokens: tuple[int, int]
    """[start, end) indices of the top-level tokens holding it (a split paragraph is included whole)."""
    first_line: int
    last_line: int
    lines: tuple[str, ...]
    """Plain text, one entry per source line or list item."""
    prose: str
    """The words outside links, with URLs removed (what is left of a "bare link" answer)."""
    links: int
    substance: bool
    """Code, math, an image, an embed, a table or raw HTML: an answer beyond words."""


@dataclass
class _Reader:
    """Accumulates one piece while walking tokens (module-private, so mutable)."""

    lines: list[str] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    links: int = 0
    substance: bool = False
    first_line: int = 0
    last_line: int = 0

    def mark(self, first: int, last: int) -> None:
        self.first_line = min(self.first_line, first) if self.first_line else first
        self.last_line = max(self.last_line, last)

    def text(self, content: str, line: int, in_link: bool) -> None:
        self.current.append(content)
        if not content.strip():
            return
        self.mark(line, line)
        if not in_link:
            self.links += len(_URL.findall(content))
            self.prose.append(_URL.sub(" ", content))

    def end_line(self) -> None:
        line = "".join(self.current).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def piece(self, tokens: tuple[int, int]) -> Piece | None:
        self.end_line()
        if not self.first_line:
            return None
        prose = " ".join(self.prose)
        return Piece(tokens, self.first_line, self.last_line, tuple(self.lines), prose, self.links, self.substance)


def starts_with_answer_label(line: str) -> bool:
    """``A:`` / ``Answer:``: the author says where the answer is (even when nothing follows it)."""
    return _LABEL_LINE.match(line) is not None


def is_spacer(token: Token) -> bool:
    """An HTML block holding only ``<br>`` tags: vertical space some notes put between entries."""
    return token.type == "html_block" and _SPACER.fullmatch(token.content) is not None


def is_ignorable(token: Token) -> bool:
    """Blocks that are neither content nor boundaries: comments, front matter, footnote lists."""
    if token.type == "html_block":
        return _HTML_COMMENT.fullmatch(token.content) is not None
    return token.type in _IGNORED_BLOCKS


def read_blocks(tokens: Sequence[Token], start: int, end: int) -> Piece | None:
    """The piece made of the blocks tokens[start:end] (None when they hold nothing visible)."""
    reader = _Reader()
    for position in range(start, end):
        token = tokens[position]
        if token.type == "list_item_open" and tokens[position + 1].type == "list_item_close" and token.map:
            reader.text(token.markup, token.map[0] + 1, False)  # an empty "-" item: the dash is what was written
        else:
            _read_token(reader, token)
    return reader.piece((start, end))


def line_starts(inline: Token) -> list[int]:
    """Index of the first child on each source line of an inline token."""
    starts = [0]
    for position, child in enumerate(inline.children or ()):
        if child.type in ("softbreak", "hardbreak"):
            starts.append(position + 1)
    return starts


def read_lines(
    tokens: Sequence[Token], paragraph: int, first: int, stop: int | None = None, starts: list[int] | None = None
) -> Piece | None:
    """The piece made of lines ``first`` to ``stop`` (exclusive, 0-based) of a paragraph's text;
    ``starts`` (from :func:`line_starts`) saves re-counting the lines of a paragraph read in parts."""
    inline = tokens[paragraph + 1]
    starts = starts if starts is not None else line_starts(inline)
    if first >= len(starts):
        return None
    end = starts[stop] - 1 if stop is not None and stop < len(starts) else len(inline.children or ())
    reader = _Reader()
    _read_children(reader, inline, starts[first], end, first)
    return reader.piece((paragraph, paragraph + 3))


def text_piece(text: str, line: int, tokens: tuple[int, int]) -> Piece:
    """A piece for words written on the question's own line (a trailing URL, "Max: 15")."""
    links = len(_URL.findall(text))
    return Piece(tokens, line, line, (text,), _URL.sub(" ", text), links, False)


def _read_token(reader: _Reader, token: Token) -> None:
    if token.type == "inline":
        _read_children(reader, token)
        reader.end_line()  # each paragraph, item or cell ends its line: words never glue across blocks
    elif token.type in _SUBSTANCE_BLOCKS and not is_spacer(token) and not is_ignorable(token):
        reader.substance = True
        if token.map:
            reader.mark(token.map[0] + 1, token.map[1])
        if token.type != "html_block":  # raw HTML is not plain text
            reader.lines.extend(line for line in token.content.split("\n") if line.strip())


def _read_children(
    reader: _Reader, inline: Token, begin: int = 0, end: int | None = None, line: int = 0,
    window: tuple[int, int] | None = None,
) -> None:
    """Read children[begin:end] of an inline token (starting on its line ``line``), counting links and
    media; with a ``window``, only the children on source lines first..last (1-based) count."""
    in_link = 0
    base = inline.map[0] + 1 if inline.map else 0
    for child in (inline.children or [])[begin:end]:
        if child.type in ("softbreak", "hardbreak"):
            reader.end_line()
            line += 1
            continue
        if window is not None and not window[0] <= base + line <= window[1]:
            continue
        if child.type in ("link_open", "wikilink_open"):
            in_link += 1
            reader.links += 1
        elif child.type in ("link_close", "wikilink_close"):
            in_link = max(in_link - 1, 0)
        elif child.type in _SUBSTANCE_INLINE:
            reader.substance = True
            reader.mark(base + line, base + line)
            reader.text(child.content, base + line, True)
        elif child.type in ("text", "code_inline", "cloze"):
            reader.text(child.content, base + line, in_link > 0)
        elif child.type == "tag":
            reader.text(child.meta.get("raw", ""), base + line, False)


def read_line_range(tokens: Sequence[Token], start: int, end: int, first: int, last: int) -> Piece | None:
    """The piece made of what tokens[start:end] hold on source lines first..last (1-based), whatever
    their nesting: the back of a card that starts inside one list item and ends in the next."""
    reader = _Reader()
    for token in tokens[start:end]:
        if token.type == "inline":
            _read_children(reader, token, window=(first, last))
            reader.end_line()
        elif token.type in _SUBSTANCE_BLOCKS and token.map and first <= token.map[0] + 1 <= last:
            _read_token(reader, token)
    return reader.piece((start, end))


def read_children_after(tokens: Sequence[Token], inline_index: int, begin: int, line: int) -> Piece | None:
    """The piece made of an inline token's children from ``begin`` to the end of that source line
    (``line`` is the 0-based line within the token): what follows a card's separator."""
    inline = tokens[inline_index]
    children = inline.children or []
    end = next((position for position in range(begin, len(children))
                if children[position].type in ("softbreak", "hardbreak")), len(children))
    reader = _Reader()
    _read_children(reader, inline, begin, end, line)
    return reader.piece((inline_index - 1, inline_index + 2))


def starts_too_far(quiet_until: int, piece: Piece) -> bool:
    """Is the first block after a question past the room left blank for its answer? (``quiet_until``
    is the question's last line, or the last line of a comment or spacer skipped after it.)"""
    return piece.first_line - quiet_until - 1 > MAX_ANSWER_GAP


def build_answer(pieces: Sequence[Piece]) -> Answer:
    """The :class:`Answer` covering the collected pieces (an empty one when there are none)."""
    if not pieces:
        return Answer(0, 0, (0, 0), "")
    lines = [line for piece in pieces for line in piece.lines]
    return Answer(
        first_line=min(piece.first_line for piece in pieces),
        last_line=max(piece.last_line for piece in pieces),
        tokens=(pieces[0].tokens[0], pieces[-1].tokens[1]),
        text="\n".join(lines),
    )
