"""Names for things, converted in one place: vault paths, lookup keys, slugs and site URLs.

* A *vault path* is the POSIX path of a file relative to the vault root, with its extension
  ("features/graph view.md"). Never an OS path.
* A *lookup key* is how Obsidian compares link targets: Unicode NFC, case-folded.
* A *slug* is a URL- and id-safe form of a name or heading ("Graph View!" -> "graph-view").
* A *site path* is the POSIX path of a page in the output ("notes/features/graph-view.html").
  Every URL vaultc writes is relative from one site path to another, so the site works under any
  sub-path (GitHub Pages project sites) and from ``file://``.
* A *file name* in the output (each segment of a site path) is at most :data:`MAX_NAME_BYTES` of
  UTF-8 before its extension (:func:`bounded_name`): file systems refuse names over 255 bytes, and
  a note, tag or term may be named with more.
"""

from __future__ import annotations

import hashlib
import posixpath
import unicodedata
from collections.abc import Iterable
from typing import NewType
from urllib.parse import quote

VaultPath = NewType("VaultPath", str)
SitePath = NewType("SitePath", str)

NOTE_SUFFIX = ".md"
MAX_NAME_BYTES = 200
"""Longest output file or folder name, in UTF-8 bytes, before a suffix ("-2", ".html",
".page-2.html"): room for those under the 255 bytes that ext4, APFS, NTFS and zip files allow."""
NAME_HASH_CHARS = 10
"""Hex digits of SHA-256 ending a shortened name: 40 bits, so two long names sharing their first
190 bytes get the same file name only once in about a million million pairs."""


def nfc(text: str) -> str:
    """Unicode NFC: the same letters typed on macOS and elsewhere compare equal."""
    return unicodedata.normalize("NFC", text)


def lookup_key(name: str) -> str:
    """How Obsidian compares names: NFC-normalised and case-insensitive."""
    return nfc(name).casefold()


def is_note_path(path: str) -> bool:
    """Notes are Markdown files; everything else in a vault is an attachment."""
    return path.lower().endswith(NOTE_SUFFIX)


def note_stem(path: str) -> str:
    """ "folder/My Note.md" -> "folder/My Note" (the form wikilinks use)."""
    return path[: -len(NOTE_SUFFIX)] if is_note_path(path) else path


def basename(path: str) -> str:
    """The last segment of a vault path."""
    return path.rsplit("/", 1)[-1]


def folder_of(path: str) -> str:
    """The folder part of a vault path ("" at the root)."""
    return path.rsplit("/", 1)[0] if "/" in path else ""


def enclosing_folders(folder: str) -> list[str]:
    """``folder`` and every folder holding it, innermost first ("a/b" -> ["a/b", "a"]; "" -> [])."""
    found = []
    while folder:
        found.append(folder)
        folder = folder_of(folder)
    return found


def slugify(text: str) -> str:
    """A lower-case, hyphenated slug that keeps Unicode letters and digits, as GitHub's slugger does:
    only a plain space becomes "-"; other characters, a non-breaking space included, are dropped
    (so links written against GitHub's anchors keep working)."""
    kept = []
    for char in unicodedata.normalize("NFC", text).strip().lower():
        if char.isalnum() or char in "-_":
            kept.append(char)
        elif char == " ":
            kept.append("-")
    return "".join(kept)


def bounded_name(name: str) -> str:
    """``name`` if it fits in :data:`MAX_NAME_BYTES`, else its start (cut between characters) and
    a hash of the whole name: the same name always gives the same file name, different ones differ."""
    encoded = name.encode("utf-8")
    if len(encoded) <= MAX_NAME_BYTES:
        return name
    digest = hashlib.sha256(encoded).hexdigest()[:NAME_HASH_CHARS]
    start = encoded[: MAX_NAME_BYTES - NAME_HASH_CHARS - 1].decode("utf-8", "ignore")  # drops a cut character
    return f"{start}-{digest}"


PAGE_IDS = frozenset(
    {"content", "site-search-input", "theme-toggle", "backlinks-title", "related-title", "note-graph-title",
     "explorer", "explorer-toggle", "search-overlay-input", "search-overlay-results", "search-overlay-all"}
)  # fmt: skip
"""Ids the note page's own chrome uses: a heading never takes one (a "# Content" heading gets ``content-1``)."""


class Slugger:
    """Unique slugs for one page (``x``, ``x-1``, ``x-2``...), as GitHub's slugger makes them.

    It remembers where each slug's count stopped: slugs are only ever added, so every number below
    that is still taken, and a page of a thousand equal headings costs a thousand steps, not the
    half million that counting up from ``x`` each time would."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken: set[str] = set(taken)
        self._counts: dict[str, int] = {}

    def slug(self, text: str, fallback: str = "section") -> str:
        """A slug of ``text`` not yet taken on this page; records it as taken."""
        base = slugify(text) or fallback
        counter = self._counts.get(base, 0)
        slug = f"{base}-{counter}" if counter else base
        while slug in self.taken:
            counter += 1
            slug = f"{base}-{counter}"
        self._counts[base] = counter
        self.taken.add(slug)
        return slug


def relative_url(from_page: str, to_path: str, fragment: str = "") -> str:
    """A percent-encoded URL from one site path to another (or to ``#fragment`` on the same page).

    Site paths are already normalised POSIX paths, so plain segment arithmetic suffices (and is
    several times faster than ``posixpath.relpath``, which runs for every link of every page)."""
    anchor = "#" + quote(fragment, safe="-_.~") if fragment else ""
    if to_path == from_page and anchor:
        return anchor
    folders, target = from_page.split("/")[:-1], to_path.split("/")
    shared = 0
    while shared < len(folders) and shared < len(target) - 1 and folders[shared] == target[shared]:
        shared += 1
    relative = "../" * (len(folders) - shared) + "/".join(target[shared:])
    return quote(relative, safe="/-_.~") + anchor


def normalize_inside(folder: str, target: str) -> str | None:
    """Join a relative target to a folder; None if the result would leave the vault."""
    joined = posixpath.normpath(posixpath.join(folder, target)) if folder else posixpath.normpath(target)
    if joined == ".":
        return ""
    if joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


def absolute_url(base_url: str, path: str, fragment: str = "") -> str:
    """``path``'s address under ``base_url``, percent-encoded; ``x/index.html`` is served as ``x/``.

    >>> absolute_url("https://me.github.io/notes", "tags/index.html")
    'https://me.github.io/notes/tags/'
    """
    served = path.removesuffix("index.html") if path == "index.html" or path.endswith("/index.html") else path
    anchor = "#" + quote(fragment, safe="-_.~") if fragment else ""
    return base_url.rstrip("/") + "/" + quote(served, safe="/-_.~") + anchor
