"""How text becomes search tokens: one set of rules, written twice (here and in ``search.js``).

The index is built here at build time and queried in the browser, so both sides must cut text the
same way; a change here needs the same change in ``themes/default/static/search.js`` (the tests in
``tests/test_search_tokens.py`` pin the rules down). The rules:

1. Normalise: Unicode NFKD, drop every combining mark (category M), NFC again (which rebuilds
   Hangul syllables), lower-case, then ``ß`` -> ``ss`` and ``ς`` -> ``σ``. So "Café" matches
   "cafe", "ＡＢＣ" matches "abc", "x²" is "x2". (Marks are dropped in every script: Japanese
   "ガ" is searched as "カ"; lossy, but the same on both sides.)
2. Words are maximal runs of letters and digits (categories L and N). Everything else separates:
   spaces, punctuation, apostrophes ("Bayes's" -> "bayes", "s"), hyphens ("k-means" -> "k", "means"),
   emoji, symbols, underscores.
3. Inside a word, CJK characters (Han, Hiragana, Katakana, Hangul: the ranges in ``CJK_RANGES``)
   are cut from the rest; a CJK run becomes its overlapping character bigrams ("機械学習" -> "機械",
   "械学", "学習"), a one-character run stays one token.
4. Tokens are cut to ``MAX_TOKEN`` characters.
5. Common English words (``STOPWORDS``, shipped inside the index so the browser reads the same list)
   are neither indexed nor searched.

Index side only: a hyphenated word is also indexed joined ("fine-tuning" -> "finetuning"), so
"finetuning", "fine-tuning" and "fine tuning" all find it; and two neighbouring words are indexed
joined when another document writes them as one word ("soft max" -> "softmax"). Query side only: the last query token is
a prefix (see ``search_query.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

MAX_TOKEN = 32
CJK_RANGES = (
    ("\u1100", "\u11ff"),  # Hangul Jamo
    ("\u2e80", "\u2fdf"),  # CJK radicals, Kangxi radicals
    ("\u3005", "\u3007"),  # 々 〆 〇
    ("\u3021", "\u3029"),  # Hangzhou numerals
    ("\u3040", "\u30ff"),  # Hiragana, Katakana
    ("\u3130", "\u318f"),  # Hangul compatibility Jamo
    ("\u31f0", "\u31ff"),  # Katakana phonetic extensions
    ("\u3400", "\u4dbf"),  # CJK extension A
    ("\u4e00", "\u9fff"),  # CJK unified ideographs
    ("\ua960", "\ua97f"),  # Hangul Jamo extended A
    ("\uac00", "\ud7ff"),  # Hangul syllables, Jamo extended B
    ("\uf900", "\ufaff"),  # CJK compatibility ideographs
    ("\U00020000", "\U0003ffff"),  # CJK extensions B and later
)
_STOPWORD_TEXT = (
    "a an and are as at be by did do does for from had has have how if in into is it its of on or "
    "than that the then there these this those to was were what when where which who why will with"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_CJK_CLASS = "".join(f"{low}-{high}" for low, high in CJK_RANGES)
_WORD = re.compile(r"[^\W_]+")
"""Letters and digits: after normalisation this is exactly Unicode categories L and N (tested)."""
_ASCII_WORD = re.compile("[a-z0-9]+")
_SEGMENT = re.compile(f"[{_CJK_CLASS}]+|[^\\W_{_CJK_CLASS}]+")
"""A CJK run, or a run of other letters and digits: words (rules 2) already cut at CJK (rule 3)."""
_CJK = re.compile(f"[{_CJK_CLASS}]")
_HYPHEN = re.compile("[-\u2010\u2011]")
_DASH_BEFORE_WORD = re.compile(r"-(?=[^\W_])")
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


class _DropMarks(dict):
    """A ``str.translate`` table deleting combining marks, filled in as characters are met."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)).startswith("M") else code
        self[code] = kept
        return kept


_MARKS = _DropMarks()


def normalize(text: str) -> str:
    """Rule 1: the text as compared (accents and case gone, compatibility forms unified)."""
    decomposed = unicodedata.normalize("NFKD", text).translate(_MARKS)
    return unicodedata.normalize("NFC", decomposed).lower().replace("ß", "ss").replace("ς", "σ")


def is_cjk(token: str) -> bool:
    return bool(_CJK.match(token))


def tokens(text: str) -> list[str]:
    """Rules 1-4: every token of ``text`` in order, repeats kept (stopwords too)."""
    return _tokens_of(normalize(text))


def _tokens_of(normal: str) -> list[str]:
    if not _CJK.search(normal):
        words = (_ASCII_WORD if normal.isascii() else _WORD).findall(normal)  # same meaning, faster
        return [word[:MAX_TOKEN] for word in words] if max(map(len, words), default=0) > MAX_TOKEN else words
    found = []
    for segment in _SEGMENT.findall(normal):
        if len(segment) > 1 and _CJK.match(segment):
            found.extend(segment[i : i + 2] for i in range(len(segment) - 1))
        else:
            found.append(segment[:MAX_TOKEN])
    return found


def index_token_counts(text: str) -> Counter[str]:
    """What a document's text is indexed under, with counts: its tokens without stopwords, plus
    joined hyphenated words."""
    normal = normalize(text)
    counts = Counter(_tokens_of(normal))
    for stopword in STOPWORDS.intersection(counts):
        del counts[stopword]
    if "-" in normal or "\u2010" in normal or "\u2011" in normal:
        counts.update(_joined_words(_HYPHEN.sub("-", normal)))
    return counts


def index_tokens(text: str) -> list[str]:
    """The distinct tokens :func:`index_token_counts` finds."""
    return list(index_token_counts(text))


def _joined_words(dashed: str) -> Iterator[str]:
    """ "fine-tuning" -> "finetuning", for every hyphenated non-CJK word."""
    covered = 0
    for hyphen in _DASH_BEFORE_WORD.finditer(dashed):
        start = hyphen.start()
        if start < covered or not start or not dashed[start - 1].isalnum():
            continue
        while start and dashed[start - 1].isalnum():
            start -= 1
        compound = _HYPHENATED.match(dashed, start)
        covered = compound.end()
        joined = compound.group().replace("-", "")
        if not _CJK.search(joined):
            yield joined[:MAX_TOKEN]


def joined_pairs(text: str) -> set[str]:
    """Two neighbouring words written together ("soft max" -> "softmax"), for every pair of words
    (not CJK, not stopwords): the index keeps those some document writes as one word, so a search
    for "softmax" finds "soft max" too."""
    words = _tokens_of(normalize(text))
    return {
        (first + second)[:MAX_TOKEN]
        for first, second in zip(words, words[1:], strict=False)
        if first not in STOPWORDS and second not in STOPWORDS and not is_cjk(first) and not is_cjk(second)
    }


def query_tokens(text: str) -> list[str]:
    """A query's tokens: stopwords dropped, repeats dropped, order kept."""
    return list(dict.fromkeys(token for token in tokens(text) if token not in STOPWORDS))
