"""Open prompts (questions left open on purpose) on every page that shows or counts statuses.

The extractor does not report prompts yet (and its reading of a note is being reworked), so the
site is built from hand-made knowledge (:func:`tests.vaults.asked`): each question's paragraph,
status and answer are given here. A prompt has its own badge, filter page and section of
open.html, is counted apart from unanswered questions, has no answer on its study card, and keeps
its status in qa.json, qa.csv, search and the graph.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re

import pytest

from tests.test_render_questions_support import listed, main_of, text_pages
from tests.vaults import asked, resolve_files
from vaultc.extract.model import Concept, Definition, Knowledge, Question, QuestionStatus, Term
from vaultc.graph import build_graph
from vaultc.graph_nodes import question_node
from vaultc.names import VaultPath
from vaultc.render.context import QUESTION_STATUSES, STATUS_LABELS, SiteContext, SiteOptions, site_context
from vaultc.render.glossary.glossary_counts import knowledge_counts
from vaultc.render.notes.pages import question_summary
from vaultc.render.questions import question_open
from vaultc.render.questions.question_pages import STATUS_TITLES, question_pages
from vaultc.render.search.search_docs import search_documents
from vaultc.render.search.search_index import STATUSES, build_index
from vaultc.render.site import render_site
from vaultc.theme import load_theme

A, U, S, P = QuestionStatus.ANSWERED, QuestionStatus.UNANSWERED, QuestionStatus.STUB, QuestionStatus.PROMPT
INTERVIEW = """---
tags: [ml]
---
# Interview

## Basics

What is a model?

A function fitted to data.

## More

What is a transformer?

Why does dropout help?

## Training

What is a loss?

TODO

