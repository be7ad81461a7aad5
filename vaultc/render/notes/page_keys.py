"""A note page's key: a digest of everything its HTML is made from, so that a build can keep the
page the last build wrote when its key is unchanged, instead of rendering and writing it again.

Why this module exists: after an edit most note pages are what they were, and rendering them is
the largest part of a build. A key must change whenever the page could: it covers what every page
reads (``site_digest``: options, theme, where every page of the site is, which terms have pages)
and what this page reads (the note's path and text, the targets of its links and the titles of the
notes they name, every note it embeds, transitively, with their texts and targets, its questions,
the term mentions and definitions placed in it, its backlinks and related notes with their titles,
and its local graph as drawn). ARCHITECTURE.md lists these inputs; the incremental tests compare
cached builds with cold ones byte for byte after every kind of edit.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import types
import typing
from collections.abc import Mapping, Set

from vaultc.model import LinkKind, TargetKind
from vaultc.names import VaultPath
from vaultc.render.context import SiteContext
from vaultc.theme import Theme


def site_digest(site: SiteContext, theme: Theme) -> str:
    """What every note page reads, once per site."""
    options = site.options
    return digest_of(
        (options.title, options.allow_html, options.base_url, options.obsidian_vault, options.hidden_properties,
         options.author),  # fmt: skip
        theme.templates,
        theme.static,
        site.sitemap.notes,
        site.sitemap.attachments,
        site.sitemap.concepts,
        site.note_index.terms.pages,
    )


def note_page_key(site: SiteContext, path: VaultPath, content: str, local_graph: str) -> str:
    """The key of the page of note ``path`` (``content``: the note's content key, ``local_graph``:
    the page's local graph as drawn)."""
    graph, terms = site.graph, site.note_index.terms
    around = sorted({*graph.backlinks(path), *graph.related(path)})
    return digest_of(
        content,
        [(other, site.vault.notes[other].title) for other in around if other in site.vault.notes],
        graph.backlinks(path),
        graph.related(path),
        site.note_index.questions.get(path, ()),
        terms.mentioned.get(path, {}),
        terms.defined_at.get(path, frozenset()),
        local_graph,
    )


def note_content_key(site: SiteContext, path: VaultPath, shared: str) -> str:
    """The key of the note's content as any page shows it (its page, its answers in decks): its
    text, its links' targets and the titles of the notes they name, and every note it embeds."""
    vault = site.vault
    note = vault.notes[path]
    linked = sorted({t.path for t in vault.targets[path] if t.kind is TargetKind.NOTE and t.path})
    return digest_of(
        shared,
        path,
        note.text,
        vault.targets[path],
        [(other, vault.notes[other].title) for other in linked if other in vault.notes],
        [(embedded, vault.notes[embedded].text, vault.targets[embedded]) for embedded in _embedded(site, path)],
    )


def _embedded(site: SiteContext, path: VaultPath) -> list[VaultPath]:
    """Every note the page transcludes, directly or through other embeds (each once, sorted)."""
    seen: set[VaultPath] = {path}
    todo = [path]
    while todo:
        current = todo.pop()
        note, targets = site.vault.notes[current], site.vault.targets[current]
        for link, target in zip(note.links, targets, strict=False):
            embedded = target.path
            fresh = embedded not in seen and embedded in site.vault.notes
            if fresh and link.kind is LinkKind.EMBED and target.kind is TargetKind.NOTE:
                seen.add(embedded)
                todo.append(embedded)
    return sorted(seen - {path})


def digest_of(*parts: object) -> str:
    """A digest of plain values (strings, numbers, tuples, dataclasses, sets...), the same in every run."""
    digest = hashlib.sha256()
    for part in parts:
        _feed(digest, part)
    return digest.hexdigest()


def _feed(digest, value: object) -> None:
    """Add ``value`` to the digest, typed and length-prefixed so that no two values feed the same
    bytes; sets and mappings in sorted order (a frozenset's order follows string hashing, which
    differs between runs)."""
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        digest.update(b"s%d:" % len(data) + data)
    elif isinstance(value, bytes):
        digest.update(b"b%d:" % len(value) + value)
    elif isinstance(value, bool | int | float) or value is None:
        digest.update(f"{type(value).__name__}{value!r};".encode())
    elif isinstance(value, enum.Enum):
        _feed(digest, value.value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if _flat(type(value)):
            _feed(digest, repr(value))  # five times faster than field by field, and as exact
            return
        _feed(digest, type(value).__name__)
        _items(digest, [getattr(value, field.name) for field in dataclasses.fields(value)])
    elif isinstance(value, Mapping):
        _items(digest, sorted((digest_of(key), digest_of(item)) for key, item in value.items()))
    elif isinstance(value, Set):
        _items(digest, sorted(digest_of(item) for item in value))
    elif isinstance(value, list | tuple):
        _items(digest, value)
    else:
        _feed(digest, repr(value))  # markdown-it tokens and the like: their repr lists every field


@functools.cache
def _flat(kind: type) -> bool:
    """Whether every field of the dataclass holds a scalar (a string, number, enum or None), so that
    its repr spells its value exactly (strings quoted and escaped) whatever the run."""
    try:
        hints = typing.get_type_hints(kind)
    except (NameError, TypeError):
        return False
    return all(_scalar(hints[field.name]) for field in dataclasses.fields(kind))


def _scalar(hint: object) -> bool:
    hint = getattr(hint, "__supertype__", hint)  # a NewType (VaultPath) is its base type
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return all(_scalar(arg) for arg in typing.get_args(hint))
    return hint in (str, int, float, bool, type(None)) or (isinstance(hint, type) and issubclass(hint, enum.Enum))


def _items(digest, values) -> None:
    digest.update(b"[%d:" % len(values))
    for item in values:
        _feed(digest, item)
    digest.update(b"]")
