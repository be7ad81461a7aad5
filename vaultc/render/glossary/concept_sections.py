"""The parts of a concept page that list places: definitions, questions, mentions.

A question asked in several places is one entry: its answer is shown once (the first answered
place, else the first place) and the other places are listed with their own status. Long lists
are cut (:data:`DEFINITIONS_SHOWN`, :data:`MENTION_NOTES_SHOWN`...) and say how many more there
are, so a concept used in thousands of notes still has a light page. Everything is looked up in
:class:`~vaultc.render.glossary.concept_places.PlaceFinder` tables: time linear in what is listed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from vaultc.extract.model import Concept, Definition, Question, QuestionStatus
from vaultc.names import SitePath, VaultPath
from vaultc.render.context import PageLink, SiteContext
from vaultc.render.glossary.concept_places import Place, PlaceFinder
from vaultc.render.glossary.concept_text import definition_html
from vaultc.render.notes.pages import fragment_html
from vaultc.render.sitemap import url_from

DEFINITIONS_SHOWN = 20
QUESTIONS_SHOWN = 100
"""Distinct questions shown with their answers (the questions list has them all)."""
OTHER_PLACES_SHOWN = 5
"""Other places a question is asked, listed under it."""
MENTION_NOTES_SHOWN = 50
MENTION_LINES_SHOWN = 5
"""Mentions listed per note."""
SOURCE_LABELS = {
    "definition-line": "glossary line",
    "deflist": "definition list",
    "question": "answer",
    "title": "note about it",
    "alias": "note about it (alias)",
}


@dataclass(frozen=True)
class DefinitionView:
    text: Markup
    """The definition as HTML (formulas as MathML)."""
    source: str
    place: Place
    question: PageLink | None
    """The question whose answer gives this definition."""


@dataclass(frozen=True)
class QuestionView:
    """One question (as asked in one place or several) about the concept."""

    text: str
    status: str
    url: str
    place: Place
    answer: Markup
    stub_reason: str
    others: tuple[tuple[PageLink, str], ...]
    """Other places it is asked: (link, status)."""
    more_others: int


@dataclass(frozen=True)
class MentionLine:
    place: Place
    context: str
    """"" or "answer" (the line is in an answer) or "question" (it is the question itself)."""
    question: PageLink | None


@dataclass(frozen=True)
class MentionNote:
    title: str
    url: str
    lines: tuple[MentionLine, ...]
    more_lines: int


def question_link(site: SiteContext, question: Question, page: SitePath) -> PageLink:
    """The question's permalink (its note page at its anchor), relative to ``page``."""
    return PageLink(question.text, url_from(page)(site.sitemap.note(question.note), question.anchor))


def definition_views(
    site: SiteContext, concept: Concept, places: PlaceFinder, page: SitePath
) -> tuple[list[DefinitionView], int]:
    """Its distinct definitions (at most :data:`DEFINITIONS_SHOWN`), and how many more there are."""
    definitions = distinct_definitions(concept)
    views = []
    for definition in definitions[:DEFINITIONS_SHOWN]:
        asked = places.question_at(definition.note, definition.line) if definition.source == "question" else None
        views.append(
            DefinitionView(
                definition_html(definition.text),
                SOURCE_LABELS.get(definition.source, definition.source),
                places.place(definition.note, definition.line, page),
                question_link(site, asked, page) if asked else None,
            )
        )
    return views, len(definitions) - len(views)


def distinct_definitions(concept: Concept) -> list[Definition]:
    """Definitions without repeats (a term note's text is given for its title and each alias)."""
    seen: dict[tuple[str, int, str], Definition] = {}
    for definition in concept.definitions:
        seen.setdefault((definition.note, definition.line, definition.text), definition)
    return list(seen.values())


def question_views(
    site: SiteContext, concept: Concept, places: PlaceFinder, page: SitePath
) -> tuple[list[QuestionView], int]:
    """Questions about the concept, one entry per distinct question in the order first asked (at most
    :data:`QUESTIONS_SHOWN`), and how many more distinct questions there are."""
    asked: dict[str, list[Question]] = defaultdict(list)
    for position in concept.questions:
        question = site.knowledge.questions[position]
        asked[question.key or f"{question.note}#{question.anchor}"].append(question)
    groups = list(asked.values())
    shown = [_question_view(site, group, places, page) for group in groups[:QUESTIONS_SHOWN]]
    return shown, len(groups) - len(shown)


def _question_view(site: SiteContext, group: list[Question], places: PlaceFinder, page: SitePath) -> QuestionView:
    shown = next((q for q in group if q.status is QuestionStatus.ANSWERED), group[0])
    others = [q for q in group if q is not shown]
    answer = Markup("")
    if shown.status is QuestionStatus.ANSWERED:
        answer = fragment_html(site, site.vault.notes[shown.note], shown.answer.tokens, page, shown)
    return QuestionView(
        text=shown.text,
        status=shown.status.value,
        url=question_link(site, shown, page).url,
        place=places.place(shown.note, shown.line, page),
        answer=answer,
        stub_reason=shown.stub_reason,
        others=tuple(
            (PageLink(site.vault.notes[q.note].title, question_link(site, q, page).url), q.status.value)
            for q in others[:OTHER_PLACES_SHOWN]
        ),
        more_others=max(0, len(others) - OTHER_PLACES_SHOWN),
    )


def mention_views(
    site: SiteContext, concept: Concept, places: PlaceFinder, page: SitePath
) -> tuple[list[MentionNote], int]:
    """Notes mentioning the concept (at most :data:`MENTION_NOTES_SHOWN`), and how many more."""
    by_note: dict[VaultPath, list[int]] = defaultdict(list)
    for note, line in site.knowledge.mentions.get(concept.key, ()):
        by_note[note].append(line)
    shown = sorted(by_note)[:MENTION_NOTES_SHOWN]
    url = url_from(page)
    notes = [
        MentionNote(
            site.vault.notes[note].title,
            url(site.sitemap.note(note)),
            tuple(
                _mention_line(site, places, note, line, page) for line in sorted(by_note[note])[:MENTION_LINES_SHOWN]
            ),
            max(0, len(by_note[note]) - MENTION_LINES_SHOWN),
        )
        for note in shown
    ]
    return notes, len(by_note) - len(shown)


def _mention_line(site: SiteContext, places: PlaceFinder, note: VaultPath, line: int, page: SitePath) -> MentionLine:
    place = places.place(note, line, page)
    asked_here = places.question_at(note, line)
    if asked_here is not None:
        return MentionLine(place, "question", question_link(site, asked_here, page))
    answered = places.answering(note, line)
    if answered is not None:
        return MentionLine(place, "answer", question_link(site, answered, page))
    return MentionLine(place, "", None)
