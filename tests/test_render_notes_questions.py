"""Question ids, badges and permalinks on note pages, for every way a question is written."""

from __future__ import annotations

import re

import pytest

from tests.note_pages import duplicate_ids, page_body, page_html, site_of
from vaultc.render.notes.pages import question_summary


def mark(anchor: str, status: str, carries_id: bool = False) -> str:
    """The badge and permalink markup at the end of a question's line."""
    id_attribute = f' id="{anchor}"' if carries_id else ""
    return (
        f' <span class="question-marks"{id_attribute}><span class="badge badge-{status}">{status}</span> '
        f'<a class="question-permalink" href="#{anchor}" aria-label="Link to this question">#</a></span>'
    )


def without_term_links(html: str) -> str:
    """The question's subject is a concept, linked in its own line: keep only the words here."""
    return re.sub(r'<a class="term-link" href="[^"]*">([^<]*)</a>', r"\1", html)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        pytest.param(
            "## What is a kernel?\n\nA similarity function.\n",
            '<h2 id="what-is-a-kernel">What is a kernel?' + mark("what-is-a-kernel", "answered") + "</h2>",
            id="heading",
        ),
        pytest.param(
            "17) What is a kernel?\n18) What is a stride?\n    The step.\n",
            '<li id="q-what-is-a-kernel">What is a kernel?' + mark("q-what-is-a-kernel", "unanswered") + "</li>",
            id="numbered",
        ),
        pytest.param(
            "What is a kernel?\nA similarity function.\n",
            '<p id="q-what-is-a-kernel">What is a kernel?'
            + mark("q-what-is-a-kernel", "answered")
            + "<br>\nA similarity",
            id="plain line",
        ),
        pytest.param(
            "**What is a kernel?**\nA similarity function.\n",
            '<p id="q-what-is-a-kernel"><strong>What is a kernel?</strong>' + mark("q-what-is-a-kernel", "answered"),
            id="bold",
        ),
        pytest.param(
            "> [!question] What is a kernel?\n> A similarity function.\n",
            '<div class="callout" data-callout="question" id="q-what-is-a-kernel">\n'
            '<div class="callout-title">What is a kernel?' + mark("q-what-is-a-kernel", "answered") + "</div>",
            id="callout",
        ),
        pytest.param(
            "> [!faq]\n> What is a kernel?\n> A similarity function.\n",
            "<p>What is a kernel?" + mark("q-what-is-a-kernel", "answered") + "<br>\nA similarity function.</p>",
            id="untitled callout",
        ),
        pytest.param(
            "Q: What is a kernel?\nA: TODO\n",
            '<p id="q-what-is-a-kernel">Q: What is a kernel?'
            + mark("q-what-is-a-kernel", "stub")
            + "<br>\nA: TODO</p>",
            id="Q/A",
        ),
        pytest.param(
            "Q: What is a kernel?\nA: a similarity.\nQ: What is a stride?\nA: the step.\n",
            "Q: What is a stride?" + mark("q-what-is-a-stride", "answered", carries_id=True) + "<br>\nA: the step.",
            id="second Q/A of one paragraph: the badge carries the id",
        ),
        pytest.param(
            "What is a kernel?\nA similarity. ^def\n",
            '<p id="^def">What is a kernel?' + mark("q-what-is-a-kernel", "answered", carries_id=True),
            id="block with a block id",
        ),
        pytest.param(
            "48) What is a kernel?\n    A similarity.\n49) Stride\n    The step.\n",
            '<li id="q-stride">Stride' + mark("q-stride", "answered") + "<br>\nThe step.</li>",
            id="topic slot in a note of numbered questions",
        ),
        pytest.param(
            "[What is a kernel?](https://example.org)\nA similarity.\n",
            '<a class="external" href="https://example.org" rel="noopener">What is a kernel?</a>'
            + mark("q-what-is-a-kernel", "answered"),
            id="badge after a link, never inside it",
        ),
    ],
)
def test_each_question_form_gets_its_id_and_badge(note: str, expected: str) -> None:
    html = page_body({"A.md": note})
    assert expected in without_term_links(html)
    assert not duplicate_ids(html)


