"""Question badges and permalinks on a note's own page.

Why: a reader (and every "open question" link from elsewhere) must land on the question and see at
once whether it has an answer. Each question the extract stage found gets ``id="<anchor>"`` on its
block (a heading already has it), and at the end of its line a status badge (the same markup as the
``status_badge`` macro of ``_macros.html``) with a ``#`` permalink.

Where the badge goes is read from the question, never re-guessed: ``question.token`` is the
block's opening token and ``question.line`` its line, so the badge lands in the inline token holding
that line, before the line break that ends it (outside any link). A block that already has another
id (``^block`` ids) or holds a second question gives the id to the badge's wrapper instead, so ids
stay unique. Nothing is mutated: the plan says which tokens to copy and what to insert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

from vaultc.extract.model import Question
from vaultc.render.context import STATUS_LABELS

"""As ``status_badge`` in ``_macros.html`` labels them."""


@dataclass(frozen=True)
class MarkPlan:
    """What a note's page adds for its questions, by index into the note's top-level tokens."""

    block_ids: dict[int, str]
    """Opening token -> the id it gets (the question's anchor)."""
    in_line: dict[int, list[tuple[int, Token]]]
    """Inline token -> (line within it, mark token) to insert at that line's end."""
    after: dict[int, list[Token]]
    """Opening token -> mark tokens right after it (a question with no text of its own: ``50)``)."""


def plan_marks(tokens: Sequence[Token], questions: Iterable[Question]) -> MarkPlan:
    """Where each question's id and badge go (questions in document order)."""
    plan = MarkPlan({}, defaultdict(list), defaultdict(list))
    for question in questions:
        opening = tokens[question.token]
        current_id = plan.block_ids.get(question.token, opening.attrGet("id"))
        if current_id is None:
            plan.block_ids[question.token] = current_id = question.anchor
        mark = question_mark(question.anchor, question.status.value, carries_id=current_id != question.anchor)
        place = _line_place(tokens, question)
        if place is None:
            plan.after[question.token].append(mark)
        else:
            plan.in_line[place[0]].append((place[1], mark))
    return plan


def _line_place(tokens: Sequence[Token], question: Question) -> tuple[int, int] | None:
    """(index of the inline token holding the question's line, the line's offset in it)."""
    wanted = question.line - 1
    for index in range(question.token, len(tokens)):
        token = tokens[index]
        if token.type != "inline" or not token.map:
            continue
        if token.map[0] > wanted:
            return None
        if wanted < token.map[1]:
            return index, wanted - token.map[0]
    return None


def question_mark(anchor: str, status: str, carries_id: bool) -> Token:
    return Token("question_mark", "span", 0, meta={"anchor": anchor, "status": status, "carries_id": carries_id})


def insert_marks(children: list[Token], marks: list[tuple[int, Token]]) -> list[Token]:
    """``children`` with each mark placed at the end of its line (after any link open there)."""
    ends = _line_ends(children)
    result: list[Token] = []
    by_position: dict[int, list[Token]] = defaultdict(list)
    for line, mark in marks:
        by_position[ends[line] if line < len(ends) else len(children)].append(mark)
    for position, child in enumerate(children):
        result.extend(by_position.pop(position, ()))
        result.append(child)
    result.extend(mark for position in sorted(by_position) for mark in by_position[position])
    return result


def _line_ends(children: list[Token]) -> list[int]:
    """For each line, the child position where its marks go: its line break, or the first position
    after it outside a link (a badge must not land inside ``<a>``)."""
    ends, depth, waiting = [], 0, 0
    for position, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            waiting += 1
        if waiting and depth == 0:
            ends.extend([position] * waiting)
            waiting = 0
        depth += {"link_open": 1, "wikilink_open": 1, "link_close": -1, "wikilink_close": -1}.get(child.type, 0)
    return ends


def render_question_mark(renderer, tokens: Sequence[Token], idx: int, options, env: dict) -> str:
    meta = tokens[idx].meta
    anchor, status = escapeHtml(meta["anchor"]), meta["status"]
    id_attribute = f' id="{anchor}"' if meta["carries_id"] else ""
    return (
        f' <span class="question-marks"{id_attribute}>'
        f'<span class="badge badge-{status}">{STATUS_LABELS[status]}</span> '
        f'<a class="question-permalink" href="#{anchor}" aria-label="Link to this question">#</a></span>'
    )
