"""Putting a finished site in place of the old one so that, at every instant, the output path holds
a complete site: the old one or the new one. Part of the write stage (:mod:`vaultc.write`).

The site is written into a staging folder beside the output, ``.<name>.vaultc-new-<pid>``. On
Linux the two folders are then exchanged in one atomic step (``renameat2`` with
``RENAME_EXCHANGE``, through ctypes); the staging path then holds the old site, which is removed.
Where the exchange is not available (another system, an old C library, a file system that refuses
it) the safest order of plain renames is used: the old site is moved aside to
``.<name>.vaultc-old-<pid>``, the new one renamed into place at once, and the old one removed only
after that. The output is missing only between those two renames; an interrupt there puts the old
site back, and if the process is killed outright the next build puts it back before anything else.

A build killed at any other point leaves a staging folder behind. The next build removes the
folders that carry vaultc's marker file and belong to no running process; anything else beside the
output is never touched.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from vaultc.names import bounded_name

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = frozenset({errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV})
"""errno values meaning "this system or file system cannot exchange", not "this exchange failed"."""


def aside(output: Path, kind: str, pid: int | None = None) -> Path:
    """Where a build keeps a site beside ``output``: ``kind`` is "new" (staging) or "old"."""
    return output.parent / f"{_prefix(output)}{kind}-{os.getpid() if pid is None else pid}"


def _prefix(output: Path) -> str:
    return f".{bounded_name(output.name)}.vaultc-"  # an output name near 255 bytes still leaves room


def swap_in(staging: Path, output: Path) -> Path | None:
    """Put ``staging`` at ``output``; return where the old site now is (to remove), if there was one."""
    if not output.exists():
        rename(staging, output)
        return None
    if exchange(staging, output):
        return staging
    retired = aside(output, "old")
    rename(output, retired)
    try:
        rename(staging, output)
    except BaseException:  # an interrupt too: never leave the output path empty
        rename(retired, output)
        raise
    return retired


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step; False when this system or file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """The C library's ``renameat2`` (glibc 2.28+, musl 1.2.2+), or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


def rename(source: Path, target: Path) -> None:
    """One rename (atomic on one file system); a step of its own so tests can interrupt it."""
    os.rename(source, target)


def remove_tree(folder: Path) -> None:
    """Remove a folder vaultc made; whatever cannot be removed now, the next build removes."""
    shutil.rmtree(folder, ignore_errors=True)


def remove_leftovers(output: Path, marker: str) -> None:
    """Clear what killed builds left beside ``output``: folders with vaultc's ``marker`` whose
    process is gone. An old site moved aside while the output is missing is put back instead."""
    prefix = _prefix(output)
    for folder in sorted(output.parent.iterdir()) if output.parent.is_dir() else ():
        kind, _, pid = folder.name.removeprefix(prefix).partition("-")
        if not folder.name.startswith(prefix) or kind not in ("new", "old") or not pid.isdigit():
            continue
        if folder.is_symlink() or _running(int(pid)):
            continue
        if not (folder / marker).is_file():
            _remove_if_empty(folder)  # killed between making it and marking it; else not ours
            continue
        if kind == "old" and not output.exists():
            rename(folder, output)
        else:
            remove_tree(folder)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()


def _running(pid: int) -> bool:
    """Whether another live process has this id (this process's own leftovers are fair game)."""
    if pid == os.getpid():
        return False
    if os.name == "nt":
        return True  # os.kill would terminate it there; leave such folders alone
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone, or a number no process can have
        return False
    except PermissionError:
        return True  # alive, under another user
    return True
