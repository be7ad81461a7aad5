"""All syntax plugins together (the parser every note goes through): they must not step on each other."""

from __future__ import annotations

import pytest

from tests.syntax_cases import fixture_cases
from vaultc.markdown import create_markdown

MD = create_markdown()


@pytest.mark.parametrize(("text", "expected"), fixture_cases("obsidian_combined.md"))
def test_fixture(text: str, expected: str) -> None:
    assert MD.render(text) == expected
