"""The per-site lookups every note page needs, built once per build: questions by note and the
terms that may be linked.

Why this module exists apart from :mod:`vaultc.render.notes.annotate`, which reads it: the site context
keeps the index (``SiteContext.note_index``), and annotating a page needs the context, so the index
is built from the knowledge and the site plan alone and the two modules never import each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from vaultc.extract.model import Knowledge, Question
from vaultc.names import VaultPath
from vaultc.render.notes.term_links import TermIndex, term_index
from vaultc.render.sitemap import SiteMap


@dataclass(frozen=True)
class NotePageIndex:
    """Per-site lookups every note page needs."""

    questions: Mapping[VaultPath, tuple[Question, ...]]
    terms: TermIndex


def build_page_index(knowledge: Knowledge, sitemap: SiteMap) -> NotePageIndex:
    by_note: dict[VaultPath, list[Question]] = defaultdict(list)
    for question in knowledge.questions:
        by_note[question.note].append(question)
    questions = {note: tuple(found) for note, found in by_note.items()}
    return NotePageIndex(questions, term_index(knowledge, sitemap.concepts))
