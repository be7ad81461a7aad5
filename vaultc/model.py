"""The typed, immutable values the pipeline stages hand to each other.

Each stage returns complete values: nothing here is filled in later by another stage. Parsed notes
hold markdown-it tokens, which are plain objects; by convention nothing mutates them after the parse
stage returns (the renderer only reads them).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.diagnostics import Diagnostic
from vaultc.names import VaultPath


@dataclass(frozen=True)
class Heading:
    """A heading of a note, with the lines its section covers."""

    level: int
    text: str
    """Plain text of the heading (Markdown removed)."""
    anchor: str
    """Unique id of the heading within its note's page."""
    line: int
    """1-based line of the heading."""
    section_end: int
    """1-based last line of its section (up to the next heading of the same or a higher level)."""
    outline_level: int
    """Level on the page (2-6, under the page's h1 title): one below its nearest shallower heading,
    so ``##`` followed by ``#####`` becomes h2, h3 and the page outline skips no level."""


@dataclass(frozen=True)
class Block:
    """A block carrying an Obsidian block id (``^id``)."""

    block_id: str
    line: int
    end_line: int


class LinkKind(enum.Enum):
    """Whether a reference navigates to its target or includes it in place."""

    LINK = "link"
    EMBED = "embed"


@dataclass(frozen=True)
class LinkRef:
    """A reference found in a note: a wikilink, an embed, or a relative Markdown link/image."""

    index: int
    """Position among the note's links; tokens carry it as ``meta["link_index"]``."""
    kind: LinkKind
    target: str
    """The target as written, before '#' ("" for a same-note link)."""
    heading: tuple[str, ...]
    block: str | None
    line: int
    column: int
    raw: str
    wikilink: bool
    """True for Obsidian syntax (name lookup), False for Markdown links (relative paths)."""


class PropertyKind(enum.Enum):
    """Obsidian's property types, as the YAML value shows them (lists are lists of these)."""

    TEXT = "text"
    NUMBER = "number"
    CHECKBOX = "checkbox"
    DATE = "date"
    DATETIME = "datetime"
    OBJECT = "object"
    """A mapping or a nested list, which Obsidian shows as written."""


@dataclass(frozen=True)
class PropertyValue:
    """One value of a property (one chip of a list)."""

    kind: PropertyKind
    text: str
    """The value as written (numbers keep their digits, dates are ISO, checkboxes "true"/"false")."""
    tokens: tuple[Token, ...] = ()
    """For text: ``text`` and ``wikilink_open``/label/``wikilink_close`` tokens, links carrying
    ``meta["link_index"]`` like the body's (nothing else in a value is Markdown, as in Obsidian)."""


@dataclass(frozen=True)
class Property:
    """One front-matter key and its values, in the order written."""

    key: str
    values: tuple[PropertyValue, ...]
    """Empty for an empty value (null, "", [])."""
    is_list: bool
    line: int
    """1-based line of the key in the note."""


@dataclass(frozen=True)
class FrontMatter:
    """The front-matter fields vaultc understands."""

    title: str | None = None
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    publish: bool = True
    description: str | None = None
    properties: tuple[Property, ...] = ()
    """Every key with its typed values, for the note page's properties table."""
    links: tuple[LinkRef, ...] = ()
    """The ``[[links]]`` written in property values: the first of the note's links (indexes 0..)."""


@dataclass(frozen=True)
class ParsedNote:
    """One note after the parse stage: a pure function of its path and text."""

    path: VaultPath
    title: str
    front_matter: FrontMatter
    tokens: tuple[Token, ...]
    headings: tuple[Heading, ...]
    blocks: tuple[Block, ...]
    links: tuple[LinkRef, ...]
    tags: tuple[str, ...]
    """Tags as written (front matter first, then inline, first spelling wins), without '#'."""
    diagnostics: tuple[Diagnostic, ...]
    line_count: int
    text: str
    """The source text, for placing findings within their line."""

    def column_of(self, line: int, fragment: str) -> int:
        """1-based column where ``fragment`` starts on ``line`` (1 if it is not found as written)."""
        lines = self.text.split("\n", line)
        found = lines[line - 1].find(fragment) if 0 < line <= len(lines) and fragment else -1
        return found + 1 if found >= 0 else 1


class TargetKind(enum.Enum):
    NOTE = "note"
    ATTACHMENT = "attachment"
    MISSING = "missing"
    UNPUBLISHED = "unpublished"
    UNSAFE = "unsafe"


@dataclass(frozen=True)
class Target:
    """Where one link points."""

    kind: TargetKind
    path: VaultPath | None = None
    anchor: str = ""
    """Heading anchor or "^blockid" on the target page ("" for the page itself)."""
    anchor_missing: bool = False
