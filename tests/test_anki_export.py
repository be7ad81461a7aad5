"""``anki/all.apkg``: every answered question as an Anki card, read back from the package's SQLite
database. Ids are stable (a re-import after an edit updates cards instead of duplicating them),
decks follow the notes, tags become Anki tags, and the same vault gives the same bytes."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest

from vaultc.analysis import StageTimer, analyse
from vaultc.build import BuildOptions, build

ROOT = Path(__file__).resolve().parent.parent
NOTES = {
    "ML/Basics.md": "---\ntags: [ml/basics, exam-prep]\n---\n# Basics\n\n## What is a model?\n\nA function fitted to "
    "data, see [[Loss]].\n\n## What is an epoch?\n\n## What is a loss?\n\nTODO\n",
    "Loss.md": "# Loss\n\n## What is a loss function?\n\nA number to **minimise**: $L = (y - \\hat y)^2$.\n",
}


def write_vault(root: Path, notes: dict[str, str]) -> Path:
    for name, text in notes.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def package_of(vault: Path, site: Path, **options) -> dict:
    build(BuildOptions(vault, site, **options))
    return read_package(site / "anki" / "all.apkg")


def read_package(path: Path) -> dict:
    with zipfile.ZipFile(path) as package:
        assert sorted(package.namelist()) == ["collection.anki2", "media"]
        assert json.loads(package.read("media")) == {}
        database = package.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(database)
    notes = connection.execute("select guid, mod, tags, flds from notes order by guid").fetchall()
    cards = connection.execute("select nid, did from cards").fetchall()
    decks = json.loads(connection.execute("select decks from col").fetchone()[0])
    connection.close()
    return {"notes": notes, "cards": cards, "decks": {deck["name"] for deck in decks.values()}}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_vault(tmp_path / "vault", NOTES)


def test_every_answered_question_is_a_card_in_its_notes_deck(vault: Path, tmp_path: Path) -> None:
    package = package_of(vault, tmp_path / "site", title="Study notes", base_url="https://me.github.io/notes")
    fields = {flds.split("\x1f")[0]: flds.split("\x1f") for _, _, _, flds in package["notes"]}
    assert set(fields) == {"What is a model?", "What is a loss function?"}  # no open question, no stub
    question, answer, source = fields["What is a model?"]
    assert answer.startswith("<p>A function fitted to data, see <a ") and "What is a model?" not in answer
    assert 'href="https://me.github.io/notes/notes/loss.html"' in answer  # links open the site
    assert source == 'From <a href="https://me.github.io/notes/notes/ml/basics.html#what-is-a-model">Basics</a>'
    loss_answer = fields["What is a loss function?"][1]
    assert "<math" in loss_answer and "<strong>minimise</strong>" in loss_answer
    assert {"Study notes::ML::Basics", "Study notes::Loss"} <= package["decks"]
    assert len(package["cards"]) == 2
    tags = {flds.split("\x1f")[0]: tags.split() for _, _, tags, flds in package["notes"]}
    assert tags["What is a model?"] == ["exam-prep", "ml::basics"] and tags["What is a loss function?"] == []
    guids = {flds.split("\x1f")[0]: guid for guid, _, _, flds in package["notes"]}
    assert guids["What is a model?"] == genanki.guid_for("ML/Basics.md", "what-is-a-model")


def test_the_same_vault_gives_the_same_package_and_an_edit_keeps_the_ids(vault: Path, tmp_path: Path) -> None:
    first = package_of(vault, tmp_path / "one")
    package_of(vault, tmp_path / "two")
    assert (tmp_path / "one/anki/all.apkg").read_bytes() == (tmp_path / "two/anki/all.apkg").read_bytes()
    loss = vault / "Loss.md"
    loss.write_text(loss.read_text().replace("A number to", "The number to"), encoding="utf-8")
    later = os.stat(loss).st_mtime + 60
    os.utime(loss, (later, later))
    edited = package_of(vault, tmp_path / "three")
    assert [guid for guid, *_ in edited["notes"]] == [guid for guid, *_ in first["notes"]]
    assert any("The number to" in flds for *_, flds in edited["notes"])
    assert all(mod == int(later) for _, mod, _, _ in edited["notes"])  # newer: Anki updates the cards
    assert all(mod < int(later) for _, mod, _, _ in first["notes"])


def test_the_default_vaults_package_holds_its_answered_questions(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(ROOT / "vault", vault)
    questions = analyse(vault, (), StageTimer(lambda message: None)).knowledge.questions
    answered = [question for question in questions if question.status.value == "answered"]
    package = package_of(vault, tmp_path / "site")
    assert len(package["notes"]) == len(answered) > 50
    assert len({guid for guid, *_ in package["notes"]}) == len(answered)
    study = (tmp_path / "site" / "study" / "index.html").read_text()
    assert 'href="../anki/all.apkg"' in study


def test_each_tag_with_an_answer_has_a_package_linked_from_its_study_deck(tmp_path: Path) -> None:
    notes = {**NOTES, "Open.md": "---\ntags: [later]\n---\n# Open\n\n## What is still open?\n"}
    site = tmp_path / "site"
    everything = package_of(write_vault(tmp_path / "vault", notes), site, title="Study notes")
    packages = sorted(path.relative_to(site).as_posix() for path in (site / "anki" / "tags").iterdir())
    assert len(packages) == 2  # ml/basics and exam-prep; "later" has nothing answered
    for deck_page in (site / "study" / "tags").glob("*.html"):
        link = r'<p class="study-anki"><a href="\.\./\.\./(anki/tags/[^"]+)" download>'
        links = re.findall(link, deck_page.read_text())
        if deck_page.name.startswith("later"):
            assert links == []
            continue
        assert len(links) == 1 and links[0] in packages
        tagged = read_package(site / links[0])
        assert [flds.split("\x1f")[0] for *_, flds in tagged["notes"]] == ["What is a model?"]
        assert tagged["decks"] >= {"Study notes::ML::Basics"} and tagged["decks"] <= everything["decks"]
        same = {guid for guid, *_ in tagged["notes"]} <= {guid for guid, *_ in everything["notes"]}
        assert same  # importing both updates a card instead of making it twice


def test_a_vault_without_an_answer_has_no_package(tmp_path: Path) -> None:
    vault = write_vault(tmp_path / "vault", {"A.md": "# A\n\n## What is open?\n"})
    build(BuildOptions(vault, tmp_path / "site"))
    assert not (tmp_path / "site" / "anki").exists()
    assert "all.apkg" not in (tmp_path / "site" / "study" / "index.html").read_text()


def test_the_collection_is_what_genankis_own_writer_makes() -> None:
    """write_collection writes the deck list once (genanki's is quadratic in decks); the content is
    genanki's: same notes, cards, decks and model."""
    import itertools

    from vaultc.render.questions.anki_export import MODEL, write_collection

    decks = [genanki.Deck(1_500_000_000 + number, f"Vault::Note {number}") for number in range(5)]
    for number, deck in enumerate(decks):
        for card in range(3):
            deck.add_note(genanki.Note(model=MODEL, fields=[f"Q{number}.{card}?", f"<p>A{card}</p>", "From x"],
                                       guid=genanki.guid_for(number, card), tags=["t"]))  # fmt: skip

    def content(write) -> list:
        connection = sqlite3.connect(":memory:")
        write(connection.cursor())
        tables = [connection.execute(f"select * from {table} order by 1").fetchall() for table in ("notes", "cards")]
        col = connection.execute("select decks, models, conf, dconf, tags from col").fetchone()
        return [*tables, [json.loads(text) for text in col]]

    ours = content(lambda cursor: write_collection(cursor, decks, 1_700_000_000))
    theirs = content(lambda cursor: genanki.Package(decks).write_to_db(cursor, 1_700_000_000,
                                                                       itertools.count(1_700_000_000_000)))  # fmt: skip
    assert ours == theirs and len(ours[0]) == 15
