"""Hypothesis strategies for whole vaults written in Obsidian's syntax, hostile and broken parts included.

Why this exists: the pipeline's promises (no crash, well-formed pages, no script from a note, every
exported question on its page) must hold for any mix of constructs, not only the combinations the
table tests thought of. A vault here is a handful of notes drawn from a small pool of names (so
links and embeds often hit, sometimes miss, and embeds form cycles), plus a few attachments. Each
note is optional front matter, then blocks (headings, questions, cards, callouts, lists, math,
fences, raw HTML...) whose lines are runs of inline fragments (links, embeds, tags, comments,
clozes, raw HTML, Unicode), with LF or CRLF endings and maybe a BOM.

The fragments are literal strings chosen for what they exercise; Hypothesis picks and combines
them, and shrinks a failing vault to the few fragments that matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

NOTE_PATHS = (
    "Alpha.md", "Beta note.md", "folder/Gamma.md", "folder/deeper/Delta.md", "Café.md", "Cafe\u0301 NFD.md",
    "日本語ノート.md", "שלום עולם.md", "🚀 Rocket.md", "index.md", "folder/Alpha.md", "N" * 251 + ".md",
)  # fmt: skip
"""Note paths: duplicate stems (ambiguous links), NFC and NFD spellings, RTL, CJK and emoji names."""

SVG_WITH_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)
ATTACHMENTS = {
    "image.png": PNG,
    "assets/pic one.png": PNG,
    "doc.pdf": b"%PDF-1.4\n%%EOF\n",
    "evil.svg": SVG_WITH_SCRIPT,
    "page.html": b"<!doctype html><title>x</title><script>alert(3)</script>",
}
MISSING = ("Nowhere", "folder/Missing", "missing.png", "Alpha.md")
TARGETS = tuple(path.removesuffix(".md") for path in NOTE_PATHS) + MISSING + ("Gamma", "Delta", "image.png")
HEADING_WORDS = ("Intro", "What is it?", "Café ☕", "Q1) Why?", "Details", "")

WORDS = (
    "the", "cache", "is", "a", "store", "What", "Why", "How", "Define", "it", "term", "Term", "means",
    "Café", "Cafe\u0301", "e\u0301\u0301\u0301", "مرحبا", "שָׁלוֹם", "\u202eevil\u202c", "\u200f", "漢字", "かな",
    "🙂", "👩\u200d💻", "🇫🇷", "x\u200by", "?", "::", ":::", "—", "&amp;", "&", "<", ">", "\"", "'", "\\", "*",
    "_", "`", "|", "[", "]", "^b1", "$", "==", "~~", "1)", "#", "%", "\t", "\u00a0", "\x00", "\x0c", "\ufeff",
)  # fmt: skip

RAW_INLINE = (
    "<script>alert(1)</script>", "<script>", "</script>", "<style>body{display:none}</style>", "<style>",
    "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>', '<a href=" JaVaScRiPt:alert(1)">y</a>',
    '<a href="java&#x09;script:alert(1)">z</a>', "<b onclick=alert(1)>b</b>", "<svg onload=alert(1)>",
    '<iframe src="https://example.com" srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data=" data:text/html,<script>alert(1)</script>"></object>', '<object data="evil.svg"></object>',
    '<embed src="evil.svg">', '<form action="javascript:alert(1)"><button>go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "<base href=javascript:alert(1)//>",
    '<math><a xlink:href="javascript:alert(1)">m</a></math>', "<br>", "<br/>", "<span>", "</span>", "<div>",
    "</div>", "</p>", "<!-- c -->", "<!--", "<details><summary>s</summary>", "</details>", "<textarea>",
    "<title>", "<plaintext>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    '<span id="main">id</span>', '<a id="q-what-is-it">dup</a>', "<sup>1</sup>", "<kbd>K</kbd>",
)  # fmt: skip

URLS = (
    "Alpha.md", "Beta%20note.md", "<Beta note.md>", "folder/Gamma.md", "../../../etc/passwd", "../Alpha.md",
    "image.png", "assets/pic%20one.png", "evil.svg", "page.html", "javascript:alert(1)", " javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "https://example.com/a?b=1",
    "#Intro", "Alpha.md#What is it?", "mailto:a@b.c", "obsidian://open?vault=v", "",
)  # fmt: skip

LATEX = (
    "x^2", "\\frac{a}{b}", "\\frac{a", "\\badcommand{x}", "\\begin{matrix}a&b\\end{matrix}", "}", "\\\\",
    "\\text{<script>alert(1)</script>}", "a < b", "\\href{javascript:alert(1)}{x}", "\\unicode{x41}", "",
)  # fmt: skip


def _pick(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values)


def _wikilink() -> st.SearchStrategy[str]:
    suffix = st.one_of(st.just(""), _pick(HEADING_WORDS).map("#".__add__), st.just("#^b1"), st.just("#^nope"))
    alias = st.one_of(st.just(""), _pick(WORDS).map("|".__add__))
    target = st.one_of(_pick(TARGETS), st.just(""))
    return st.tuples(st.sampled_from(("[[", "![[")), target, suffix, alias).map(lambda p: f"{p[0]}{p[1]}{p[2]}{p[3]}]]")


def _md_link() -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(("", "!")), _pick(WORDS), _pick(URLS)).map(lambda p: f"{p[0]}[{p[1]}]({p[2]})")


def _inline_math() -> st.SearchStrategy[str]:
    return _pick(LATEX).map(lambda latex: f"${latex}$")


def _tag() -> st.SearchStrategy[str]:
    names = ("tag", "nested/tag", "日本", "flashcards", "flashcards/deck", "a-b_c", "1984", "🚀", "x" * 300)
    return _pick(names).map("#".__add__)


def _wrapped() -> st.SearchStrategy[str]:
    shapes = ("%%{}%%", "{{{{c1::{}}}}}", "{{{{c2::{}::hint}}}}", "=={}==", "**{}**", "*{}*", "`{}`", "~~{}~~")
    return st.tuples(_pick(shapes), _pick(WORDS)).map(lambda p: p[0].format(p[1]))


def inline_fragment() -> st.SearchStrategy[str]:
    """One piece of a line: a word or one inline construct."""
    return st.one_of(
        _pick(WORDS), _pick(WORDS), _wikilink(), _md_link(), _inline_math(), _tag(), _wrapped(),
        _pick(RAW_INLINE), _pick(("https://example.com/x?y=1&z", "www.example.com", "a@example.com")),
        st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6),
    )  # fmt: skip


def line() -> st.SearchStrategy[str]:
    return st.lists(inline_fragment(), min_size=1, max_size=4).map(" ".join)


def question_line() -> st.SearchStrategy[str]:
    return st.tuples(_pick(("What is", "Why does", "How do", "Is", "Define")), line()).map(lambda p: f"{p[0]} {p[1]}?")


def _heading() -> st.SearchStrategy[str]:
    text = st.one_of(_pick(HEADING_WORDS), line(), question_line(), question_line().map("Q1) ".__add__))
    return st.tuples(st.integers(1, 6), text).map(lambda p: f"{'#' * p[0]} {p[1]}")


def _numbered() -> st.SearchStrategy[str]:
    number = st.one_of(st.integers(1, 30).map(str), st.just("9" * 400), st.just("0"))
    item = st.tuples(number, _pick((")", ".")), question_line(), line())
    return st.lists(item, min_size=1, max_size=3).map(
        lambda items: "\n".join(f"{n}{mark} {q}\n   {a}" for n, mark, q, a in items)
    )


def _card() -> st.SearchStrategy[str]:
    shapes = ("{}::{}", "{}:::{}", "{}\n?\n{}", "{}\n??\n{}", "Q: {}\nA: {}", "{}\n\n{}")
    return st.tuples(_pick(shapes), question_line(), line()).map(lambda p: p[0].format(p[1], p[2]))


def _fence() -> st.SearchStrategy[str]:
    bodies = st.one_of(line(), st.just("title: Admonition ✓\n[[Alpha]] #tag"))
    info = _pick(("", "python", "ad-note", "ad-definition", "ad-question", "mermaid", "dataview", "html"))
    return st.tuples(info, bodies, _pick(("```", "~~~", ""))).map(lambda p: f"```{p[0]}\n{p[1]}\n{p[2]}")


def _raw_block() -> st.SearchStrategy[str]:
    blocks = (
        "<script>\nalert(1)\n</script>", "<style>\n* { color: red }\n</style>", "<div>\n\n**bold** [[Alpha]]\n\n</div>",
        "<details>\n<summary>More</summary>\n\nhidden?\n\n</details>", "<table><tr><td>cell", "<pre>\n<b>x",
        "<!--\nno end", "<svg><script>alert(1)</script></svg>", "<iframe src=javascript:alert(1)></iframe>",
    )  # fmt: skip
    return _pick(blocks)


def _leaf_block() -> st.SearchStrategy[str]:
    """A block without children."""
    return st.one_of(
        line(), line(), _heading(), question_line(), _numbered(), _card(), _fence(), _raw_block(),
        _pick(LATEX).map(lambda latex: f"$$\n{latex}\n$$"), st.just("$$\nunclosed"), _pick(("---", "***", "%%", "$$")),
        st.tuples(line(), _pick(("b1", "x-2", "b1"))).map(lambda p: f"{p[0]} ^{p[1]}"),
        st.just("| a | b |\n|---|---|\n| [[Alpha\\|A]] | $x$ |"), st.just("%%\nhidden [[Alpha]]\n%%"),
        st.just("- [ ] task?\n- [x] done"), st.tuples(_pick(TARGETS)).map(lambda p: f"![[{p[0]}]]"),
    )  # fmt: skip


def _indent(text: str, prefix: str, first: str) -> str:
    lines = text.split("\n")
    return "\n".join([first + lines[0], *(prefix + rest if rest else prefix.rstrip() for rest in lines[1:])])


def _callout(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    kinds = _pick(("note", "question", "faq", "help", "warning", "tip", "QUESTION", "unknown-kind", ""))
    head = st.tuples(kinds, _pick(("", "+", "-")), st.one_of(st.just(""), line(), question_line()))
    return st.tuples(head, children).map(lambda p: _indent(f"[!{p[0][0]}]{p[0][1]} {p[0][2]}\n{p[1]}", "> ", "> "))


def _list_item(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    marker = _pick(("- ", "* ", "1. ", "2) "))
    return st.tuples(marker, children).map(lambda p: _indent(p[1], " " * len(p[0]), p[0]))


def _deep(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Nesting deeper than markdown-it's default limit, as outlines and quoted threads go."""
    return st.tuples(st.integers(8, 30), _pick(("> ", "  ")), children).map(
        lambda p: "\n".join(f"{p[1] * depth}- level {depth} {p[2]}" for depth in range(p[0]))
    )


