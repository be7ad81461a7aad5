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
        (
            "Dense Layer: a linear model\n\nRMS Prop:\n",
            [("Dense Layer", "definition-line", "a linear model"), ("RMS Prop", "definition-line", None)],
        ),
        (
            "Vanishing gradient:\nWeight tying:\nEpoch: one full pass over the training set.\n",
            [("Vanishing gradient", "definition-line", None), ("Weight tying", "definition-line", None),
             ("Epoch", "definition-line", "one full pass over the training set.")],
        ),
        (
            "`Mutex`: a lock one thread holds at a time\n\n`Semaphore`: a counter\n",
            [("Mutex", "definition-line", "a lock one thread holds at a time"),
             ("Semaphore", "definition-line", "a counter")],
        ),
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
        "RMS Prop:\n",  # a label alone, not among glossary lines
        "`Mutex` and `Lock`: two ways to wait\n",  # a head mixing code and words is not one term
        "- `enableRSS`: if true, produces an RSS feed\n",  # an option of an API, alone in a list
        "After:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",  # a label over a table
        "2. Normalised the columns:\n\n```python\ndf = df / df.std()\n```\n",  # a label over code
        "Frequency: 2 GHz\n",  # a value, not a definition
        "Words: `['home', 'oval']`\n",
        "Petra: flat rate 6 €/day\n\nPetra: keep the receipts\n",  # a speaker, twice in the note
    ],
)
def test_non_terms(text: str) -> None:
    assert terms_of(text) == []


def test_a_label_only_line_is_a_term_only_among_glossary_lines_outside_answers() -> None:
    text = "Dense Layer: a linear model\n\nBackward Pass:\n"
    assert terms_of(text)[1] == ("Backward Pass", "definition-line", None)
    in_an_answer = terms_of(text, inside_answer=lambda line: line == 3)
    assert in_an_answer == [("Dense Layer", "definition-line", "a linear model")]
    assert terms_of("Backward Pass:\n\n$$x$$\n") == []  # a label over a formula


def test_title_and_aliases_of_a_note_that_defines_its_title() -> None:
    text = "---\naliases: [BN, Batchnorm]\n---\nBatch normalization normalises each batch.\n"
    definition = "Batch normalization normalises each batch."
    assert terms_of(text, "ml/Batch Normalization.md") == [
        ("Batch Normalization", "title", definition),
        ("BN", "alias", definition),
        ("Batchnorm", "alias", definition),
    ]
    assert terms_of("text\n", "Deep Learning Interview Questions.md") == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("Ada.md", "Born in London, she wrote the first program.\n"),  # not about "Ada" first
        ("Book Template.md", "---\nrating:\nauthor:\n---\n## Notes\n\n## Quotes\n"),  # a template
        ("limit 100.md", "just testing the limit\n"),  # a test note
        ("features/Full-text search.md", "Search in Quartz is powered by Flexsearch.\n"),
    ],
)
def test_a_title_is_not_a_term_when_the_note_does_not_open_by_defining_it(path: str, text: str) -> None:
    assert [term for term in terms_of(text, path) if term[1] == "title"] == []


def test_in_a_glossary_vault_each_short_definition_note_defines_its_title() -> None:
    note = parse_note("overfitting.md", "Creating a model that matches the training data too closely.\n")
    (term,) = extract_terms(note, glossary_vault=True)
    assert (term.name, term.source) == ("overfitting", "title")
    assert extract_terms(note) == ()  # outside a glossary vault the note does not open with its title


def test_a_bold_term_opening_a_paragraph_and_bold_terms_in_a_definition_block_need_a_use() -> None:
    found = extract_terms(parse_note("n.md", "A **group** is a set with an operation.\n\n"
                                             "> [!definition]\n> A group is **cyclic** if one element generates it.\n"))
    assert [(t.name, t.needs_use) for t in found] == [("group", True), ("cyclic", True)]
    assert extract_terms(parse_note("n.md", "Transformers **map** over content, taking a file.\n")) == ()


def test_definition_lines_in_a_list_need_a_use_elsewhere_but_top_level_glossary_runs_do_not() -> None:
    listed = extract_terms(parse_note("n.md", "- Memory consumption: forests use a lot of memory\n"))
    assert [(t.name, t.needs_use) for t in listed] == [("Memory consumption", True)]
    glossary = extract_terms(parse_note("n.md", "Linear model: a single layer\n\nDense Layer: a linear model\n"))
    assert [(t.name, t.needs_use) for t in glossary] == [("Linear model", False), ("Dense Layer", False)]


def test_template_fields_are_not_terms() -> None:
    text = "Types: _Not Applicable_\nProved by: [[Group]]\n"
    assert terms_of(text) == [("Types", "definition-line", "Not Applicable"), ("Proved by", "definition-line", "Group")]
    note = parse_note("n.md", text)
    assert extract_terms(note, fields=frozenset({"type", "provedby"})) == ()


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