What is overfitting?
"""
GLOSSARY = "Batch\n\nEmbedding: a dense vector.\n"
FILES = {"Topics/Interview.md": INTERVIEW, "Glossary.md": GLOSSARY}
PROMPTS = ("What is a transformer?", "Why does dropout help?")
ASKED = (  # (note, question paragraph, status, answer paragraph); the prompts' status is chosen per site
    ("Topics/Interview.md", "What is a model?", A, "A function fitted to data."),
    ("Topics/Interview.md", "What is a transformer?", P, ""),
    ("Topics/Interview.md", "Why does dropout help?", P, ""),
    ("Topics/Interview.md", "What is a loss?", S, "TODO"),
    ("Topics/Interview.md", "What is overfitting?", U, ""),
)
NOTE = "notes/topics/interview.html"
PROMPT_BADGE = '<span class="badge badge-prompt">open prompt</span>'
Asked = tuple[tuple[str, str, QuestionStatus, str], ...]


def site_of(prompts: QuestionStatus = P) -> SiteContext:
    """The interview site; ``prompts=U`` makes the two prompts plain unanswered questions instead."""
    questions = tuple((note, text, prompts if status is P else status, answer) for note, text, status, answer in ASKED)
    return small_site(FILES, questions, with_concepts=True)


@functools.cache
def _site(files: tuple[tuple[str, str], ...], questions: Asked, with_concepts: bool) -> SiteContext:
    vault = resolve_files(dict(files))
    found = tuple(asked(vault, note, text, status, answer) for note, text, status, answer in questions)
    knowledge = Knowledge(found, glossary_concepts(found) if with_concepts else (), {}, ())
    options = SiteOptions(title="Prompts", obsidian_vault="My Vault")
    return site_context(vault, knowledge, build_graph(vault, knowledge), load_theme(), options)


def small_site(files: dict[str, str], questions: Asked, with_concepts: bool = False) -> SiteContext:
    return _site(tuple(sorted(files.items())), questions, with_concepts)


def glossary_concepts(questions: tuple[Question, ...]) -> tuple[Concept, ...]:
    """Batch (listed, never defined), Embedding (defined) and transformer (only asked about)."""
    glossary, definition = VaultPath("Glossary.md"), "a dense vector."
    position = next(i for i, question in enumerate(questions) if question.text == "What is a transformer?")
    about = questions[position]
    return (
        Concept("batch", "Batch", ("Batch",), (), (Term("Batch", glossary, 1, 1, "term-list", None),), (), ()),
        Concept(
            "embedding", "Embedding", ("Embedding",), (),
            (Term("Embedding", glossary, 3, 1, "definition-line", definition),),
            (Definition(definition, glossary, 3, "definition-line"),), (),
        ),
        Concept(
            "transformer", "transformer", ("transformer",), (),
            (Term("transformer", about.note, about.line, 11, "question", None),), (), (position,),
        ),
    )  # fmt: skip


def all_pages(site: SiteContext) -> dict[str, str]:
    rendered = render_site(site.vault, site.knowledge, site.graph, load_theme(), site.options)
    return text_pages(page for page in rendered.pages if not page.path.startswith("static/"))


def question_pages_of(site: SiteContext) -> dict[str, str]:
    return text_pages(question_pages(site))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return all_pages(site_of())


def test_every_question_status_has_a_label_a_listing_title_and_a_search_position() -> None:
    assert QUESTION_STATUSES == ("answered", "unanswered", "stub", "prompt")
    assert {status.value for status in QuestionStatus} == set(QUESTION_STATUSES)
    assert set(QUESTION_STATUSES) <= set(STATUS_LABELS) and set(QUESTION_STATUSES) == set(STATUS_TITLES)
    assert STATUS_LABELS["prompt"] == "open prompt"
    assert STATUSES[: len(QUESTION_STATUSES)] == QUESTION_STATUSES


def test_a_prompt_has_its_badge_on_its_note_page(pages: dict[str, str]) -> None:
    html = pages[NOTE]
    transformer = html.split('<p id="q-what-is-a-transformer">', 1)[1].split("</p>", 1)[0]
    assert PROMPT_BADGE in transformer and 'href="#q-what-is-a-transformer"' in transformer
    assert html.count(PROMPT_BADGE) == 2
    assert '<span class="badge badge-unanswered">' in html.split('id="q-what-is-overfitting"', 1)[1]


def test_the_summary_line_counts_prompts_apart_and_never_calls_one_the_first_open_question(
    pages: dict[str, str],
) -> None:
    summary = pages[NOTE].split('<p class="question-summary">', 1)[1].split("</p>", 1)[0]
    assert "5 questions:" in summary and '<span class="count-unanswered">1 unanswered</span>' in summary
    assert '<span class="count-stub">1 stub</span>, <span class="count-prompt">2 open prompts</span>' in summary
    assert 'href="#q-what-is-a-loss">first open question' in summary  # the prompts come first in the note


def test_a_note_with_only_answers_and_prompts_has_no_open_question() -> None:
    knowledge = site_of().knowledge
    answered_and_prompts = [q for q in knowledge.questions if q.status.value in ("answered", "prompt")]
    summary = question_summary(answered_and_prompts)
    assert (summary.answered, summary.unanswered, summary.stubs, summary.prompts) == (1, 0, 0, 2)
    assert summary.first_open == ""


def test_the_prompt_filter_page_lists_exactly_the_prompts(pages: dict[str, str]) -> None:
    html = pages["questions/prompt.html"]
    assert [(item.status, item.text) for item in listed(html)] == [("prompt", text) for text in PROMPTS]
    assert "<h1>Open prompts</h1>" in html and "left open on purpose" in main_of(html).split("<nav", 1)[0]
    assert html.count(PROMPT_BADGE) == 3  # the count at the top and each item


def test_the_prompt_filter_sits_with_the_status_filters_and_is_current_on_its_page(pages: dict[str, str]) -> None:
    def status_filters(path: str) -> list[tuple[str, str, str]]:
        nav = pages[path].split('<p class="filter-label">By status:</p>', 1)[1].split("</ul>", 1)[0]
        return re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+) <span class="count">', nav)

    assert status_filters("questions/prompt.html") == [
        ("index.html", "", "All"),
        ("answered.html", "", "Answered"),
        ("unanswered.html", "", "Unanswered"),
        ("stub.html", "", "Stub"),
        ("prompt.html", ' aria-current="page"', "Open prompt"),
    ]
    assert ("prompt.html", "", "Open prompt") in status_filters("questions/index.html")
    assert '<a href="prompt.html">Open prompt <span class="count">2</span></a>' in pages["questions/index.html"]


def test_listing_counts_include_prompts(pages: dict[str, str]) -> None:
    top = main_of(pages["questions/index.html"]).split("<nav", 1)[0]
    assert "5 questions:" in top and f"2 {PROMPT_BADGE}" in top and '1 <span class="badge badge-stub">' in top
    assert [item.status for item in listed(pages["questions/index.html"])].count("prompt") == 2


def test_listings_without_prompts_do_not_mention_them() -> None:
    html = question_pages_of(site_of(prompts=U))["questions/index.html"]
    top = main_of(html).split("<nav", 1)[0]
    assert "badge-prompt" not in top and '1 <span class="badge badge-stub">stub</span></span>.' in top
    assert 'href="prompt.html"' not in html  # no "Open prompt 0" filter...
    assert "questions/prompt.html" in question_pages_of(site_of(prompts=U))  # ...though its page stays


def test_open_page_lists_prompts_in_their_own_section_after_what_is_missing(pages: dict[str, str]) -> None:
    html = main_of(pages["open.html"])
    after_top = html.split("<h2>Questions without an answer</h2>", 1)[1]
    missing, rest = after_top.split("<h2>Terms without a definition</h2>")
    terms, prompts = rest.split('<h2 id="open-prompts">Open prompts</h2>')
    assert [(item.status, item.text) for item in listed(missing)] == [
        ("stub", "What is a loss?"),
        ("unanswered", "What is overfitting?"),
    ]
    assert "Batch" in terms and "badge-prompt" not in terms
    assert [(item.status, item.href) for item in listed(prompts)] == [
        ("prompt", f"{NOTE}#q-what-is-a-transformer"),
        ("prompt", f"{NOTE}#q-why-does-dropout-help"),
    ]
    first = prompts.split('#q-what-is-a-transformer">', 1)[1].split("</li>", 1)[0]
    assert 'href="obsidian://open?vault=My%20Vault&amp;file=Topics%2FInterview"' in first
    assert "· line 14" in first


def test_open_page_counts_prompts_apart_from_the_to_do(pages: dict[str, str]) -> None:
    top = main_of(pages["open.html"]).split("<h2", 1)[0]
    still_to_do, left_open = top.split("Left open on purpose")
    assert '1 <span class="badge badge-unanswered">' in still_to_do and "badge-prompt" not in still_to_do
    assert f"2 {PROMPT_BADGE}" in left_open
    assert "2 questions and 1 terms." in pages["open.html"]  # the description: prompts are no to-do


def test_open_page_with_only_prompts_left_says_nothing_is_missing() -> None:
    files = {"A.md": "What is a model?\n\nA function.\n\nWhat comes next?\n"}
    questions = (("A.md", "What is a model?", A, "A function."), ("A.md", "What comes next?", P, ""))
    html = question_pages_of(small_site(files, questions))["open.html"]
    assert "Nothing left to do: every question that expects an answer has one" in html
    assert "Questions without an answer" not in html
    assert [item.text for item in listed(html.split('id="open-prompts"', 1)[1])] == ["What comes next?"]
    assert "Left open on purpose" in html


def test_open_page_without_prompts_has_no_prompt_section() -> None:
    html = question_pages_of(site_of(prompts=U))["open.html"]
    assert "open-prompts" not in html and "Left open on purpose" not in html and "badge-prompt" not in html


def test_a_prompt_section_cut_by_a_page_break_continues_only_its_own_section(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(question_open, "OPEN_PAGE_SIZE", 2)
    files = {"A.md": "# A\n\nWhat is a model?\n\nTODO\n\nWhat comes next?\n\nWhat else?\n\nAnd then?\n"}
    questions = (("A.md", "What is a model?", S, "TODO"),) + tuple(
        ("A.md", text, P, "") for text in ("What comes next?", "What else?", "And then?")
    )
    pages = question_pages_of(small_site(files, questions))
    first, second = main_of(pages["open.html"]), main_of(pages["open.page-2.html"])
    prompts_on_first = first.split('id="open-prompts"', 1)[1]
    assert [item.text for item in listed(prompts_on_first)] == ["What comes next?"]
    assert "(continued)" not in first  # the note's stub came just before, in the other section
    assert [item.text for item in listed(second)] == ["What else?", "And then?"]
    assert '<a href="notes/a.html">A</a> <span class="continued">(continued)</span>' in second


def test_home_counts_prompts_apart_from_unanswered_questions(pages: dict[str, str]) -> None:
    summary = main_of(pages["index.html"]).split("</p>", 1)[0]
    assert "5 questions" in summary and "(1 answered, 1 unanswered, 1 stub, 2 open prompts)" in summary
    open_card = pages["index.html"].split('<span class="home-card-title">Open questions</span>', 1)[1]
    assert '<span class="home-card-figure">2</span>' in open_card.split("</a>", 1)[0]
    counts = knowledge_counts(site_of().knowledge)
    assert (counts.questions, counts.open, counts.unanswered, counts.prompts) == (5, 2, 1, 2)


def test_home_without_prompts_does_not_mention_them() -> None:
    html = all_pages(site_of(prompts=U))["index.html"]
    assert "(1 answered, 3 unanswered, 1 stub)" in html and "prompt" not in main_of(html)


def test_a_prompt_card_has_no_answer_to_reveal(pages: dict[str, str]) -> None:
    deck = pages["study/all/index.html"]
    card = deck.split('<span class="study-question">What is a transformer?</span>', 1)[1].split("</details>", 1)[0]
    assert card.startswith(f" {PROMPT_BADGE}</summary>")
    answer = card.split('<div class="study-answer">', 1)[1].split("</div>", 1)[0]
    assert answer.strip() == '<p class="study-prompt">Open prompt: no answer expected.</p>'
    assert re.search(r'<details class="study-card" data-card="[^"]+" data-status="prompt"', deck)
    assert f"2 {PROMPT_BADGE}" in main_of(deck).split("<div", 1)[0]


def test_decks_offer_a_prompt_filter_only_when_they_hold_prompts(pages: dict[str, str]) -> None:
    checkbox = '<input type="checkbox" name="study-status" value="prompt" checked> open prompt</label>'
    assert checkbox in pages["study/all/index.html"]
    without = question_pages_of(site_of(prompts=U))["study/all/index.html"]
    assert 'value="prompt"' not in without
    index = pages["study/index.html"]
    assert "5 cards (1 answered, 1 unanswered, 1 stub, 2 open prompts)" in index


def test_exports_keep_the_prompt_status(pages: dict[str, str]) -> None:
    records = {record["question"]: record for record in json.loads(pages["qa.json"])["questions"]}
    assert records["Why does dropout help?"]["status"] == "prompt"
    assert records["Why does dropout help?"]["answer"] == "" and records["Why does dropout help?"]["stub_reason"] == ""
    assert records["What is overfitting?"]["status"] == "unanswered"
    assert set(records["What is a model?"]) == set(records["Why does dropout help?"])  # the same fields
    rows = {row["question"]: row for row in csv.DictReader(io.StringIO(pages["qa.csv"], newline=""))}
    assert rows["What is a transformer?"]["status"] == "prompt"


def test_search_documents_and_index_carry_the_prompt_status(pages: dict[str, str]) -> None:
    docs = {doc.title: doc for doc in search_documents(site_of()) if doc.kind == "question"}
    assert docs["Why does dropout help?"].status == "prompt" and docs["What is a loss?"].status == "stub"
    index = build_index(list(search_documents(site_of())))
    statuses = {row[1]: index["statuses"][row[3]] for row in index["docs"]}
    assert statuses["What is a transformer?"] == "prompt"
    assert PROMPT_BADGE in pages["search.html"].split('<template id="search-badges">', 1)[1]


def test_concept_pages_show_a_prompt_about_the_term(pages: dict[str, str]) -> None:
    html = pages["terms/transformer.html"]
    question = html.split('<li class="concept-question" data-status="prompt">', 1)[1].split("</li>", 1)[0]
    assert PROMPT_BADGE in question and "An open prompt: no answer expected." in question
    assert "Not answered yet" not in question


def test_graph_question_nodes_carry_the_prompt_status_and_graph_pages_render(pages: dict[str, str]) -> None:
    site = site_of()
    prompt = next(q for q in site.knowledge.questions if q.text == "Why does dropout help?")
    nodes = dict(site.graph.graph.nodes(data=True))
    assert nodes[question_node(prompt.note, prompt.anchor)]["status"] == "prompt"
    assert "graph.html" in pages and 'class="local-graph' in pages[NOTE]
    exported = json.loads(pages["graph.json"])["nodes"]
    assert sorted(node["label"] for node in exported if node.get("status") == "prompt") == sorted(PROMPTS)
