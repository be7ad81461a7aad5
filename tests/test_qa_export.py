"""qa.json and qa.csv: every question with its answer, deterministic, RFC 4180 CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.test_render_questions_support import FILES, pages_of
from vaultc.render.questions.qa_export import CSV_COLUMNS, qa_csv


@pytest.fixture(scope="module")
def exported() -> dict:
    return json.loads(pages_of(FILES)["qa.json"])


def test_json_has_a_header_and_every_question_in_note_then_line_order(exported: dict) -> None:
    assert exported["version"] == 1 and exported["title"] == "Test vault"
    assert [(q["note"], q["line"]) for q in exported["questions"]] == [
        ("Glossary.md", 8),
        ("Topics/ML basics.md", 10),
        ("Topics/ML basics.md", 16),
        ("Topics/ML basics.md", 20),
        ("Topics/ML basics.md", 24),
    ]


def test_json_record_fields(exported: dict) -> None:
    model = exported["questions"][1]
    assert model == {
        "id": "Topics/ML basics.md#q-what-is-a-model",
        "question": "What is a model?",
        "answer": "A function fitted to data.",
        "status": "answered",
        "stub_reason": "",
        "note": "Topics/ML basics.md",
        "line": 10,
        "heading": "Models",
        "tags": ["ml", "café"],
        "concepts": ["model"],
        "url": "notes/topics/ml-basics.html#q-what-is-a-model",
    }
    overfitting, loss = exported["questions"][3], exported["questions"][2]
    assert (overfitting["status"], overfitting["answer"], overfitting["heading"]) == ("unanswered", "", "Models")
    assert (loss["status"], loss["stub_reason"], loss["heading"]) == ("stub", "TODO", "Training")
    assert exported["questions"][0]["heading"] == "" and exported["questions"][0]["tags"] == ["ml"]


def test_json_is_deterministic_sorted_and_keeps_unicode() -> None:
    first, second = pages_of(FILES)["qa.json"], pages_of(dict(reversed(list(FILES.items()))))["qa.json"]
    assert first == second
    assert '"café"' in first  # ensure_ascii=False
    record = json.loads(first)["questions"][0]
    assert list(record) == sorted(record)


def test_csv_has_a_header_row_and_one_row_per_question() -> None:
    rows = list(csv.reader(io.StringIO(pages_of(FILES)["qa.csv"], newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6
    model = dict(zip(rows[0], rows[2], strict=True))
    assert model["tags"] == "ml; café" and model["line"] == "10" and model["status"] == "answered"
    assert model["url"] == "notes/topics/ml-basics.html#q-what-is-a-model"


def test_csv_round_trips_commas_quotes_and_newlines() -> None:
    files = {"N.md": 'What is "quoting", exactly?\n\nSay "a, b",\nthen a new line; and é.\n'}
    raw = pages_of(files)["qa.csv"]
    assert raw.endswith("\r\n") and "\r\n" in raw.split("\n", 1)[0] + "\n"
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["question"] == 'What is "quoting", exactly?'
    assert record["answer"] == json.loads(pages_of(files)["qa.json"])["questions"][0]["answer"]
    assert "\n" in record["answer"] and '"a, b"' in record["answer"] and "é" in record["answer"]


def test_csv_writer_quotes_what_needs_quoting() -> None:
    record = dict.fromkeys(CSV_COLUMNS, "")
    record.update(question='Q, "q"', answer="line 1\nline 2", tags=["a", "b"], concepts=[], line=3)
    text = qa_csv([record]).decode("utf-8")
    assert text.split("\r\n")[1].startswith(',"Q, ""q""","line 1\nline 2",')
    assert list(csv.reader(io.StringIO(text, newline="")))[1][1:3] == ['Q, "q"', "line 1\nline 2"]


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "=cmd|' /C calc'!A0"],
)
def test_csv_cells_that_a_spreadsheet_would_run_as_a_formula_start_with_a_quote(text: str) -> None:
    """OWASP's CSV-injection guidance: a cell starting with = + - @ tab or CR is prefixed with '."""
    record = dict.fromkeys(CSV_COLUMNS, "")
    record.update(id=text + "#q", question=text, answer=text, note=text, tags=[text, "ok"], concepts=[text], line=3)
    row = list(csv.reader(io.StringIO(qa_csv([record]).decode("utf-8"), newline="")))[1]
    cells = dict(zip(CSV_COLUMNS, row, strict=True))
    for column in ("id", "question", "answer", "note", "tags", "concepts"):
        assert cells[column].startswith("'" + text[0]), (column, cells[column])
        assert cells[column][1:].startswith(text), "only the quote is added"
    assert cells["line"] == "3"


def test_csv_cells_that_start_safely_are_kept_exactly() -> None:
    record = dict.fromkeys(CSV_COLUMNS, "")
    record.update(question="What is x = 1?", answer="'quoted' already, a - b", tags=["a-b"], concepts=[], line=3)
    row = list(csv.reader(io.StringIO(qa_csv([record]).decode("utf-8"), newline="")))[1]
    assert row[1:3] == ["What is x = 1?", "'quoted' already, a - b"]


def test_a_note_whose_answer_is_a_list_exports_a_csv_cell_that_cannot_run() -> None:
    files = {"N.md": "What are the parts?\n\n- =1+1\n- two\n"}
    pages = pages_of(files)
    rows = list(csv.reader(io.StringIO(pages["qa.csv"], newline="")))
    answer = dict(zip(rows[0], rows[1], strict=True))["answer"]
    assert answer.startswith("'") and not answer.startswith("'" * 2)
    assert json.loads(pages["qa.json"])["questions"][0]["answer"] == answer[1:], "qa.json keeps the exact text"
