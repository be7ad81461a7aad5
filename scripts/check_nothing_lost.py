#!/usr/bin/env python3
"""Check that a built site shows every line of every note that Obsidian would show.

    python scripts/check_nothing_lost.py VAULT [--verbose]

Why it exists: a note's text can vanish from its page without any error: markdown-it's nesting
limit drops the rest of a deep outline, a ``<script>`` written in prose makes the sanitizer
swallow the rest of the page, a misread front matter hides the first sections. This script builds
the vault into a temporary folder, reads each note's page back, and checks that the words of every
line a reader would see in Obsidian are in the page's note content. It prints what is missing by
file:line (exit code 1), and counts the lines it did not require, by reason, so that every line is
accounted for rather than skipped.

What is not required, and how each case is recognised (Obsidian's reading view is the reference):
front matter (only Obsidian's: a first line ``---`` up to a line ``---``), ``%%comments%%``,
fence marker lines, link reference definitions, ``^block-id`` lines, formulas (shown as MathML),
the content of a closed ``<script>``/``<style>``/``<template>`` element, tags' markup. Embeds are
checked for what they become: an attachment's page element (its URL), a missing target's
placeholder (its name), a note's transclusion. Lines no token covers are required word for word.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts.nothing_lost_page import JOINING_TAGS, UNSEEN, PageText, html_words, read_page, tag_name, words  # noqa: E402
from vaultc.analysis import StageTimer, analyse  # noqa: E402
from vaultc.build import BuildOptions, build  # noqa: E402
from vaultc.markdown import create_markdown  # noqa: E402
from vaultc.model import ParsedNote  # noqa: E402
from vaultc.render.sitemap import plan_site  # noqa: E402
from vaultc.resolve import Target, TargetKind  # noqa: E402

HIDDEN_INLINE = {"comment": "comment", "math_inline": "formula", "footnote_ref": "footnote mark"}
HIDDEN_BLOCKS = {"comment_block": "comment", "math_block": "formula", "hr": "rule", "front_matter": "front matter"}
FRONT_MATTER_FENCES = ("---", "...")
ADMONITION_SETTINGS = ("title", "collapse", "icon", "color")


@dataclass(frozen=True)
class Lost:
    """A line a reader of the note in Obsidian sees, and the words of it its page lacks."""

    path: str
    line: int
    words: tuple[str, ...]
    text: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: missing {' '.join(self.words)!r} in: {self.text.strip()[:100]}"


@dataclass
class Report:
    """What one vault's site lost, and why the lines it did not require were not required."""

    lost: list[Lost] = field(default_factory=list)
    not_required: Counter[str] = field(default_factory=Counter)
    notes: int = 0


def check_vault(vault: Path) -> Report:
    """Build ``vault`` into a temporary folder and compare every published note with its page."""
    with tempfile.TemporaryDirectory(prefix="vaultc-lost-") as folder:
        output = Path(folder) / "site"
        build(BuildOptions(vault=vault, output=output))
        analysis = analyse(vault, (), StageTimer(lambda message: None))
        resolved = analysis.resolved
        sitemap = plan_site(resolved.notes, resolved.attachments)
        report = Report(notes=len(resolved.notes))
        attached = set(resolved.attachments)
        for path, note in sorted(resolved.notes.items()):
            page = read_page(output / sitemap.note(path))
            urls = {t.path: _site_url(sitemap.attachment(t.path)) for t in resolved.targets[path] if t.path in attached}
            check_note(note, resolved.targets[path], page, urls, report)
        return report


def check_note(
    note: ParsedNote, targets: tuple[Target, ...], page: PageText, urls: dict[str, str], report: Report
) -> Report:
    """Add to ``report`` what ``page`` lacks of ``note`` (``urls``: file names of its attachments)."""
    _NoteCheck(note, targets, page, urls, report).run()
    return report


