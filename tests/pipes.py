"""Named pipes in test vaults, made safe to test against: a load that wrongly opens one gets a note
from a writer instead of waiting forever, so such a test fails instead of hanging."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def fed_pipes(*pipes: Path) -> Iterator[None]:
    """Make each pipe; while inside, a writer waits to give any reader a note. On leaving, writers
    nobody read from are released (by opening their pipe without waiting) and joined."""
    writers = []
    for pipe in pipes:
        os.mkfifo(pipe)
        writer = threading.Thread(target=_write_note, args=(pipe,), daemon=True)
        writer.start()
        writers.append(writer)
    try:
        yield
    finally:
        for pipe, writer in zip(pipes, writers, strict=True):
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
            writer.join()


def _write_note(pipe: Path) -> None:
    with contextlib.suppress(OSError), open(pipe, "wb") as stream:
        stream.write(b"# From a pipe\n")
