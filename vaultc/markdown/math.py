"""Dollar math (``$x$``, ``$$x$$``) turned into MathML while parsing: pages need no JavaScript.

Why this module exists: recognition is mdit-py-plugins' ``dollarmath`` (a token rule, so a ``$``
inside code is never math; ``$5 and $10`` is not math because an opening ``$`` may not be followed
by a space, a closing one not preceded by one, and neither may touch a digit on its outer side).
What this adds is the conversion, done once per formula in a core rule, guarded against
latex2mathml's failures.

Tokens:

* ``math_inline`` (``$x$``) and ``math_inline_double`` (``$$x$$`` inside a paragraph, shown as
  display math): ``content`` is the LaTeX, ``meta["raw"]`` the markup, ``meta["offset"]`` its
  start in the inline token's content.
* ``math_block`` (``$$`` starting a line, closed on the same or a later line with no blank line
  between): ``content`` is the LaTeX, ``map`` the lines.
* Each gets ``meta["mathml"]`` (a well-formed ``<math>`` element) or ``meta["math_error"]`` (a
  short reason, for a diagnostic); the default rendering then shows the source in a ``math-error``
  element.

latex2mathml 3.81 bugs guarded here (each is tested):

* It un-escapes its whole output, so ``<``, ``>`` and ``&`` in ``\\text{}``, ``\\textbf{}``,
  ``\\mbox{}``, ``\\fbox{}``, ``\\mathrm{}`` or attribute values (``\\color{}``, ``\\class{}``)
  come out raw: broken XML, and ``\\text{<script>}`` is markup injection. The element tree is
  serialised here instead, restoring only the ``&#x...;`` references it writes on purpose.
* Unknown commands become ``<mi>\\foo</mi>`` and unknown environments vanish silently;
  ``aligned`` in particular leaves raw ``&`` in the output. ``aligned``, ``gathered``, ``\\arg``,
  ``\\newline``, ``\\nonumber`` and ``\\notag`` are rewritten to what it supports; any other
  leftover (``\\foo``, a stray ``&``) is an error.
* Missing arguments (``\\frac{a}``) and unbalanced braces (``a}``) give incomplete MathML and no
  exception: brace balance and element arity are checked.
* ``\\href{javascript:...}`` is copied into an ``href`` attribute: only web links are accepted.
* It raises many exception types (its own, ``RecursionError`` for runaway macros or deep nesting);
  no input tried made it hang, so a broad ``except Exception`` around the call is the whole guard.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from xml.etree.ElementTree import Element, ParseError, fromstring, tostring

from latex2mathml.converter import convert_to_element
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar

from vaultc.mathml_policy import MATHML_ATTRIBUTES, MATHML_ELEMENTS

InlineRule = Callable[[StateInline, bool], bool]

_DISPLAY_TOKENS = ("math_block", "math_inline_double")
# Standard LaTeX that latex2mathml lacks, spelled the way it understands. ``\\\\`` maps to itself so
# that the backslash after a line break is never read as the start of a command.
_EQUIVALENT = {
    "\\begin{aligned}": "\\begin{split}",
    "\\end{aligned}": "\\end{split}",
    "\\begin{gathered}": "\\begin{displaylines}",
    "\\end{gathered}": "\\end{displaylines}",
    "\\arg": "\\operatorname{arg}",
    "\\newline": "\\\\",
    "\\nonumber": "",
    "\\notag": "",
    "\\\\": "\\\\",
}
_UNSUPPORTED = re.compile(
    "|".join(re.escape(name) + ("(?![A-Za-z])" if name[-1].isalpha() else "") for name in _EQUIVALENT)
)
_INTENDED_REFERENCE = re.compile(r"&amp;(#x[0-9A-Fa-f]+;)")
_UNKNOWN_COMMAND = re.compile(r"\\[A-Za-z]+")
_WEB_LINK = re.compile(r"(https?://|#|/|\.)", re.IGNORECASE)
_ARITY = {"mfrac": 2, "msup": 2, "msub": 2, "msubsup": 3, "mroot": 2, "mover": 2, "munder": 2, "munderover": 3}
_EXCEPTION_MESSAGES = {
    "NoAvailableTokensError": "a command is missing an argument",
    "ExtraLeftOrMissingRightError": "\\left and \\right do not pair up",
    "MissingEndError": "\\begin without its \\end",
}


class FormulaError(ValueError):
    """What is wrong with a formula, in words for a diagnostic."""


def math_plugin(md: MarkdownIt) -> None:
    """Recognise dollar math, convert every formula to MathML after inline parsing, render it."""
    dollarmath_plugin(
        md, allow_labels=False, allow_space=False, allow_digits=False, allow_blank_lines=False, double_inline=True
    )
    inline_rule = math_inline_dollar(allow_space=False, allow_digits=False, allow_double=True)
    md.inline.ruler.at("math_inline", _recording_position(inline_rule))
    # Pushed (not inserted after "inline") so it also sees tokens that core rules such as
    # footnote_tail add after inline parsing.
    md.core.ruler.push("math_mathml", _convert_all)
    md.add_render_rule("math_inline", _render_inline)
    md.add_render_rule("math_inline_double", _render_inline)
    md.add_render_rule("math_block", _render_block)


def _recording_position(rule: InlineRule) -> InlineRule:
    """Wrap the dollarmath inline rule so its token carries ``raw`` and ``offset``."""

    def rule_with_position(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if not rule(state, silent):
            return False
        if not silent:
            token = state.tokens[-1]
            token.meta["raw"] = state.src[start : state.pos]
            token.meta["offset"] = start
        return True

    return rule_with_position


def _convert_all(state: StateCore) -> None:
    for token in _math_tokens(state.tokens):
        display = "block" if token.type in _DISPLAY_TOKENS else "inline"
        mathml, error = formula_to_mathml(token.content.strip(), display)
        if error is None:
            token.meta["mathml"] = mathml
        else:
            token.meta["math_error"] = error


def _math_tokens(tokens: Sequence[Token]) -> list[Token]:
    found = [token for token in tokens if token.type == "math_block"]
    for block in tokens:
        found.extend(child for child in block.children or () if child.type.startswith("math_"))
    return found


@functools.lru_cache(maxsize=4096)
def formula_to_mathml(latex: str, display: str) -> tuple[str | None, str | None]:
    """(MathML, None) for a formula latex2mathml renders faithfully, else (None, reason)."""
    try:
        _check_braces(latex)
        element = _convert(_UNSUPPORTED.sub(lambda match: _EQUIVALENT[match[0]], latex), display)
        _check_tree(element)
        return _serialise(_layout_only(element)), None
    except FormulaError as error:
        return None, str(error)


def _convert(latex: str, display: str) -> Element:
    # latex2mathml raises its own exceptions, RecursionError and plain Python errors on bad
    # input; any of them means "cannot render this formula", never a crash of the build.
    try:
        return convert_to_element(latex, display=display)
    except Exception as error:
        name = type(error).__name__
        reason = _EXCEPTION_MESSAGES.get(name) or re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
        raise FormulaError(reason.removesuffix(" error")) from error


MAX_BRACE_DEPTH = 40
"""Deeper nesting is refused up front: the converter recurses and would hit Python's stack limit
at a depth that varies with the process, making the outcome depend on where it runs."""


def _check_braces(latex: str) -> None:
    depth = 0
    for match in re.finditer(r"\\.|[{}]", latex, re.DOTALL):
        depth += {"{": 1, "}": -1}.get(match[0], 0)
        if depth < 0:
            raise FormulaError("unbalanced braces: '}' without '{'")
        if depth > MAX_BRACE_DEPTH:
            raise FormulaError(f"nested more than {MAX_BRACE_DEPTH} braces deep")
    if depth:
        raise FormulaError("unbalanced braces: '{' without '}'")


def _check_tree(math: Element) -> None:
    for element in math.iter():
        text = element.text or ""
        unknown = _UNKNOWN_COMMAND.match(text)
        if unknown and element.tag != "mtext":
            raise FormulaError(f"unknown command {unknown[0]}")
        if text == "&":
            raise FormulaError("'&' outside an alignment environment")
        if element.tag in _ARITY and len(element) != _ARITY[element.tag]:
            raise FormulaError(_EXCEPTION_MESSAGES["NoAvailableTokensError"])
        if not _WEB_LINK.match(element.get("href", "#")):
            raise FormulaError("\\href must link to an http(s) address")


def _layout_only(math: Element) -> Element:
    """The formula with only the MathML that lays it out (:mod:`vaultc.mathml_policy`): a link from
    ``\\href`` or a style from ``\\style`` is dropped, as the sanitizer would drop it (``\\color`` is
    kept), so the MathML is safe as parsed and its page needs no sanitizer."""
    for element in math.iter():
        if element.tag not in MATHML_ELEMENTS:
            raise FormulaError(f"latex2mathml produced <{element.tag}>, which is not MathML vaultc publishes")
        kept = MATHML_ATTRIBUTES.get(element.tag, set())
        for name in [name for name in element.attrib if name not in kept]:
            del element.attrib[name]
    return math


def _serialise(math: Element) -> str:
    """Escaped XML, keeping the ``&#x...;`` references latex2mathml puts in text on purpose."""
    mathml = _INTENDED_REFERENCE.sub(r"&\1", tostring(math, encoding="unicode"))
    try:
        fromstring(mathml)
    except ParseError as error:
        raise FormulaError(f"latex2mathml produced invalid MathML ({error})") from error
    return mathml


def _render_inline(self: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    kind = "math-display" if token.type == "math_inline_double" else "math-inline"
    if "mathml" in token.meta:
        return f'<span class="math {kind}">{token.meta["mathml"]}</span>'
    return _error_html("code", token.meta.get("raw", f"${token.content}$"), token)


def _render_block(self: object, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    if "mathml" in token.meta:
        return f'<div class="math math-display">{token.meta["mathml"]}</div>\n'
    return _error_html("pre", f"$${token.content}$$", token) + "\n"


def _error_html(tag: str, source: str, token: Token) -> str:
    """The formula's source, so the reader still sees what was meant; the reason as a tooltip."""
    reason = escapeHtml(token.meta.get("math_error", "formula not converted"))
    return f'<{tag} class="math-error" title="{reason}">{escapeHtml(source)}</{tag}>'
