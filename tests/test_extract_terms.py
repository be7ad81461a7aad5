"""Glossary terms from notes as people write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from vaultc.extract.terms import extract_terms
from vaultc.parse import parse_note

VAULT = Path(__file__).resolve().parent.parent / "vault"


def terms_of(
    text: str, path: str = "Study notes.md", inside_answer=lambda line: False
) -> list[tuple[str, str, str | None]]:
    return [(t.name, t.source, t.definition) for t in extract_terms(parse_note(path, text), inside_answer)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dense Layer: Is a linear model or fully connected\n",
            [("Dense Layer", "definition-line", "Is a linear model or fully connected")],
        ),
        ("**Dropout**: randomly zeroes units\n", [("Dropout", "definition-line", "randomly zeroes units")]),
        ("**Dropout:** randomly zeroes units\n", [("Dropout", "definition-line", "randomly zeroes units")]),
        (
            "- Classification: the output is a category\n",
            [("Classification", "definition-line", "the output is a category")],
        ),
        ("RMS Prop:\n", [("RMS Prop", "definition-line", None)]),
        (
            "AI:\n\nAI is intelligence shown by machines.\n",
            [("AI", "definition-line", "AI is intelligence shown by machines.")],
        ),
        ("Apple\n: A fruit.\n", [("Apple", "deflist", "A fruit.")]),
        (
            "Epoch\nBatch\nLearning rate\n",
            [("Epoch", "term-list", None), ("Batch", "term-list", None), ("Learning rate", "term-list", None)],
        ),
    ],
)
def test_term_forms(text: str, expected: list) -> None:
    assert terms_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Gradient can be calculated:\n",  # a sentence, not a term
        "Answer 1: You could extract features\n",  # a label
        "See http://example.com: here\n",
        "for layer in model.layers: layer.trainable = False\n",
        "Just a sentence that goes on.\nAnd another one.\nAnd a third.\n",
        "Lonely Line\n\nSome prose that follows it, as a sentence.\n",  # one short line alone is not a glossary
        "`Code: x`\n",
    ],
)
def test_non_terms(text: str) -> None:
    assert terms_of(text) == []


def test_label_only_line_inside_an_answer_is_not_a_term() -> None:
    text = "Backward Pass:\n\n$$x$$\n"
    assert terms_of(text, inside_answer=lambda line: True) == []
    assert terms_of(text) == [("Backward Pass", "definition-line", None)]


def test_title_and_aliases_of_a_term_note() -> None:
    text = "---\naliases: [BN, Batchnorm]\n---\nNormalises each batch.\n"
    assert terms_of(text, "ml/Batch Normalization.md") == [
        ("Batch Normalization", "title", "Normalises each batch."),
        ("BN", "alias", "Normalises each batch."),
        ("Batchnorm", "alias", "Normalises each batch."),
    ]
    assert terms_of("text\n", "Deep Learning Interview Questions.md") == []


def seed_terms(name: str) -> dict[str, tuple[int, int, str | None]]:
    note = parse_note(name, (VAULT / name).read_text("utf-8"))
    return {t.name: (t.line, t.column, t.definition) for t in extract_terms(note)}


def test_the_main_seed_term_list() -> None:
    terms = seed_terms("Deep Learning Interview Questions.md")
    listed = [
        "Activation Function",
        "Backprop",
        "Decoder",
        "Dimensions",
        "Discrimanator",
        "Epoch",
        "Feature set",
        "feedback loop",
        "Generalisation",
        "Heurisic",
        "hidden Layer",
        "Inference",
        "Learning rate",
        "loss",
        "pretrained model",
        "Sequence to sequence task",
        "Sigmoid function",
        "Softmax",
        "Trasformer",
    ]
    assert all(terms[name][2] is None for name in listed)
    assert [terms[name][0] for name in listed] == [*range(72, 83), *range(84, 92)]
    assert "Answer 1" not in terms and "E.g. model.pop()" not in terms


def test_the_faq_glossary() -> None:
    terms = seed_terms("Deep Learning FAQ.md")
    assert terms["Dense Layer"] == (265, 1, "Is a linear model or fully connected")
    assert terms["RMS Prop"] == (273, 1, None)
    for bare in ("Linear algebra", "Layer", "Neural network", "Weights"):
        assert terms[bare][2] is None
    assert terms["One hot encoding"][2] == "An array of bits with one value being true"
