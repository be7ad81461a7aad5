"""Telling open pages that the site changed, and showing a build's problem in them.

Pages served by ``vaultc serve`` get one ``<script>`` (added as they are sent, see
:func:`with_reload_script`), which listens to :data:`EVENTS_PATH`, a stream of server-sent events:
``reload`` when a rebuild succeeded (the new page has no notice), ``problem`` (the message as data)
when one failed, the page staying as it is. A page that connects while a problem stands is told at
once. Server-sent
events need nothing but HTTP and reconnect by themselves when the server restarts.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from importlib import resources

EVENTS_PATH = "/__vaultc/events"
SCRIPT_PATH = "/__vaultc/reload.js"
KEEPALIVE_SECONDS = 15.0


def reload_script() -> bytes:
    """The page side: listen, reload, show or clear the problem notice."""
    return resources.files("vaultc.serve").joinpath("reload.js").read_bytes()


def with_reload_script(page: bytes, generation: int) -> bytes:
    """``page`` with the reload script before its last ``</body>`` (at the end when it has none). The
    script knows which build the page comes from, so a rebuild that finishes before it connects
    still reloads it."""
    tag = f'<script src="{SCRIPT_PATH}" data-generation="{generation}" defer></script>'.encode()
    end = page.rfind(b"</body>")
    return page + tag if end < 0 else page[:end] + tag + page[end:]


@dataclass(frozen=True)
class SiteState:
    """What the last rebuild left: how many there have been, and the problem that stands, if any."""

    generation: int = 0
    problem: str = ""


class Broadcaster:
    """The site's state, shared between the rebuilding thread and the threads streaming events."""

    def __init__(self) -> None:
        self._state = SiteState()
        self._changed = threading.Condition()
        self._closed = False

    @property
    def state(self) -> SiteState:
        with self._changed:
            return self._state

    def publish(self, problem: str = "") -> None:
        """A rebuild finished: clean (``problem`` empty) or not."""
        with self._changed:
            self._state = SiteState(self._state.generation + 1, problem)
            self._changed.notify_all()

    def close(self) -> None:
        """The server is stopping: every stream ends."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float = KEEPALIVE_SECONDS) -> SiteState | None:
        """The state once its generation passes ``seen``; the same state on timeout; None when closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._state.generation > seen, timeout)
            return None if self._closed else self._state


def event(state: SiteState, page_generation: int) -> bytes:
    """What a page built at ``page_generation`` is told about ``state``."""
    if state.problem:
        return _event("problem", json.dumps(state.problem))
    if state.generation > page_generation:
        return _event("reload", str(state.generation))
    return b": up to date\n\n"


def _event(name: str, data: str) -> bytes:
    return f"event: {name}\ndata: {data}\n\n".encode()
