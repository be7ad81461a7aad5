"""Lighthouse (pinned in tests/browser/package.json, run with Debian's chromium, mobile profile) on
the home page, a note, the glossary, the search page and a study deck: accessibility, best
practices and SEO score 100. Performance is reported by ``bench/lighthouse.py``, not asserted here:
speed belongs in benchmarks, and its score moves with the machine's load."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.support import lighthouse, lighthouse_failures

PAGES = ["index.html", "notes/deep-learning-interview-questions.html", "glossary.html", "search.html",
         "study/notes/deep-learning-faq.html"]  # fmt: skip
CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.mark.parametrize("path", PAGES)
def test_accessibility_best_practices_and_seo_score_100(site_url: str, tmp_path: Path, path: str) -> None:
    report = lighthouse(site_url + path, tmp_path / "report.json")
    scores = {category: report["categories"][category]["score"] for category in CATEGORIES}
    failures = {category: lighthouse_failures(report, category) for category in CATEGORIES if scores[category] != 1}
    assert failures == {}, (path, scores)
