"""Which file of the site a URL path names, as GitHub Pages decides it, and never a file outside it.

GitHub Pages serves ``/`` and ``/folder/`` as their ``index.html``, ``/page`` as ``page`` or else
``page.html``, and redirects ``/folder`` to ``/folder/`` when the folder has an index; anything else
is a 404 answered with the site's ``404.html``. The path is percent-decoded once; a segment that is
``..`` or ``.``, holds a backslash or a NUL, or starts with a dot (vaultc's marker file, a staging
folder) names nothing, and a file is served only when its real path, symbolic links followed, lies
inside the site's real path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Located:
    """What to answer: a file to send (``status`` 200 or 404) or a redirect to ``location``."""

    status: int
    file: Path | None = None
    location: str = ""


def locate(root: Path, url: str) -> Located:
    """The answer for ``url`` (a request target) from the site at ``root``."""
    raw_path = urlsplit(url).path or "/"
    segments = _segments(raw_path)
    if segments is not None:
        found = _find(root, segments, raw_path.endswith("/"))
        if found is not None:
            return found
    missing = _inside(root, root / "404.html")
    return Located(404, missing)


def _segments(raw_path: str) -> list[str] | None:
    """The decoded path segments, or None when any could reach outside the site or a hidden file."""
    try:
        decoded = unquote(raw_path, errors="strict")
    except UnicodeDecodeError:
        return None
    segments = [segment for segment in decoded.split("/") if segment]
    for segment in segments:
        if segment in (".", "..") or segment.startswith(".") or "\\" in segment or "\x00" in segment:
            return None
    return segments


def _find(root: Path, segments: list[str], folder_asked: bool) -> Located | None:
    target = root.joinpath(*segments)
    if folder_asked or not segments:
        index = _inside(root, target / "index.html")
        return Located(200, index) if index else None
    direct = _inside(root, target) or _inside(root, target.with_name(target.name + ".html"))
    if direct:
        return Located(200, direct)
    if _inside(root, target / "index.html"):
        return Located(301, location="/" + "/".join(segments) + "/")
    return None


def _inside(root: Path, candidate: Path) -> Path | None:
    """``candidate`` when it is a regular file whose real path is inside ``root``'s."""
    try:
        real = candidate.resolve(strict=True)
        real.relative_to(root.resolve(strict=True))
    except (OSError, ValueError, RuntimeError):
        return None
    return real if real.is_file() else None
