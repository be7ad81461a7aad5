"""A note that opens with its own title as a heading shows that title once.

Why this module exists: many vaults begin every note with its title again as a top heading
(``# Java Basics`` in ``Java Basics.md``, a habit of GitHub and of other editors); the page already
has the title as its h1, so the two stood one under the other. When the note's first block is a
``#`` heading whose text is the title but for case and spacing, that heading *becomes* the page's
h1: it keeps its id (links to it still land), its question badge if it asks something, and the
headings under it move up one level on the page and in the outline, so no level is skipped. A
heading that differs from the title in any other way is the note's own and stays where it is. The
note itself is untouched: only its page's tokens are split.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.model import Heading, ParsedNote

TITLE_CLASS = "note-title"


@dataclass(frozen=True)
class TitleSplit:
    """A page's tokens cut in two: the title heading (as the page's h1) and the body after it."""

    title: list[Token]
    body: list[Token]


def opening_title(note: ParsedNote) -> Heading | None:
    """The note's first heading if it is the note's title written again as its first block."""
    first = next((token for token in note.tokens if token.type != "front_matter"), None)
    if not note.headings or first is None or first.type != "heading_open" or not first.map:
        return None
    heading = note.headings[0]
    if heading.level != 1 or heading.line != first.map[0] + 1:
        return None
    return heading if _plain(heading.text) == _plain(note.title) else None


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def page_level(heading: Heading, title: Heading | None) -> int:
    """A heading's level on the page: one up inside the title heading's section, when it is the h1."""
    return heading.outline_level - 1 if title is not None and _under(title, heading.line) else heading.outline_level


def _under(title: Heading, line: int) -> bool:
    """Whether a heading on ``line`` sits in the title heading's section (below the title itself)."""
    return title.line < line <= title.section_end


def split_title(tokens: Sequence[Token], title: Heading) -> TitleSplit:
    """The page's tokens (the note's, decorated) as the title heading and the rest of the body."""
    start = next(i for i, token in enumerate(tokens) if token.type == "heading_open")
    close = next(i for i in range(start, len(tokens)) if tokens[i].type == "heading_close")
    opening = tokens[start]
    classes = " ".join(filter(None, (opening.attrGet("class"), TITLE_CLASS)))
    heading = opening.copy(meta={**opening.meta, "outline_level": 1}, attrs={**opening.attrs, "class": classes})
    body = [*tokens[:start], *(_moved_up(token, title) for token in tokens[close + 1 :])]
    return TitleSplit([heading, *tokens[start + 1 : close + 1]], body)


def _moved_up(token: Token, title: Heading) -> Token:
    if token.type != "heading_open" or not token.map or not _under(title, token.map[0] + 1):
        return token
    return token.copy(meta={**token.meta, "outline_level": token.meta["outline_level"] - 1})
