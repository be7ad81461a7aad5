"""Data for the site's scripts, as a script file that assigns a global.

Why this module exists: pages opened from ``file://`` cannot ``fetch()`` JSON, but they can load a
script, so the search index and the explorer's tree are scripts assigning a ``window`` global.
JSON is valid JavaScript; ``<``, ``>``, ``&`` and the line separators U+2028/2029 are escaped so
that no text of a note can end the script or break its parsing.
"""

from __future__ import annotations

import json
from typing import Any

_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def data_script(name: str, value: Any) -> bytes:
    """``window.<name> = <value as JSON>;`` (keys sorted: the same bytes for the same value)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(character, escape)
    return f"window.{name} = {text};\n".encode()
