"""The synthetic benchmark vault: deterministic, realistically sized, links mostly resolvable."""

from __future__ import annotations

import hashlib
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from bench.synth import (
    DELIBERATE_EMBED_CYCLES,
    generate_attachments,
    generate_vault,
    main,
)

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r"(?<!!)\[\[([^\]]+)\]\]")
NOTE_EMBED = re.compile(r"!\[\[(Note \d+)[#\]]")
IMAGE_EMBED = re.compile(r"!\[\[(img-\d+\.png)[|\]]")
HEADING = re.compile(r"^#{1,6} (.+)$", re.MULTILINE)


@pytest.fixture(scope="module")
def vault() -> dict[str, str]:
    return generate_vault(1000, seed=0)


def _note_index(path_or_name: str) -> int:
    return int(re.search(r"Note (\d+)", path_or_name)[1])


def test_same_seed_same_vault_other_seed_other_vault() -> None:
    assert generate_vault(120, seed=4) == generate_vault(120, seed=4)
    assert generate_attachments(120, seed=4) == generate_attachments(120, seed=4)
    assert generate_vault(120, seed=4) != generate_vault(120, seed=5)


def test_output_does_not_depend_on_hash_randomisation() -> None:
    script = (
        "import hashlib, json; from bench.synth import generate_vault; "
        "print(hashlib.sha256(json.dumps(generate_vault(150, 9)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            check=True,
        ).stdout
        for hash_seed in ("1", "2")
    }
    expected = hashlib.sha256(json.dumps(generate_vault(150, 9)).encode()).hexdigest()
    assert digests == {expected + "\n"}


def test_paths_are_posix_notes_in_folders(vault: dict[str, str]) -> None:
    assert len(vault) == 1000
    assert all(path.endswith(".md") and "\\" not in path for path in vault)
    folders = {path.rpartition("/")[0] for path in vault}
    assert len(folders) > 20 and "" in folders and any(folder.count("/") == 1 for folder in folders)


def test_sizes_are_realistic(vault: dict[str, str]) -> None:
    sizes = [len(text.encode()) for text in vault.values()]
    typical = sum(1_000 <= size <= 8_192 for size in sizes)
    large = sum(size >= 30_000 for size in sizes)
    assert typical >= 0.85 * len(sizes)
    assert 10 <= large <= 60 and max(sizes) < 60_000
    assert 2_000 <= statistics.median(sizes) <= 5_000


def _link_is_resolvable(link: str, headings: dict[str, set[str]], by_path: dict[str, str]) -> bool:
    target, _, heading = link.split("|")[0].partition("#")
    name = by_path.get(target, target)
    return name in headings and (not heading or heading in headings[name])


def test_links_mostly_resolve_and_about_three_percent_are_broken(vault: dict[str, str]) -> None:
    headings = {_name(path): set(HEADING.findall(text)) for path, text in vault.items()}
    by_path = {path[:-3]: _name(path) for path in vault}
    links = [link for text in vault.values() for link in LINK.findall(text)]
    broken = [link for link in links if not _link_is_resolvable(link, headings, by_path)]
    assert len(links) > 5_000
    assert 0.02 <= len(broken) / len(links) <= 0.04
    assert any("#" in link for link in links) and any("|" in link for link in links)
    assert any(link.startswith("topic-") for link in links)


def _name(path: str) -> str:
    return path.rpartition("/")[2][:-3]


def test_note_embeds_point_backwards_except_the_deliberate_cycles(vault: dict[str, str]) -> None:
    forward = {
        (_note_index(path), _note_index(target))
        for path, text in vault.items()
        for target in NOTE_EMBED.findall(text)
        if _note_index(target) >= _note_index(path)
    }
    assert forward == {pair for pair in DELIBERATE_EMBED_CYCLES if pair[1] >= pair[0]}
    note_two = next(text for path, text in vault.items() if _note_index(path) == 2)
    assert "![[Note 0001]]" in note_two


def test_image_embeds_name_existing_valid_pngs(vault: dict[str, str]) -> None:
    images = generate_attachments(1000, seed=0)
    embedded = {name for text in vault.values() for name in IMAGE_EMBED.findall(text)}
    assert embedded and {f"attachments/{name}" for name in embedded} <= images.keys()
    assert all(_is_valid_png(data) for data in images.values())


def _is_valid_png(data: bytes) -> bool:
    position, kinds = 8, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        (crc,) = struct.unpack(">I", data[position + 8 + length : position + 12 + length])
        if crc != zlib.crc32(kind + body):
            return False
        kinds.append(kind)
        position += 12 + length
    return data[:8] == b"\x89PNG\r\n\x1a\n" and kinds == [b"IHDR", b"IDAT", b"IEND"]


@pytest.mark.parametrize(
    ("feature", "pattern", "least"),
    [
        ("front matter", r"\A---\ntitle: ", 300),
        ("aliases", r"^aliases: \[", 100),
        ("question heading", r"^##### (Q\d+\) )?(What|How|Why|When) [^\n]*\?$", 500),
        ("numbered question", r"^\d+\) [^\n]*\?$", 300),
        ("plain question with answer", r"^(What|How|Why|When) [^\n]*\?\n[A-Z]", 300),
        ("glossary line", r"^[A-Z][\w ./-]*: [A-Z]", 300),
        ("foldable callout", r"^> \[!\w+\][-+] ", 100),
        ("inline math", r" \$[^$\s][^$]*[^$\s]\$ ", 300),
        ("block math", r"^\$\$\n", 300),
        ("python code", r"^```python\n", 300),
        ("nested tag", r" #[a-z]+/[a-z-]+", 300),
        ("table", r"^\| --- \|", 300),
        ("task", r"^- \[[ x]\] ", 300),
        ("currency, not math", r"\$5 and \$10", 50),
    ],
)
def test_every_feature_is_well_represented(vault: dict[str, str], feature: str, pattern: str, least: int) -> None:
    notes_with_it = sum(bool(re.search(pattern, text, re.MULTILINE)) for text in vault.values())
    assert notes_with_it >= least, feature


def test_unanswered_questions_exist(vault: dict[str, str]) -> None:
    question = r"^(#+ .*|\d+\) .*|(What|How|Why|When) .*)\?"
    unanswered = re.compile(question + r"\n\n(#|\d+\) )", re.MULTILINE)
    assert sum(len(unanswered.findall(text)) for text in vault.values()) >= 50


def test_cli_writes_a_vault_and_rewrites_its_own(tmp_path: Path) -> None:
    out = tmp_path / "vault"
    main(["30", str(out), "--seed", "2"])
    main(["30", str(out), "--seed", "2"])
    written = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()}
    expected = generate_vault(30, 2).keys() | generate_attachments(30, 2).keys() | {".synth-vault"}
    assert written == expected
    first = next(iter(generate_vault(30, 2).items()))
    assert (out / first[0]).read_text(encoding="utf-8") == first[1]


def test_cli_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "mine.md").write_text("keep me")
    with pytest.raises(SystemExit, match="not made by synth.py"):
        main(["5", str(tmp_path)])
    assert [path.name for path in tmp_path.iterdir()] == ["mine.md"]
