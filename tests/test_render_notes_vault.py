"""Note pages of the default vault, end to end: question anchors and badges, term links that land
on concept pages of the built site, no duplicate ids."""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

from tests.note_pages import duplicate_ids
from vaultc.analysis import StageTimer, analyse
from vaultc.extract.model import Knowledge
from vaultc.graph import build_graph
from vaultc.render.context import SiteOptions
from vaultc.render.site import RenderedSite, render_site
from vaultc.render.sitemap import SiteMap, plan_site
from vaultc.theme import load_theme

VAULT = Path(__file__).resolve().parent.parent / "vault"
PAGE = "notes/deep-learning-interview-questions.html"


@functools.cache
def built() -> tuple[RenderedSite, Knowledge, SiteMap]:
    analysis = analyse(VAULT, (), StageTimer(lambda message: None))
    vault, knowledge = analysis.resolved, analysis.knowledge
    site = render_site(vault, knowledge, build_graph(vault, knowledge), load_theme(), SiteOptions("Vault"))
    return site, knowledge, plan_site(vault.notes, vault.attachments)


def page(path: str) -> str:
    site = built()[0]
    return next(p.content.decode("utf-8") for p in site.pages if p.path == path)


def test_embedding_question_has_its_anchor_and_unanswered_badge() -> None:
    html = page(PAGE)
    heading = re.search(r'<h(\d) id="what-is-an-embedding">(.*?)</h\1>', html, re.S)
    assert heading is not None
    assert heading.group(2).startswith("What is an embedding?")
    assert '<span class="badge badge-unanswered">unanswered</span>' in heading.group(2)
    assert '<a class="question-permalink" href="#what-is-an-embedding"' in heading.group(2)


def test_every_question_of_the_vault_has_one_id_and_a_badge_on_its_page() -> None:
    site, knowledge, sitemap = built()
    pages = {p.path: p.content.decode("utf-8") for p in site.pages if not p.path.endswith(".apkg")}
    for question in knowledge.questions:
        html = pages[sitemap.note(question.note)]
        assert html.count(f'id="{question.anchor}"') == 1, question.anchor
        assert f'href="#{question.anchor}" aria-label="Link to this question"' in html
    for path, html in pages.items():
        if path.startswith("notes/"):
            assert not duplicate_ids(html), path


def test_term_links_land_on_concept_pages_of_the_site() -> None:
    paths = {p.path for p in built()[0].pages}
    hrefs = re.findall(r'<a class="term-link" href="([^"]+)">', page(PAGE))
    assert len(hrefs) >= 10
    for href in hrefs:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(PAGE), href))
        assert target.startswith("terms/") and target in paths, href
