"""Every answer's HTML for the study decks, made before the pages that show it: on every core, and
kept between builds by key.

Why this module exists: rendering answers was half of the study decks' time, and the decks are
rendered by one job, so on a large vault that job was the longest of the render stage; after an
edit, every answer was rendered again though one note changed. Here answers are rendered in slices
of notes by the workers, and, with a cache, an answer whose key (its note's content key,
:func:`~vaultc.render.notes.page_keys.note_content_key`, and its place in the note) is unchanged
comes from the last build. With the site's address known, answered questions also get a rendering
with absolute links, for the Anki package (:mod:`~vaultc.render.questions.anki_export`). All decks
are two folders deep (``study/all/``, ``study/notes/``,
``study/tags/``), and an answer only links out of ``study/``, so one rendering serves every deck.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from markupsafe import Markup

from vaultc.extract.model import Question, QuestionStatus
from vaultc.names import VaultPath
from vaultc.parallel import run_jobs, split
from vaultc.render.context import SiteContext
from vaultc.render.notes.page_keys import digest_of, note_content_key
from vaultc.render.notes.pages import fragment_html
from vaultc.render.questions.question_paths import STUDY_ALL

_HEADING_TAG = re.compile(r"<h([1-6])(?=[\s>])")
_HEADING_TAG_ANY = re.compile(r"<(/?)h([1-6])(?=[\s>])")
ANSWER_HEADING_LEVEL = 3
"""Cards sit under the deck page's h1 and its "Cards" h2."""
DECK_PAGE = STUDY_ALL
"""Where answers are rendered for: any deck page would do (all are as deep)."""
DECKS, ANKI = "decks", "anki"
"""The two renderings of an answer: links relative to a deck page, or absolute for Anki."""


@dataclass(frozen=True)
class DeckAnswers:
    """Answers as deck pages show them, by question (its position in ``Knowledge.questions``)."""

    html: Mapping[int, Markup] = field(default_factory=lambda: MappingProxyType({}))
    keyed: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """This build's answers by key, for the next build (empty without a cache)."""
    reused: int = 0
    content_keys: Mapping[VaultPath, str] = field(default_factory=lambda: MappingProxyType({}))
    """Every note's content key, made on the way (with a cache), for the note pages' keys."""
    anki: Mapping[int, Markup] = field(default_factory=lambda: MappingProxyType({}))
    """Answered questions' answers with absolute links, for Anki cards (only with a base URL)."""


NO_ANSWERS = DeckAnswers()


def deck_answers(
    site: SiteContext, workers: int, shared: str | None = None, previous: Mapping[str, str] | None = None
) -> DeckAnswers:
    """Every answer of the vault rendered for the decks (prompts have none). With ``shared`` (the
    site's digest) answers get keys, and those in ``previous`` are not rendered again."""
    by_note: dict[VaultPath, list[int]] = {path: [] for path in site.vault.notes} if shared is not None else {}
    for index, question in enumerate(site.knowledge.questions):
        if question.status is not QuestionStatus.PROMPT:
            by_note.setdefault(question.note, []).append(index)
    slices = split(sorted(by_note.items()), workers * 4)
    job = functools.partial(_slice_answers, site, shared, previous or {})
    html, anki, keyed, reused, content_keys = {}, {}, {}, 0, {}
    for part in run_jobs([functools.partial(job, part) for part in slices], workers):
        for path, content, answers in part:
            content_keys[path] = content
            for index, variant, key, answer, kept in answers:
                (anki if variant == ANKI else html)[index] = Markup(answer)
                reused += kept and variant != ANKI
                if key:
                    keyed[key] = answer
    return DeckAnswers(MappingProxyType(html), MappingProxyType(keyed), reused, MappingProxyType(content_keys),
                       MappingProxyType(anki))  # fmt: skip


def _slice_answers(
    site: SiteContext, shared: str | None, previous: Mapping[str, str], part: Sequence[tuple[VaultPath, list[int]]]
) -> list[tuple[VaultPath, str, list[tuple[int, str, str, bool]]]]:
    """For each note of a slice: its content key ("" without a cache), and (question, variant, key,
    HTML, whether it was kept) for each of its answers: for the decks, and with a base URL for Anki."""
    base_url = site.options.base_url
    done = []
    for path, indexes in part:
        content = note_content_key(site, path, shared) if shared is not None else ""
        answers = []
        for index in indexes:
            question = site.knowledge.questions[index]
            variants = [(DECKS, None)]
            if base_url and question.status is QuestionStatus.ANSWERED:
                variants.append((ANKI, base_url))
            for variant, absolute in variants:
                key = digest_of(content, question.answer.tokens, variant) if content else ""
                kept = previous.get(key) if key else None
                html = kept if kept is not None else str(render_answer(site, question, absolute))
                answers.append((index, variant, key, html, kept is not None))
        done.append((path, content, answers))
    return done


def render_answer(site: SiteContext, question: Question, base_url: str | None = None) -> Markup:
    """One answer as a deck card shows it: its headings below the card's; with ``base_url``, its
    links absolute (an Anki card)."""
    note = site.vault.notes[question.note]
    # Items of the question's own list get a list of their own (render.notes.balanced).
    html = fragment_html(site, note, question.answer.tokens, DECK_PAGE, question, base_url)
    return shift_headings(html, ANSWER_HEADING_LEVEL)


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
