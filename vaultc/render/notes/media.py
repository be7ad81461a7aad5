"""HTML for embedded attachments, chosen by file type as Obsidian does.

Images get ``<img>`` (with Obsidian's ``|width`` / ``|widthxheight`` sizes), audio and video native
players, PDFs an inline viewer with a download link inside, anything else a link. A missing file is
a visible placeholder, never silently dropped.
"""

from __future__ import annotations

from markdown_it.common.utils import escapeHtml

IMAGE = {"png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "ico", "tif", "tiff"}
AUDIO = {"mp3", "wav", "m4a", "ogg", "3gp", "flac", "opus", "aac"}
VIDEO = {"mp4", "webm", "ogv", "mov", "mkv", "m4v"}


def extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def attachment(href: str, name: str, alt: str | None, width: int | None, height: int | None) -> str:
    """The embed for a file of the vault at ``href``."""
    kind = extension(name)
    if kind in IMAGE:
        return image(href, alt if alt is not None else name, width, height)
    url, label = escapeHtml(href), escapeHtml(alt or name)
    if kind in AUDIO:
        return f'<audio class="embed-audio" controls preload="metadata" src="{url}" title="{label}"></audio>'
    if kind in VIDEO:
        size = _size(width, height)
        return f'<video class="embed-video" controls preload="metadata" src="{url}" title="{label}"{size}></video>'
    if kind == "pdf":
        return (
            f'<object class="embed-pdf" data="{url}" type="application/pdf"{_size(width, height)}>'
            f'<a href="{url}">{label}</a></object>'
        )
    return f'<a class="embed-file" href="{url}">{label}</a>'


def image(href: str, alt: str, width: int | None, height: int | None) -> str:
    return f'<img src="{escapeHtml(href)}" alt="{escapeHtml(alt)}"{_size(width, height)} loading="lazy">'


def missing(name: str, author: bool) -> str:
    """A placeholder for an embed whose file is not in the vault: one the author cannot miss (it
    needs fixing), and for the public site's readers a quiet one naming what is not there."""
    label = escapeHtml(name)
    if not author:
        return f'<span class="embed-unavailable">{label} (not available)</span>'
    return f'<span class="embed-missing" role="img" aria-label="Missing embed: {label}">Missing embed: {label}</span>'


def _size(width: int | None, height: int | None) -> str:
    return (f' width="{width}"' if width else "") + (f' height="{height}"' if height else "")
