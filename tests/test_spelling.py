"""Which spellings merge into one concept, and which terms get a misspelling suggestion."""

from __future__ import annotations

import pytest

from vaultc.extract.spelling import concept_key, misspelling_suggestion

MERGED = [
    ("Batch Normalization", "batch normalisation", "batch-normalizations"),
    ("Feed Forward Network", "feed-forward network", "feedforward networks"),
    ("Hidden Layer", "hidden layer", "Hidden Layers", "the hidden layer"),
    ("Regularization", "regularisation"),
    ("Activation Function", "activation functions"),
    ("Class", "classes"), ("Probability", "probabilities"),
    ("Behaviour", "behavior"), ("Labelled data", "labeled data"), ("Analyse", "analyze"),
]
KEPT_APART = [("Precise", "Precize"), ("Noise", "Noize"), ("Analysis", "Analyses"), ("Loss", "Los"), ("Bias", "Bia")]


@pytest.mark.parametrize("spellings", MERGED)
def test_variants_share_one_key(spellings: tuple[str, ...]) -> None:
    assert len({concept_key(spelling) for spelling in spellings}) == 1


@pytest.mark.parametrize("first, second", KEPT_APART)
def test_different_words_keep_different_keys(first: str, second: str) -> None:
    assert concept_key(first) != concept_key(second)


VAULT_WORDS = ("argmax", "backpropagation", "layer", "relu", "softmax")  # sorted, as vault_words() gives


@pytest.mark.parametrize("term, suggestion", [
    ("Trasformer", "transformer"), ("Discrimanator", "discriminator"), ("Heurisic", "heuristic"),
    ("Sequencial", "sequential"),
    ("Backprop", None),  # abbreviates "backpropagation", used in the vault
    ("Softmax", None), ("Argmax", None),  # jargon the vault uses
    ("Epoch", None), ("Dropout", None),  # correct English
    ("Relu", None),  # too short to judge
    ("Learning rate", None),  # only single words are checked
    ("Ensembling", None),  # the dictionary's "assembling" changes the first letter: not a slip
])
def test_misspelling_suggestions(term: str, suggestion: str | None) -> None:
    assert misspelling_suggestion(term, VAULT_WORDS) == suggestion
