"""The question pages of the default vault, end to end from its files: known figures, and every
link they make into note pages lands on an existing anchor."""

from __future__ import annotations

import json
import posixpath
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.crawl import broken_references
from tests.test_render_questions_support import listed, theme
from vaultc.analysis import StageTimer, analyse
from vaultc.graph import build_graph
from vaultc.names import VaultPath
from vaultc.render.context import Page, SiteContext, SiteOptions, site_context
from vaultc.render.notes.pages import note_context
from vaultc.render.questions.question_pages import question_pages

VAULT = Path(__file__).resolve().parent.parent / "vault"
OUR_FOLDERS = ("questions/", "study/", "open.", "notes/", "qa.")


@pytest.fixture(scope="module")
def site() -> SiteContext:
    analysis = analyse(VAULT, (), StageTimer(lambda message: None))
    vault, knowledge = analysis.resolved, analysis.knowledge
    options = SiteOptions(title="vault", obsidian_vault="vault")
    return site_context(vault, knowledge, build_graph(vault, knowledge), theme(), options)


@pytest.fixture(scope="module")
def pages(site: SiteContext) -> list[Page]:
    return question_pages(site)


def text(pages: list[Page], path: str) -> str:
    return next(page.content.decode("utf-8") for page in pages if page.path == path)


def test_qa_json_has_the_vaults_known_figures(pages: list[Page]) -> None:
    questions = json.loads(text(pages, "qa.json"))["questions"]
    assert len(questions) == 107
    assert Counter(q["status"] for q in questions) == {"answered": 88, "unanswered": 15, "stub": 4}
    assert len({q["id"] for q in questions}) == 107  # ids are unique, so imports can update in place


def test_open_page_lists_the_embedding_question_with_its_anchor_and_obsidian_link(pages: list[Page]) -> None:
    html = text(pages, "open.html")
    items = {item.text: item for item in listed(html)}
    assert len(items) == 19  # the 15 unanswered questions and the 4 stubs
    assert items["What is an embedding?"].href == "notes/deep-learning-interview-questions.html#what-is-an-embedding"
    item = html.split("#what-is-an-embedding", 1)[1].split("</li>", 1)[0]
    assert 'href="obsidian://open?vault=vault&amp;file=Deep%20Learning%20Interview%20Questions"' in item


def test_questions_listing_counts(pages: list[Page]) -> None:
    html = text(pages, "questions/index.html")
    assert len(listed(html)) == 107 and html.count('<h2 class="question-group-heading">') == 3
    assert len(listed(text(pages, "questions/unanswered.html"))) == 15
    assert len(listed(text(pages, "questions/stub.html"))) == 4


def test_links_into_note_pages_land_on_existing_anchors(site: SiteContext, pages: list[Page], tmp_path: Path) -> None:
    notes = [Page(site.sitemap.note(path), note_html(site, path)) for path in site.vault.notes]
    for page in [*pages, *notes]:
        (tmp_path / page.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page.path).write_bytes(page.content)
    checked = [problem for problem in broken_references(tmp_path) if _links_into_our_pages(problem)]
    assert checked == []


def note_html(site: SiteContext, path: VaultPath) -> bytes:
    """A note's rendered content (where its question anchors are), without the rest of its page."""
    body = note_context(site.vault.notes[path], site.sitemap.note(path), site)["content"]
    return f"<!DOCTYPE html><html><body>{body}</body></html>".encode()


def _links_into_our_pages(problem: str) -> bool:
    """A crawler finding about a link from one of our pages to a note or one of our pages (other
    pages, the theme's files and links between note pages belong to other builders' tests)."""
    page, rest = problem.split(": <", 1)
    tag, url = rest.split("> ", 1)
    path = urlsplit(url.rsplit(": ", 1)[0]).path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path))) if path else page
    return tag == "a" and not page.startswith("notes/") and target.startswith(OUR_FOLDERS)
