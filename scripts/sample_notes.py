#!/usr/bin/env python3
"""Draw the seeded random sample of notes that the labelled development set covers.

Labels in ``tests/labels/`` are made by reading the sampled notes, before looking at vaultc's
output; this script is the written-down sampling command each label file names, so anyone can
redraw the same sample:

    python scripts/sample_notes.py tests/corpora/interviewprep --count 40 --seed 8

Notes are every ``.md`` file of the vault except the provenance files (``SOURCE.md``), sorted by
POSIX path before sampling, so the draw does not depend on the file system's order.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PROVENANCE = frozenset({"SOURCE.md"})


def notes_of(vault: Path) -> list[str]:
    """The vault's notes as sorted POSIX paths relative to the vault (provenance files left out)."""
    found = (path.relative_to(vault).as_posix() for path in vault.rglob("*.md") if path.is_file())
    return sorted(path for path in found if path not in PROVENANCE and not path.startswith("."))


def sample(vault: Path, count: int, seed: int) -> list[str]:
    """``count`` notes drawn without replacement with ``random.Random(seed)`` (all when fewer), sorted."""
    notes = notes_of(vault)
    if count >= len(notes):
        return notes
    return sorted(random.Random(seed).sample(notes, count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=8)
    options = parser.parse_args()
    for path in sample(options.vault, options.count, options.seed):
        print(path)


if __name__ == "__main__":
    main()
