"""One finding per unknown LaTeX command, not one per formula that uses it.

Why a module of its own: a vault that writes its formulas with its own macros (a preamble loaded by
an Obsidian plugin, ``\\R`` for the reals, ``\\l`` for ``\\left``) has thousands of formulas vaultc
cannot convert, all for the same few reasons. Reported one by one they drown every other finding
(7,500 in one real vault of 848 notes); a careful reader wants to hear once that ``\\R`` is not a
LaTeX command and where it is used. Other math errors stay one per formula: each is its own mistake.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from vaultc.diagnostics import Diagnostic
from vaultc.parse import MATH_ERROR_MESSAGE

_UNKNOWN = re.compile(re.escape(MATH_ERROR_MESSAGE.split("{reason}")[0]) + r"unknown command (?P<command>\\\S+?)\)")


def collapse_unknown_commands(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings, with the ``math-error`` findings of each unknown command made one."""
    kept: list[Diagnostic] = []
    by_command: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in found:
        match = _UNKNOWN.match(diagnostic.message) if diagnostic.rule == "math-error" else None
        if match is None:
            kept.append(diagnostic)
        else:
            by_command[match["command"]].append(diagnostic)
    kept.extend(_one_for(command, uses) for command, uses in by_command.items())
    return kept


def _one_for(command: str, uses: list[Diagnostic]) -> Diagnostic:
    first = min(uses)
    if len(uses) == 1:
        return first
    notes = len({use.path for use in uses})
    message = (
        f"unknown LaTeX command {command} in {len(uses)} formulas in {notes} {'note' if notes == 1 else 'notes'} "
        "(first here); they are shown as source. A preamble or plugin that defines it is not read by vaultc"
    )
    return replace(first, message=message, subject=command)
