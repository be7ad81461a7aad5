"""What extract read in each note is reused on the next run only while nothing it read changed: the
knowledge from remembered readings always equals a cold extraction, unchanged notes' entries are
the very bytes of the last run (not read again), and a change in the vault's habits reads every
note again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vaultc.analysis import Analysis, Remembered, StageTimer, analyse_inputs, read_inputs
from vaultc.cache.keys import key_of
from vaultc.extract.evidence import VaultEvidence
from vaultc.extract.readings import Habits, reading_key, survey_key

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpora"


def analysed(vault: Path, remembered: Remembered | None) -> Analysis:
    return analyse_inputs(read_inputs(vault, (), StageTimer(lambda message: None)), StageTimer(lambda m: None),
                          remembered)  # fmt: skip


def entries_of(analysis: Analysis) -> Remembered:
    return Remembered(analysis.parsed.entries, analysis.readings)


def copied(vault: Path, tmp_path: Path) -> Path:
    shutil.copytree(vault, tmp_path / "vault")
    return tmp_path / "vault"


@pytest.mark.parametrize("vault", [ROOT / "vault", CORPORA / "interviewprep", CORPORA / "neso-cs-flashcards"])
def test_remembered_readings_give_the_cold_knowledge_and_read_nothing_again(vault: Path) -> None:
    first = analysed(vault, Remembered({}, {}))
    second = analysed(vault, entries_of(first))
    assert second.knowledge == analysed(vault, None).knowledge
    assert second.diagnostics == first.diagnostics
    assert second.readings.keys() == first.readings.keys()
    assert all(second.readings[key] is first.readings[key] for key in first.readings)  # reused, not re-encoded
    assert len(first.readings) == 2 * len(first.resolved.notes)  # a survey and a reading per note


def test_after_an_edit_only_the_edited_note_is_read_again(tmp_path: Path) -> None:
    vault = copied(ROOT / "vault", tmp_path)
    first = analysed(vault, Remembered({}, {}))
    edited = sorted(vault.rglob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n## What is a reading?\n\nWhat extract found.\n",
                      encoding="utf-8")  # fmt: skip
    second = analysed(vault, entries_of(first))
    assert second.knowledge == analysed(vault, None).knowledge
    assert any(q.text == "What is a reading?" for q in second.knowledge.questions)
    fresh = [key for key, entry in second.readings.items() if first.readings.get(key) is not entry]
    assert len(fresh) == 2  # the edited note's survey and reading; every other note's are the last run's


def test_a_change_of_the_vaults_habits_reads_every_note_again(tmp_path: Path) -> None:
    vault = copied(CORPORA / "interviewprep", tmp_path)
    first = analysed(vault, Remembered({}, {}))
    (vault / "vaultc.yaml").write_text("stub_patterns: ['.+']\n", encoding="utf-8")  # every answer a stub
    second = analysed(vault, entries_of(first))
    assert second.knowledge == analysed(vault, None).knowledge != first.knowledge
    surveys = {survey_key(key) for key in second.parsed.keys}
    readings = [key for key in second.readings if key not in surveys]
    assert readings and not any(key in first.readings for key in readings)
    assert all(second.readings[key] is first.readings[key] for key in surveys)  # surveys do not read habits


def test_a_damaged_reading_is_read_again(tmp_path: Path) -> None:
    vault = ROOT / "vault"
    first = analysed(vault, Remembered({}, {}))
    damaged = {key: b"\x80\x05 not a pickle" for key in first.readings}
    assert analysed(vault, Remembered(first.parsed.entries, damaged)).knowledge == first.knowledge


def test_the_habits_digest_ignores_set_order_and_names_every_habit() -> None:
    habits = Habits(("tbd",), VaultEvidence(frozenset({"what", "why", "how"}), frozenset({"questions"})),
                    frozenset({"source", "date"}), False)  # fmt: skip
    reordered = Habits(("tbd",), VaultEvidence(frozenset({"how", "why", "what"}), frozenset({"questions"})),
                       frozenset({"date", "source"}), False)  # fmt: skip
    assert habits.digest() == reordered.digest()
    others = [
        Habits(("todo",), habits.evidence, habits.fields, False),
        Habits(("tbd",), VaultEvidence(frozenset({"what"}), frozenset({"questions"})), habits.fields, False),
        Habits(("tbd",), VaultEvidence(habits.evidence.openers, frozenset()), habits.fields, False),
        Habits(("tbd",), habits.evidence, frozenset({"source"}), False),
        Habits(("tbd",), habits.evidence, habits.fields, True),
    ]
    assert len({habits.digest(), *(other.digest() for other in others)}) == 1 + len(others)
    assert reading_key("k", habits.digest()) != reading_key("k", others[0].digest()) != key_of("k")
