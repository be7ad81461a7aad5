"""``vaultc serve`` run in a thread on a free port, for the serve tests and the browser's."""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vaultc.build import BuildOptions
from vaultc.serve import ServeOptions, serve

WAIT = 60.0
"""Seconds a rebuild may take on a loaded machine before a test gives up (a bound, never asserted)."""


class Session:
    """``vaultc serve`` running in a thread on a free port, with what it printed."""

    def __init__(self, vault: Path) -> None:
        self.vault, self.lines, self.stop, self.listening = vault, [], threading.Event(), threading.Event()
        self.port = 0
        options = ServeOptions(BuildOptions(vault, vault.parent / "unused"), port=0)
        self.thread = threading.Thread(target=serve, args=(options, self.lines.append, self.stop, self._ready))

    def _ready(self, server) -> None:
        self.port = server.server_address[1]
        self.listening.set()

    def get(self, path: str) -> tuple[int, str, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        connection.request("GET", path)
        response = connection.getresponse()
        answer = response.status, response.getheader("Content-Type", ""), response.read()
        connection.close()
        return answer

    def events(self, since: int) -> Iterator[bytes]:
        """The event stream, one event at a time."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        connection.request("GET", f"/__vaultc/events?since={since}")
        response = connection.getresponse()
        buffered, deadline = b"", time.monotonic() + WAIT
        while True:
            while b"\n\n" not in buffered:  # keep-alive comments come every few seconds: bound the wait
                assert time.monotonic() < deadline, f"no event within {WAIT} s: {self.lines}"
                buffered += response.read1(4096)
            sent, buffered = buffered.split(b"\n\n", 1)
            if not sent.startswith(b":"):
                deadline = time.monotonic() + WAIT
                yield sent


@contextmanager
def start_session(vault: Path) -> Iterator[Session]:
    """A running session of ``vault``, stopped (and checked to stop) on leaving."""
    running = Session(vault)
    running.thread.start()
    assert running.listening.wait(WAIT), running.lines
    try:
        yield running
    finally:
        running.stop.set()
        running.thread.join(WAIT)
    assert not running.thread.is_alive(), "serve did not stop when asked"
