"""Questions that are the whole content of a section, answered by the section(s) after them.

Interview vaults write ``# Question (EN)`` / ``> What is optimistic locking?`` / ``# Вопрос (RU)`` /
``> ...`` and further down ``## Answer (EN)`` / ``## Ответ (RU)``; design notes write ``### Problem``
/ "How do we time out a slow call?" / ``### Solution`` / "Use withTimeout."; others put a question
under the note's first heading and its answer under ``## tl;dr``. In all of them:

* a **question section** is a heading that does not ask, whose content (up to the next heading)
  is only blocks that ask (a quote or paragraph ending in "?"); under a heading the vault uses this
  way in several notes ("Question (EN)"), the first block that asks is the question even if other
  lines follow it (a "Source:" line, a comment);
* consecutive question sections are one **group** (the same question in several languages), and
  their headings are structure, not questions;
* the group's **answers** are the sections that follow at the next heading's level (each with its
  deeper sub-headings). When the headings carry tags ("(EN)", "(RU)") a question takes the section
  with its tag; otherwise the one written in its script; otherwise the one in its position. A
  section that holds only a list of questions ("Follow-ups") is not an answer: its questions are
  prompts (:mod:`.lists`);
* a question whose answer section is empty is unanswered; one with no answer section at all is sure
  only under a heading the vault uses for questions in several notes, else only possible.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

from vaultc.extract.answers import Piece, is_ignorable, is_spacer, read_blocks
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.model import Confidence, QuestionForm
from vaultc.extract.wording import Strength, ends_asking, has_question_mark, question_key, read_wording

_TAG = re.compile(r"[(\[]\s*([^()\[\]]{1,12}?)\s*[)\]]\s*$")


@dataclass(frozen=True)
class Section:
    """A heading (or the note's start, ``heading`` None) and its blocks up to the next heading."""

    heading: int | None
    """Index into the note's blocks of its heading."""
    level: int
    content: tuple[int, ...]
    """Indices of its own blocks (not those under deeper headings)."""


@dataclass(frozen=True)
class SectionQuestions:
    candidates: tuple[Candidate, ...]
    claimed: frozenset[int]
    """Indices of the blocks these questions and answers take (no other shape reads them)."""


def note_sections(blocks: Sequence[Block]) -> list[Section]:
    sections, heading, level, content = [], None, 0, []
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            sections.append(Section(heading, level, tuple(content)))
            heading, level, content = index, block.level, []
        else:
            content.append(index)
    sections.append(Section(heading, level, tuple(content)))
    return sections


def section_label(tokens: Sequence[Token], blocks: Sequence[Block], section: Section) -> str | None:
    """The key of the section's heading when the section holds only asking blocks (a question section)."""
    if section.heading is None or _heading_asks(blocks[section.heading]):
        return None
    shown = [index for index in section.content if not _skippable(tokens, blocks[index])]
    if shown and all(_asks(tokens, blocks[index]) for index in shown):
        return question_key(blocks[section.heading].text)
    return None


def section_questions(tokens: Sequence[Token], blocks: Sequence[Block], known: frozenset[str]) -> SectionQuestions:
    """Every question section of the note, grouped, with its answer sections."""
    sections = note_sections(blocks)
    candidates, claimed = [], set()
    position = 0
    while position < len(sections):
        group = _group(tokens, blocks, sections, position, known)
        if not group:
            position += 1
            continue
        answers = _answer_sections(tokens, blocks, sections, position + len(group), group)
        found, taken = _pair(tokens, blocks, group, answers, known)
        candidates += found
        claimed |= taken
        position += len(group)
    return SectionQuestions(tuple(candidates), frozenset(claimed))


def _group(tokens, blocks, sections: list[Section], start: int, known: frozenset[str]) -> list[tuple[Section, int]]:
    """The run of question sections starting at ``start``: (section, index of its question block)."""
    group = []
    for section in sections[start:]:
        question = _question_block(tokens, blocks, section, known)
        if question is None:
            break
        group.append((section, question))
    return group


def _question_block(tokens, blocks, section: Section, known: frozenset[str]) -> int | None:
    label = section_label(tokens, blocks, section)
    if label is not None:
        return next(index for index in section.content if not _skippable(tokens, blocks[index]))
    if section.heading is not None and question_key(blocks[section.heading].text) in known:
        return next((index for index in section.content if _asks(tokens, blocks[index])), None)
    return None


def _answer_sections(tokens, blocks, sections: list[Section], start: int, group) -> list[tuple[Section, list[int]]]:
    """The sections after the group at the next heading's level, each with the blocks under it."""
    if start >= len(sections):
        return []
    level, floor = sections[start].level, min(section.level for section, _ in group)
    found: list[tuple[Section, list[int]]] = []
    for section in sections[start:]:
        if section.level < floor or _question_block(tokens, blocks, section, frozenset()) is not None:
            break
        if section.level <= level:
            found.append((section, [section.heading, *section.content]))
        elif found:
            found[-1][1].extend([section.heading, *section.content])
    return [(section, indices) for section, indices in found if not _only_questions_list(tokens, blocks, section)]


def _pair(tokens, blocks, group, answers, known: frozenset[str]) -> tuple[list[Candidate], set[int]]:
    chosen = _choose(blocks, group, answers)
    candidates, claimed = [], set()
    for (section, question), answer in zip(group, chosen, strict=True):
        claimed |= {section.heading, *section.content}
        pieces: tuple[Piece, ...] = ()
        if answer is not None:
            claimed |= set(answer[1])
            pieces = _pieces(tokens, blocks, answer[1][1:])
        sure = answer is not None or question_key(blocks[section.heading].text) in known
        candidates.append(_candidate(tokens, blocks[question], pieces, sure))
    return candidates, claimed


def _choose(blocks, group, answers) -> list[tuple[Section, list[int]] | None]:
    """Each question's answer section: by tag, else by script, else by position."""
    tags = [_tag(blocks[section.heading].text) for section, _ in group]
    by_tag = {_tag(blocks[section.heading].text): (section, indices) for section, indices in answers}
    if all(tags) and len(set(tags)) == len(tags) and set(tags) & set(by_tag):
        return [by_tag.get(tag) for tag in tags]
    scripts = [_script(blocks[question].text) for _, question in group]
    by_script = {_script(_first_text(blocks, indices)): (section, indices) for section, indices in answers}
    if len(set(scripts)) == len(scripts) > 1 and set(scripts) <= set(by_script):
        return [by_script[script] for script in scripts]
    return [answers[position] if position < len(answers) else None for position in range(len(group))]


def _candidate(tokens: Sequence[Token], block: Block, pieces: tuple[Piece, ...], sure: bool) -> Candidate:
    text = " ".join(
        " ".join(line_texts(token)).strip() for token in tokens[block.start : block.end] if token.type == "inline"
    )
    wording = read_wording(" ".join(text.split()), QuestionForm.SECTION)
    confidence = Confidence.SURE if sure else Confidence.POSSIBLE
    return Candidate(
        QuestionForm.SECTION,
        wording,
        block.first_line,
        block.start,
        block.span,
        pieces,
        self_contained=True,
        confidence=confidence,
    )


def _pieces(tokens: Sequence[Token], blocks: Sequence[Block], indices: list[int]) -> tuple[Piece, ...]:
    pieces = (read_blocks(tokens, blocks[index].start, blocks[index].end) for index in indices)
    return tuple(piece for piece in pieces if piece is not None)


def _heading_asks(block: Block) -> bool:
    return read_wording(block.text, QuestionForm.HEADING).strength is Strength.STRONG


def _asks(tokens: Sequence[Token], block: Block) -> bool:
    """A quote or paragraph whose last line ends in "?" (its whole text is the question)."""
    if block.kind not in ("quote", "paragraph"):
        return False
    lines = [
        line.strip()
        for token in tokens[block.start : block.end]
        if token.type == "inline"
        for line in line_texts(token)
        if line.strip()
    ]
    return bool(lines) and ends_asking(lines[-1])


def _skippable(tokens: Sequence[Token], block: Block) -> bool:
    return block.kind == "hr" or is_spacer(tokens[block.start]) or is_ignorable(tokens[block.start])


def _only_questions_list(tokens, blocks, section: Section) -> bool:
    """A section holding only a list whose items mostly ask ("Follow-ups")."""
    shown = [blocks[index] for index in section.content if not _skippable(tokens, blocks[index])]
    if not shown or any(block.kind != "list" for block in shown):
        return False
    items = [
        line_texts(token)[0] for block in shown for token in tokens[block.start : block.end] if token.type == "inline"
    ]
    return bool(items) and 2 * sum(has_question_mark(item) for item in items) >= len(items)


def _tag(heading: str) -> str:
    match = _TAG.search(heading)
    return match.group(1).casefold() if match else ""


def _script(text: str) -> str:
    """The writing system most of the text's letters belong to (LATIN, CYRILLIC, CJK...)."""
    scripts = Counter(unicodedata.name(char, "UNKNOWN").split()[0] for char in text if char.isalpha())
    return scripts.most_common(1)[0][0] if scripts else ""


def _first_text(blocks: Sequence[Block], indices: list[int]) -> str:
    return " ".join(blocks[index].text for index in indices[1:] if blocks[index].text)


def section_labels(tokens: Sequence[Token], blocks: Sequence[Block]) -> set[str]:
    """Keys of the headings over this note's question sections (vault evidence: labels in use)."""
    return {label for section in note_sections(blocks) if (label := section_label(tokens, blocks, section))}
