"""Terms written in bold where they are defined: "**Overfitting** is ...", "A **group** is a set
...", and bold terms anywhere in a definition block ("A group is said to be **cyclic** if ...").

Why a module of its own: bold is also emphasis ("this is **very** important", "Transformers **map**
over content"), so a bold phrase is a term only where it opens a paragraph (at most one short word
before it, an article in most languages) or stands in a callout that does not ask (a definition
block), reads as a term, and is followed by words that define it. Such a term still needs the vault
to use it elsewhere (:attr:`vaultc.extract.model.Term.needs_use`).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from vaultc.extract.term_lines import MAX_TERM_WORDS, reads_as_term

ARTICLE_LENGTH = 3
"""A bold term may follow one short word ("A **group** is ...", "Le **noyau** ..."), nothing longer."""
_BREAKS = ("softbreak", "hardbreak")


def bold_opening(inline: Token) -> list[str]:
    """The bold term opening a paragraph, if it reads as a term and words follow it."""
    children = inline.children or []
    words_before = 0
    for position, child in enumerate(children):
        if child.type == "strong_open":
            bold, after = _bold_text(children, position), _text_after(children, position)
            defines = bold and reads_as_term(bold, MAX_TERM_WORDS) and len(after.split()) >= 3
            return [bold] if defines and not after.startswith(":") else []
        if child.type in _BREAKS or child.type not in ("text", "strong_open"):
            return []
        before = child.content.split()
        words_before += len(before)
        if words_before > 1 or any(len(word) > ARTICLE_LENGTH for word in before):
            return []  # "Transformers **map** over content": the bold word is not what is defined
    return []


def bold_terms(inline: Token) -> list[str]:
    """Every bold term of a definition block's paragraph that leaves words around it to define it."""
    children = inline.children or []
    words = sum(len(child.content.split()) for child in children if child.type == "text")
    found = []
    for position, child in enumerate(children):
        if child.type == "strong_open":
            bold = _bold_text(children, position)
            if bold and reads_as_term(bold, MAX_TERM_WORDS) and words > len(bold.split()) + 2:
                found.append(bold)
    return found


def _bold_text(children: Sequence[Token], opening: int) -> str:
    parts = []
    for child in children[opening + 1 :]:
        if child.type == "strong_close":
            return "".join(parts).strip()
        if child.type not in ("text", "code_inline"):
            return ""
        parts.append(child.content)
    return ""


def _text_after(children: Sequence[Token], opening: int) -> str:
    depth, parts = 0, []
    for child in children[opening:]:
        depth += {"strong_open": 1, "strong_close": -1}.get(child.type, 0)
        if child.type in _BREAKS:
            break
        if depth == 0 and child.type in ("text", "code_inline", "math_inline"):
            parts.append(child.content)
    return "".join(parts).strip()
