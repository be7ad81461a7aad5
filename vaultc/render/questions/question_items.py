"""The vault's questions as the listing, open-questions and study pages show them.

Every page about questions starts from the same list of :class:`QuestionItem` (one per question,
in note path then line order, with the heading it sits under and its note's tags), computed once
in one pass over each note; pages then paginate that list (:func:`paginate`) and group each page's
share by note and heading (:func:`group_by_note`). All of it is linear in the number of questions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from vaultc.extract.model import Question
from vaultc.model import Heading
from vaultc.names import SitePath
from vaultc.render.context import QUESTION_STATUSES, SiteContext
from vaultc.render.questions.question_paths import paged

T = TypeVar("T")


@dataclass(frozen=True)
class QuestionItem:
    """One question and what a listing needs to show it."""

    index: int
    """Position in ``Knowledge.questions`` (concepts refer to questions by it)."""
    question: Question
    title: str
    """The question's text, or a stand-in saying where it is when the text is empty ("36) -")."""
    status: str
    note_title: str
    note_page: SitePath
    heading: Heading | None
    """The heading the question sits under (a heading question's parent heading), if any."""
    tags: tuple[str, ...]
    """Its note's tags, case-folded as on the tag pages."""

    @property
    def card_key(self) -> str:
        """Its card's name in the browser's study progress (``data-card``): its note and anchor."""
        return f"{self.question.note}#{self.question.anchor}"


@dataclass(frozen=True)
class HeadingGroup(Generic[T]):
    heading: Heading | None
    items: list[T]
    continued: bool
    """This heading already had a group earlier on the page (its section resumes after a sub-section)."""


@dataclass(frozen=True)
class NoteGroup(Generic[T]):
    note_title: str
    note_page: SitePath
    sections: list[HeadingGroup[T]]
    continued: bool
    """The note's questions started on the previous page."""


@dataclass(frozen=True)
class Pagination(Generic[T]):
    """One page of a long listing: its items and the paths of its neighbours."""

    items: Sequence[T]
    number: int
    count: int
    path: SitePath
    first: SitePath
    previous: SitePath | None
    next: SitePath | None
    last: SitePath
    offset: int
    """How many items come before this page (the first item's position is ``offset + 1``)."""


def question_items(site: SiteContext) -> list[QuestionItem]:
    """Every question of the vault in note path, then line order."""
    by_note: dict[str, list[tuple[int, Question]]] = {}
    for index, question in enumerate(site.knowledge.questions):
        by_note.setdefault(question.note, []).append((index, question))
    items = []
    for path in sorted(by_note):
        note = site.vault.notes[path]
        asked = sorted(by_note[path], key=lambda pair: (pair[1].line, pair[1].column))
        headings = enclosing_headings(note.headings, [question.line for _, question in asked])
        tags = tuple(dict.fromkeys(tag.casefold() for tag in note.tags))
        page = site.sitemap.note(path)
        for (index, question), heading in zip(asked, headings, strict=True):
            title = question.text or f"Question without text (line {question.line})"
            items.append(QuestionItem(index, question, title, question.status.value, note.title, page, heading, tags))
    return items


def enclosing_headings(headings: Sequence[Heading], lines: Iterable[int]) -> list[Heading | None]:
    """For each line (ascending), the innermost heading whose section holds it below the heading's
    own line, so a question written as a heading belongs to its parent heading. One pass: sections
    nest, so the open ones form a stack."""
    stack: list[Heading] = []
    upcoming = iter(headings)
    pending = next(upcoming, None)
    found = []
    for line in lines:
        while pending is not None and pending.line < line:
            _close_before(stack, pending.line)
            stack.append(pending)
            pending = next(upcoming, None)
        _close_before(stack, line)
        found.append(stack[-1] if stack else None)
    return found


def heading_at(headings: Sequence[Heading], line: int) -> Heading | None:
    """The innermost heading whose section (its own line included) holds ``line``."""
    innermost = None
    for heading in headings:
        if heading.line > line:
            break
        if line <= heading.section_end:
            innermost = heading  # sections nest, so a later match lies inside the earlier ones
    return innermost


def _close_before(stack: list[Heading], line: int) -> None:
    while stack and stack[-1].section_end < line:
        stack.pop()


def paginate(items: Sequence[T], first: SitePath, per_page: int) -> list[Pagination[T]]:
    """``items`` cut into pages of ``per_page``; an empty listing still has its one (empty) page."""
    count = max(1, -(-len(items) // per_page))
    pages = []
    for number in range(1, count + 1):
        start = (number - 1) * per_page
        pages.append(
            Pagination(
                items=items[start : start + per_page],
                number=number,
                count=count,
                path=paged(first, number),
                first=first,
                previous=paged(first, number - 1) if number > 1 else None,
                next=paged(first, number + 1) if number < count else None,
                last=paged(first, count),
                offset=start,
            )
        )
    return pages


def group_by_note(
    items: Iterable[T], item_of: Callable[[T], QuestionItem], already_started: QuestionItem | None = None
) -> list[NoteGroup[T]]:
    """Consecutive items grouped by note, then by heading (line order kept: a heading whose section
    resumes after a sub-section gets a second, "continued" group). ``already_started`` is the last
    item of the previous page, so a note cut by the page break is marked as continued."""
    groups: list[NoteGroup[T]] = []
    seen_headings: set[int] = set()
    for entry in items:
        item = item_of(entry)
        if not groups or groups[-1].note_page != item.note_page:
            started = already_started is not None and already_started.note_page == item.note_page and not groups
            groups.append(NoteGroup(item.note_title, item.note_page, [], started))
            seen_headings = set()
        sections = groups[-1].sections
        if not sections or sections[-1].heading is not item.heading:
            key = item.heading.line if item.heading else 0
            sections.append(HeadingGroup(item.heading, [], key in seen_headings))
            seen_headings.add(key)
        sections[-1].items.append(entry)
    return groups


def questions_by_tag(items: Iterable[QuestionItem]) -> dict[str, list[QuestionItem]]:
    """Tag -> the items of notes carrying it, in item order."""
    by_tag: dict[str, list[QuestionItem]] = {}
    for item in items:
        for tag in item.tags:
            by_tag.setdefault(tag, []).append(item)
    return by_tag


def status_counts(items: Iterable[QuestionItem]) -> dict[str, int]:
    """How many of ``items`` have each status (answered, unanswered, stub, prompt: every one present,
    maybe 0)."""
    counts = dict.fromkeys(QUESTION_STATUSES, 0)
    for item in items:
        counts[item.status] += 1
    return counts


def numbered_title(title: str, part: Pagination) -> str:
    """A page title saying which page of a long listing this is ("Questions (page 2 of 9)")."""
    return title if part.count == 1 else f"{title} (page {part.number} of {part.count})"
