"""What a note, and the vault around it, show about how their author writes questions.

Why a module of its own: the same shape means different things in different notes. A heading that
ends in "?" is an interview question in a note of question headings and a section title in plugin
documentation; "What is the argmax function" asks when its siblings ask, and "How Priority is
Computed" does not when they are titles. So each shape is decided from evidence in the note itself
(its habits), never from a list of one language's words. This module gathers that evidence once:

* **question levels**: a heading level asks in this note when at least half of its headings end in
  "?" (or carry a ``Q1)`` prefix); a level other than the one that asks most must ask at least
  twice (a title inside an answer may ask once). Only there do headings without "?" ask, and only "?" headings there are
  sure questions;
* **openers**: the first words of the vault's own "?" questions, each used at least twice ("what",
  "warum", "как"): a heading without "?" at a question level asks when it starts with one, or when it
  is a whole sentence (ends in "." or "!"), as an instruction is ("List the marker interfaces.");
* **paragraph habit**: the note writes questions as lines (plain or bold) followed by their answers,
  at least twice. Only then is a "?" line with nothing after it a sure unanswered question; in prose,
  a lone "?" line is at most a possible question (rhetorical, a chat-style offer);
* **numbered habit**: at least half of the note's ``17)`` slots with words ask, so topic slots are
  questions too ("5) Linear Regression") and ``1) [ ] call Bob`` in a note of tasks is not;
* **spacers**: a ``<br>`` spacer stands right before a question somewhere (a ``---`` or headings
  between aside), so the note says itself where its answers end (a ``---`` always does);
* **cards**: the note carries a flashcard tag (as the spaced-repetition plugin requires).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from markdown_it.token import Token

from vaultc.extract.answers import MAX_ANSWER_GAP, is_ignorable, is_spacer
from vaultc.extract.blocks import Block, blank_between, note_blocks
from vaultc.extract.model import QuestionForm
from vaultc.extract.shapes.sections import section_labels
from vaultc.extract.wording import (
    Strength,
    ends_asking,
    first_word,
    has_question_mark,
    numbered_prefix,
    read_wording,
)
from vaultc.model import ParsedNote

MIN_HABIT = 2
"""A habit is something done at least twice: one occurrence is a coincidence."""

DEFAULT_CARD_TAGS = ("flashcards",)
_NUMBERED_HEADING = re.compile(r"^\s*\d+(?:\.\d+)*[.)]\s+\S")


@dataclass(frozen=True)
class NoteSurvey:
    """The facts one note gives, gathered in one pass over its blocks (before any decision)."""

    blocks: tuple[Block, ...]
    asking_headings: tuple[tuple[int, int, str], ...]
    """(level, 1 if it ends in "?" or has a ``Q1)`` prefix else 0, its text) for each heading."""
    openers: tuple[str, ...]
    """First words of the note's "?" questions (headings and paragraph lines), with repeats."""
    paragraph_pairs: int
    """Paragraph-level questions followed directly by something that answers them."""
    numbered: tuple[int, int]
    """(asking, all) ``17)`` slots."""
    spacers: bool
    """A ``<br>`` spacer stands right before an asking block somewhere."""
    tags: tuple[str, ...]
    section_labels: frozenset[str]
    """Keys of the headings over question sections (``# Question (EN)`` over ``> What is ...?``)."""
    topic_levels: frozenset[int] = frozenset()


@dataclass(frozen=True)
class VaultEvidence:
    """Habits of the vault as a whole."""

    openers: frozenset[str] = frozenset()
    section_labels: frozenset[str] = frozenset()
    """Question-section headings used in at least :data:`MIN_HABIT` notes: the vault's template."""
    card_tags: tuple[str, ...] = DEFAULT_CARD_TAGS


