"""vaultc against the labelled development set (``tests/labels/``, made by reading a seeded random
sample of real vaults' notes, and the written shapes of ``tests/corpora/shapes``): the pooled figures
``bench/score_labels.py`` prints are pinned here, so a change that makes extraction worse fails."""

from __future__ import annotations

import pytest

from bench.score_labels import Score, all_labels, pooled, score

PINNED = {
    # measure: (precision at least, recall at least), pooled over every labelled vault
    "recognition": (0.98, 0.95),
    "flags": (0.99, 0.90),
    "prompts": (0.95, 0.85),
    "undefined": (0.95, 0.65),
}
GLOSSARY_REAL = 0.86
DEFINITIONS_FOUND = 0.30


@pytest.fixture(scope="module")
def scores() -> list[Score]:
    return [score(labels) for labels in all_labels()]


def test_the_development_set_is_large_enough(scores: list[Score]) -> None:
    assert sum(item.notes for item in scores) >= 150
    assert len(scores) >= 7  # the seeds, the six corpora and the written shapes


@pytest.mark.parametrize("measure", sorted(PINNED))
def test_pooled_figures_do_not_drop(scores: list[Score], measure: str) -> None:
    tally = pooled(scores).tallies[measure]
    precision, recall = PINNED[measure]
    assert tally.precision >= precision and tally.recall >= recall, (tally.precision, tally.recall)


def test_the_glossary_holds_real_terms(scores: list[Score]) -> None:
    total = pooled(scores).tallies
    assert total["glossary"].precision >= GLOSSARY_REAL
    assert total["definitions"].recall >= DEFINITIONS_FOUND


@pytest.mark.parametrize("corpus", ["interviewprep", "quartz-docs", "mathwiki", "ml-glossary", "neso-cs-flashcards"])
def test_no_vault_gets_a_false_unanswered_or_stub_flag(scores: list[Score], corpus: str) -> None:
    (item,) = [found for found in scores if found.corpus == corpus]
    assert item.tallies["flags"].fp == 0, item.tallies["flags"].extras
