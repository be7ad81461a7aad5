"""Study mode: decks of <details> cards with answers, working without JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import Markup

from tests.test_render_questions_support import FILES, main_of, pages_of
from vaultc.render.questions import study_pages
from vaultc.render.questions.answer_fragments import shift_headings

CARD = re.compile(r'<details class="study-card"(.*?)>\s*<summary>(.*?)</summary>(.*?)</details>', flags=re.S)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return pages_of(FILES)


def linked_cards(html: str) -> dict[str, str]:
    """Question text -> link for every card of a deck page that links to its card elsewhere."""
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href
        for href, text in re.findall(r'<div class="study-card study-card-link"[^>]*>\s*<a class="study-question" '
                                     r'href="([^"]+)">(.*?)</a>', html)
    }


def cards(html: str) -> dict[str, tuple[dict[str, str], str]]:
    """Question text -> (data attributes, card body) for every card of a deck page."""
    found = {}
    for attributes, summary, body in CARD.findall(html):
        data = dict(re.findall(r'data-(\w+)="([^"]*)"', attributes))
        found[re.sub(r"<[^>]+>", "", summary).split(" stub")[0].split(" unanswered")[0].strip()] = (data, body)
    return found


def test_all_deck_has_every_question_with_its_answer_and_data(pages: dict[str, str]) -> None:
    deck = cards(pages["study/all/index.html"])
    assert set(deck) == {
        "What is an epoch?",
        "What is a model?",
        "What is a loss?",
        "What is overfitting?",
        "What is a feature?",
    }
    data, body = deck["What is a model?"]
    assert data == {
        "card": "Topics/ML basics.md#q-what-is-a-model",
        "status": "answered",
        "note": "Topics/ML basics.md",
        "tags": "ml café",
    }
    assert '<div class="study-answer">' in body and "<p>A function fitted to data.</p>" in body
    assert '<a class="question-link" href="../../notes/topics/ml-basics.html#q-what-is-a-model">' in body


def test_answer_links_are_relative_to_the_deck_page(pages: dict[str, str]) -> None:
    _, body = cards(pages["study/all/index.html"])["What is a feature?"]
    assert 'href="../../notes/glossary.html"' in body
    _, nested = cards(pages["study/notes/topics--ml-basics.html"])["What is a feature?"]
    assert 'href="../../notes/glossary.html"' in nested  # every deck is two folders deep


def test_unanswered_and_stub_cards_say_so(pages: dict[str, str]) -> None:
    deck = cards(pages["study/all/index.html"])
    data, body = deck["What is overfitting?"]
    assert data["status"] == "unanswered" and "No answer yet" in body
    data, body = deck["What is a loss?"]
    assert data["status"] == "stub" and "Only a placeholder so far (TODO)" in body and "<p>TODO</p>" in body
    summary = pages["study/all/index.html"].split("What is overfitting?</span>", 1)[1].split("</summary>", 1)[0]
    assert '<span class="badge badge-unanswered">unanswered</span>' in summary


def test_one_deck_per_note_and_per_tag(pages: dict[str, str]) -> None:
    assert set(cards(pages["study/notes/glossary.html"])) == {"What is an epoch?"}
    assert len(cards(pages["study/notes/topics--ml-basics.html"])) == 4
    assert len(cards(pages["study/tags/ml.html"])) == 0  # a tag deck's cards link to their note's deck
    assert len(linked_cards(pages["study/tags/ml.html"])) == 5 and len(linked_cards(pages["study/tags/café.html"])) == 4


def test_a_tag_deck_links_each_card_to_its_answer_in_the_note_deck(pages: dict[str, str]) -> None:
    linked = linked_cards(pages["study/tags/ml.html"])
    href = linked["What is an epoch?"]
    page, anchor = href.split("#")
    assert page == "../notes/glossary.html"
    deck = pages["study/notes/glossary.html"]
    assert f'<details class="study-card" id="{anchor}"' in deck and anchor.startswith("card-")
    assert "id=" not in pages["study/all/index.html"].split('class="study-card"', 1)[1].split(">", 1)[0]
    assert "<title>Study: Glossary · Test vault</title>" in pages["study/notes/glossary.html"]
    assert "<title>Study: #ml · Test vault</title>" in pages["study/tags/ml.html"]


def test_study_index_lists_the_decks_with_counts_and_downloads(pages: dict[str, str]) -> None:
    index = main_of(pages["study/index.html"])
    assert '<a href="all/index.html">All questions</a>' in index
    basics = index.split('<a href="notes/topics--ml-basics.html">ML basics</a>', 1)[1].split("</li>", 1)[0]
    assert '<span class="count">4 cards (2 answered, 1 unanswered, 1 stub)</span>' in basics
    assert '<a href="notes/glossary.html">Glossary</a>\n  <span class="count">1 card</span>' in index
    assert '<a href="tags/caf%C3%A9.html">#café</a>' in index
    assert '<a href="../qa.json" download>qa.json</a>' in index and '<a href="../qa.csv" download>qa.csv</a>' in index


def test_controls_are_hidden_until_the_script_shows_them(pages: dict[str, str]) -> None:
    html = pages["study/all/index.html"]
    assert '<button type="button" id="study-shuffle" hidden>' in html
    assert '<button type="button" id="study-random" hidden>' in html
    assert '<fieldset class="study-filter" id="study-filter" hidden>' in html
    assert len(re.findall(r'<input type="checkbox" name="study-status" value="(\w+)" checked>', html)) == 3
    assert re.search(r'<script src="../../static/study.js" defer></script>', html)


def test_the_script_wires_the_controls_it_unhides() -> None:
    from vaultc.theme import load_theme

    script = load_theme().static["study.js"].decode("utf-8")
    for control in ("study-shuffle", "study-random", "study-filter", "study-deck"):
        assert f'getElementById("{control}")' in script
    assert script.count(".hidden = false") == 3


def test_big_decks_are_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(study_pages, "STUDY_PAGE_SIZE", 2)
    pages = pages_of(FILES)
    parts = [pages.get(p, "") for p in ("study/all/index.html", "study/all/page-2.html", "study/all/page-3.html")]
    assert [len(cards(part)) for part in parts] == [2, 2, 1] and "study/all/page-4.html" not in pages
    assert "Cards 3–4 of 5</h2>" in parts[1]
    assert "study/notes/topics--ml-basics.page-2.html" in pages


@pytest.mark.parametrize(
    ("first", "index"),
    [
        ("study/all/index.html", "study/all/cards.js"),
        ("study/notes/topics--ml-basics.html", "study/notes/topics--ml-basics.cards.js"),
        ("study/tags/exam.prep.html", "study/tags/exam.prep.cards.js"),
    ],
)
def test_a_paginated_decks_card_list_sits_beside_its_pages(first: str, index: str) -> None:
    assert study_pages.deck_index(first) == index


def test_a_paginated_deck_lists_every_card_with_its_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(study_pages, "STUDY_PAGE_SIZE", 2)
    pages = pages_of(FILES)
    script = pages["study/all/cards.js"]
    listed = json.loads(script.removeprefix("window.VAULTC_DECK_CARDS = ").removesuffix(";\n"))
    assert listed["pages"] == ["index.html", "page-2.html", "page-3.html"]
    for number, name in enumerate(listed["pages"]):
        html = pages["study/all/" + name]
        on_page = re.findall(r'data-card="([^"]+)" data-status="([a-z]+)"', html)
        expected = [row for row in listed["cards"] if row[2] == number]
        assert [[card, status, number] for card, status in on_page] == expected
        assert 'data-cards="cards.js" data-page="' + name + '"' in html
    monkeypatch.undo()
    one_page = pages_of(FILES)  # a deck of one page needs no list
    assert not any(path.endswith("cards.js") for path in one_page)
    assert "data-cards=" not in one_page["study/all/index.html"]


def test_a_long_list_of_note_decks_is_paginated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(study_pages, "DECK_LIST_PAGE_SIZE", 1)
    pages = pages_of(FILES)
    first, second = main_of(pages["study/index.html"]), main_of(pages["study/page-2.html"])
    assert '<a href="notes/glossary.html">Glossary</a>' in first and "ML basics" not in first
    assert '<a href="notes/topics--ml-basics.html">ML basics</a>' in second and "Glossary</a>" not in second
    assert '<a href="all/index.html">All questions</a>' in second  # every page keeps the other decks
    assert '<a href="page-2.html" rel="next">Next</a>' in first and "study/page-3.html" not in pages


def test_answer_headings_continue_the_deck_outline() -> None:
    html = Markup("<h5>A</h5><p>x</p><h6>B</h6><h4>C</h4>")
    assert shift_headings(html, 3) == "<h3>A</h3><p>x</p><h4>B</h4><h3>C</h3>"
    assert shift_headings(Markup("<p>no heading, &lt;h2&gt; as text</p>"), 3) == "<p>no heading, &lt;h2&gt; as text</p>"


def test_answers_made_of_list_items_get_a_list_around_them() -> None:
    # The question and its "answer" share one item of a numbered list (a bare-link stub).
    files = {"N.md": "24) Result of Convolution? http://example.com/conv\n\n26) What is a field?\n\n- A region.\n"}
    deck = cards(pages_of(files)["study/all/index.html"])
    _, stub = deck["Result of Convolution?"]
    link = '<a class="external" href="http://example.com/conv" rel="noopener">http://example.com/conv</a>'
    assert re.search(r'<ul class="answer-items">\s*<li>\s*<p>Result of Convolution\? ' + link + "</p>", stub)
    _, answered = deck["What is a field?"]
    assert "answer-items" not in answered and "<ul>\n<li>A region.</li>" in answered


def test_every_deck_page_is_one_h1_and_skips_no_heading_level() -> None:
    files = {"N.md": "## Part\n\n#### What is deep?\n\n###### Detail\n\nText.\n"}
    html = main_of(pages_of(files)["study/all/index.html"])
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_footnote_references_point_at_the_note_and_carry_no_duplicate_ids() -> None:
    files = {
        "A.md": "What is a?\n\nAn answer[^1].\n\n[^1]: A source.\n",
        "B.md": "What is b?\n\nAnother[^1].\n\n[^1]: Else.\n",
    }
    html = pages_of(files)["study/all/index.html"]
    refs = re.findall(r'<sup class="footnote-ref">(.*?)</sup>', html)
    assert refs == ['<a href="../../notes/a.html#fn1">[1]</a>', '<a href="../../notes/b.html#fn1">[1]</a>']
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_every_deck_offers_a_session_and_tag_cards_name_the_card_they_link_to(pages: dict[str, str]) -> None:
    tag_decks = [path for path in pages if path.startswith("study/tags/")]
    assert tag_decks
    for path in ("study/all/index.html", "study/notes/topics--ml-basics.html", *tag_decks):
        html = pages[path]
        assert '<section class="study-session" id="study-session" data-store="vaultc-study:' in html, path
        assert 'src="../../static/vendor/ts-fsrs.umd.js"' in html and "study-session.js" in html, path
        assert html.index("ts-fsrs.umd.js") < html.index("study-session.js")  # the scheduler first (both deferred)
    card_link = r'<div class="study-card study-card-link" data-card="([^"]+)"[^>]*>\s*<a class="study-question" '
    linked = re.findall(card_link + r'href="[^"#]+#card-([^"]+)"', pages[tag_decks[0]])
    assert linked and all(card.endswith("#" + anchor) for card, anchor in linked)
    assert "ts-fsrs" not in pages["study/index.html"]


def test_a_folder_deck_holds_its_notes_and_sub_folders_questions_as_links() -> None:
    files = {
        "Topics/ML basics.md": "# ML\n\n## What is a model?\n\nA function.\n",
        "Topics/Deep/Nets.md": "# Nets\n\n## What is a layer?\n\nA step.\n",
        "Elsewhere.md": "# E\n\n## What is outside?\n\nThis.\n",
    }
    pages = pages_of(files)
    topics, deep = pages["study/folders/topics.html"], pages["study/folders/topics--deep.html"]
    assert set(linked_cards(topics)) == {"What is a model?", "What is a layer?"}  # sub-folders included
    assert set(linked_cards(deep)) == {"What is a layer?"}
    assert linked_cards(topics)["What is a layer?"] == "../notes/topics--deep--nets.html#card-what-is-a-layer"
    assert not cards(topics)  # no answer copied: the cards link to their note's deck
    index = pages["study/index.html"]
    assert "<h2>By folder</h2>" in index and 'href="folders/topics--deep.html"' in index
    assert not any(path.startswith("study/folders/") and "elsewhere" in path for path in pages)


def test_the_open_questions_deck_holds_the_unanswered_and_stubs_as_links(pages: dict[str, str]) -> None:
    deck = pages["study/open/index.html"]
    assert set(linked_cards(deck)) == {"What is overfitting?", "What is a loss?"}  # unanswered and stub only
    assert 'data-statuses="unanswered stub"' in deck
    assert 'data-statuses="answered stub"' in pages["study/all/index.html"]
    assert 'href="open/index.html"' in pages["study/index.html"]


def test_a_vault_with_nothing_open_has_no_open_deck() -> None:
    assert "study/open/index.html" not in pages_of({"A.md": "# A\n\n## What is done?\n\nThis.\n"})
