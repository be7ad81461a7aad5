"""Study sessions in the browser: one card at a time, graded with the keyboard, scheduled by FSRS,
remembered across reloads, exported to a file and imported into another browser; and without
JavaScript the deck is still the plain list of cards, with no session controls."""

from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import expect

DECK = "study/notes/deep-learning-faq.html"


def due_counts(page) -> tuple[int, int, int]:
    text = page.locator("#study-due").inner_text()
    found = re.match(r"(\d+) new · (\d+) due · (\d+) scheduled later", text)
    assert found, text
    return int(found.group(1)), int(found.group(2)), int(found.group(3))


def grade_cards(page, grades: list[str]) -> list[str]:
    """Reveal each card with Space and grade it with its key; the questions seen, in order."""
    seen = []
    for key in grades:
        front = page.locator("#study-front")
        expect(front).to_be_visible()
        seen.append(front.inner_text())
        expect(page.locator("#study-back")).to_be_hidden()
        page.keyboard.press("Space")
        expect(page.locator("#study-back")).to_be_visible()
        expect(page.locator("#study-grades")).to_be_visible()
        page.keyboard.press(key)
    return seen


def test_a_session_of_five_cards_is_graded_and_remembered_after_a_reload(watched_page, site_url: str) -> None:
    page, watch = watched_page
    page.goto(site_url + DECK)
    expect(page.locator("#study-session")).to_be_visible()
    new, due, later = due_counts(page)
    assert new >= 5 and due == 0 and later == 0
    page.select_option("#study-size", "5")
    page.click("#study-start")
    seen = grade_cards(page, ["3", "4", "3", "2", "3"])
    assert len(set(seen)) == 5, seen  # five different cards
    summary = page.locator("#study-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("5 reviews")
    expect(summary).to_contain_text("Good 3")
    assert due_counts(page) == (new - 5, 0, 5)
    page.reload()
    assert due_counts(page) == (new - 5, 0, 5)  # kept in the browser
    assert watch.problems == []


def test_again_shows_the_card_once_more_before_the_session_ends(page, site_url: str) -> None:
    page.goto(site_url + DECK)
    page.select_option("#study-size", "5")
    page.click("#study-start")
    first = grade_cards(page, ["1"])[0]
    following = grade_cards(page, ["3", "3", "3", "3"])
    assert first not in following
    assert grade_cards(page, ["3"]) == [first]  # the card graded Again comes back last
    expect(page.locator("#study-summary")).to_contain_text("6 reviews (Again 1, Hard 0, Good 5, Easy 0)")


def test_the_answer_shown_is_the_cards_own_with_a_link_to_the_note(page, site_url: str) -> None:
    page.goto(site_url + DECK)
    page.click("#study-start")
    question = page.locator("#study-front").inner_text()
    page.keyboard.press("Space")
    back = page.locator("#study-back .study-answer")
    expect(back).to_be_visible()
    card = page.locator("details.study-card", has=page.locator(".study-question", has_text=question)).first
    own = card.evaluate("card => card.querySelector('.study-answer').textContent")
    shown = back.text_content()
    assert " ".join(shown.split()) == " ".join(own.split()) and shown.strip()
    assert question not in shown  # the answer never repeats its question
    link = page.locator("#study-back .study-source a")
    assert re.search(r"notes/.+\.html#", link.get_attribute("href") or "")


def test_progress_exported_from_one_browser_is_imported_into_another(open_page, site_url: str, tmp_path: Path) -> None:
    page, _ = open_page()
    page.goto(site_url + DECK)
    page.select_option("#study-size", "5")
    page.click("#study-start")
    grade_cards(page, ["3", "3"])
    page.click("#study-stop")
    with page.expect_download() as download:
        page.click("#study-export")
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    progress = json.loads(exported.read_text())
    assert progress["version"] == 1 and len(progress["cards"]) == 2
    assert all(re.fullmatch(r".+\.md#.+", card_id) for card_id in progress["cards"])
    other, _ = open_page()  # a fresh context: its own, empty storage
    other.goto(site_url + DECK)
    new, _, _ = due_counts(other)
    other.set_input_files("#study-import", str(exported))
    expect(other.locator("#study-session-live")).to_have_text(re.compile(r"Imported 2 cards' progress"))
    assert due_counts(other) == (new - 2, 0, 2)
    (tmp_path / "junk.json").write_text('{"not": "progress"}')
    other.set_input_files("#study-import", str(tmp_path / "junk.json"))
    expect(other.locator("#study-session-live")).to_have_text("That file is not exported study progress.")


def test_without_javascript_the_deck_is_the_list_of_cards(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + DECK)
        expect(page.locator("#study-session")).to_be_hidden()
        card = page.locator("details.study-card").first
        card.locator("summary").click()
        expect(card.locator(".study-answer")).to_be_visible()
    finally:
        context.close()


def test_a_tag_decks_session_brings_each_answer_from_its_notes_deck(
    open_page, quartz_site_dir: Path, quartz_url: str
) -> None:
    tag_deck = next(path for path in sorted((quartz_site_dir / "study" / "tags").glob("*.html"))
                    if "study-card-link" in path.read_text())  # fmt: skip
    page, watch = open_page()
    page.goto(quartz_url + tag_deck.relative_to(quartz_site_dir).as_posix())
    new, _, _ = due_counts(page)
    assert new >= 1
    page.click("#study-start")
    question = page.locator("#study-front").inner_text()
    page.keyboard.press("Space")
    answer = page.locator("#study-back .study-answer")
    expect(answer).to_be_visible()
    assert answer.inner_text().strip() and question not in answer.inner_text()
    page.keyboard.press("3")
    assert watch.problems == []
    file_page, _ = open_page()
    file_page.goto(tag_deck.as_uri())  # from file:// a page cannot fetch another: the plain deck stays
    expect(file_page.locator("#study-session")).to_be_hidden()
    expect(file_page.locator(".study-card-link a.study-question").first).to_be_visible()


def test_a_session_over_the_open_questions_goes_through_them(open_page, site_url: str) -> None:
    page, watch = open_page()
    page.goto(site_url + "study/open/index.html")
    new, _, _ = due_counts(page)
    open_questions = page.locator(".study-card-link[data-status=unanswered], .study-card-link[data-status=stub]")
    assert new == open_questions.count() > 0
    page.click("#study-start")
    page.keyboard.press("Space")
    expect(page.locator("#study-back")).to_contain_text(re.compile("No answer yet|Only a placeholder"))
    assert watch.problems == []


def test_a_session_on_one_page_of_a_long_deck_goes_through_the_whole_deck(watched_page, site_url: str) -> None:
    page, watch = watched_page
    page.goto(site_url + "study/all/page-2.html")  # all questions: 100 cards a page
    here = set(page.locator("#study-deck [data-card]").evaluate_all("cards => cards.map(c => c.dataset.card)"))
    studied = '[data-card][data-status="answered"], [data-card][data-status="stub"]'
    studied_here = page.locator("#study-deck").locator(studied)
    expect(page.locator("#study-due")).not_to_have_text(re.compile(rf"^{studied_here.count()} new"))
    new, due, later = due_counts(page)
    assert new > studied_here.count() + 10 and due == later == 0  # the deck's cards, not this page's
    page.select_option("#study-size", "10")
    page.click("#study-start")
    seen = []
    for _ in range(10):
        expect(page.locator("#study-front")).to_be_visible()
        expect(page.locator("#study-front")).not_to_be_empty()
        seen.append(page.locator("#study-front").inner_text())
        page.keyboard.press("Space")
        expect(page.locator("#study-back .study-answer")).to_be_visible()  # the card's own answer, from its page
        page.keyboard.press("3")
    expect(page.locator("#study-summary")).to_contain_text("10 reviews")
    assert len(set(seen)) == 10, seen
    stored = page.evaluate("() => Object.keys(JSON.parse(localStorage.getItem(Object.keys(localStorage)[0])).cards)")
    assert len(stored) == 10 and set(stored) - here, "cards from the deck's other page were studied"
    page.goto(site_url + "study/all/index.html")
    assert due_counts(page) == (new - 10, 0, 10)  # the same deck, seen from its first page
    assert watch.problems == []
