"""Build pipeline values from in-memory vaults (dicts of path -> text) for table tests."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from vaultc.extract.model import Knowledge, QuestionStatus
from vaultc.graph import ConceptGraph, build_graph
from vaultc.names import VaultPath, is_note_path
from vaultc.parse import parse_note
from vaultc.resolve import ResolvedVault, resolve_vault


def resolve_files(files: dict[str, str]) -> ResolvedVault:
    """Parse every ``.md`` entry and resolve; other entries are attachments (content unused)."""
    notes = [parse_note(VaultPath(path), text) for path, text in sorted(files.items()) if is_note_path(path)]
    attachments = tuple(sorted(VaultPath(path) for path in files if not is_note_path(path)))
    return resolve_vault(notes, attachments)


def graph_of(files: dict[str, str]) -> ConceptGraph:
    return build_graph(resolve_files(files))


def with_prompts(knowledge: Knowledge, texts: Collection[str]) -> Knowledge:
    """``knowledge`` with the questions whose text is in ``texts`` made open prompts (status PROMPT,
    no stub reason), as the extractor is to report follow-up and exam lists; it does not yet."""
    missing = set(texts) - {question.text for question in knowledge.questions}
    assert not missing, f"no such question in the vault: {sorted(missing)}"
    questions = tuple(
        replace(question, status=QuestionStatus.PROMPT, stub_reason="") if question.text in texts else question
        for question in knowledge.questions
    )
    return replace(knowledge, questions=questions)