def block() -> st.SearchStrategy[str]:
    """A block: a leaf, or callouts and list items holding blocks, a few levels deep."""
    return st.recursive(
        _leaf_block(),
        lambda children: st.one_of(_callout(children), _list_item(children), _deep(line())),
        max_leaves=4,
    )


FRONT_MATTER = (
    "title: A title\naliases: [Al, 'Alias ?']\ntags: [tag, flashcards]", "tags: a, b\naliases: one",
    "related: [\"[[Alpha]]\", \"[[Nowhere]]\"]\nup: \"[[Beta note]]\"", "publish: false", "publish: no",
    "title: [a, b]\ntags: {x: 1}\naliases: 12", "date: 2023-01-01\ntags: null\ntitle: null", "key: [unclosed",
    "- a list\n- not a mapping", "n: " + "9" * 5000, "deep: " + "[" * 200 + "]" * 200, "a: &x [*x]", "",
    "cssclasses: [wide]\ntitle: \"<script>alert(1)</script>\"", "tags: [\"#bad tag\", 3, null]", ": :",
)  # fmt: skip


def _front_matter() -> st.SearchStrategy[str]:
    fences = st.sampled_from((("---", "---"), ("---", "..."), ("---\\", "---"), ("---", ""), ("--- ", "---")))
    return st.tuples(fences, _pick(FRONT_MATTER)).map(lambda p: f"{p[0][0]}\n{p[1]}\n{p[0][1]}\n")


