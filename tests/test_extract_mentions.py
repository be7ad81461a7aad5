"""Finding where concepts are mentioned."""

from __future__ import annotations

from vaultc.extract.mentions import find_mentions, prose_index
from vaultc.extract.spelling import concept_key
from vaultc.parse import parse_note


def test_mentions_fold_spelling_and_number_and_skip_code() -> None:
    notes = [
        parse_note("a.md", "We use batch normalisation here.\n\nMany Hidden Layers.\n\n`hidden layer` in code\n"),
        parse_note("b.md", "# About the hidden layer\nnothing else\n"),
    ]
    keys = [concept_key("Batch Normalization"), concept_key("hidden layer"), concept_key("dropout")]
    found = find_mentions(prose_index(notes), keys)
    assert found[concept_key("Batch Normalization")] == (("a.md", 1),)
    assert found[concept_key("hidden layer")] == (("a.md", 3), ("b.md", 1))
    assert concept_key("dropout") not in found


def test_short_keys_are_not_scanned() -> None:
    assert find_mentions(prose_index([parse_note("a.md", "AI and ML\n")]), ["ai", "ml"]) == {}