@dataclass(frozen=True)
class NoteEvidence:
    """The evidence one note's shapes are decided on."""

    openers: frozenset[str]
    question_levels: frozenset[int]
    paragraph_habit: bool
    numbered_habit: bool
    spacers: bool
    cards: bool
    known_sections: frozenset[str] = frozenset()
    heading_openings: Mapping[int, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    """Per level, the first two words (case-folded) of the headings that ask there."""
    numbered_headings_ask: bool = False
    """At least two of the note's numbered headings ("## 3. ...") ask."""
    topic_levels: frozenset[int] = frozenset()
    """Levels of headings the note puts right above a question heading ("## Implication" over "###
    Why ...?"): topics, so they end the answer of the question before them."""


def survey_note(note: ParsedNote) -> NoteSurvey:
    """Gather one note's facts."""
    blocks = note_blocks(note.tokens)
    headings = tuple(
        (block.level, int(_asks(block.text, QuestionForm.HEADING)), block.text)
        for block in blocks
        if block.kind == "heading"
    )
    return NoteSurvey(
        blocks=blocks,
        asking_headings=headings,
        openers=tuple(_openers(blocks)),
        paragraph_pairs=_paragraph_pairs(note.tokens, blocks),
        numbered=_numbered(note.tokens, blocks),
        spacers=_spacers_in_use(note.tokens, blocks),
        tags=note.tags,
        section_labels=frozenset(section_labels(note.tokens, blocks)),
        topic_levels=frozenset(_topic_levels(blocks)),
    )


def vault_evidence(surveys: Iterable[NoteSurvey], card_tags: Sequence[str] = DEFAULT_CARD_TAGS) -> VaultEvidence:
    """Openers and question-section headings the vault uses at least :data:`MIN_HABIT` times."""
    openers, labels = Counter(), Counter()
    for survey in surveys:
        openers.update(survey.openers)
        labels.update(survey.section_labels)
    return VaultEvidence(_habits(openers), _habits(labels), tuple(card_tags))


def _habits(counts: Counter) -> frozenset[str]:
    return frozenset(item for item, count in counts.items() if count >= MIN_HABIT)


def note_evidence(survey: NoteSurvey, vault: VaultEvidence) -> NoteEvidence:
    asking, total = Counter(), Counter()
    openings: dict[int, set[str]] = {}
    for level, asks, text in survey.asking_headings:
        asking[level] += asks
        total[level] += 1
        if asks and has_question_mark(text) and len(text.split()) > 2:
            openings.setdefault(level, set()).add(" ".join(text.casefold().split()[:2]))
    numbered_asking = sum(1 for _, asks, text in survey.asking_headings if asks and numbered_heading(text))
    levels = frozenset(_question_levels(asking, total))
    slots_asking, slots = survey.numbered
    return NoteEvidence(
        openers=vault.openers,
        question_levels=levels,
        paragraph_habit=survey.paragraph_pairs >= MIN_HABIT,
        numbered_habit=slots > 0 and 2 * slots_asking >= slots,
        spacers=survey.spacers,
        cards=_has_card_tag(survey.tags, vault.card_tags),
        known_sections=vault.section_labels,
        heading_openings=MappingProxyType({level: frozenset(found) for level, found in openings.items()}),
        numbered_headings_ask=numbered_asking >= MIN_HABIT,
        topic_levels=survey.topic_levels,
    )


def _topic_levels(blocks: Sequence[Block]) -> Iterable[int]:
    """Levels of headings followed at once by a deeper heading that asks."""
    for block, following in zip(blocks, blocks[1:], strict=False):
        if (
            block.kind == following.kind == "heading"
            and following.level > block.level
            and _asks(following.text, QuestionForm.HEADING)
        ):
            yield block.level


def _question_levels(asking: Counter, total: Counter) -> Iterable[int]:
    """Levels where at least half the headings ask. The level that asks most is the note's; another
    level must ask at least twice itself, since titles inside answers may ask once ("### Why does it
    matter?" among "### Example" in the answer to "##### What is dropout?")."""
    main = min((level for level in total if asking[level]), key=lambda level: (-asking[level], level), default=None)
    for level in total:
        enough = 1 if level == main else MIN_HABIT
        if asking[level] >= enough and 2 * asking[level] >= total[level]:
            yield level


def numbered_heading(text: str) -> bool:
    """ "4. 用户级线程和内核级线程的区别": a heading numbered like an item of a list."""
    return _NUMBERED_HEADING.match(text) is not None


def _asks(text: str, form: QuestionForm) -> bool:
    return read_wording(text, form).strength is Strength.STRONG


def _openers(blocks: Sequence[Block]) -> Iterable[str]:
    for block in blocks:
        form = QuestionForm.HEADING if block.kind == "heading" else QuestionForm.LINE
        if block.kind in ("heading", "paragraph") and ends_asking(block.text) and _asks(block.text, form):
            word = first_word(read_wording(block.text, form).texts[0])
            if word:
                yield word


def _paragraph_pairs(tokens: Sequence[Token], blocks: Sequence[Block]) -> int:
    """Paragraphs whose first line asks and which go on, or are followed closely, by a non-asking block."""
    pairs = 0
    for position, block in enumerate(blocks):
        if block.kind != "paragraph" or not _asks(block.text, QuestionForm.LINE):
            continue
        if "\n" in tokens[block.start + 1].content.strip():
            pairs += 1
            continue
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if following is not None and _answers(following, block):
            pairs += 1
    return pairs


def _answers(following: Block, question: Block) -> bool:
    if following.kind in ("heading", "hr", "html") or blank_between(question, following) > MAX_ANSWER_GAP:
        return False
    return not (following.kind == "paragraph" and _asks(following.text, QuestionForm.LINE))


def _numbered(tokens: Sequence[Token], blocks: Sequence[Block]) -> tuple[int, int]:
    """(asking, all) ``17)`` slots: items of ``)`` lists and paragraphs starting ``7, 8)``."""
    asking = total = 0
    for block in blocks:
        for text in _slot_texts(tokens, block):
            wording = read_wording(text, QuestionForm.NUMBERED)
            total += any(wording.texts)  # an empty slot ("19) -") neither asks nor does not
            asking += wording.strength is Strength.STRONG
    return asking, total


def _slot_texts(tokens: Sequence[Token], block: Block) -> Iterable[str]:
    if block.kind == "paragraph" and numbered_prefix(block.text):
        yield block.text
    elif block.kind == "list" and tokens[block.start].type == "ordered_list_open" and tokens[block.start].markup == ")":
        item_level = tokens[block.start].level + 1
        for position in range(block.start + 1, block.end - 1):
            token = tokens[position]
            if token.type == "list_item_open" and token.level == item_level:
                inline = tokens[position + 2] if tokens[position + 1].type == "paragraph_open" else None
                yield inline.content.split("\n")[0] if inline is not None else ""


def _spacers_in_use(tokens: Sequence[Token], blocks: Sequence[Block]) -> bool:
    """A spacer stands right before an asking block (headings, breaks and comments between)."""
    pending = False
    for block in blocks:
        first = tokens[block.start]
        if is_spacer(first):
            pending = True
        elif _asking_block(tokens, block):
            if pending:
                return True
        elif not (is_ignorable(first) or block.kind in ("heading", "hr")):
            pending = False
    return False


def _asking_block(tokens: Sequence[Token], block: Block) -> bool:
    if block.kind == "heading":
        return _asks(block.text, QuestionForm.HEADING)
    if block.kind == "paragraph":
        return _asks(block.text, QuestionForm.LINE) or bool(numbered_prefix(block.text))
    return block.kind == "list" and tokens[block.start].markup == ")"


def _has_card_tag(tags: Sequence[str], card_tags: Sequence[str]) -> bool:
    wanted = tuple(tag.casefold().lstrip("#") for tag in card_tags)
    return any(tag.casefold() == card or tag.casefold().startswith(card + "/") for tag in tags for card in wanted)
