"""End to end on a real vault nobody here wrote: Quartz's own documentation (MIT, see its SOURCE.md).

Its SOURCE.md lists 7 wikilinks (5 targets) that resolve to no file; reading the notes confirms
them and finds one more real problem: ``[[configuration#Layout]]`` names a heading that
configuration.md does not have. Nothing else may be reported. The Markdown link
``[...](component.md)`` in layout.md is not broken: like Obsidian, vaultc falls back to a name
lookup and finds ``tags/component.md``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crawl import broken_references
from vaultc.build import BuildOptions, BuildResult, build
from vaultc.diagnostics import Severity

CORPUS = Path(__file__).parent / "corpora" / "quartz-docs"

EXPECTED = {
    ("advanced/creating components.md", 224, "missing-heading", "configuration"),
    ("configuration.md", 75, "broken-link", "tags/plugin/transformer"),
    ("configuration.md", 76, "broken-link", "tags/plugin/filter"),
    ("configuration.md", 77, "broken-link", "tags/plugin/emitter"),
    ("configuration.md", 84, "broken-link", "tags/plugin/filter"),
    ("features/folder and tag listings.md", 15, "broken-link", "advanced/"),
    ("features/popover previews.md", 11, "broken-link", "quartz layout.png"),
    ("plugins/FolderPage.md", 9, "broken-link", "advanced/"),
}


@pytest.fixture(scope="module")
def quartz_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    output = tmp_path_factory.mktemp("quartz") / "site"
    result = build(BuildOptions(CORPUS, output, ignore=("SOURCE.md",)))
    return result, output


def test_reports_exactly_the_real_problems(quartz_build: tuple[BuildResult, Path]) -> None:
    result, _ = quartz_build
    reported = {(d.path, d.line, d.rule, d.subject) for d in result.diagnostics if d.severity >= Severity.WARNING}
    assert reported == EXPECTED
    assert result.notes == 76


def test_every_internal_link_resolves(quartz_build: tuple[BuildResult, Path]) -> None:
    assert broken_references(quartz_build[1]) == []


def page(site: Path, name: str) -> str:
    return (site / "notes" / name).read_text("utf-8")


def test_code_spans_documenting_syntax_stay_literal(quartz_build: tuple[BuildResult, Path]) -> None:
    html = page(quartz_build[1], "features/wikilinks.html")
    assert "<code>[[Path to file]]</code>" in html
    assert "<code>[[Path to file#^block-ref]]</code>" in html


def test_embeds_in_tables_with_escaped_pipes_are_images(quartz_build: tuple[BuildResult, Path]) -> None:
    html = page(quartz_build[1], "layout.html")
    assert '<img src="../files/images/quartz-layout-desktop.png" alt="quartz-layout-desktop.png" width="800"' in html
    assert (quartz_build[1] / "files" / "images" / "quartz-layout-desktop.png").is_file()


def test_math_is_mathml(quartz_build: tuple[BuildResult, Path]) -> None:
    html = page(quartz_build[1], "features/latex.html")
    assert html.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"') == 4
    assert html.count('<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline"') == 1
    assert "math-error" not in html
    assert "I have $1 and you have $2" in html  # currency is not math


def test_callouts_of_every_type(quartz_build: tuple[BuildResult, Path]) -> None:
    html = page(quartz_build[1], "features/callouts.html")
    for kind in (
        "note",
        "abstract",
        "info",
        "todo",
        "tip",
        "success",
        "question",
        "warning",
        "failure",
        "danger",
        "bug",
        "example",
        "quote",
    ):
        assert f'data-callout="{kind}"' in html
    assert "<details" in html and "<summary" in html


def test_broken_links_are_marked_not_dropped(quartz_build: tuple[BuildResult, Path]) -> None:
    html = page(quartz_build[1], "features/popover-previews.html")
    assert '<a class="wikilink broken" title="No note named “quartz layout.png” yet">' in html


def test_tags_from_front_matter_get_pages(quartz_build: tuple[BuildResult, Path]) -> None:
    site = quartz_build[1]
    assert (site / "tags" / "plugin" / "transformer.html").is_file()
    assert "Callouts" in (site / "tags" / "feature" / "transformer.html").read_text("utf-8")
