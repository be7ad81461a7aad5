"""Study mode: questions as flash cards that open to show their answer.

Each card is a ``<details>`` element, so decks work with no JavaScript: ``study/all.html`` (every
question, paginated), one deck per note (``study/notes/...``), one per tag (``study/tags/...``) and
one per folder, its sub-folders included (``study/folders/...``), listed on ``study/index.html``.
``static/study.js`` only adds shuffling, a random card and a status filter; ``study-session.js``
runs sessions. An answer is written into two decks only, all questions and its note's: a tag or
folder deck's cards link to the card in the note's deck (``#card-<anchor>``, opened there), since
copying every answer into each of its tags' decks made the decks most of a site (39 of 112 MB at
1,000 notes). Each answer is rendered once (all decks are two folders deep).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from vaultc.names import SitePath, enclosing_folders, folder_of
from vaultc.render.context import Page, SiteContext
from vaultc.render.data_script import data_script
from vaultc.render.questions.anki_export import ANKI_PACKAGE, anki_tag_packages, answered
from vaultc.render.questions.answer_fragments import NO_ANSWERS, DeckAnswers, render_answer
from vaultc.render.questions.question_items import (
    Pagination,
    QuestionItem,
    numbered_title,
    paginate,
    questions_by_tag,
    status_counts,
)
from vaultc.render.questions.question_paths import STUDY_ALL, STUDY_OPEN, folder_decks, note_decks, tag_pages
from vaultc.render.sitemap import QA_CSV, QA_JSON, STUDY

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
    open_deck: bool = False
    """The questions still unanswered or stubs: a session goes through them, not the answered ones."""
    anki_package: SitePath | None = None
    """The deck's cards as an Anki package, if it has one (all questions, each tag)."""


def study_pages(site: SiteContext, items: Sequence[QuestionItem], answers: DeckAnswers = NO_ANSWERS) -> list[Page]:
    """The deck list and every deck's pages (``answers``: those rendered beforehand, if any)."""
    package = ANKI_PACKAGE if answered(items) else None
    all_deck = Deck("All questions", STUDY_ALL, items, status_counts(items), anki_package=package)
    notes = decks_by_note(items)
    answers_in = {deck.items[0].note_page: deck.path for deck in notes}
    tags = decks_by_tag(items, answers_in)
    folders = decks_by_folder(items, answers_in)
    still_open = [item for item in items if item.status in ("unanswered", "stub")]
    open_decks = [Deck("Open questions", STUDY_OPEN, still_open, status_counts(still_open), answers_in, open_deck=True)]
    open_decks = open_decks if still_open else []
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
            open_decks=open_decks,
            folder_decks=folders,
            pagination=part,
            qa_json=QA_JSON,
            qa_csv=QA_CSV,
            anki_package=package,
        )
        for part in paginate(notes, STUDY, DECK_LIST_PAGE_SIZE)
    ]
    answer = _answers(site, answers)
    for deck in [all_deck, *open_decks, *notes, *tags, *folders]:
        pages += deck_pages(site, deck, answer)
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
    packages = anki_tag_packages(items)
    return [
        Deck("#" + tag, path, by_tag[tag], status_counts(by_tag[tag]), note_decks, anki_package=packages.get(tag))
        for tag, path in tag_pages(by_tag, "study").items()
    ]


def decks_by_folder(items: Sequence[QuestionItem], note_decks: Mapping[SitePath, SitePath]) -> list[Deck]:
    """One deck per folder holding questions, its sub-folders' included (cards link to note decks)."""
    by_folder: dict[str, list[QuestionItem]] = {}
    for item in items:
        for folder in enclosing_folders(folder_of(item.question.note)):
            by_folder.setdefault(folder, []).append(item)
    return [
        Deck(folder, path, by_folder[folder], status_counts(by_folder[folder]), note_decks)
        for folder, path in folder_decks(by_folder).items()
    ]


def deck_pages(site: SiteContext, deck: Deck, answers: Callable[[QuestionItem], Markup]) -> list[Page]:
    parts = paginate(deck.items, deck.path, STUDY_PAGE_SIZE)
    index = deck_index(deck.path) if len(parts) > 1 else None
    pages = [Page(index, deck_index_script(parts))] if index else []
    for part in parts:
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
                cards=[_card(item, deck, answers) for item in part.items],
                study_index=STUDY,
                study_store=study_store(site),
                deck_cards=index,
            )
        )
    return pages


def deck_index(first: SitePath) -> SitePath:
    """The script listing a paginated deck's cards: ``study/all/cards.js``, ``study/tags/x.cards.js``."""
    folder, _, name = first.rpartition("/")
    stem = "" if name == "index.html" else name.removesuffix(".html") + "."
    return SitePath(f"{folder}/{stem}cards.js")


def deck_index_script(parts: Sequence[Pagination[QuestionItem]]) -> bytes:
    """Every card of the deck as ``[id, status, page]`` (the page's file name in ``pages``, all in one
    folder), so that a session on any page goes through the whole deck (``study-session.js``)."""
    cards = [[item.card_key, item.status, number] for number, part in enumerate(parts) for item in part.items]
    pages = [part.path.rpartition("/")[2] for part in parts]
    return data_script("VAULTC_DECK_CARDS", {"pages": pages, "cards": cards})


def _card(item: QuestionItem, deck: Deck, answers: Callable[[QuestionItem], Markup]) -> Card:
    if deck.answers_in is not None:
        return Card(item, Markup(""), deck.answers_in[item.note_page])
    return Card(item, answers(item), card_id=f"card-{item.question.anchor}" if deck.note_deck else None)


def study_store(site: SiteContext) -> str:
    """The browser storage entry of this site's study progress: file:// sites share one origin, so
    the entry is named after the site (its base URL, else its title)."""
    return "vaultc-study:" + (site.options.base_url or site.options.title)


def _answers(site: SiteContext, rendered: DeckAnswers) -> Callable[[QuestionItem], Markup]:
    """An item's answer for its cards: rendered beforehand, or now (once: it is in two decks)."""

    @functools.cache
    def answer(index: int) -> Markup:
        found = rendered.html.get(index)
        return found if found is not None else render_answer(site, site.knowledge.questions[index])

    return lambda item: Markup("") if item.status == "prompt" else answer(item.index)
