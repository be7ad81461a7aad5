"""A build that reuses the cache writes the same bytes as a cold build of the same vault, after
every kind of edit: an answer written, an alias changed, a term defined in a new note, a linking
note retitled, a new link, a link target renamed, a note deleted, the configuration and an
attachment changed. And a build whose
inputs did not change leaves the site alone, unless the site itself was touched; and a note page
whose inputs did not change is kept from the last build, not rendered again, as are the decks'
answers."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from vaultc.build import BuildOptions, BuildResult, build

NOTES = {
    "Embeddings.md": "---\naliases: [embedding]\ntags: [ml]\n---\n# Embeddings\n\n## What is an embedding?\n\n"
    "A dense vector that stands for a token. See [[Attention]].\n\nDense Layer: Is a linear model\n",
    "Attention.md": "# Attention\n\nBuilt on [[Embeddings#What is an embedding?]] and [[embedding]].\n\n"
    "## Why does attention scale quadratically?\n\n## What is a query?\n\nThe vector that asks.\n",
    "Glossary.md": "Softmax: turns scores into probabilities\nDropout: switches units off at random\n\n"
    "Softmax and dropout appear in [[Attention]].\n",
    "Index.md": "# Index\n\n![[Attention]]\n\n[[Missing note]] and ![[diagram.png]]\n",
}


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content if isinstance(content, bytes) else content.encode())


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def answer_a_question(vault: Path) -> None:
    text = (vault / "Attention.md").read_text()
    answered = text.replace("quadratically?\n\n", "quadratically?\n\nEvery token meets all.\n\n")
    (vault / "Attention.md").write_text(answered)


def change_an_alias(vault: Path) -> None:
    text = (vault / "Embeddings.md").read_text()
    (vault / "Embeddings.md").write_text(text.replace("[embedding]", "[vector embedding]"))


def define_a_term_in_a_new_note(vault: Path) -> None:
    write(vault, {"Tokens.md": "Token: a piece of text the model reads\n\nTokens feed [[Attention]].\n"})


def retitle_a_linking_note(vault: Path) -> None:  # its title shows in Attention's backlinks
    text = (vault / "Glossary.md").read_text()
    (vault / "Glossary.md").write_text("---\ntitle: Words to know\n---\n" + text)


def link_a_note_from_another(vault: Path) -> None:  # a new backlink and related note for Embeddings
    with (vault / "Tokens.md").open("a") as file:
        file.write("\nTokens become [[Embeddings]].\n")


def rename_a_link_target(vault: Path) -> None:
    (vault / "Attention.md").rename(vault / "Attention mechanism.md")


def delete_a_note(vault: Path) -> None:
    (vault / "Glossary.md").unlink()


def change_the_configuration(vault: Path) -> None:
    write(vault, {"vaultc.yaml": "title: Study notes\n"})


def change_an_attachment(vault: Path) -> None:
    write(vault, {"diagram.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64})


EDITS: list[Callable[[Path], None]] = [
    answer_a_question,
    change_an_alias,
    define_a_term_in_a_new_note,
    retitle_a_linking_note,
    link_a_note_from_another,
    rename_a_link_target,
    delete_a_note,
    change_the_configuration,
    change_an_attachment,
]


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    write(tmp_path / "vault", {**NOTES, "diagram.png": b"\x89PNG\r\n\x1a\n"})
    return tmp_path / "vault"


def built(vault: Path, output: Path, cache: Path | None, heard: list[str] | None = None) -> BuildResult:
    return build(BuildOptions(vault, output, jobs=1, cache=cache), [].append if heard is None else heard.append)


def test_every_edit_builds_the_same_bytes_with_the_cache_as_without(vault: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    built(vault, tmp_path / "warm", cache)
    for edit in EDITS:
        edit(vault)
        heard: list[str] = []
        warm = built(vault, tmp_path / "warm", cache, heard)
        cold = built(vault, tmp_path / f"cold-{edit.__name__}", None)
        assert warm.diagnostics == cold.diagnostics, edit.__name__
        assert files_of(tmp_path / "warm") == files_of(tmp_path / f"cold-{edit.__name__}"), edit.__name__
        if edit is answer_a_question:  # one note changed: the others came from the cache
            assert f"{len(NOTES) - 1:,} of {len(NOTES):,} notes unchanged since the last run" in heard
            # its page and the page embedding it are rendered again; the two that only link to it are kept
            assert f"2 of {len(NOTES):,} note pages unchanged since the last build: kept" in heard
            # the decks' three answers: the edited note's two are rendered again, Embeddings' one is kept
            assert "1 of 3 answers unchanged since the last build: kept" in heard


def test_a_build_with_nothing_changed_leaves_the_site_alone(vault: Path, tmp_path: Path) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    first = built(vault, site, cache)
    stamps = {path: path.stat().st_mtime_ns for path in site.rglob("*")}
    heard: list[str] = []
    second = built(vault, site, cache, heard)
    assert "nothing changed since the last build: the site is up to date" in heard
    assert {path: path.stat().st_mtime_ns for path in site.rglob("*")} == stamps
    assert (second.notes, second.pages, second.diagnostics) == (first.notes, first.pages, first.diagnostics)
    assert second.written and not any(message.startswith("render") for message in heard)


def test_a_touched_site_is_built_again(vault: Path, tmp_path: Path) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    built(vault, site, cache)
    expected = files_of(site)
    (site / "index.html").unlink()
    heard: list[str] = []
    built(vault, site, cache, heard)
    assert "render…" in heard and files_of(site) == expected


def test_another_output_folder_or_option_is_another_build(vault: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    built(vault, tmp_path / "one", cache)
    heard: list[str] = []
    built(vault, tmp_path / "two", cache, heard)
    assert "render…" in heard and files_of(tmp_path / "one") == files_of(tmp_path / "two")
    heard.clear()
    build(BuildOptions(vault, tmp_path / "one", title="Other", jobs=1, cache=cache), heard.append)
    assert "render…" in heard and b"Other" in (tmp_path / "one" / "index.html").read_bytes()


def test_a_touched_note_with_the_same_text_changes_nothing(vault: Path, tmp_path: Path) -> None:
    cache, site = tmp_path / "cache", tmp_path / "site"
    built(vault, site, cache)
    os.utime(vault / "Attention.md", ns=(1, 1))  # notes are compared by content, not by time
    heard: list[str] = []
    built(vault, site, cache, heard)
    assert "nothing changed since the last build: the site is up to date" in heard
