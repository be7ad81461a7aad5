"""The vault index: every name a link can use, and Obsidian's rules for choosing among matches.

Obsidian compares names case-insensitively after Unicode NFC normalisation, lets ``.md`` be left
out, accepts a full path, a path relative to the linking note, a partial path ("folder/Note" matches
"a/folder/Note.md"), a bare file name or an alias. When several files match, the choice is:

1. a match in the linking note's own folder;
2. otherwise the shortest path (fewest folders, then fewest characters), as Obsidian does;
3. otherwise (same depth and length) the first in code-point order of the path: deterministic, and
   reported as ``ambiguous-link`` because the author probably meant one specific file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from vaultc.names import VaultPath, basename, folder_of, lookup_key, nfc, note_stem


@dataclass(frozen=True)
class Match:
    """The outcome of looking a name up."""

    path: VaultPath | None
    candidates: tuple[VaultPath, ...]
    """Every file that matched equally well (more than one means the tie-break decided)."""
    ambiguous: bool
    """True when the tie-break had to fall back to code-point order."""
    exact_case: bool
    """False when the name matched only when case is ignored."""


NO_MATCH = Match(None, (), False, True)


class VaultIndex:
    """Lookup tables over all notes (by stem) and attachments (by full name). Built once, then read."""

    def __init__(
        self, notes: Iterable[VaultPath], attachments: Iterable[VaultPath], aliases: Iterable[tuple[str, VaultPath]]
    ) -> None:
        self.by_path: dict[str, list[VaultPath]] = defaultdict(list)
        self.by_name: dict[str, list[VaultPath]] = defaultdict(list)
        self.by_alias: dict[str, list[VaultPath]] = defaultdict(list)
        for path in notes:
            self._add(note_stem(path), path)
        for path in attachments:
            self._add(path, path)
        self.alias_spellings: set[str] = set()
        for alias, path in aliases:
            self.by_alias[lookup_key(alias)].append(path)
            self.alias_spellings.add(nfc(alias))

    def _add(self, linkable: str, path: VaultPath) -> None:
        self.by_path[lookup_key(linkable)].append(path)
        self.by_name[lookup_key(basename(linkable))].append(path)

    def find(self, name: str, source: VaultPath) -> Match:
        """The file a name (already stripped of '#...' and '|...') refers to, from ``source``."""
        key = lookup_key(name)
        folder = folder_of(source)
        for candidates in self._candidate_groups(key, folder):
            if candidates:
                match = _choose(sorted(set(candidates)), name, folder)
                if not match.exact_case and nfc(name) in self.alias_spellings:
                    return Match(match.path, match.candidates, match.ambiguous, True)
                return match
        return NO_MATCH

    def _candidate_groups(self, key: str, folder: str) -> Iterable[list[VaultPath]]:
        """Ways a name can match, most specific first; the first non-empty group wins."""
        yield self.by_path.get(key, [])
        if folder:
            yield self.by_path.get(lookup_key(folder) + "/" + key, [])
        if "/" in key:
            suffix = "/" + key
            yield [p for p in self.by_name.get(key.rsplit("/", 1)[1], []) if _linkable_key(p).endswith(suffix)]
        else:
            yield self.by_name.get(key, [])
            yield self.by_alias.get(key, [])


def _linkable_key(path: VaultPath) -> str:
    return lookup_key(note_stem(path))


def _choose(candidates: list[VaultPath], name: str, folder: str) -> Match:
    exact = _has_exact_case(candidates, name)
    if len(candidates) == 1:
        return Match(candidates[0], tuple(candidates), False, exact)
    local = [path for path in candidates if folder_of(path) == folder]
    if len(local) == 1:
        return Match(local[0], tuple(candidates), False, exact)
    pool = local or candidates
    ranked = sorted(pool, key=lambda path: (path.count("/"), len(path), path))
    tied = (ranked[0].count("/"), len(ranked[0])) == (ranked[1].count("/"), len(ranked[1]))
    return Match(ranked[0], tuple(candidates), tied, exact)


def _has_exact_case(candidates: list[VaultPath], name: str) -> bool:
    """Whether some candidate is spelt exactly as written (by path tail or file name)."""
    written = nfc(name)
    return any(nfc(note_stem(path)).endswith(written) or nfc(path).endswith(written) for path in candidates)
