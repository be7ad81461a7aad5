"""End to end: building the default vault from the command line, and the safety rules."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.crawl import broken_references
from vaultc.cli import main

ROOT = Path(__file__).resolve().parent.parent
VAULT = ROOT / "vault"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("build") / "site"
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def test_build_writes_every_note_and_the_generated_pages(built_site: Path) -> None:
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")}
    assert {
        "index.html",
        "404.html",
        "tags/index.html",
        "notes/deep-learning-interview-questions.html",
        "notes/ml-interview-notebook.html",
        "notes/deep-learning-faq.html",
    } <= pages
    assert (built_site / "graph.json").is_file() and (built_site / "static" / "style.css").is_file()


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert broken_references(built_site) == []


def test_seed_note_renders_its_constructs(built_site: Path) -> None:
    html = (built_site / "notes" / "deep-learning-interview-questions.html").read_text("utf-8")
    # ##### under a ## heading, with its status badge
    assert (
        '<h3 id="what-is-an-embedding">What is an embedding? '
        '<span class="question-marks"><span class="badge badge-unanswered">unanswered</span>'
    ) in html
    assert 'class="callout" data-callout="success"' in html  # [!check] is an alias of success
    assert "cnn-features.png (not available)" in html  # images not in the vault: a quiet placeholder for readers
    assert '<a class="wikilink broken"' in html  # [[2.0 Preface#...]] is not in the vault


def test_cli_build_prints_diagnostics_and_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path / "out")])
    lines = result.stdout.splitlines()
    assert (
        "Deep Learning Interview Questions.md:41:1: warning missing-embed nothing named 'cnn-features.png' "
        "to embed; add the file to the vault or fix the name" in lines
    )
    assert (
        "Deep Learning Interview Questions.md:22:10: warning broken-link no note or file named '2.0 Preface'; "
        "create it or fix the link" in lines
    )
    assert "built 3 notes" in result.stderr
    found = next(line for line in result.stderr.splitlines() if line.startswith("vaultc: found "))
    assert re.fullmatch(r"vaultc: found \d+ questions \(\d+ unanswered, \d+ stubs?\), \d+ glossary terms "
                        r"\(\d+ to define\); .*open\.html lists what is missing\.", found)  # fmt: skip


def test_strict_fails_on_warnings_and_keeps_the_previous_site(tmp_path: Path) -> None:
    output = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output)]).exit_code == 0
    before = tree_digest(output)
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    (vault / "New.md").write_text("[[Nowhere]]\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(output), "--strict"])
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert tree_digest(output) == before


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    for name in ("one", "two"):
        assert CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path / name)]).exit_code == 0
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_the_vault_is_never_written(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    before = tree_digest(vault), sorted(os.listdir(vault))
    assert CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site")]).exit_code == 0
    assert (tree_digest(vault), sorted(os.listdir(vault))) == before


@pytest.mark.parametrize("output", ["vault", "vault/site", "."])
def test_output_may_not_overlap_the_vault(tmp_path: Path, output: str) -> None:
    vault = tmp_path / "vault"
    shutil.copytree(VAULT, vault)
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / output)])
    assert result.exit_code == 2
    assert "overlaps the vault" in result.output


def test_a_foreign_folder_is_never_replaced(tmp_path: Path) -> None:
    output = tmp_path / "mine"
    output.mkdir()
    (output / "thesis.txt").write_text("precious", "utf-8")
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output)])
    assert result.exit_code == 2 and "was not made by vaultc" in result.output
    assert (output / "thesis.txt").read_text("utf-8") == "precious"


def test_a_failed_write_leaves_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output)]).exit_code == 0
    before = tree_digest(output)

    def disk_full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(output), "--no-cache"])  # a real write
    assert result.exit_code == 1 and "previous site is unchanged" in result.output
    assert tree_digest(output) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_missing_vault_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_build_as_a_subprocess_with_defaults(tmp_path: Path) -> None:
    """`vaultc build` with no arguments builds ./vault into ./site."""
    shutil.copytree(VAULT, tmp_path / "vault")
    done = subprocess.run([sys.executable, "-m", "vaultc", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "notes" / "deep-learning-faq.html").is_file()
    assert (tmp_path / "site" / ".vaultc-site").is_file()


def test_help_is_everywhere() -> None:
    for args in (["--help"], ["build", "--help"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_the_public_site_leaves_out_what_only_the_author_needs(built_site: Path, tmp_path: Path) -> None:
    note = "notes/deep-learning-interview-questions.html"
    assert "Missing embed" not in (built_site / note).read_text("utf-8")
    assert "obsidian://" not in (built_site / "open.html").read_text("utf-8")
    result = CliRunner().invoke(main, ["build", str(VAULT), "-o", str(tmp_path / "author"), "--author", "-q"])
    assert result.exit_code in (0, 1), result.output
    assert "Missing embed: cnn-features.png" in (tmp_path / "author" / note).read_text("utf-8")
    to_do = (tmp_path / "author" / "open.html").read_text("utf-8")
    assert 'class="obsidian-link" href="obsidian://open?vault=' in to_do
    assert 'class="badge badge-unanswered"' in (built_site / "open.html").read_text("utf-8")  # the to-do list stays