class _NoteCheck:
    """One note against its page: each block's visible words, then the lines no block covers."""

    def __init__(self, note: ParsedNote, targets: tuple[Target, ...], page: PageText, urls: dict, report: Report):
        self.note, self.targets, self.page, self.report = note, targets, page, report
        self.attachment_urls = urls
        self.lines = note.text.split("\n")
        self.covered: set[int] = set()
        self.unused = Counter(page.words)

    def run(self) -> None:
        for token in self.note.tokens:
            self._block(token)
        self._uncovered_lines()

    def _cover(self, start: int, end: int) -> None:
        self.covered.update(range(start, end))

    def _block(self, token) -> None:
        if token.map is None:
            return
        start, end = token.map[0], max(token.map[1], token.map[0] + 1)  # deflist terms have empty maps
        if token.type == "front_matter":
            self._front_matter(start, end)
        elif token.type in HIDDEN_BLOCKS:
            self._cover(start, end)
            self.report.not_required[HIDDEN_BLOCKS[token.type]] += end - start
        elif token.type in ("inline", "fence", "code_block", "html_block"):
            self._cover(start, end)
            self._require(self._visible_words(token), start, end)
            if token.type == "fence":
                self.report.not_required["fence marker"] += 2
        elif token.type == "callout_open" and token.meta.get("admonition"):
            self._admonition_header(start, end)
        elif token.type == "table_open":
            self._cover(start, end)  # the delimiter row has no words; cells are inline tokens

    def _admonition_header(self, start: int, end: int) -> None:
        """An ```` ```ad-type ```` fence's marker lines and its ``title:``/``collapse:``... lines are
        settings (the title's words are required through its own inline token)."""
        header = [start, end - 1]
        line = start + 1
        while line < end - 1 and self.lines[line].strip().split(":", 1)[0].lower() in ADMONITION_SETTINGS:
            header.append(line)
            line += 1
        self.covered.update(header)
        self.report.not_required["admonition fence and settings"] += len(header)

    def _front_matter(self, start: int, end: int) -> None:
        """Lines vaultc read as front matter that Obsidian would not take for it are required."""
        obsidian_end = obsidian_front_matter_end(self.lines)
        self._cover(start, min(end, obsidian_end))
        self.report.not_required["front matter"] += min(end, obsidian_end) - start
        # beyond Obsidian's end the lines are left uncovered, so they are required word for word

    def _visible_words(self, token) -> list[str]:
        if token.type == "inline":
            return list(self._inline_words(token))
        if token.type == "html_block":
            found, removed = html_words(token.content)
            if removed:
                self.report.not_required["closed script/style/template"] += 1
            return found
        return words(token.content)

    def _inline_words(self, inline) -> Iterator[str]:
        """The words a reader sees in an inline token: text joined across formatting marks."""
        text: list[str] = []
        for child in self._seen_children(inline.children or []):
            if child.type in ("text", "code_inline", "text_special"):
                text.append(child.content)
            elif child.type in ("tag", "cloze"):  # both shown as written
                text.append(child.meta["raw"])
            elif child.type in ("embed", "image") and "link_index" in child.meta:
                text.append(" " + self._media_text(child) + " ")
            elif child.type in HIDDEN_INLINE:
                self.report.not_required[HIDDEN_INLINE[child.type]] += 1
                text.append(" ")
            elif not child.type.endswith(("_open", "_close")) or child.type == "html_inline":
                text.append(" " if child.type != "html_inline" or not _joins(child.content) else "")
        yield from words("".join(text))

    def _seen_children(self, children: list) -> Iterator:
        """The children a reader sees: the content of a closed inline ``<script>``/``<style>``/
        ``<template>`` is not (an unclosed one is shown as text by vaultc and Obsidian alike)."""
        index = 0
        while index < len(children):
            name = tag_name(children[index].content) if children[index].type == "html_inline" else ""
            closer = _closer(children, index, name) if name in UNSEEN else None
            if closer is not None:
                self.report.not_required["closed script/style/template"] += 1
                index = closer
            yield children[index]
            index += 1

    def _media_text(self, token) -> str:
        """What an embed or image shows in words: the name of a missing target, nothing otherwise."""
        target = self.targets[token.meta["link_index"]]
        written = token.meta.get("target") or str(token.attrGet("src") or "")
        if target.kind is TargetKind.ATTACHMENT:
            found = self.attachment_urls.get(target.path, "") in self.page.references
            if found:
                self.report.not_required["attachment embed (on the page by its URL)"] += 1
            return "" if found else written  # not on the page: its name is required, so it is reported
        if target.kind is TargetKind.NOTE and token.type == "embed":
            self.report.not_required["note embed (transcluded)"] += 1
            return ""
        self.report.not_required["embed of a missing target (placeholder names it)"] += 1
        return written

    def _require(self, needed: list[str], start: int, end: int) -> None:
        missing = []
        for word in needed:  # each occurrence takes one of the page's: a line shown once counts once
            if self.unused[word] > 0:
                self.unused[word] -= 1
            elif word not in missing:
                missing.append(word)
        by_line: dict[int, list[str]] = {}
        for word in missing:
            by_line.setdefault(self._line_of(word, start, end), []).append(word)
        for line, found in sorted(by_line.items()):
            self.report.lost.append(Lost(self.note.path, line + 1, tuple(found), self.lines[line]))

    def _line_of(self, word: str, start: int, end: int) -> int:
        return next((i for i in range(start, min(end, len(self.lines))) if word in words(self.lines[i])), start)

    def _uncovered_lines(self) -> None:
        references = _reference_labels(self.note.text)
        block_id_lines = {t.meta["block_id_line"] - 1 for t in self.note.tokens if "block_id_line" in t.meta}
        for index, line in enumerate(self.lines):
            if index in self.covered or not words(line):
                continue
            if _is_reference(line, references):
                self.report.not_required["link reference definition"] += 1
            elif index in block_id_lines and line.strip().startswith("^"):
                self.report.not_required["block id line"] += 1
            else:
                self._require(words(line), index, index + 1)


