"""Obsidian wikilinks ``[[Note#Heading|alias]]`` and embeds ``![[image.png|300]]``.

Why this module exists: links between notes are the backbone of a vault, and they must be found
by an inline rule (never a regex over the source) so ``[[...]]`` inside code stays literal.

Tokens (see :mod:`vaultc.markdown` for the shared contract):

``wikilink_open`` (tag ``a``), label tokens, ``wikilink_close``
    ``meta``: ``target`` (path before the first ``#``, may be ``""`` for a same-note link),
    ``heading`` (tuple of the heading chain), ``block`` (block id without ``^``, or None),
    ``alias`` (source text after the first ``|``, or None), ``raw``, ``offset``. Without an alias
    the label is one text token holding Obsidian's display text (``Note > Heading``).
``embed`` (self-closing)
    ``meta``: ``target``, ``heading``, ``block``, ``raw``, ``offset``, plus ``alt``, ``width`` and
    ``height`` from the parameters after ``|``. A fragment is not interpreted further:
    ``![[doc.pdf#page=3]]`` has ``heading == ("page=3",)``; the renderer decides what it means.

Choices: a wikilink (or embed) holds no newline; a ``\\|`` separates like ``|`` (it is how a link is
written inside a table cell); a wikilink with nothing to point at (``[[]]``, ``[[#]]``) stays text;
an alias holding ``[[`` or a Markdown link makes the outer ``[[`` literal and the inner link wins,
as CommonMark does for ``[a [b](c)](d)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererProtocol
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_SIZE = re.compile(r"(\d+)(?:x(\d+))?")


@dataclass(frozen=True)
class _Markup:
    """Where one ``[[...]]`` stands in ``state.src`` (``inner_*`` excludes the brackets)."""

    start: int
    inner_start: int
    inner_end: int
    pipe: int  # index of the first separating ``|``, or -1

    @property
    def end(self) -> int:
        return self.inner_end + 2


@dataclass(frozen=True)
class _Destination:
    """What the part before the first ``|`` points at."""

    target: str
    heading: tuple[str, ...]
    block: str | None


def wikilinks_plugin(md: MarkdownIt) -> None:
    """Parse ``[[...]]`` before CommonMark links and ``![[...]]`` before images."""
    md.inline.ruler.before("link", "wikilink", wikilink)
    md.inline.ruler.before("image", "embed", embed)
    md.add_render_rule("wikilink_open", render_wikilink_open)
    md.add_render_rule("wikilink_close", render_wikilink_close)
    md.add_render_rule("embed", render_embed)


def wikilink(state: StateInline, silent: bool) -> bool:
    """Inline rule for ``[[target#heading|alias]]``."""
    if state.src[state.pos] != "[":
        return False
    markup = _find_markup(state, state.pos)
    if markup is None:
        return False
    destination = _parse_destination(state.src[markup.inner_start : _target_end(state, markup)])
    if destination is None or _alias_holds_link(state, markup):
        return False
    if not silent:
        _push_wikilink(state, markup, destination)
    state.pos = markup.end
    return True


def embed(state: StateInline, silent: bool) -> bool:
    """Inline rule for ``![[target#heading|alt|WIDTHxHEIGHT]]``."""
    if state.src[state.pos] != "!":
        return False
    markup = _find_markup(state, state.pos + 1)
    if markup is None:
        return False
    destination = _parse_destination(state.src[markup.inner_start : _target_end(state, markup)])
    if destination is None:
        return False
    if not silent:
        _push_embed(state, markup, destination)
    state.pos = markup.end
    return True


def _find_markup(state: StateInline, start: int) -> _Markup | None:
    """Locate ``[[ ... ]]`` opening at ``start``; every scan stops at the next ``[[`` or newline,
    so a line full of unclosed brackets is still read in linear time."""
    src = state.src
    if not src.startswith("[[", start):
        return None
    inner_start = start + 2
    pos = inner_start
    while pos < state.posMax and src[pos] not in "[]|\n":
        pos += 1
    if src.startswith("]]", pos, state.posMax):
        return _Markup(start, inner_start, pos, pipe=-1)
    if pos >= state.posMax or src[pos] != "|":
        return None
    close = _alias_close(src, pos + 1, state.posMax)
    return None if close < 0 else _Markup(start, inner_start, close, pipe=pos)


def _alias_close(src: str, pos: int, limit: int) -> int:
    """Index of the ``]]`` ending an alias that starts at ``pos``, or -1 if a newline or a new
    ``[[`` comes first."""
    while pos + 1 < limit:
        pair = src[pos : pos + 2]
        if pair == "]]":
            return pos
        if pair == "[[" or src[pos] == "\n":
            return -1
        pos += 1
    return -1


def _target_end(state: StateInline, markup: _Markup) -> int:
    """End of the target part: before the ``|``, or before ``\\|`` (an escaped separator)."""
    if markup.pipe < 0:
        return markup.inner_end
    escaped = markup.pipe > markup.inner_start and state.src[markup.pipe - 1] == "\\"
    return markup.pipe - 1 if escaped else markup.pipe


def _parse_destination(text: str) -> _Destination | None:
    """Split ``Note#H1#^id`` into target, heading chain and block id; None if it is empty."""
    target, *fragments = (part.strip() for part in text.split("#"))
    fragments = [fragment for fragment in fragments if fragment]
    block = None
    if fragments and fragments[-1].startswith("^"):
        block = fragments.pop()[1:].strip() or None
    if not (target or fragments or block):
        return None
    return _Destination(target, tuple(fragments), block)


def _alias_holds_link(state: StateInline, markup: _Markup) -> bool:
    """True when a ``[`` in the alias starts a link, which Markdown does not allow in a link
    (the same check ``parseLinkLabel`` makes, run with the alias as the whole input)."""
    if markup.pipe < 0 or state.src.find("[", markup.pipe, markup.inner_end) < 0:
        return False
    old_pos, old_max = state.pos, state.posMax
    state.pos, state.posMax = markup.pipe + 1, markup.inner_end
    nested = False
    while state.pos < state.posMax and not nested:
        opens_bracket = state.src[state.pos] == "["
        before = state.pos
        state.md.inline.skipToken(state)
        nested = opens_bracket and state.pos > before + 1
    state.pos, state.posMax = old_pos, old_max
    return nested


def _push_wikilink(state: StateInline, markup: _Markup, destination: _Destination) -> None:
    alias = _after_pipe(state, markup).strip()
    token = state.push("wikilink_open", "a", 1)
    token.meta = {
        **asdict(destination),
        "alias": alias or None,
        **_position_meta(state, markup.start, markup.end),
    }
    if alias:
        _tokenize_alias(state, markup)
    else:
        state.push("text", "", 0).content = _display_text(destination)
    state.push("wikilink_close", "a", -1)


def _tokenize_alias(state: StateInline, markup: _Markup) -> None:
    """Parse the alias as inline Markdown, as link.py does with a link's label.

    The range runs up to the closing ``]]`` because markdown-it's text rule stops only at a
    terminator character (``]`` here), not at ``posMax``; the alias's outer spaces are dropped
    afterwards.
    """
    old_max = state.posMax
    state.pos, state.posMax = markup.pipe + 1, markup.inner_end
    while state.src[state.pos].isspace():
        state.pos += 1
    state.linkLevel += 1
    state.md.inline.tokenize(state)
    state.linkLevel -= 1
    state.posMax = old_max
    last = state.tokens[-1]
    if last.type == "text":
        last.content = last.content.rstrip()
        if not last.content:
            state.tokens.pop()
            state.tokens_meta.pop()


def _push_embed(state: StateInline, markup: _Markup, destination: _Destination) -> None:
    params = _split_params(_after_pipe(state, markup))
    width, height = _pop_size(params)
    token = state.push("embed", "", 0)
    token.meta = {
        **asdict(destination),
        "alt": "|".join(params) or None,
        "width": width,
        "height": height,
        **_position_meta(state, markup.start - 1, markup.end),
    }


def _after_pipe(state: StateInline, markup: _Markup) -> str:
    """Source text between the first ``|`` and the closing ``]]`` (empty without a ``|``)."""
    return state.src[markup.pipe + 1 : markup.inner_end] if markup.pipe >= 0 else ""


def _split_params(text: str) -> list[str]:
    """Embed parameters, separated by ``|`` or ``\\|``, whitespace-trimmed."""
    return [param.strip().removesuffix("\\").strip() for param in text.split("|")]


def _pop_size(params: list[str]) -> tuple[int | None, int | None]:
    """Remove a trailing ``WIDTH`` or ``WIDTHxHEIGHT`` parameter and return it."""
    size = _SIZE.fullmatch(params[-1]) if params else None
    if size is None:
        return None, None
    params.pop()
    height = size.group(2)
    return int(size.group(1)), int(height) if height else None


def _display_text(destination: _Destination) -> str:
    """What Obsidian shows for a link without alias: ``Note > H1 > H2`` or ``Note > ^id``."""
    parts = [destination.target] if destination.target else []
    parts += destination.heading
    if destination.block:
        parts.append("^" + destination.block)
    return " > ".join(parts)


def _position_meta(state: StateInline, start: int, end: int) -> dict[str, object]:
    return {"raw": state.src[start:end], "offset": start}


def _fragment(token: Token) -> str:
    """The most specific anchor: ``#^block``, else ``#`` and the last heading, else nothing."""
    block: str | None = token.meta["block"]
    heading: tuple[str, ...] = token.meta["heading"]
    if block:
        return "#^" + block
    return "#" + heading[-1] if heading else ""


def render_wikilink_open(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Plain default: the site renderer replaces it with a resolved URL."""
    href = tokens[idx].meta["target"] + _fragment(tokens[idx])
    return f'<a class="wikilink" href="{escapeHtml(href)}">'


def render_wikilink_close(
    self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "</a>"


def render_embed(self: RendererProtocol, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    """Plain default: a placeholder listing what was parsed, in a fixed attribute order."""
    meta = tokens[idx].meta
    attributes = {
        "target": meta["target"],
        "heading": "#".join(meta["heading"]) or None,
        "block": meta["block"],
        "alt": meta["alt"],
        "width": meta["width"],
        "height": meta["height"],
    }
    rendered = "".join(
        f' data-{name}="{escapeHtml(str(value))}"' for name, value in attributes.items() if value is not None
    )
    return f'<span class="embed"{rendered}></span>'
