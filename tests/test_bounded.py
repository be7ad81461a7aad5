"""Bounded work: what one page may expand, and what dense vaults cost, measured in sizes and counts.

Speed is measured in ``bench/dense.py``, never here: these tests count what grows (characters of a
page, items of a list, entries of graph.json) so they fail the same way on any machine.
"""

from __future__ import annotations

from pathlib import Path

from tests.vaults import resolve_files
from vaultc.analysis import StageTimer, analyse
from vaultc.build import BuildOptions, build
from vaultc.embed_budget import EMBED_BUDGET, EMBED_MIN_COST, embed_limit_problems
from vaultc.names import VaultPath
from vaultc.render.notes.pages import note_body
from vaultc.render.sitemap import plan_site

FRAME = '<div class="transclusion">'
CUT = 'class="transclusion-limit"'


def fan_out(levels: int) -> dict[str, str]:
    """Each note embeds the next one twice: 2^levels expansions if nothing stops them."""
    files = {}
    for level in range(levels):
        embed = f"![[e{level + 1:02d}]]"
        files[f"e{level:02d}.md"] = f"Level {level}.\n\n{embed}\n\n{embed}\n" if level + 1 < levels else "End.\n"
    return files


def page(files: dict[str, str], path: str) -> str:
    vault = resolve_files(files)
    sitemap = plan_site(vault.notes, vault.attachments)
    return note_body(vault.notes[VaultPath(path)], sitemap.note(VaultPath(path)), vault, sitemap, False)


def test_a_transclusion_fan_out_stops_at_the_page_budget() -> None:
    html = page(fan_out(16), "e00.md")  # 65,535 expansions without a limit: a 19.5 MB page
    expanded = html.count(FRAME)
    assert expanded == EMBED_BUDGET // EMBED_MIN_COST  # the units are tiny: each costs the minimum
    assert len(html) < 200 * expanded  # the page holds what was expanded, nothing more
    assert html.count(CUT) > 0 and 'href="e' in html.split(CUT)[1][:200]  # the rest are links


def test_the_limit_is_reported_once_per_page_at_the_first_embed_left_as_a_link() -> None:
    files = fan_out(16)
    vault = resolve_files(files)
    found = embed_limit_problems(vault.notes, vault.targets)
    assert found and {d.rule for d in found} == {"embed-limit"}
    first = next(d for d in found if "e00.md" in d.subject.split(", "))
    assert first.path.startswith("e") and first.line in (3, 5) and first.column == 1  # an embed's own line
    assert "e00" in first.message and f"{EMBED_BUDGET:,}" in first.message
    locations = [(d.path, d.line, d.column) for d in found]
    assert len(locations) == len(set(locations))  # pages cut at the same embed share one finding


def test_the_report_counts_exactly_what_the_page_expands() -> None:
    files = fan_out(16)
    vault = resolve_files(files)
    for problem in embed_limit_problems(vault.notes, vault.targets):
        for name in problem.subject.split(", "):
            html = page(files, name)
            assert html.count(FRAME) == EMBED_BUDGET // EMBED_MIN_COST, name


def test_a_page_of_ordinary_embeds_is_expanded_whole() -> None:
    files = {f"n{number}.md": f"Note {number}. " + "Some words. " * 300 for number in range(30)}
    files["moc.md"] = "\n\n".join(f"![[n{number}]]" for number in range(30))
    html = page(files, "moc.md")
    assert html.count(FRAME) == 30 and CUT not in html
    assert embed_limit_problems(*_notes_and_targets(files)) == []


def _notes_and_targets(files: dict[str, str]):
    vault = resolve_files(files)
    return vault.notes, vault.targets


def test_lint_and_build_report_the_limit(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    for name, text in fan_out(30).items():  # 2^30 expansions unbounded
        (vault / name).write_text(text, "utf-8")
    linted = analyse(vault, (), StageTimer(lambda message: None)).diagnostics
    result = build(BuildOptions(vault, tmp_path / "site"))
    assert [d for d in linted if d.rule == "embed-limit"] == [d for d in result.diagnostics if d.rule == "embed-limit"]
    assert any(d.rule == "embed-limit" for d in linted)
    largest = max(path.stat().st_size for path in (tmp_path / "site").rglob("*.html"))
    assert largest < 2_000_000