def _site_url(site_path: str) -> str:
    """How a page's references end for an attachment: its name (pages use relative URLs)."""
    return site_path.rsplit("/", 1)[-1]


def obsidian_front_matter_end(lines: list[str]) -> int:
    """The line after Obsidian's front matter: a first line exactly ``---`` and the next line that
    is exactly ``---`` (or ``...``); 0 when the note has none."""
    if not lines or lines[0] != "---":
        return 0
    return next((i + 1 for i in range(1, len(lines)) if lines[i] in FRONT_MATTER_FENCES), 0)


def _closer(children: list, opening: int, name: str) -> int | None:
    """The index of the first ``</name>`` after ``opening`` among inline children, if any."""
    for index in range(opening + 1, len(children)):
        child = children[index]
        if child.type == "html_inline" and child.content.startswith("</") and tag_name(child.content) == name:
            return index
    return None


def _joins(tag: str) -> bool:
    """Whether an inline HTML tag keeps the words around it together (``<b>``) or apart (``<br>``)."""
    return tag_name(tag) in JOINING_TAGS


@functools.cache
def _markdown() -> MarkdownIt:
    return create_markdown()


def _reference_labels(text: str) -> set[str]:
    """Labels of the note's link reference definitions, as markdown-it normalises them."""
    env: dict = {}
    _markdown().parse(text, env)
    return set(env.get("references", {}))


def _is_reference(line: str, labels: set[str]) -> bool:
    stripped = line.strip().lstrip(">").strip()
    if not stripped.startswith("[") or "]:" not in stripped:
        return False
    label = " ".join(stripped[1 : stripped.index("]:")].split()).upper()
    return label in labels or label.casefold().upper() in labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--verbose", action="store_true", help="also count the lines not required, by reason")
    options = parser.parse_args(argv)
    report = check_vault(options.vault)
    for lost in report.lost:
        print(lost.format())
    print(f"{options.vault}: {report.notes} notes, {len(report.lost)} lines with missing words")
    if options.verbose:
        for reason, count in sorted(report.not_required.items()):
            print(f"  not required: {reason}: {count}")
    return 1 if report.lost else 0


if __name__ == "__main__":
    sys.exit(main())
