"""The open-questions page: the vault's to-do list.

Every unanswered question and stub (by note, in line order) and every term the vault lists but
never defines, each linked to its place on the note page and, when the vault's name is known, to
the note in Obsidian (``obsidian://open?vault=...&file=...``) so it can be fixed at once. Open
prompts (questions left open on purpose) come last, in a section of their own: they are listed
so they can be found, but they are not missing work. Long lists are cut into pages like the
questions listing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from vaultc.extract.model import Concept
from vaultc.names import SitePath, VaultPath, note_stem
from vaultc.render.context import Page, SiteContext
from vaultc.render.questions.question_items import (
    NoteGroup,
    Pagination,
    QuestionItem,
    group_by_note,
    heading_at,
    numbered_title,
    paginate,
    status_counts,
)
from vaultc.render.sitemap import OPEN_QUESTIONS

OPEN_PAGE_SIZE = 250
TO_DO = ("unanswered", "stub")
"""Statuses of questions still waiting for an answer (a prompt expects none)."""


@dataclass(frozen=True)
class Place:
    """Where a term is listed: a note and line, with a link target on the note page."""

    note_title: str
    note_page: SitePath
    anchor: str
    line: int
    obsidian_url: str


@dataclass(frozen=True)
class UndefinedTerm:
    name: str
    page: SitePath
    places: tuple[Place, ...]


@dataclass(frozen=True)
class OpenQuestion:
    item: QuestionItem
    obsidian_url: str


def obsidian_url(vault_name: str, note: VaultPath) -> str:
    """``obsidian://open?vault=<name>&file=<path without .md>``, both parts fully percent-encoded;
    "" when the vault's name is unknown (the link is then left out)."""
    if not vault_name:
        return ""
    return f"obsidian://open?vault={quote(vault_name, safe='')}&file={quote(note_stem(note), safe='')}"


def open_pages(site: SiteContext, items: Sequence[QuestionItem]) -> list[Page]:
    """``open.html`` (and ``open.page-2.html``... when the list is long)."""
    vault_name = site.options.obsidian_vault
    missing = [_open_question(item, vault_name) for item in items if item.status in TO_DO]
    prompts = [_open_question(item, vault_name) for item in items if item.status == "prompt"]
    terms = undefined_terms(site, items)
    entries: list[OpenQuestion | UndefinedTerm] = [*missing, *terms, *prompts]
    counts = status_counts(items)
    shared = {
        "description": f"What {site.options.title} still has to answer or define: "
        f"{len(missing)} questions and {len(terms)} terms.",
        "unanswered": counts["unanswered"],
        "stubs": counts["stub"],
        "undefined": len(terms),
        "prompts": counts["prompt"],
        "obsidian": bool(vault_name),
    }
    return [open_page(site, part, entries, shared) for part in paginate(entries, OPEN_QUESTIONS, OPEN_PAGE_SIZE)]


def _open_question(item: QuestionItem, vault_name: str) -> OpenQuestion:
    return OpenQuestion(item, obsidian_url(vault_name, item.question.note))


def open_page(
    site: SiteContext, part: Pagination, entries: Sequence[OpenQuestion | UndefinedTerm], shared: dict[str, Any]
) -> Page:
    """One page of the to-do list: its questions grouped by note, its terms, then its open prompts."""
    before = entries[part.offset - 1] if part.offset else None
    return site.page(
        "open.html",
        part.path,
        page_title=numbered_title("Open questions", part),
        pagination=part,
        groups=_question_groups(part.items, before, prompts=False),
        terms=[entry for entry in part.items if isinstance(entry, UndefinedTerm)],
        prompt_groups=_question_groups(part.items, before, prompts=True),
        **shared,
    )


def _question_groups(
    entries: Sequence[OpenQuestion | UndefinedTerm], before: OpenQuestion | UndefinedTerm | None, prompts: bool
) -> list[NoteGroup[OpenQuestion]]:
    """The page's missing questions (or its prompts) by note; ``before`` ends the previous page, so a
    note cut by the page break is marked as continued, but only within the same section."""
    chosen = [entry for entry in entries if _is_question(entry, prompts)]
    started = before.item if isinstance(before, OpenQuestion) and _is_question(before, prompts) else None
    return group_by_note(chosen, _item_of, started)


def _is_question(entry: OpenQuestion | UndefinedTerm | None, prompt: bool) -> bool:
    return isinstance(entry, OpenQuestion) and (entry.item.status == "prompt") == prompt


def _item_of(entry: OpenQuestion) -> QuestionItem:
    return entry.item


def undefined_terms(site: SiteContext, items: Sequence[QuestionItem]) -> list[UndefinedTerm]:
    """Concepts with no definition anywhere, by name, with every place they are listed."""
    question_anchors = {(item.question.note, item.question.line): item.question.anchor for item in items}
    undefined = [concept for concept in site.knowledge.concepts if concept.needs_definition]
    return [
        UndefinedTerm(concept.name, site.sitemap.concept(concept.key), _places(site, concept, question_anchors))
        for concept in sorted(undefined, key=lambda concept: (concept.name.casefold(), concept.key))
    ]


def _places(site: SiteContext, concept: Concept, question_anchors: dict[tuple[str, int], str]) -> tuple[Place, ...]:
    """Each (note, line) the concept is listed at once; the link goes to the question asked on that
    line, else to the heading whose section holds it, else to the top of the note."""
    places = []
    for note_path, line in sorted({(term.note, term.line) for term in concept.terms}):
        note = site.vault.notes[note_path]
        anchor = question_anchors.get((note_path, line))
        if anchor is None:
            heading = heading_at(note.headings, line)
            anchor = heading.anchor if heading else ""
        url = obsidian_url(site.options.obsidian_vault, note_path)
        places.append(Place(note.title, site.sitemap.note(note_path), anchor, line, url))
    return tuple(places)