def test_an_empty_numbered_slot_is_not_a_question_and_gets_no_id_or_badge() -> None:
    """ "50)" with nothing after it, even among numbered questions: a slot nobody filled, not a question."""
    html = page_body({"A.md": "48) What is a kernel?\n    A similarity.\n49) What is a stride?\n    The step.\n50)\n"})
    assert html.count("question-marks") == 2 and 'id="q-50"' not in html
    assert "<li></li>\n</ol>" in html


def test_every_question_has_exactly_one_id_and_one_permalink() -> None:
    note = (
        "# Kernels\n\n## What is a kernel?\nA similarity.\n\n## What is a kernel?\n\n---\n\n"
        "What is a stride?\n-\n\n---\n\n1) What is padding?\n2) Why pad?\n\n---\n\n"
        "> [!question] What is a stride?\n> The step.\n"
    )
    site = site_of({"A.md": note})
    html = page_html({"A.md": note})
    assert len(site.knowledge.questions) == 6
    for question in site.knowledge.questions:
        assert html.count(f'id="{question.anchor}"') == 1, question.anchor
        assert html.count(f'href="#{question.anchor}" aria-label="Link to this question"') == 1
    assert not duplicate_ids(html)


def test_transcluded_questions_get_no_ids_or_badges() -> None:
    files = {"A.md": "Intro.\n\n![[B]]\n", "B.md": "What is a kernel?\nA similarity.\n"}
    html = page_body(files)
    assert "What is a kernel?" in html
    assert "question-marks" not in html and 'id="' not in html
    assert 'id="q-what-is-a-kernel"' in page_body(files, "B.md")


def test_summary_counts_statuses_and_links_the_first_open_question() -> None:
    note = "1) What is a?\nan a\n2) What is b?\n3) What is c?\nTODO\n4) What is d?\n"
    html = page_html({"A.md": note})
    summary = re.search(r'<p class="question-summary">(.*?)</p>', html, re.S)
    assert summary is not None
    text = " ".join(re.sub(r"<[^>]+>", "", summary.group(1)).split())
    assert text == "4 questions: 1 answered, 2 unanswered, 1 stub · first open question"
    assert '<a class="first-open-question" href="#q-what-is-b">' in summary.group(1)


def test_no_summary_without_questions_and_none_open_when_all_answered() -> None:
    assert "question-summary" not in page_html({"A.md": "Just prose.\n"})
    summary = question_summary(site_of({"A.md": "What is a?\nan a\n"}).knowledge.questions)
    assert summary is not None and (summary.total, summary.answered, summary.first_open) == (1, 1, "")


def test_note_page_keeps_its_parts_and_validates_ids() -> None:
    files = {
        "A.md": "# Intro\nSee [[B]].\n\n## What is a kernel?\nA similarity function.\n",
        "B.md": "Links back to [[A]]. Kernel: a similarity function.\n",
    }
    html = page_html(files)
    assert html.count("<h1") == 1
    assert '<nav class="toc" id="outline" aria-labelledby="outline-title">' in html
    assert '<section class="backlinks"' in html and 'href="b.html">B</a>' in html
    assert 'href="../static/notes.css"' in html
    assert not duplicate_ids(html)


def test_a_card_whose_front_is_a_callout_title_gives_the_title_its_id() -> None:
    """Found by the fuzz test: the id went to the title token, whose renderer dropped it."""
    html = page_body({"A.md": "#flashcards\n\n> [!warning] {{c1::Paris}} is the capital\n> of France\n"})
    anchors = re.findall(r'href="#(q-[^"]*)"', html)
    assert anchors and all(f'id="{anchor}"' in html for anchor in anchors), html
