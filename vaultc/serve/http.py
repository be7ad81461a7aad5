"""The HTTP side of ``vaultc serve``: the site folder as GitHub Pages serves it, plus the reload stream.

One thread per request (the event streams stay open), bound to 127.0.0.1 unless asked otherwise.
Only GET and HEAD are answered. Files are found by :func:`vaultc.serve.paths.locate`; HTML pages get
the reload script on their way out; nothing is cached by the browser, so a reload always shows the
latest build.
"""

from __future__ import annotations

import mimetypes
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from vaultc.serve.paths import locate
from vaultc.serve.reload import (
    EVENTS_PATH,
    SCRIPT_PATH,
    Broadcaster,
    SiteState,
    event,
    reload_script,
    with_reload_script,
)

_TYPES = {
    ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8", ".json": "application/json", ".xml": "application/xml",
    ".svg": "image/svg+xml",
}  # fmt: skip
"""Types of the files vaultc writes (the system's table, consulted for the rest, varies between machines)."""


_BINARY = "application/octet-stream"


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


def make_server(root: Path, broadcaster: Broadcaster, host: str = "127.0.0.1", port: int = 8000) -> SiteServer:
    """A server of the site at ``root`` (not started: call ``serve_forever``); port 0 picks a free one."""
    return SiteServer((host, port), partial(SiteHandler, root=root, broadcaster=broadcaster))


class SiteHandler(BaseHTTPRequestHandler):
    server_version = "vaultc-serve"

    def __init__(self, *args, root: Path, broadcaster: Broadcaster, **kwargs) -> None:
        self.root, self.broadcaster = root, broadcaster
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        """Quiet: the terminal is for builds and findings, not one line per request."""

    def _answer(self, send_body: bool) -> None:
        path = self.path.split("?", 1)[0]
        if path == EVENTS_PATH:
            self._stream_events()
        elif path == SCRIPT_PATH:
            self._send(HTTPStatus.OK, _TYPES[".js"], reload_script(), send_body)
        else:
            self._send_site_file(send_body)

    def _send_site_file(self, send_body: bool) -> None:
        found = locate(self.root, self.path)
        if found.location:
            self.send_response(found.status)
            self.send_header("Location", found.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if found.file is None:
            self._send(HTTPStatus.NOT_FOUND, _TYPES[".txt"], b"404: not in the site\n", send_body)
            return
        body = _read(found.file)
        kind = _TYPES.get(found.file.suffix.lower()) or mimetypes.guess_type(found.file.name)[0] or _BINARY
        if kind.startswith("text/html"):
            body = with_reload_script(body, self.broadcaster.state.generation)
        self._send(found.status, kind, body, send_body)

    def _send(self, status: int, kind: str, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _stream_events(self) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        page_generation = _since(self.path)
        state: SiteState | None = self.broadcaster.state
        try:
            while state is not None:
                self.wfile.write(event(state, page_generation))
                self.wfile.flush()
                state = self.broadcaster.wait(state.generation)
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded


def _since(url: str) -> int:
    """The build generation a page says it comes from (``?since=N``), 0 when it says nothing."""
    values = parse_qs(urlsplit(url).query).get("since", ["0"])
    return int(values[0]) if values[0].isdigit() and len(values[0]) < 12 else 0


def _read(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except OSError:  # swapped away between locating and reading: the next request finds the new one
        return b""
