"""The last run, remembered: when nothing a run depends on has changed, its result is the last one.

Why this module exists: the commonest build is one where nothing changed (a CI re-run, ``make``, a
second ``vaultc build`` to check), and the commonest lint is one after a small edit. A run's key
names every input: vaultc's code, the command's options, ``vaultc.yaml``'s text, every note's path
and text, every attachment's path, size and modification time, and for a build the theme's files.
A build's record also stamps the output folder as written (each file's path, size, modification
time), so a site edited or deleted since is rebuilt. A record that does not match in every part is
not used; the run happens and replaces it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from vaultc.analysis import Inputs
from vaultc.cache.keys import key_of
from vaultc.diagnostics import Diagnostic, Severity
from vaultc.parse import ParseOptions
from vaultc.parse_vault import note_key
from vaultc.theme import Theme


@dataclass(frozen=True)
class RunRecord:
    """What a run found, under the key of its inputs."""

    key: str
    diagnostics: tuple[Diagnostic, ...]
    counts: Mapping[str, int] = field(default_factory=dict)
    """Numbers the run reports besides its findings (notes, pages, questions...)."""
    output: str = ""
    """The output folder's stamp after the write (builds only)."""
    pages: Mapping[str, str] = field(default_factory=dict)
    """Site path -> key of every page written with one (builds only): what the next build may keep."""


def inputs_key(kind: str, inputs: Inputs, settings: Iterable[str], theme: Theme | None = None) -> str:
    """The key of a run of ``kind`` over ``inputs`` with the command's ``settings`` (those that
    change its result) and, for builds, ``theme``."""
    digest = hashlib.sha256(key_of("run", kind, *settings, inputs.config.source).encode())
    options = ParseOptions(inputs.config.flashcards.separators, inputs.config.strict_line_breaks)
    for note in inputs.loaded.notes:
        digest.update(note_key(note, options).encode())
    for path, size, modified in inputs.loaded.stamps:
        digest.update(f"\0{path}\0{size}\0{modified}".encode("utf-8", "surrogatepass"))
    for problem in inputs.loaded.diagnostics:  # unreadable files and links leave no other trace
        digest.update(repr(problem).encode("utf-8", "surrogatepass"))
    if theme is not None:
        for name, text in sorted(theme.templates.items()):
            digest.update(f"\0t{name}\0{text}".encode("utf-8", "surrogatepass"))
        for name, data in sorted(theme.static.items()):
            digest.update(f"\0s{name}\0".encode("utf-8", "surrogatepass") + data)
    return digest.hexdigest()


def encode_record(record: RunRecord) -> bytes:
    rows = [[d.path, d.line, d.column, d.rule, d.message, int(d.severity), d.subject] for d in record.diagnostics]
    return json.dumps(
        {"key": record.key, "output": record.output, "counts": dict(record.counts), "diagnostics": rows,
         "pages": dict(record.pages)},
        ensure_ascii=False, sort_keys=True,
    ).encode("utf-8", "surrogatepass")  # fmt: skip


def decode_record(payload: bytes | None) -> RunRecord | None:
    """The record ``payload`` holds, or ``None`` for anything else."""
    if payload is None:
        return None
    try:
        data = json.loads(payload.decode("utf-8", "surrogatepass"))
        found = tuple(
            Diagnostic(path, line, column, rule, message, Severity(severity), subject)
            for path, line, column, rule, message, severity, subject in data["diagnostics"]
        )
        counts = {str(name): int(value) for name, value in data["counts"].items()}
        pages = {str(path): str(key) for path, key in data.get("pages", {}).items()}
        return RunRecord(str(data["key"]), found, counts, str(data["output"]), pages)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
