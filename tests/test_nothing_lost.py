"""Every line Obsidian shows is on the note's page: the real corpora, the seeds, and notes written to
lose text (a deep outline, raw-text HTML tags in prose), checked by ``scripts/check_nothing_lost.py``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from scripts.check_nothing_lost import Report, check_note, check_vault, obsidian_front_matter_end
from scripts.nothing_lost_page import PageText, html_words, words
from vaultc.parse import parse_note

TESTS = Path(__file__).parent
CORPORA = ["quartz-docs", "interviewprep", "neso-cs-flashcards", "ml-glossary", "mathwiki", "ml-interview-questions"]


def write_vault(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
    return root


def lost_lines(vault: Path) -> list[str]:
    return [lost.format() for lost in check_vault(vault).lost]


@pytest.mark.parametrize("corpus", CORPORA)
def test_nothing_lost_in_real_corpora(corpus: str) -> None:
    assert lost_lines(TESTS / "corpora" / corpus) == []


def test_nothing_lost_in_the_seeds() -> None:
    assert lost_lines(TESTS / "fixtures" / "seeds") == []


def outline(depth: int) -> str:
    return "".join("  " * level + f"- level{level + 1} word{level + 1}\n" for level in range(depth))


HOSTILE = {
    "Outline.md": outline(12) + "\nAfter the outline.\n",
    "Deeper.md": outline(80) + "\nAfter the deep outline.\n",
    "Quotes.md": "> " * 60 + "quoted deep\n\nAfter the quotes.\n",
    "Script.md": "Intro\n\nPut it in a <script> tag and go\n\n## Why here?\n\nBecause reasons.\n",
    "Style.md": "Intro\n\n<style> element styles things\n\n## Question style?\n\nAnswer styled.\n",
    "Closed.md": "Before <script>alert(1)</script> after\n\n<style>\np { color: red }\n</style>\n\nTail words.\n",
    "Textarea.md": "Use <textarea> for input.\n\n<title> of the page\n\n## Next part\n\nmore text\n",
}


def test_nothing_lost_in_notes_that_used_to_lose_text(tmp_path: Path) -> None:
    vault = write_vault(tmp_path / "vault", HOSTILE)
    assert lost_lines(vault) == []


def test_the_check_reports_what_a_page_lacks_by_file_and_line() -> None:
    note = parse_note("A.md", "# Title\n\nFirst words here\n\n- item one\n  - item two\n\n%% hidden %%\n")
    page = PageText(Counter(words("Title First words here item one item")), frozenset())
    report = check_note(note, (), page, {}, Report())
    assert [lost.format() for lost in report.lost] == ["A.md:6: missing 'two' in: - item two"]
    assert report.not_required["comment"] == 1


def test_a_word_shown_once_does_not_stand_for_two_lines() -> None:
    note = parse_note("A.md", "same words\n\nsame words\n")
    report = check_note(note, (), PageText(Counter(words("same words")), frozenset()), {}, Report())
    assert [(lost.line, lost.words) for lost in report.lost] == [(3, ("same", "words"))]


def test_raw_html_words_leave_out_closed_scripts_only() -> None:
    assert html_words("<style>p {color: red}</style>\n<b>x</b>y") == (["xy"], True)
    assert html_words("<style> element styles\n\n## Next?\n") == (["element", "styles", "next"], False)


def test_the_check_says_why_lines_are_not_required(tmp_path: Path) -> None:
    files = {
        "A.md": "---\ntags: [x]\n---\nSee ![[gone.png]] and ![[B]] and ![[pic.png]]\n\n```\ncode words\n```\n"
        "[ref]: https://example.com\n\nPara ^blk\n\n$$\nx^2\n$$\n",
        "B.md": "Embedded text\n",
        "pic.png": b"\x89PNG",
    }
    report = check_vault(write_vault(tmp_path / "vault", files))
    assert report.lost == []
    assert {
        reason: report.not_required[reason]
        for reason in (
            "front matter",
            "embed of a missing target (placeholder names it)",
            "note embed (transcluded)",
            "attachment embed (on the page by its URL)",
            "fence marker",
            "link reference definition",
            "formula",
        )
    } == {
        "front matter": 3,
        "embed of a missing target (placeholder names it)": 1,
        "note embed (transcluded)": 1,
        "attachment embed (on the page by its URL)": 1,
        "fence marker": 2,
        "link reference definition": 1,
        "formula": 3,
    }


def test_obsidian_front_matter_is_exactly_fenced() -> None:
    assert obsidian_front_matter_end(["---", "a: 1", "---", "text"]) == 3
    assert obsidian_front_matter_end(["---\\", "a: 1", "---", "text"]) == 0
    assert obsidian_front_matter_end(["---", "a: 1", "text"]) == 0
    assert obsidian_front_matter_end(["text", "---", "a", "---"]) == 0
