"""A parsed note as bytes and back: what the build cache stores and what parse workers send home.

Why this module exists: a parsed note is hundreds of markdown-it tokens, and pickle spends as long
rebuilding them as parsing the note again (1,000 notes: 4.0 s to unpickle, 5.7 s to parse). Tokens
are therefore written as nested tuples of plain values with ``marshal`` and rebuilt slot by slot
(0.3 s for the same notes); the rest of the note (headings, links, front matter: small frozen
dataclasses) is pickled. An entry starts with a magic line and the SHA-256 of its payload, so a torn
write or a foreign file decodes to ``None`` (a miss), never to a wrong note.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import pickle
import zlib

from markdown_it.token import Token

from vaultc.model import ParsedNote

MAGIC = b"vaultc parsed note 1\n"
_DIGEST = 32

TokenRow = tuple
"""(type, tag, nesting, attrs, map, level, children, content, markup, info, meta, block, hidden),
``attrs`` and ``meta`` ``None`` when empty, ``children`` rows or ``None``."""


def encode_note(note: ParsedNote) -> bytes:
    """The note as one self-checking entry."""
    rows = marshal.dumps(_rows(note.tokens))
    payload = zlib.compress(pickle.dumps((dataclasses.replace(note, tokens=()), rows), protocol=5), 1)
    return MAGIC + hashlib.sha256(payload).digest() + payload


def decode_note(entry: bytes) -> ParsedNote | None:
    """The note an entry holds, or ``None`` for anything not written whole by :func:`encode_note`."""
    if not entry.startswith(MAGIC):
        return None
    digest, payload = entry[len(MAGIC) : len(MAGIC) + _DIGEST], entry[len(MAGIC) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        note, rows = pickle.loads(zlib.decompress(payload))
        return dataclasses.replace(note, tokens=tuple(_tokens(marshal.loads(rows))))
    except Exception:  # a checked entry from a vaultc whose classes differ: a miss, parsed again
        return None


def _rows(tokens) -> tuple[TokenRow, ...]:
    return tuple(
        (
            t.type, t.tag, t.nesting, t.attrs or None, t.map, t.level,
            None if t.children is None else _rows(t.children),
            t.content, t.markup, t.info, t.meta or None, t.block, t.hidden,
        )
        for t in tokens
    )  # fmt: skip


def _tokens(rows: tuple[TokenRow, ...]) -> list[Token]:
    """Tokens rebuilt without ``__init__``: their values were validated when first parsed."""
    tokens = []
    for kind, tag, nesting, attrs, where, level, children, content, markup, info, meta, block, hidden in rows:
        token = object.__new__(Token)
        token.type, token.tag, token.nesting, token.attrs = kind, tag, nesting, {} if attrs is None else attrs
        token.map, token.level, token.children = where, level, None if children is None else _tokens(children)
        token.content, token.markup, token.info, token.meta = content, markup, info, {} if meta is None else meta
        token.block, token.hidden = block, hidden
        tokens.append(token)
    return tokens
