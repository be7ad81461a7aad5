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
