"""Evidence only a vault of several notes gives: the openers its questions use, the headings it puts
over question sections, its template fields, whether it is a glossary, its cards' settings, and
whether a term is used again. Table tests on small in-memory vaults (``tests/vaults.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.vaults import resolve_files
from vaultc.analysis import StageTimer, analyse
from vaultc.extract.model import Confidence, QuestionStatus
from vaultc.extract.stage import extract_knowledge


def knowledge_of(files: dict[str, str], **options):
    return extract_knowledge(resolve_files(files), **options)


def questions(files: dict[str, str], note: str) -> list[tuple[int, str, str]]:
    return [(q.line, q.status.value, q.confidence.value) for q in knowledge_of(files).questions if q.note == note]


def findings(files: dict[str, str]) -> list[tuple[str, int, str]]:
    return [(d.path, d.line, d.rule) for d in knowledge_of(files).diagnostics]


HEADINGS = "## What is a stack?\n\nLIFO.\n\n## What is a queue?\n\nFIFO.\n\n## Explain a deque\n\nBoth ends.\n"


@pytest.mark.parametrize(
    ("other", "asks"),
    [
        (
            "## Explain a heap?\n\nA tree.\n\n## Explain a trie?\n\nPrefixes.\n",
            True,
        ),  # the vault asks "Explain ...?" twice
        ("## Explain a heap?\n\nA tree.\n", False),  # once is no habit
    ],
)
def test_a_heading_without_question_mark_asks_when_the_vault_opens_questions_with_its_first_word(
    other: str, asks: bool
) -> None:
    found = questions({"a.md": HEADINGS, "b.md": other}, "a.md")
    assert ((9, "answered", "sure") in found) is asks


SECTION = "# Question (EN)\n> What does volatile guarantee?\n\nSource: a screening\n"
ANSWERED = "# Question (EN)\n> What is a deadlock?\n\n## Answer (EN)\nTwo threads wait for each other.\n"


def test_a_question_section_without_answer_is_sure_under_a_heading_the_vault_uses_for_questions() -> None:
    files = {"volatile.md": SECTION, "deadlock.md": ANSWERED, "locks.md": ANSWERED.replace("deadlock", "lock")}
    assert questions(files, "volatile.md") == [(2, "unanswered", "sure")]
    assert ("volatile.md", 2, "unanswered-question") in findings(files)
    assert questions({"volatile.md": SECTION}, "volatile.md") == []  # alone, nothing says it is a question


def test_heads_used_in_three_notes_are_fields_of_a_template_not_terms() -> None:
    note = "Source: [[Book]]\n\nTopic: a branch of mathematics studying shapes\n"
    one = {name for c in knowledge_of({"a.md": note, "x.md": "A topic is a shape."}).concepts for name in c.variants}
    assert "Source" not in one  # a line of links defines nothing
    three = knowledge_of({f"{n}.md": note + f"\nand {n}\n" for n in "abc"})
    assert not any("Topic" in concept.variants for concept in three.concepts)


def test_a_head_left_empty_in_a_template_is_a_field_in_the_note_that_fills_it() -> None:
    files = {"Template.md": "**Author:** \n**Rating:** \n", "Book.md": "**Author:** Dave Thomas and Andy Hunt\n"}
    assert not any("Author" in concept.variants for concept in knowledge_of(files).concepts)


TERMS = (
    "overfitting",
    "dropout",
    "epoch",
    "bagging",
    "boosting",
    "stride",
    "padding",
    "kernel",
    "pooling",
    "logit",
    "tensor",
    "gradient",
)
GLOSSARY = {
    f"{name}.md": f"A word the course uses, explained here in one sentence, number {i}.\n"
    for i, name in enumerate(TERMS)
}


def test_in_a_glossary_vault_each_note_defines_its_title() -> None:
    names = {concept.name for concept in knowledge_of(GLOSSARY).concepts if concept.in_glossary}
    assert names == set(TERMS)
    mixed = {**GLOSSARY, **{f"log {i}.md": f"# Day {i}\n\n## Done\n\n- ran\n" for i in range(8)}}
    assert not any(concept.in_glossary for concept in knowledge_of(mixed).concepts)  # most notes are not definitions
    few = {name: GLOSSARY[name] for name in list(GLOSSARY)[:3]}
    assert not any(concept.in_glossary for concept in knowledge_of(few).concepts)  # three short notes prove nothing


def test_a_term_whose_shape_alone_does_not_prove_it_needs_a_use_elsewhere() -> None:
    listed = "- Memory consumption: forests with many trees use a lot of memory\n"
    unused = knowledge_of({"a.md": listed, "b.md": "Nothing about it."})
    assert not unused.concepts
    used = knowledge_of({"a.md": listed, "b.md": "Watch the memory consumption of the model."})
    assert [concept.name for concept in used.concepts] == ["Memory consumption"]


def test_card_tags_can_be_set_for_the_vault() -> None:
    deck = "#cards/biology\nWhat makes ATP?::The mitochondria\n"
    assert not knowledge_of({"a.md": deck}).questions  # the plugin's default tag is #flashcards
    (card,) = knowledge_of({"a.md": deck}, card_tags=("cards",)).questions
    assert (card.text, card.status, card.confidence) == ("What makes ATP?", QuestionStatus.ANSWERED, Confidence.SURE)


def test_card_separators_can_be_set_in_vaultc_yaml(tmp_path: Path) -> None:
    (tmp_path / "vaultc.yaml").write_text('flashcards:\n  tags: [deck]\n  inline: ";;"\n  multiline: "+++"\n')
    (tmp_path / "a.md").write_text("#deck\nWhat makes ATP?;;The mitochondria\n\nWhat is DNA?\n+++\nA molecule.\n")
    analysis = analyse(tmp_path, (), StageTimer(lambda message: None))
    assert [(q.line, q.text, q.answer.text) for q in analysis.knowledge.questions] == [
        (2, "What makes ATP?", "The mitochondria"),
        (4, "What is DNA?", "A molecule."),
    ]