def note_text() -> st.SearchStrategy[str]:
    """A note's text as typed (LF endings; :func:`encode_note` picks its bytes)."""
    front = st.one_of(st.just(""), _front_matter())
    body = st.tuples(st.lists(block(), max_size=5), _pick(("\n\n", "\n"))).map(lambda p: p[1].join(p[0]))
    return st.tuples(front, body).map("".join)


def encode_note(text: str, endings: str, bom: bool) -> bytes:
    """The bytes on disk: the note with ``endings`` ("\\n", "\\r\\n" or "\\r") and maybe a UTF-8 BOM."""
    return ("\ufeff" if bom else "").encode() + text.replace("\n", endings).encode("utf-8", "surrogatepass")


@dataclass(frozen=True)
class FuzzVault:
    """A generated vault: (vault path, bytes) for every file, notes and attachments."""

    files: tuple[tuple[str, bytes], ...]

    def write(self, folder: Path) -> None:
        for path, data in self.files:
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(data)


def _note_file(path: str) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.builds(
        lambda text, endings, bom: (path, encode_note(text, endings, bom)),
        note_text(), _pick(("\n", "\n", "\r\n")), st.booleans(),
    )  # fmt: skip


@st.composite
def vaults(draw: st.DrawFn) -> FuzzVault:
    """One to four notes with distinct paths, and some of the attachments."""
    paths = draw(st.lists(_pick(NOTE_PATHS), min_size=1, max_size=4, unique=True))
    notes = [draw(_note_file(path)) for path in paths]
    attachments = draw(st.lists(_pick(tuple(ATTACHMENTS)), unique=True, max_size=len(ATTACHMENTS)))
    return FuzzVault(tuple(sorted([*notes, *((name, ATTACHMENTS[name]) for name in attachments)])))
