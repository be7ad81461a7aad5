"""The cache never lies: parsed notes come back equal, and a torn, foreign, stale or unwritable
cache is a miss or a finding, never a wrong site or a crash. Also ``vaultc clean`` and lint's cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultc.build import BuildOptions, build
from vaultc.cache import keys
from vaultc.cache.codec import decode_note, encode_note
from vaultc.cache.store import CacheFolder, clear_cache
from vaultc.cli import main
from vaultc.lint.run import lint_vault
from vaultc.load import load_vault
from vaultc.parse import parse_note

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpora"
UP_TO_DATE = "nothing changed since the last build: the site is up to date"


@pytest.mark.parametrize("vault", [ROOT / "vault", CORPORA / "quartz-docs", CORPORA / "neso-cs-flashcards"])
def test_every_parsed_note_comes_back_equal(vault: Path) -> None:
    for source in load_vault(vault).notes:
        note = parse_note(source.path, source.text)
        assert decode_note(encode_note(note)) == note, source.path


def test_a_damaged_or_foreign_entry_is_a_miss() -> None:
    entry = encode_note(parse_note("a.md", "# A\n\nWhat is [[b]]?\n"))
    flipped = entry[:-5] + bytes([entry[-5] ^ 1]) + entry[-4:]
    for damaged in (entry[:-1], flipped, b"", b"PK\x03\x04 not ours", entry.replace(b"note 1", b"note 9", 1)):
        assert decode_note(damaged) is None


def small_vault(root: Path) -> Path:
    (root / "vault").mkdir(parents=True)
    (root / "vault" / "A.md").write_text("# A\n\n## What is a cache?\n\nA store kept for speed. See [[B]].\n")
    (root / "vault" / "B.md").write_text("# B\n\n## What is a miss?\n\n[[Nowhere]]\n")
    return root / "vault"


def notes_reused(vault: Path, output: Path, cache: Path) -> list[str]:
    heard: list[str] = []
    build(BuildOptions(vault, output, jobs=1, cache=cache), heard.append)
    return [message for message in heard if "unchanged since the last run" in message or "up to date" in message]


def test_a_torn_pack_is_rebuilt_and_the_site_is_whole(tmp_path: Path) -> None:
    vault, cache = small_vault(tmp_path), tmp_path / "cache"
    build(BuildOptions(vault, tmp_path / "site", cache=cache))
    folder = CacheFolder.for_vault(vault, cache)
    pack = folder.path / "notes.pack"
    pack.write_bytes(pack.read_bytes()[:-10])  # a write cut short (the real writes are atomic renames)
    for record in folder.path.glob("*.record"):
        record.write_bytes(b"garbage")
    assert folder.notes() == {}
    assert notes_reused(vault, tmp_path / "site", cache) == []  # nothing trusted: every note parsed again
    assert len(folder.notes()) == 2  # and the cache is whole again
    assert notes_reused(vault, tmp_path / "site", cache) == [UP_TO_DATE]


def test_another_vaultc_version_does_not_reuse_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault, cache = small_vault(tmp_path), tmp_path / "cache"
    build(BuildOptions(vault, tmp_path / "site", cache=cache))
    (vault / "B.md").write_text("# B\n\nChanged.\n")
    monkeypatch.setattr(keys, "code_version", lambda: "another version")
    assert notes_reused(vault, tmp_path / "site", cache) == []


def test_an_unwritable_cache_is_a_finding_and_the_site_is_still_built(tmp_path: Path) -> None:
    vault, blocked = small_vault(tmp_path), tmp_path / "a file, not a folder"
    blocked.write_text("")
    result = build(BuildOptions(vault, tmp_path / "site", cache=blocked))
    assert result.written and (tmp_path / "site" / "index.html").is_file()
    assert [d.rule for d in result.diagnostics if d.path == ""] == ["cache-unwritable"]
    assert "--no-cache" in next(d.message for d in result.diagnostics if d.rule == "cache-unwritable")


def test_lint_from_the_cache_reports_what_a_cold_lint_does(tmp_path: Path) -> None:
    vault, cache = small_vault(tmp_path), tmp_path / "cache"
    cold = lint_vault(vault)
    first, heard = lint_vault(vault, cache=cache), []
    second = lint_vault(vault, (), heard.append, cache=cache)
    assert "nothing changed since the last lint" in heard
    assert cold.findings == first.findings == second.findings and cold.summary == second.summary
    (vault / "B.md").write_text("# B\n\n## What is a miss?\n\nWhen the key is not there.\n")
    assert lint_vault(vault, cache=cache).findings == lint_vault(vault).findings != cold.findings


def test_vaultc_clean_removes_one_vaults_cache_or_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAULTC_CACHE_DIR", str(tmp_path / "caches"))
    vault = small_vault(tmp_path)
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(vault), "-o", str(tmp_path / "site"), "-q"]).exit_code == 0
    folder = CacheFolder.for_vault(vault)
    assert (folder.path / "notes.pack").is_file() and (folder.path / "CACHEDIR.TAG").is_file()
    cleaned = runner.invoke(main, ["clean", str(vault)])
    assert cleaned.exit_code == 0 and "removed the build cache" in cleaned.output and not folder.path.exists()
    again = runner.invoke(main, ["clean", str(vault)])
    assert again.exit_code == 0 and "no build cache to remove" in again.output
    runner.invoke(main, ["lint", str(vault)])
    assert runner.invoke(main, ["clean", "--all"]).exit_code == 0 and not (tmp_path / "caches").exists()


def test_clean_all_leaves_a_folder_that_is_not_vaultcs(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.tex").write_text("keep me")
    assert clear_cache(None, tmp_path / "mine") is None and (tmp_path / "mine" / "thesis.tex").exists()


def test_no_cache_writes_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAULTC_CACHE_DIR", str(tmp_path / "caches"))
    vault = small_vault(tmp_path)
    CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site"), "--no-cache"])
    CliRunner().invoke(main, ["lint", str(vault), "--no-cache"])
    assert (tmp_path / "site" / "index.html").is_file() and not (tmp_path / "caches").exists()
