"""Dollar math: fixture rendering, token metadata, and the latex2mathml guards."""

from __future__ import annotations

from xml.etree.ElementTree import fromstring

import pytest

from tests.syntax_cases import fixture_cases, isolated_markdown
from vaultc.markdown.math import formula_to_mathml, math_plugin
from vaultc.markdown.positions import positions_plugin

MD = isolated_markdown(math_plugin)


@pytest.mark.parametrize(("text", "expected"), fixture_cases("math.md"))
def test_fixture(text: str, expected: str) -> None:
    assert MD.render(text) == expected


def _inline_children(text: str) -> list:
    md = isolated_markdown(math_plugin, positions_plugin)
    return [child for token in md.parse(text) for child in token.children or ()]


def test_inline_math_records_raw_offset_and_position() -> None:
    children = _inline_children("> Then $x^2$ and\n> $$y$$ too")
    math = [child for child in children if child.type.startswith("math_")]
    assert [(m.type, m.meta["raw"], m.meta["line"], m.meta["column"]) for m in math] == [
        ("math_inline", "$x^2$", 1, 8),
        ("math_inline_double", "$$y$$", 2, 3),
    ]
    assert math[0].meta["offset"] == len("Then ")


def test_conversion_happens_at_parse_time() -> None:
    good, bad = [c for c in _inline_children("$x$ $\\foo$") if c.type == "math_inline"]
    assert good.meta["mathml"].startswith("<math") and "math_error" not in good.meta
    assert bad.meta["math_error"] == "unknown command \\foo" and "mathml" not in bad.meta


def test_block_math_keeps_its_lines() -> None:
    tokens = MD.parse("Intro\n\n$$\n\\frac{1}{2}\n$$\n")
    block = next(token for token in tokens if token.type == "math_block")
    assert block.map == [2, 5]
    assert "<mfrac>" in block.meta["mathml"]


@pytest.mark.parametrize(
    "latex",
    [
        r"\text{a < b}",
        r"\text{a & b}",
        r"\mathrm{a<b}",
        r"\textbf{x > y & z}",
        r"\mbox{<b>}",
        r"\fbox{a&b}",
        r"\color{<}{x}",
        r"\text{&#x3C;}",
        r"\left( \frac{a}{b} \right)",
        r"\begin{aligned} a &= b \\ c &= d \end{aligned}",
        r"\begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}",
        r"\begin{bmatrix} a & b \\ c & d \end{bmatrix}",
        r"\sum_{i=1}^n x_i^2 \le \int_0^\infty e^{-x}\,dx",
        r"\arg\max_x f(x) \newline y \nonumber",
    ],
)
def test_successful_output_is_well_formed_xml(latex: str) -> None:
    for display in ("inline", "block"):
        mathml, error = formula_to_mathml(latex, display)
        assert error is None
        assert fromstring(mathml).tag == "{http://www.w3.org/1998/Math/MathML}math"


def test_text_markup_is_escaped_not_injected() -> None:
    mathml, _ = formula_to_mathml(r"\text{<script>alert(1)</script>}", "inline")
    assert "<script" not in mathml and "&lt;script&gt;" in mathml


@pytest.mark.parametrize(
    ("latex", "reason"),
    [
        (r"\frac{a}", "a command is missing an argument"),
        (r"\sqrt", "a command is missing an argument"),
        ("x^", "missing super script or subscript"),
        ("a}", "unbalanced braces: '}' without '{'"),
        ("{a", "unbalanced braces: '{' without '}'"),
        (r"\left( x", "\\left and \\right do not pair up"),
        (r"\begin{matrix} a", "\\begin without its \\end"),
        (r"\ce{H2O}", "unknown command \\ce"),
        ("a & b", "'&' outside an alignment environment"),
        (r"\href{javascript:alert(1)}{x}", "\\href must link to an http(s) address"),
        (r"\def\x{\x}\x", "recursion"),
        ("x^{" * 600 + "}" * 600, "nested more than 40 braces deep"),
    ],
)
def test_bad_formulas_fail_with_a_reason(latex: str, reason: str) -> None:
    mathml, error = formula_to_mathml(latex, "inline")
    assert mathml is None
    assert error is not None and error.startswith(reason)


def test_escaped_braces_are_not_counted() -> None:
    assert formula_to_mathml(r"\{ x \}", "inline")[1] is None
