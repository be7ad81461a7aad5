"""Build pipeline values from in-memory vaults (dicts of path -> text) for table tests."""

from __future__ import annotations

from vaultc.extract.model import Answer, Question, QuestionForm, QuestionStatus
from vaultc.graph import ConceptGraph, build_graph
from vaultc.model import ParsedNote
from vaultc.names import VaultPath, is_note_path, slugify
from vaultc.parse import parse_note
from vaultc.resolve import ResolvedVault, resolve_vault


def resolve_files(files: dict[str, str]) -> ResolvedVault:
    """Parse every ``.md`` entry and resolve; other entries are attachments (content unused)."""
    notes = [parse_note(VaultPath(path), text) for path, text in sorted(files.items()) if is_note_path(path)]
    attachments = tuple(sorted(VaultPath(path) for path in files if not is_note_path(path)))
    return resolve_vault(notes, attachments)


def graph_of(files: dict[str, str]) -> ConceptGraph:
    return build_graph(resolve_files(files))


def asked(vault: ResolvedVault, path: str, text: str, status: QuestionStatus, answer: str = "") -> Question:
    """A hand-made question, as the extract stage reports one: the paragraph of note ``path`` reading
    ``text``, with the paragraph reading ``answer`` as its answer (a stub's placeholder; "" for none).
    Render tests use it to show statuses the extractor may not produce (open prompts) on notes whose
    reading does not depend on how the extractor evolves."""
    note = vault.notes[VaultPath(path)]
    opening = _paragraph(note, text)
    found = Answer(0, 0, (0, 0), "")
    if answer:
        start = _paragraph(note, answer)
        first, last = note.tokens[start].map
        found = Answer(first + 1, last, (start, start + 3), answer)  # paragraph_open, inline, paragraph_close
    line = note.tokens[opening].map[0] + 1
    return Question(
        note.path, text, text.casefold(), QuestionForm.LINE, line, 1, "q-" + slugify(text), opening, found, status,
        stub_reason=answer if status is QuestionStatus.STUB else "",
    )  # fmt: skip


def _paragraph(note: ParsedNote, text: str) -> int:
    """Index of the opening token of the note's top-level paragraph reading exactly ``text``."""
    for index, token in enumerate(note.tokens[:-1]):
        if token.type == "paragraph_open" and token.level == 0 and note.tokens[index + 1].content == text:
            return index
    raise AssertionError(f"{note.path} has no paragraph reading {text!r}")
