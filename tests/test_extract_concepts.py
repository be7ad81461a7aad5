"""Concepts: question subjects, merging of spellings, aliases and acronyms, definitions."""

from __future__ import annotations

import pytest

from vaultc.extract.concepts import acronym_pairs, build_concepts, question_subject
from vaultc.extract.model import Answer, Question, QuestionForm, QuestionStatus, Term


@pytest.mark.parametrize("text, subject", [
    ("What is an embedding?", "embedding"),
    ("What is transfer learning?", "transfer learning"),
    ("What are activation functions?", "activation functions"),
    ("Define the KL divergence!", "KL divergence"),
    ("What does the latent variable means?", None),  # "means": not the pattern, left alone
    ("What does momentum mean in optimisation algorithms?", None),  # too long to be a term
    ("What does receptive field mean?", "receptive field"),
    ("What is (truncate) backpropagation through time?", "backpropagation through time"),
    ("What is the difference between AI, ML and DL?", None),
    ("What is the problem with setting the learning rate too high/low?", None),
    ("How do I know if I have over fitted?", None),
])
def test_question_subject(text: str, subject: str | None) -> None:
    assert question_subject(text) == subject


def test_acronyms_need_matching_initials() -> None:
    text = "Principal component analysis (PCA) is neat; a long short-term memory (LSTM) too; see (this)."
    assert list(acronym_pairs(text)) == [("Principal component analysis", "PCA")]
    plural = "Convolutional Neural Networks (CNNs) work"
    assert list(acronym_pairs(plural)) == [("Convolutional Neural Networks", "CNN")]  # plural s dropped


def term(name: str, source: str = "term-list", definition: str | None = None, note: str = "a.md") -> Term:
    return Term(name, note, 1, 1, source, definition)


def question(text: str, answer: str = "", status: QuestionStatus = QuestionStatus.ANSWERED) -> Question:
    return Question("q.md", text, text.casefold(), QuestionForm.HEADING, 3, 1, "q", 0,
                    Answer(4, 5, (1, 2), answer), status)


def by_name(concepts) -> dict:
    return {concept.name: concept for concept in concepts}


def test_spelling_variants_merge_and_the_most_common_spelling_names_the_concept() -> None:
    concepts = by_name(build_concepts(
        [term("batch normalisation"), term("Batch Normalization"), term("Batch Normalization", note="b.md")], (), []))
    assert list(concepts) == ["Batch Normalization"]
    assert concepts["Batch Normalization"].variants == ("Batch Normalization", "batch normalisation")


def test_aliases_join_their_note_title() -> None:
    concepts = build_concepts([term("Batch Normalization", "title", "Normalises batches.", "bn.md"),
                               term("BN", "alias", "Normalises batches.", "bn.md")], (), [])
    assert len(concepts) == 1 and concepts[0].acronyms == ("BN",)


def test_acronym_in_an_answer_ties_it_to_the_long_form() -> None:
    questions = (question("What is PCA?", "Principal component analysis (PCA) is a statistical procedure"),)
    concepts = build_concepts([term("Principal Component Analysis")], questions,
                              [q.answer.text for q in questions])
    assert len(concepts) == 1
    assert concepts[0].questions == (0,)
    assert concepts[0].definitions[0].source == "question"


def test_unanswered_questions_define_nothing() -> None:
    concepts = by_name(build_concepts([], (question("What is an embedding?", "", QuestionStatus.UNANSWERED),), []))
    assert concepts["embedding"].definitions == ()
    assert concepts["embedding"].questions == (0,)


def test_misspellings_are_not_merged() -> None:
    assert len(build_concepts([term("Trasformer"), term("Transformer")], (), [])) == 2


def names(concepts) -> list[tuple[str, ...]]:
    return sorted(concept.variants for concept in concepts)


def test_a_classifier_word_of_the_vault_joins_x_and_x_word() -> None:
    layers = [term(f"{x} layer") for x in ("dense", "hidden", "dropout")]
    concepts = build_concepts([*layers, term("Dropout"), term("soft max function"), term("Softmax")], (), [])
    assert ("Dropout", "dropout layer") in names(concepts)  # "layer" ends three terms
    assert ("Softmax",) in names(concepts) and ("soft max function",) in names(concepts)  # "function" ends one


def test_two_notes_of_their_own_stay_two_concepts() -> None:
    titles = [term(name, "title", "defined.", f"{name}.md") for name in
              ("loss", "loss function", "hinge function", "sigmoid function")]
    assert ("loss",) in names(build_concepts(titles, (), []))  # "loss function" has its own note


def test_a_contraction_joins_the_words_it_runs_together() -> None:
    concepts = build_concepts([term("batchnorm"), term("Batch Normalization"), term("batch size")], (), [])
    assert ("Batch Normalization", "batchnorm") in names(concepts)
    assert ("batch size",) in names(concepts)


@pytest.mark.parametrize(
    ("text", "term_name", "shown"),
    [
        ("Once upon a time, in a land of gradients, layers drifted. Batchnorm fixes that. It normalises.",
         "batchnorm", "Batchnorm fixes that. It normalises."),  # the story is skipped
        ("In [27]: df.mean()\nOut[27]: 3.2\nThe mean is the average of the values.", "mean",
         "The mean is the average of the values."),  # notebook output is not prose
        ("The sigmoid squashes a number: $\\sigma(z) = 1 / (1 + e^{-z})$. It is smooth. It saturates.",
         "sigmoid", "The sigmoid squashes a number: $\\sigma(z) = 1 / (1 + e^{-z})$. It is smooth."),
        ("A B C. D.", "zzz", "A B C. D."),  # nothing names the term: the first two sentences
    ],
)
def test_a_definition_shows_two_readable_sentences(text: str, term_name: str, shown: str) -> None:
    (concept,) = build_concepts([term(term_name, "definition-line", text)], (), [])
    assert concept.definitions[0].text == shown


def test_a_long_definition_is_cut_on_a_word_and_never_inside_a_formula() -> None:
    from vaultc.extract.definitions import MAX_LENGTH, readable_definition

    cut = readable_definition("word " * 80 + "$x = y$ end.", "zzz")
    assert len(cut) <= MAX_LENGTH and cut.endswith("…") and cut.count("$") % 2 == 0
