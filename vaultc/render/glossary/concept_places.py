"""Where a line of a note lands on the site: its section's anchor and the question it belongs to.

Glossary entries and concept pages point at places (a term's glossary line, a definition, a
mention) given as (note, line). The reader should land at the right section, and a line inside an
answer should say which question it answers. :class:`PlaceFinder` answers both with a binary search
over lists built once per note, so pointing at every place of every concept costs time linear in
the vault (nothing is rescanned per concept).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from vaultc.extract.model import Knowledge, Question
from vaultc.model import Heading
from vaultc.names import SitePath, VaultPath, relative_url
from vaultc.render.sitemap import SiteMap
from vaultc.resolve import ResolvedVault

Location = tuple[VaultPath, int]
"""A note and a 1-based line in it."""


@dataclass(frozen=True)
class Place:
    """A located line, ready for a template: ``url`` is relative to the page it is shown on."""

    note_title: str
    section: str
    """Text of the enclosing heading ("" at the top of the note)."""
    url: str
    line: int


@dataclass(frozen=True)
class _NoteLines:
    """One note's headings and answers, sorted by first line, for bisection."""

    heading_lines: list[int]
    headings: list[Heading]
    answer_starts: list[int]
    answers: list[int]
    """Question indices, in the order of ``answer_starts``."""


class PlaceFinder:
    """Enclosing headings and questions of note lines; the per-note tables are built on first use."""

    def __init__(self, vault: ResolvedVault, knowledge: Knowledge, sitemap: SiteMap) -> None:
        self._vault = vault
        self._sitemap = sitemap
        self._questions = knowledge.questions
        self._answers_by_note: dict[VaultPath, list[int]] = defaultdict(list)
        self._question_at: dict[Location, int] = {}
        for position, question in enumerate(knowledge.questions):
            self._question_at.setdefault((question.note, question.line), position)
            if question.answer.first_line:
                self._answers_by_note[question.note].append(position)
        self._notes: dict[VaultPath, _NoteLines] = {}

    def heading(self, note: VaultPath, line: int) -> Heading | None:
        """The innermost heading whose section holds ``line`` (the heading itself on its own line)."""
        lines = self._lines(note)
        position = bisect.bisect_right(lines.heading_lines, line)
        return lines.headings[position - 1] if position else None

    def question_at(self, note: VaultPath, line: int) -> Question | None:
        """The question asked on this very line, if any."""
        position = self._question_at.get((note, line))
        return None if position is None else self._questions[position]

    def answering(self, note: VaultPath, line: int) -> Question | None:
        """The question whose answer covers ``line`` (answers do not overlap; the later one wins)."""
        lines = self._lines(note)
        position = bisect.bisect_right(lines.answer_starts, line)
        if not position:
            return None
        question = self._questions[lines.answers[position - 1]]
        return question if line <= question.answer.last_line else None

    def place(self, note: VaultPath, line: int, page: SitePath) -> Place:
        """The line as a :class:`Place` whose link (to its section) is relative to ``page``."""
        heading = self.heading(note, line)
        url = relative_url(page, self._sitemap.note(note), heading.anchor if heading else "")
        return Place(self._vault.notes[note].title, heading.text if heading else "", url, line)

    def _lines(self, note: VaultPath) -> _NoteLines:
        found = self._notes.get(note)
        if found is None:
            found = self._notes[note] = self._build(note)
        return found

    def _build(self, note: VaultPath) -> _NoteLines:
        headings = sorted(self._vault.notes[note].headings, key=lambda heading: heading.line)
        answers = sorted(self._answers_by_note.get(note, ()), key=lambda q: self._questions[q].answer.first_line)
        starts = [self._questions[position].answer.first_line for position in answers]
        return _NoteLines([heading.line for heading in headings], headings, starts, answers)


def unique_places(places: Iterable[Place]) -> list[Place]:
    """One place per link target (several lines of one section link to the same anchor)."""
    seen: dict[str, Place] = {}
    for place in places:
        seen.setdefault(place.url, place)
    return list(seen.values())
