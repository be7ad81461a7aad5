"""Which file-system events should rebuild the site: the vault's own files, not an editor's or
Obsidian's bookkeeping.

Obsidian rewrites ``.obsidian/workspace.json`` whenever a pane moves, editors leave swap and backup
files, and git churns ``.git``; none of these is part of the site, and rebuilding on them would
reload every open page for nothing. Everything vaultc reads is outside hidden folders, so a change
counts when no part of its path below the vault starts with a dot and watchfiles' default filter
(swap files, ``~`` backups, ``__pycache__``) lets it through.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from threading import Event

from watchfiles import Change, DefaultFilter, watch

DEBOUNCE_MS = 100
"""How long the watcher waits for an editor's burst of writes to end before a rebuild starts."""


class VaultFilter(DefaultFilter):
    """watchfiles' default filter, plus: nothing in a hidden file or folder of the vault."""

    def __init__(self, vault: Path) -> None:
        super().__init__()
        self.vault = vault.resolve()

    def __call__(self, change: Change, path: str) -> bool:
        return super().__call__(change, path) and vault_file(self.vault, Path(path)) is not None


def vault_file(vault: Path, path: Path) -> str | None:
    """``path`` as a POSIX path inside ``vault`` when a change to it matters, else None."""
    try:
        parts = path.resolve().relative_to(vault).parts if path.is_absolute() else path.parts
    except (OSError, ValueError):
        return None
    if not parts or any(part.startswith(".") for part in parts):
        return None
    return "/".join(parts)


QUIET_MS = 500
"""A quiet spell after which the watcher reports "nothing changed" (so its first report, whatever it
is, says the watcher is running: a change made before that could be missed)."""


def vault_changes(vault: Path, stop: Event) -> Iterator[frozenset[str]]:
    """Each burst of changes in ``vault``, as the vault paths that changed, until ``stop`` is set;
    an empty set after each quiet spell (the first one: the vault is being watched)."""
    watched = vault.resolve()
    for changes in watch(watched, watch_filter=VaultFilter(watched), debounce=DEBOUNCE_MS, stop_event=stop,
                         rust_timeout=QUIET_MS, yield_on_timeout=True, raise_interrupt=False):  # fmt: skip
        yield changed_paths(watched, (path for _, path in changes))


def changed_paths(vault: Path, paths: Iterable[str]) -> frozenset[str]:
    return frozenset(found for path in paths if (found := vault_file(vault, Path(path))) is not None)
