"""A card shows its question above its answer, so the answer never repeats the question: a
question on the first line of its answer's paragraph, a ``Front::Back`` card, a ``Front`` / ``?``
/ ``Back`` card, a card under a line of tags. Each row: a note, its question, and the answer's HTML
on the study card (whitespace collapsed)."""

from __future__ import annotations

import re

import pytest

from tests.test_render_questions_support import pages_of

CASES = [
    ("question line, answer below", "What is TSNE?\nA way to plot vectors.\n", "What is TSNE?",
     "<p>A way to plot vectors.</p>"),
    ("two answer lines", "What is a GAN?\nTwo networks.\nOne fakes, one judges.\n", "What is a GAN?",
     "<p>Two networks.<br> One fakes, one judges.</p>"),
    ("inline card", "#flashcards\n\nCache::A small fast store.\n", "Cache", "<p>A small fast store.</p>"),
    ("inline card under tags", "#flashcards/memory\nCache::A small fast store.\n", "Cache",
     "<p>A small fast store.</p>"),
    ("multi-line card", "#flashcards\nWhat are the parts?\n?\n1. Control\n2. Data\n", "What are the parts?",
     "<ol> <li>Control</li> <li>Data</li> </ol>"),
    ("multi-line card, answer in the paragraph", "#flashcards\n\nFront side\n?\nThe back side.\n", "Front side",
     "<p>The back side.</p>"),
    ("heading question", "## What is a loss?\n\nA number to minimise.\n", "What is a loss?",
     "<p>A number to minimise.</p>"),
]


def card_answer(html: str, question: str) -> str:
    for summary, body in re.findall(r"<summary>(.*?)</summary>\s*<div class=\"study-answer\">(.*?)</div>", html, re.S):
        if re.sub(r"<[^>]+>", "", summary).strip().startswith(question):
            return " ".join(body.split())
    raise AssertionError(f"no card for {question!r}")


@pytest.mark.parametrize(("text", "question", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_the_card_shows_only_the_answer(text: str, question: str, expected: str) -> None:
    pages = pages_of({"Cards.md": text})
    assert card_answer(pages["study/all/index.html"], question) == expected


def test_the_notes_tokens_are_left_as_they_were() -> None:
    from tests.vaults import resolve_files
    from vaultc.extract.stage import extract_knowledge
    from vaultc.render.notes.answer_start import from_answer_start

    vault = resolve_files({"Cards.md": "#flashcards\nCache::A small fast store.\n"})
    note = vault.notes["Cards.md"]
    before = [(token.type, [child.type for child in token.children or []]) for token in note.tokens]
    (card,) = extract_knowledge(vault).questions
    start, end = card.answer.tokens
    cut = from_answer_start(note.tokens[start:end], card.answer.first_line, card=True)
    assert [child.type for child in cut[1].children] == ["text"]
    assert [(token.type, [child.type for child in token.children or []]) for token in note.tokens] == before
