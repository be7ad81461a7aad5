"""The questions listing: every question grouped by note and heading, filtered without JavaScript.

``questions/index.html`` lists every question; ``questions/<status>.html`` and
``questions/tags/<tag>.html`` are the same listing filtered (separate pages, so filtering needs no
script), and every listing is cut into pages of :data:`LISTING_PAGE_SIZE` so a huge vault's pages
stay light. This module is also the entry point for all question pages: it builds the shared
question list once and hands it to the open-questions page, the study decks and the exports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vaultc.names import SitePath
from vaultc.render.context import QUESTION_STATUSES, STATUS_LABELS, Page, SiteContext
from vaultc.render.questions.answer_fragments import NO_ANSWERS, DeckAnswers
from vaultc.render.questions.qa_export import qa_exports
from vaultc.render.questions.question_items import (
    QuestionItem,
    group_by_note,
    numbered_title,
    paginate,
    question_items,
    questions_by_tag,
    status_counts,
)
from vaultc.render.questions.question_open import open_pages
from vaultc.render.questions.question_paths import status_listing, tag_pages
from vaultc.render.questions.study_pages import study_pages
from vaultc.render.sitemap import QA_CSV, QA_JSON, QUESTIONS

LISTING_PAGE_SIZE = 500
STATUS_TITLES = {
    "answered": "Answered questions",
    "unanswered": "Unanswered questions",
    "stub": "Stub questions",
    "prompt": "Open prompts",
}
STATUS_NOTES = {
    "prompt": "Questions left open on purpose (follow-ups, further questions, possible exam questions): "
    "no note is expected to answer them.",
}
"""A sentence under a status listing's heading, for the statuses that need one."""


@dataclass(frozen=True)
class Filter:
    """One way to narrow the listing: a link in the filter navigation."""

    label: str
    path: SitePath
    count: int
    kind: str
    """"status" (All counts as one) or "tag"."""


@dataclass(frozen=True)
class Listing:
    """One filtered listing before pagination."""

    filter: Filter
    title: str
    description: str
    items: Sequence[QuestionItem]
    note: str = ""
    """Shown under the heading ("" for none)."""


def question_pages(site: SiteContext, answers: DeckAnswers = NO_ANSWERS) -> list[Page]:
    """Listings, the open-questions page, the study decks (with ``answers`` rendered beforehand, if
    any), qa.json and qa.csv (the Anki packages are a job of their own: ``anki_export``)."""
    items = question_items(site)
    listings = question_listings(site, items)
    filters = [listing.filter for listing in listings]
    pages = [page for listing in listings for page in listing_pages(site, listing, filters)]
    pages += open_pages(site, items)
    pages += study_pages(site, items, answers)
    pages += qa_exports(site, items)
    return pages


def question_listings(site: SiteContext, items: Sequence[QuestionItem]) -> list[Listing]:
    """All questions, one listing per status and one per tag (tags in name order)."""
    everything = Listing(
        Filter("All", QUESTIONS, len(items), "status"),
        "Questions",
        f"All {len(items)} questions asked in {site.options.title}, by note and heading.",
        items,
    )
    return [everything, *status_listings(site, items), *tag_listings(site, items)]


def status_listings(site: SiteContext, items: Sequence[QuestionItem]) -> list[Listing]:
    listings = []
    for status in QUESTION_STATUSES:
        chosen = [item for item in items if item.status == status]
        title = STATUS_TITLES[status]
        description = f"{title} in {site.options.title}: {len(chosen)}."
        filter_ = Filter(STATUS_LABELS[status].capitalize(), status_listing(status), len(chosen), "status")
        listings.append(Listing(filter_, title, description, chosen, STATUS_NOTES.get(status, "")))
    return listings


def tag_listings(site: SiteContext, items: Sequence[QuestionItem]) -> list[Listing]:
    by_tag = questions_by_tag(items)
    listings = []
    for tag, path in tag_pages(by_tag, "questions").items():
        chosen = by_tag[tag]
        description = f"{len(chosen)} questions from notes tagged #{tag} in {site.options.title}."
        listings.append(
            Listing(Filter("#" + tag, path, len(chosen), "tag"), f"Questions tagged #{tag}", description, chosen)
        )
    return listings


def listing_pages(site: SiteContext, listing: Listing, filters: Sequence[Filter]) -> list[Page]:
    pages = []
    counts = status_counts(listing.items)
    for part in paginate(listing.items, listing.filter.path, LISTING_PAGE_SIZE):
        previous_item = listing.items[part.offset - 1] if part.offset else None
        pages.append(
            site.page(
                "questions.html",
                part.path,
                page_title=numbered_title(listing.title, part),
                heading=listing.title,
                description=listing.description,
                listing_note=listing.note,
                current=listing.filter,
                status_filters=[f for f in filters if f.kind == "status"],
                tag_filters=[f for f in filters if f.kind == "tag"],
                counts=counts,
                total=len(listing.items),
                pagination=part,
                groups=group_by_note(part.items, _itself, previous_item),
                qa_json=QA_JSON,
                qa_csv=QA_CSV,
            )
        )
    return pages


def _itself(item: QuestionItem) -> QuestionItem:
    return item
