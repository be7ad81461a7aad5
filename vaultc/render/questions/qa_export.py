"""``qa.json`` and ``qa.csv``: every question with its answer, for flash-card apps and spreadsheets.

One record per question, in note path then line order, with a stable id (note path + "#" +
anchor) so an import can be refreshed without duplicates. JSON keys are sorted and non-ASCII text
is kept as is; the CSV is RFC 4180 (``csv`` module: quoted fields, CRLF rows, a header row) in
UTF-8, list fields joined with "; ".

The CSV is opened in spreadsheets, where a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is read as a formula (``=HYPERLINK(...)``, ``=cmd|...``: CSV injection). Following
OWASP's guidance such a cell is written with a leading ``'``, which every spreadsheet shows as text
and hides; ``qa.json`` keeps the exact text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from vaultc.render.context import Page, SiteContext
from vaultc.render.questions.question_items import QuestionItem
from vaultc.render.sitemap import QA_CSV, QA_JSON, url_from

QA_FORMAT_VERSION = 1
CSV_COLUMNS = (
    "id", "question", "answer", "status", "stub_reason", "note", "line", "heading", "tags", "concepts", "url",
)  # fmt: skip
LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection)."""


def qa_exports(site: SiteContext, items: Sequence[QuestionItem]) -> list[Page]:
    records = qa_records(site, items)
    return [Page(QA_JSON, qa_json(site.options.title, records)), Page(QA_CSV, qa_csv(records))]


def qa_records(site: SiteContext, items: Sequence[QuestionItem]) -> list[dict[str, Any]]:
    """One record per question; ``url`` is relative to the site root, like the exports themselves."""
    concepts_of: dict[int, list[str]] = {}
    for concept in site.knowledge.concepts:
        for index in concept.questions:
            concepts_of.setdefault(index, []).append(concept.name)
    url = url_from(QA_JSON)
    return [
        {
            "id": f"{item.question.note}#{item.question.anchor}",
            "question": item.question.text,
            "answer": item.question.answer.text,
            "status": item.status,
            "stub_reason": item.question.stub_reason,
            "note": item.question.note,
            "line": item.question.line,
            "heading": item.heading.text if item.heading else "",
            "tags": list(item.tags),
            "concepts": sorted(set(concepts_of.get(item.index, ())), key=lambda name: (name.casefold(), name)),
            "url": url(item.note_page, item.question.anchor),
        }
        for item in items
    ]


def qa_json(title: str, records: list[dict[str, Any]]) -> bytes:
    document = {"version": QA_FORMAT_VERSION, "title": title, "questions": records}
    return (json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def qa_csv(records: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow([_cell(record[column]) for column in CSV_COLUMNS])
    return buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    text = LIST_SEPARATOR.join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
