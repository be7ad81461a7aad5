"""Study mode: questions as flash cards that open to show their answer.

Each card is a ``<details>`` element, so decks work with no JavaScript: ``study/all.html`` (every
question, paginated), one deck per note (``study/notes/...``) and one per tag (``study/tags/...``),
listed on ``study/index.html``. ``static/study.js`` only adds shuffling, a random card and a
status filter. An answer is written into two decks only, all questions and its note's: a tag
deck's cards link to the card in the note's deck (``#card-<anchor>``, opened there), since copying
every answer into each of its tags' decks made the decks most of a site (39 of 112 MB at 1,000
notes). Each answer is rendered once (all decks are two folders deep).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from vaultc.names import SitePath
from vaultc.render.context import Page, SiteContext
from vaultc.render.notes.pages import fragment_html
from vaultc.render.questions.question_items import (
    QuestionItem,
    numbered_title,
    paginate,
    questions_by_tag,
    status_counts,
)
from vaultc.render.questions.question_paths import STUDY_ALL, note_decks, tag_pages
from vaultc.render.sitemap import QA_CSV, QA_JSON, STUDY

_HEADING_TAG = re.compile(r"<h([1-6])(?=[\s>])")
_HEADING_TAG_ANY = re.compile(r"<(/?)h([1-6])(?=[\s>])")
ANSWER_HEADING_LEVEL = 3
"""Cards sit under the deck page's h1 and its "Cards" h2."""
STUDY_PAGE_SIZE = 100
"""Cards per deck page: cards carry whole answers, so pages are shorter than listings."""
DECK_LIST_PAGE_SIZE = 500
"""Note decks listed per page of the study index (a big vault has one per note)."""


@dataclass(frozen=True)
class Card:
    item: QuestionItem
    answer: Markup
    elsewhere: SitePath | None = None
    """The deck page holding this card with its answer, when this page only links to it."""
    card_id: str | None = None


@dataclass(frozen=True)
class Deck:
    """A named set of cards and where its first page goes."""

    title: str
    path: SitePath
    items: Sequence[QuestionItem]
    counts: dict[str, int]
    answers_in: Mapping[SitePath, SitePath] | None = None
    """Note page -> its deck, for a deck whose cards link to their note's deck for the answer."""
    note_deck: bool = False
    """One note's questions: its cards have ids (``card-<anchor>``) for the other decks to link to."""


class AnswerHtml:
    """Answers as HTML for deck pages, rendered once per question and depth of the deck page (all
    decks are two folders deep, and answers only link out of ``study/``, so once in all)."""

    def __init__(self, site: SiteContext) -> None:
        self.site = site
        self.rendered: dict[tuple[int, str], Markup] = {}

    def __call__(self, item: QuestionItem, page: SitePath) -> Markup:
        if item.status == "prompt":
            return Markup("")  # an open prompt has no answer to reveal (its card says so)
        key = (item.index, page.count("/"))
        if key not in self.rendered:
            self.rendered[key] = self.render(item, page)
        return self.rendered[key]

    def render(self, item: QuestionItem, page: SitePath) -> Markup:
        note = self.site.vault.notes[item.question.note]
        start, end = item.question.answer.tokens
        # Items of the question's own list get a list of their own (render.notes.balanced).
        return shift_headings(fragment_html(self.site, note, (start, end), page), ANSWER_HEADING_LEVEL)


def shift_headings(html: Markup, top: int) -> Markup:
    """Headings inside an answer renumbered so the first is ``<h{top}>`` and none is above it: the
    deck page's outline then skips no level, wherever the answer sat in its note."""
    first = _HEADING_TAG.search(html)
    if first is None:
        return html
    shift = top - int(first.group(1))

    def renumber(match: re.Match[str]) -> str:
        level = min(max(int(match.group(2)) + shift, top), 6)
        return f"<{match.group(1)}h{level}"

    return Markup(_HEADING_TAG_ANY.sub(renumber, html))


def study_pages(site: SiteContext, items: Sequence[QuestionItem]) -> list[Page]:
    """The deck list and every deck's pages."""
    all_deck = Deck("All questions", STUDY_ALL, items, status_counts(items))
    notes = decks_by_note(items)
    tags = decks_by_tag(items, {deck.items[0].note_page: deck.path for deck in notes})
    pages = [
        site.page(
            "study_index.html",
            part.path,
            page_title=numbered_title("Study", part),
            description=f"Flash cards from the {len(items)} questions of {site.options.title}.",
            all_deck=all_deck,
            note_decks=part.items,
            note_deck_count=len(notes),
            tag_decks=tags,
            pagination=part,
            qa_json=QA_JSON,
            qa_csv=QA_CSV,
        )
        for part in paginate(notes, STUDY, DECK_LIST_PAGE_SIZE)
    ]
    answers = AnswerHtml(site)
    for deck in [all_deck, *notes, *tags]:
        pages += deck_pages(site, deck, answers)
    return pages


def decks_by_note(items: Sequence[QuestionItem]) -> list[Deck]:
    """One deck per note that asks something, in note path order (``items`` are in that order)."""
    by_page: dict[SitePath, list[QuestionItem]] = {}
    for item in items:
        by_page.setdefault(item.note_page, []).append(item)
    decks = note_decks(by_page)
    return [
        Deck(chosen[0].note_title, decks[page], chosen, status_counts(chosen), note_deck=True)
        for page, chosen in by_page.items()
    ]


def decks_by_tag(items: Sequence[QuestionItem], note_decks: Mapping[SitePath, SitePath]) -> list[Deck]:
    by_tag = questions_by_tag(items)
    return [
        Deck("#" + tag, path, by_tag[tag], status_counts(by_tag[tag]), note_decks)
        for tag, path in tag_pages(by_tag, "study").items()
    ]


def deck_pages(site: SiteContext, deck: Deck, answers: AnswerHtml) -> list[Page]:
    pages = []
    for part in paginate(deck.items, deck.path, STUDY_PAGE_SIZE):
        title = numbered_title(f"Study: {deck.title}", part)
        pages.append(
            site.page(
                "study.html",
                part.path,
                page_title=title,
                heading=deck.title,
                description=f"{len(deck.items)} flash cards: {deck.title}, from {site.options.title}.",
                deck=deck,
                pagination=part,
                cards=[_card(item, deck, part.path, answers) for item in part.items],
                study_index=STUDY,
            )
        )
    return pages


def _card(item: QuestionItem, deck: Deck, page: SitePath, answers: AnswerHtml) -> Card:
    if deck.answers_in is not None:
        return Card(item, Markup(""), deck.answers_in[item.note_page])
    return Card(item, answers(item, page), card_id=f"card-{item.question.anchor}" if deck.note_deck else None)
