"""The shapes questions are written in: one fixture file per shape, each case a note and the
questions vaultc reads in it, as "line form status [possible] | text" rows.

Every case is read as a vault of its own, so a case carries its own evidence (two asking headings
make a question level, two answered "?" lines the paragraph habit...); evidence that only a vault of
several notes gives is tested in ``tests/test_extract_evidence.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from vaultc.extract.model import Confidence, Question
from vaultc.extract.questions import extract_questions
from vaultc.parse import parse_note

FIXTURES = Path(__file__).parent / "fixtures" / "questions"
SHAPES = sorted(path.stem for path in FIXTURES.glob("*.md"))


def describe(questions: tuple[Question, ...]) -> str:
    """One row per question, as the fixture files write them."""
    rows = []
    for question in questions:
        possible = " possible" if question.confidence is Confidence.POSSIBLE else ""
        rows.append(f"{question.line} {question.form.value} {question.status.value}{possible} | {question.text}")
    return "\n".join(rows) + "\n" if rows else "(none)\n"


def cases() -> list:
    return [
        pytest.param(text, expected, id=f"{shape}:{line}-{title}")
        for shape in SHAPES
        for line, title, text, expected in read_fixture_file(FIXTURES / f"{shape}.md")
    ]


def test_every_shape_has_its_fixture_file() -> None:
    modules = {path.stem for path in (Path(__file__).parents[1] / "vaultc/extract/shapes").glob("*.py")}
    assert modules - {"__init__"} <= set(SHAPES)
    assert "boundaries" in SHAPES  # the walk's rules: where an answer ends


@pytest.mark.parametrize(("text", "expected"), cases())
def test_question_fixtures(text: str, expected: str) -> None:
    assert describe(extract_questions(parse_note("note.md", text))) == expected
