"""Source positions for inline tokens, so diagnostics can say file:line:column.

markdown-it gives block tokens a line ``map`` but inline tokens none. Plugins that create inline
tokens worth reporting on record ``meta["offset"]`` (start within the inline token's content) and
``meta["raw"]`` (their markup); this core rule, run last, adds 1-based ``meta["line"]`` and
``meta["column"]`` measured against the original source line.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


def positions_plugin(md: MarkdownIt) -> None:
    """Register the core rule that places positioned inline tokens in the source."""
    md.core.ruler.push("vaultc_positions", _place_tokens)


def _place_tokens(state: StateCore) -> None:
    source_lines = state.src.split("\n")
    for block in state.tokens:
        if block.type != "inline" or not block.children or block.map is None:
            continue
        for child in block.children:
            if "offset" in child.meta:
                _place(child, block, source_lines)


def _place(token: Token, block: Token, source_lines: list[str]) -> None:
    offset = token.meta["offset"]
    line_index = block.map[0] + block.content.count("\n", 0, offset)
    line_index = min(line_index, len(source_lines) - 1)
    token.meta["line"] = line_index + 1
    token.meta["column"] = _column(source_lines[line_index], token.meta.get("raw", ""), block, offset)


def _column(source_line: str, raw: str, block: Token, offset: int) -> int:
    """1-based column: where the markup stands in the source line (quotes, list markers and
    indentation shift it from its offset in the inline content)."""
    for candidate in (raw, raw.replace("|", "\\|")):
        found = source_line.find(candidate) if candidate else -1
        if found >= 0:
            return found + 1
    line_start = block.content.rfind("\n", 0, offset) + 1
    return offset - line_start + 1
