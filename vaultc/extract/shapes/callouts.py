"""Questions written as callouts: ``[!question]``, ``[!faq]`` and ``[!help]``.

* Titled (``> [!question]- What is a VLAN?``): the title is the question and the body its answer
  (a nested ``> > [!check]-`` callout, an ``A:`` line, prose); a titled callout with nothing in it
  is unanswered, unless its title does not ask, when it only shows the syntax (documentation).
* Untitled (``> [!Question]`` then the question as the body's first line): the rest of the body is
  the answer; when the body holds only the question, its answer is what follows the callout (the
  walk collects it, up to the next question or heading).
* Multiple choice: when the answer part is only options (``- [ ] 10.1.0.0/16`` task items, or
  ``a)``/``b)`` lines) the question is answered only if an option is marked (checked, bold,
  highlighted or ticked); otherwise nobody has chosen yet, and it is unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.extract.answers import Piece, read_blocks, read_lines
from vaultc.extract.blocks import Block, line_texts
from vaultc.extract.candidates import Candidate
from vaultc.extract.evidence import NoteEvidence
from vaultc.extract.model import QuestionForm
from vaultc.extract.wording import read_wording

_OPTION = re.compile(r"^\s*\(?[A-Za-z0-9]\s*[).]\s+\S")
_TICKS = frozenset("✅✔☑✓")
_MARKS = frozenset({"strong_open", "mark_open"})


def is_question_callout(tokens: Sequence[Token], block: Block) -> bool:
    return block.kind == "callout" and tokens[block.start].meta.get("type") == "question"


def callout_question(tokens: Sequence[Token], block: Block, evidence: NoteEvidence) -> Candidate | None:
    """Title = question and body = answer; an untitled callout asks its body's first line."""
    opening = tokens[block.start]
    title = line_texts(tokens[block.start + 2])[0]
    body_start = block.start + 4  # callout_open, title_open, inline, title_close
    untitled = title == opening.meta.get("written_type", "").capitalize()
    if untitled and tokens[body_start].type == "paragraph_open":
        return _untitled(tokens, block, body_start, evidence)
    wording = read_wording("" if untitled else title, QuestionForm.CALLOUT, evidence.openers)
    body = _chosen(tokens, body_start, block.end - 1)
    if wording.strength is None and not body and not _has_content(tokens, body_start, block.end - 1):
        return None  # a [!question] callout titled with a statement and nothing in it shows the syntax
    return Candidate(
        QuestionForm.CALLOUT, wording, block.first_line, block.start, block.span, body, self_contained=True
    )


def _untitled(tokens: Sequence[Token], block: Block, body_start: int, evidence: NoteEvidence) -> Candidate | None:
    wording = read_wording(line_texts(tokens[body_start + 1])[0], QuestionForm.CALLOUT, evidence.openers)
    rest_lines = read_lines(tokens, body_start, 1)
    rest_blocks = read_blocks(tokens, body_start + 3, block.end - 1)
    if wording.strength is None and rest_lines is None and rest_blocks is None:
        return None  # '> [!question]' over one statement line shows the syntax, it asks nothing
    answer = _chosen_pieces(tokens, body_start, block.end - 1, (rest_lines, rest_blocks))
    has_rest = rest_lines is not None or rest_blocks is not None
    return Candidate(
        QuestionForm.CALLOUT, wording, block.first_line + 1, block.start, block.span, answer, self_contained=has_rest
    )


def _chosen(tokens: Sequence[Token], start: int, end: int) -> tuple[Piece, ...]:
    return _chosen_pieces(tokens, start, end, (read_blocks(tokens, start, end),))


def _chosen_pieces(
    tokens: Sequence[Token], start: int, end: int, pieces: tuple[Piece | None, ...]
) -> tuple[Piece, ...]:
    """The answer pieces, or none when the answer is only options and none is marked."""
    present = tuple(piece for piece in pieces if piece is not None)
    lines = [line for piece in present for line in piece.lines]
    if _only_options(tokens, start, end, lines):
        return present if _an_option_is_marked(tokens, start, end) else ()
    return present


def _only_options(tokens: Sequence[Token], start: int, end: int, lines: list[str]) -> bool:
    """Two or more options and nothing else: task items, or ``a)``/``b)`` lines."""
    items = [token for token in tokens[start:end] if token.type == "list_item_open"]
    tasks = [item for item in items if "task-list-item" in str(item.attrGet("class") or "")]
    if len(tasks) >= 2 and len(tasks) == len(items) and len(lines) <= len(tasks) + 1:
        return True
    options = [line for line in lines if _OPTION.match(line)]
    return len(options) >= 2 and len(options) == len(lines)


def _an_option_is_marked(tokens: Sequence[Token], start: int, end: int) -> bool:
    for token in tokens[start:end]:
        if token.type != "inline":
            continue
        if 'checked="checked"' in "".join(
            child.content for child in token.children or () if child.type == "html_inline"
        ):
            return True
        if any(child.type in _MARKS for child in token.children or ()) or _TICKS & set(token.content):
            return True
    return False


def _has_content(tokens: Sequence[Token], start: int, end: int) -> bool:
    return read_blocks(tokens, start, end) is not None
