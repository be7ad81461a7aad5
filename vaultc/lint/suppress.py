"""Silencing a rule in one place, with Obsidian comments that readers of the vault never see.

Why comments: a vault's author who knows a question is deliberately open wants to say so where it
is, not in a list kept elsewhere, and ``%% ... %%`` is invisible in Obsidian and on the site. The
directives follow ESLint's:

* ``%% vaultc-disable-next-line unanswered-question %%``: the next line holding content;
* ``%% vaultc-disable-line rule %%``: the line the directive is on;
* ``%% vaultc-disable rule %%`` ... ``%% vaultc-enable rule %%``: from the disable line up to the
  line before the enable (to the end of the note without one);
* ``%% vaultc-disable-file rule %%``: the whole note, whole-file findings (line 0) included.

Several rules are separated by commas or spaces; none means every rule. Text after ``--`` is a
reason for the reader and ignored. In a ``%%`` block each line may hold a directive; lines that do
not start with ``vaultc-`` are ordinary comment text.

Only ``comment`` and ``comment_block`` tokens are read, never the raw source, so a directive shown
inside code is just code. Tokens do not record blank lines, so "the next line" is the next line
covered by a leaf token (paragraph or heading text, code, table cell, ...) below the comment;
comment-only lines are skipped, so stacked directives all apply to the line under them.

Mistakes in directives (an unknown rule or directive, an enable without a disable) are
``unknown-suppression`` diagnostics, never exceptions; the rest of such a directive still applies.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.diagnostics import RULES, Diagnostic, diagnostic
from vaultc.model import ParsedNote

END = sys.maxsize
"""Last line of a span that runs to the end of the note."""

DIRECTIVES = (
    "vaultc-disable-next-line",
    "vaultc-disable-line",
    "vaultc-disable-file",
    "vaultc-disable",
    "vaultc-enable",
)
_RANGE = ("vaultc-disable", "vaultc-enable")
_PREFIX = "vaultc-"
_SEPARATORS = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class Suppression:
    """Lines ``first_line``..``last_line`` (1-based, inclusive) where ``rules`` are not reported."""

    first_line: int
    last_line: int
    rules: frozenset[str] | None
    """The rules silenced; None for every rule."""

    def covers(self, found: Diagnostic) -> bool:
        within = self.first_line <= found.line <= self.last_line
        return within and (self.rules is None or found.rule in self.rules)


@dataclass(frozen=True)
class Suppressions:
    """What one note's directives silence, and what is wrong with the directives themselves."""

    spans: tuple[Suppression, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    """``unknown-suppression`` findings, for the caller to report with the others."""

    def covers(self, found: Diagnostic) -> bool:
        return any(span.covers(found) for span in self.spans)


@dataclass(frozen=True)
class _Directive:
    kind: str
    rules: frozenset[str] | None
    """Known rules named (empty when all named were unknown: then nothing is silenced), None for all."""
    line: int
    comment_end: int
    """Last line of the comment holding the directive."""
    column: int


def suppressions(note: ParsedNote) -> Suppressions:
    """Read a note's suppression directives from its comment tokens."""
    problems: list[Diagnostic] = []
    directives = list(_directives(note.path, note.tokens, problems))
    spans = [_single_span(note.tokens, found) for found in directives if found.kind not in _RANGE]
    spans += _range_spans(note.path, [found for found in directives if found.kind in _RANGE], problems)
    return Suppressions(tuple(span for span in spans if span.rules != frozenset()), tuple(sorted(problems)))


def apply_suppressions(
    diagnostics: Iterable[Diagnostic], by_note: Mapping[str, Suppressions]
) -> tuple[Diagnostic, ...]:
    """The findings no directive of their note silences, in their order."""
    kept = []
    for found in diagnostics:
        note = by_note.get(found.path)
        if note is None or not note.covers(found):
            kept.append(found)
    return tuple(kept)


def _walk(tokens: Iterable[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def _comments(tokens: Sequence[Token]) -> Iterator[tuple[str, int, int, int]]:
    """(content, first line, last line, column of the first line) of every comment, in order."""
    for token in _walk(tokens):
        if token.type == "comment_block" and token.map:
            yield token.content, token.map[0] + 1, token.map[1], 0  # a block's column is not recorded
        elif token.type == "comment" and "line" in token.meta:
            line = token.meta["line"]
            yield token.content, line, line + token.meta.get("raw", "").count("\n"), token.meta.get("column", 0)


def _directives(path: str, tokens: Sequence[Token], problems: list[Diagnostic]) -> Iterator[_Directive]:
    for content, first_line, last_line, column in _comments(tokens):
        for offset, text in enumerate(content.split("\n")):
            words = [word for word in _SEPARATORS.split(text.split(" --")[0].strip()) if word]
            if words and words[0].lower().startswith(_PREFIX):
                where = (first_line + offset, column if offset == 0 else 0)
                found = _directive(path, words, where, last_line, problems)
                if found is not None:
                    yield found


def _directive(
    path: str, words: list[str], where: tuple[int, int], comment_end: int, problems: list[Diagnostic]
) -> _Directive | None:
    """The directive spelt by ``words``; unknown names are reported and left out."""
    kind, names = words[0].lower(), [word.lower() for word in words[1:]]
    if kind not in DIRECTIVES:
        problems.append(_problem(path, where, f"unknown directive {kind!r}.", kind, DIRECTIVES))
        return None
    known = RULES
    for name in names:
        if name not in known:
            problems.append(_problem(path, where, f"{kind}: unknown rule {name!r}.", name, known))
    rules = frozenset(name for name in names if name in known) if names else None
    return _Directive(kind, rules, where[0], comment_end, where[1])


def _problem(path: str, where: tuple[int, int], message: str, name: str, allowed: Iterable[str]) -> Diagnostic:
    close = difflib.get_close_matches(name, list(allowed), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return diagnostic(path, where[0], where[1], "unknown-suppression", message + hint, name)


def _single_span(tokens: Sequence[Token], found: _Directive) -> Suppression:
    if found.kind == "vaultc-disable-file":
        return Suppression(0, END, found.rules)
    if found.kind == "vaultc-disable-line":
        return Suppression(found.line, found.line, found.rules)
    line = _next_content_line(tokens, found.comment_end)
    return Suppression(line, line, found.rules)


def _next_content_line(tokens: Sequence[Token], after: int) -> int:
    """The first line below ``after`` covered by a leaf token that is not a comment (END if none)."""
    candidates = (
        max(token.map[0] + 1, after + 1)
        for token in tokens
        if token.nesting == 0 and token.map and token.type != "comment_block" and token.map[1] > after
    )
    return min(candidates, default=END)


def _range_spans(path: str, directives: list[_Directive], problems: list[Diagnostic]) -> list[Suppression]:
    """Pair each disable with the enable that ends it; an unended disable runs to the end."""
    opened: dict[str | None, int] = {}  # rule (None: every rule) -> line of its disable
    spans: list[Suppression] = []
    for found in directives:
        if found.kind == "vaultc-disable":
            for key in [None] if found.rules is None else sorted(found.rules):
                opened.setdefault(key, found.line)
        else:
            spans += _enable(path, found, opened, problems)
    return spans + [_span(key, line, END) for key, line in opened.items()]


def _enable(
    path: str, found: _Directive, opened: dict[str | None, int], problems: list[Diagnostic]
) -> list[Suppression]:
    """Close what ``found`` (a vaultc-enable) ends: the rules it names, or everything open."""
    closing: list[str | None] = list(opened) if found.rules is None else sorted(found.rules)
    if not closing and found.rules is None:
        message = "vaultc-enable ends nothing: no vaultc-disable is open above it."
        problems.append(diagnostic(path, found.line, found.column, "unknown-suppression", message))
    spans = []
    for key in closing:
        if key in opened:
            spans.append(_span(key, opened.pop(key), found.line - 1))
        else:
            message = f"vaultc-enable {key} ends nothing: no vaultc-disable naming {key} is open above it."
            problems.append(diagnostic(path, found.line, found.column, "unknown-suppression", message, key))
    return spans


def _span(rule: str | None, first_line: int, last_line: int) -> Suppression:
    return Suppression(first_line, last_line, None if rule is None else frozenset((rule,)))
