"""Names for cache entries, made from everything the cached value is a function of.

Why this module exists: an entry must never outlive what made it. A parsed note depends on its path,
its text, the vault's syntax options, vaultc's own code and the parsing libraries (and the Python
whose ``marshal`` format stores it), so all of them are in its key: any change is a new key, and the
old entry is simply never read again (and pruned).
"""

from __future__ import annotations

import functools
import hashlib
import sys
from importlib import metadata
from pathlib import Path

import vaultc

LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "latex2mathml", "linkify-it-py", "pyyaml", "pygments", "jinja2",
             "nh3", "networkx", "pyspellchecker")  # fmt: skip
"""The libraries whose behaviour ends up in what vaultc caches (parsing, rendering, analysis)."""


@functools.cache
def code_version() -> str:
    """A digest of vaultc's source, the libraries it builds with and the Python running it."""
    digest = hashlib.sha256(sys.version.encode())
    for name in LIBRARIES:
        digest.update(f"\0{name}={_version(name)}".encode())
    package = Path(vaultc.__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(b"\0" + source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def key_of(*parts: str) -> str:
    """One hex key for the parts (NUL-separated, so no two lists of parts share a key)."""
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
