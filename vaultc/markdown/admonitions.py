"""Admonition-plugin blocks: ```` ```ad-note ```` fences whose content Obsidian renders as a callout.

Why this module exists: the Admonition community plugin (older than callouts, still in many vaults)
writes a callout as a fenced code block whose info string is ``ad-<type>``. To CommonMark that is
code, so its definitions, formulas, links and embeds would be shown as source and never seen by the
rest of vaultc. This core rule turns each such fence into the callout tokens
:mod:`vaultc.markdown.callouts` makes, its content parsed as Markdown (block rules now, inline rules
in the "inline" core rule that follows), with every line number kept as in the note.

Syntax, following the plugin: the first lines of the content may set ``title:`` (Markdown; empty for
no title), ``collapse:`` (``open``, ``closed``/``true``, ``none``), ``icon:`` and ``color:``; the rest
is the body. Without a title the callout is titled with its type, capitalised. Fences nest (a longer
fence around ```` ```ad-tip ````), and an admonition may hold callouts.

Tokens: those of a callout (``callout_open`` with ``meta["admonition"] = True``).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from vaultc.markdown.callouts import callout_tokens

_PREFIX = "ad-"
_PARAMETERS = ("title", "collapse", "icon", "color")
_FOLDS = {"open": "+", "closed": "-", "true": "-", "none": None, "false": None}


def admonitions_plugin(md: MarkdownIt) -> None:
    """Register the core rule, before callouts are made (an admonition may hold callouts)."""
    md.core.ruler.before("callouts", "admonitions", convert_admonitions)


def convert_admonitions(state: StateCore) -> None:
    state.tokens = _converted(state, state.tokens)


def _converted(state: StateCore, tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    for token in tokens:
        if token.type == "fence" and token.info.strip().lower().startswith(_PREFIX) and token.map:
            result.extend(_admonition(state, token))
        else:
            result.append(token)
    return result


def _admonition(state: StateCore, fence: Token) -> list[Token]:
    written_type = (
        fence.info.strip()[len(_PREFIX) :].split()[0].lower() if fence.info.strip()[len(_PREFIX) :] else "note"
    )
    lines = fence.content.split("\n")
    parameters, skipped = _parameters(lines)
    body = "\n".join(lines[skipped:])
    inner: list[Token] = []
    state.md.block.parse(body, state.md, state.env, inner)
    offset = fence.map[0] + 1 + skipped
    for token in inner:
        token.level += fence.level + 1
        if token.map:
            token.map = [token.map[0] + offset, token.map[1] + offset]
    title = parameters.get("title", written_type.capitalize())
    fold = _FOLDS.get(parameters.get("collapse", "none").lower())
    opening, title_tokens, closing = callout_tokens(written_type, fold, title, fence.map, fence.level)
    opening.meta["admonition"] = True
    return [opening, *title_tokens, *_converted(state, inner), closing]


def _parameters(lines: list[str]) -> tuple[dict[str, str], int]:
    """The ``name: value`` lines the content starts with, and how many lines they take."""
    found: dict[str, str] = {}
    for index, line in enumerate(lines):
        name, colon, value = line.partition(":")
        if not colon or name.strip().lower() not in _PARAMETERS:
            return found, index
        found[name.strip().lower()] = value.strip()
    return found, len(lines)
