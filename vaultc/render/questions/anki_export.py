"""The vault's answered questions as Anki packages, made with genanki: ``anki/all.apkg`` with every
one, and ``anki/tags/<tag>.apkg`` with those of each tag's notes (linked from the tag's study deck).

Why this module exists: students who study in Anki want the vault's questions there, and want to
import again after editing notes without getting every card twice. Each note of the vault is a
deck (``Site title::folder::note``), the note's tags are Anki tags (``a/b`` becomes ``a::b``,
Anki's nesting), and each card's GUID is made from its note's path and its question's anchor, so
a re-import updates the card it made before (a tag's package holds the same cards, in the same
decks, as ``all.apkg``: importing both never makes a card twice). Anki updates a note only when the package's
modification time is newer, so that time is the latest edit of any note (the build is still the
same bytes for the same vault). Only answered questions become cards: an open question has nothing
to recall. The package is made in memory (SQLite's ``serialize``, a zip with fixed dates): the
render stage writes no file. genanki makes the cards and notes; the collection is written here
(:func:`write_collection`) as genanki writes it, but in time linear in the number of decks.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import sqlite3
import zipfile
from collections.abc import Mapping, Sequence

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA
from markupsafe import Markup, escape

from vaultc.names import SitePath, folder_of
from vaultc.render.context import Page, SiteContext, absolute_url
from vaultc.render.questions.answer_fragments import DeckAnswers, render_answer
from vaultc.render.questions.question_items import QuestionItem, question_items, questions_by_tag
from vaultc.render.questions.question_paths import ANKI_FOLDER, tag_packages

ANKI_PACKAGE = SitePath(f"{ANKI_FOLDER}/all.apkg")
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_CSS = """.card { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; text-align: left;
  max-width: 40em; margin: 0 auto; color: black; background: white; }
.nightMode.card { color: #e8e8e8; background: #1e1e1e; }
.source { font-size: 14px; color: #777; }
pre, table { max-width: 100%; overflow-x: auto; }"""


def stable_id(*parts: str) -> int:
    """An Anki id (deck, model) that is the same in every build: a hash in genanki's advised range."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL = genanki.Model(
    stable_id("vaultc", "question and answer", "1"),
    "vaultc question and answer",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
    templates=[{
        "name": "Recall",
        "qfmt": "{{Question}}",
        "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<p class="source">{{Source}}</p>',
    }],
    css=_CSS,
)  # fmt: skip


def anki_pages(site: SiteContext, answers: DeckAnswers) -> list[Page]:
    """The package of every answered question and one per tag that has any (none when nothing is
    answered). Each card is made once and written into every package that holds it. Every package
    is made again on every build: its modification time is the latest edit of any note (see above),
    so any edit changes them all."""
    items = question_items(site)
    cards = {item.index: _card(site, item, _answer(site, item, answers)) for item in answered(items)}
    if not cards:
        return []
    by_tag = questions_by_tag(answered(items))
    pages = [Page(ANKI_PACKAGE, _package(site, answered(items), cards))]
    pages += [Page(path, _package(site, by_tag[tag], cards)) for tag, path in anki_tag_packages(items).items()]
    return pages


def answered(items: Sequence[QuestionItem]) -> list[QuestionItem]:
    """The items that become cards: an open question has nothing to recall."""
    return [item for item in items if item.status == "answered"]


def anki_tag_packages(items: Sequence[QuestionItem]) -> Mapping[str, SitePath]:
    """Tag -> its package, for each tag with an answered question (the study decks link them)."""
    return tag_packages(questions_by_tag(answered(items)))


def _package(site: SiteContext, items: Sequence[QuestionItem], cards: Mapping[int, genanki.Note]) -> bytes:
    decks: dict[str, genanki.Deck] = {}
    for item in items:
        name = deck_name(site, item)
        deck = decks.setdefault(name, genanki.Deck(stable_id("deck", name), name))
        deck.add_note(cards[item.index])
    return package_bytes(list(decks.values()), site.options.modified)


def _answer(site: SiteContext, item: QuestionItem, answers: DeckAnswers) -> Markup:
    """The answer with absolute links when the site's address is known (else as the decks show it:
    its links then lead nowhere in Anki)."""
    base_url = site.options.base_url
    found = (answers.anki if base_url else answers.html).get(item.index)
    return found if found is not None else render_answer(site, site.knowledge.questions[item.index], base_url)


def deck_name(site: SiteContext, item: QuestionItem) -> str:
    """``Site title::folder::sub-folder::note title`` (Anki nests decks at ``::``)."""
    folders = [part for part in folder_of(item.question.note).split("/") if part]
    return "::".join(_deck_part(part) for part in [site.options.title, *folders, item.note_title])


def _deck_part(name: str) -> str:
    return " ".join(name.replace("::", ":").split()) or "-"


def _card(site: SiteContext, item: QuestionItem, answer: Markup) -> genanki.Note:
    return genanki.Note(
        model=MODEL,
        fields=[str(escape(item.title)), str(answer), _source(site, item)],
        guid=genanki.guid_for(item.question.note, item.question.anchor),
        tags=sorted({_anki_tag(tag) for tag in item.tags}),
    )


def _source(site: SiteContext, item: QuestionItem) -> str:
    """Where the card comes from: a link to the question on the site when its address is known."""
    where = escape(item.note_title)
    base_url = site.options.base_url
    if not base_url:
        return str(Markup("From {}").format(where))
    url = absolute_url(base_url, item.note_page, item.question.anchor)
    return str(Markup('From <a href="{}">{}</a>').format(url, where))


def _anki_tag(tag: str) -> str:
    """Anki tags hold no spaces and nest at ``::``."""
    return "_".join(tag.replace("/", "::").split())


def write_collection(cursor: sqlite3.Cursor, decks: list[genanki.Deck], modified: float) -> None:
    """What ``genanki.Package.write_to_db`` writes, with the collection's deck list written once:
    genanki rewrites it per deck (read, decode, add, encode), which is quadratic in the number of
    decks, and a vault has a deck per note (5 s for 822 decks; 10,000 would take hours)."""
    cursor.executescript(APKG_SCHEMA)
    cursor.executescript(APKG_COL)
    (decks_json,) = cursor.execute("SELECT decks FROM col").fetchone()
    listed = json.loads(decks_json)
    listed.update({str(deck.deck_id): deck.to_json() for deck in decks})
    cursor.execute("UPDATE col SET decks = ?", (json.dumps(listed),))
    (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
    models = json.loads(models_json)
    models.update({str(MODEL.model_id): MODEL.to_json(modified, decks[-1].deck_id)})  # the last deck's, as genanki
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))
    ids = itertools.count(int(modified * 1000))
    for deck in decks:
        for note in deck.notes:
            note.write_to_db(cursor, modified, deck.deck_id, ids)


def package_bytes(decks: list[genanki.Deck], modified: float) -> bytes:
    """The ``.apkg``: genanki's collection written into an in-memory SQLite database, zipped with
    fixed dates, so the same decks and time give the same bytes."""
    connection = sqlite3.connect(":memory:")
    try:
        write_collection(connection.cursor(), decks, modified)
        connection.commit()
        database = connection.serialize()
    finally:
        connection.close()
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as package:
        for name, data in (("collection.anki2", database), ("media", b"{}")):
            package.writestr(zipfile.ZipInfo(name, date_time=_FIXED_DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    return archive.getvalue()
