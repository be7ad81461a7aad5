"""Shared harness for the syntax fixture files in tests/fixtures/ (markdown-it-py's format).

Each fixture file holds cases of ``title / . / markdown input / . / expected HTML / .``; a plugin is
tested on a CommonMark parser that has only that plugin added, so one plugin's change cannot break
another plugin's fixtures.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.utils import read_fixture_file

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_cases(file_name: str) -> list:
    """pytest params (id = line:title) for every case of one fixture file."""
    return [
        pytest.param(text, expected, id=f"{line}-{title}")
        for line, title, text, expected in read_fixture_file(FIXTURES / file_name)
    ]


def isolated_markdown(*plugins: Callable[[MarkdownIt], None]) -> MarkdownIt:
    """CommonMark (raw HTML on, GFM tables) with just the given plugins."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    for plugin in plugins:
        md.use(plugin)
    return md
