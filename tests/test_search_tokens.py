"""Search tokenisation: the rules search.js repeats in the browser (see search_tokens.py)."""

from __future__ import annotations

import unicodedata

import pytest

from vaultc.render.search.search_tokens import (
    _WORD,
    MAX_TOKEN,
    STOPWORDS,
    index_tokens,
    is_cjk,
    normalize,
    query_tokens,
    tokens,
)

TOKEN_CASES = [
    # accents and case
    ("Café", ["cafe"]),
    ("CAFÉ naïve Ångström", ["cafe", "naive", "angstrom"]),
    ("cafe\u0301", ["cafe"]),  # decomposed accent
    ("İstanbul", ["istanbul"]),
    ("Straße STRASSE", ["strasse", "strasse"]),
    ("ΟΔΟΣ οδός", ["οδοσ", "οδοσ"]),
    ("Ĳssel ﬁne", ["ijssel", "fine"]),  # compatibility ligatures
    ("ＡＢＣ１２３", ["abc123"]),  # full-width forms
    ("Москва", ["москва"]),
    # digits and symbols
    ("x² H₂O", ["x2", "h2o"]),
    ("3.14 and 1,000", ["3", "14", "and", "1", "000"]),
    ("GPT-4", ["gpt", "4"]),
    ("C++ and C#", ["c", "and", "c"]),
    # separators
    ("don't Bayes’ Newton's", ["don", "t", "bayes", "newton", "s"]),
    ("k-means fine‐tuning", ["k", "means", "fine", "tuning"]),
    ("snake_case camelCase", ["snake", "case", "camelcase"]),
    ("🚀rocket😀 ✓done", ["rocket", "done"]),
    ("a/b test (A|B)", ["a", "b", "test", "a", "b"]),
    ("", []),
    ("  ...  ", []),
    # CJK: bigrams, single characters for one-character runs
    ("機械学習", ["機械", "械学", "学習"]),
    ("学", ["学"]),
    ("機械学習とは", ["機械", "械学", "学習", "習と", "とは"]),
    ("AI機械学習", ["ai", "機械", "械学", "学習"]),
    ("GPT是 模型", ["gpt", "是", "模型"]),
    ("한국어 문장", ["한국", "국어", "문장"]),
    ("\u1112\u1161\u11ab", ["한"]),  # conjoining jamo rebuilt into a syllable
    ("ｶﾀｶﾅ", ["カタ", "タカ", "カナ"]),  # half-width katakana
    ("ガギ", ["カキ"]),  # voicing marks are marks: dropped on both sides
    ("𠀋𠀌", ["𠀋𠀌"]),  # CJK extension B (outside the BMP)
]


@pytest.mark.parametrize(("text", "expected"), TOKEN_CASES)
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


def test_long_tokens_are_cut() -> None:
    assert tokens("x" * 100) == ["x" * MAX_TOKEN]
    assert query_tokens("x" * 40) == ["x" * MAX_TOKEN]


def test_normalize_drops_marks_and_folds_case() -> None:
    assert normalize("Crème Brûlée") == "creme brulee"
    assert normalize("ẞ") == "ss"
    assert normalize("Ⅻ ℃") == "xii °c"


def test_words_are_exactly_letters_and_digits() -> None:
    """The Python word pattern equals JavaScript's [\\p{L}\\p{N}]+ after normalisation, for every character."""
    for code in [*range(0x40000), *range(0xE0000, 0xE1000)]:  # every plane with assigned characters
        if unicodedata.category(chr(code)) in ("Cs", "Cn"):
            continue
        normal = normalize(chr(code))
        runs = "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in normal).split()
        assert _WORD.findall(normal) == runs, hex(code)


def test_index_tokens_drop_stopwords_and_add_joined_hyphenated_words() -> None:
    assert index_tokens("The fine-tuning of a model") == ["fine", "tuning", "model", "finetuning"]
    assert index_tokens("k-means and x‐y‐z") == ["k", "means", "x", "y", "z", "kmeans", "xyz"]
    assert index_tokens("機械-学習") == ["機械", "学習"]  # no joined CJK words


def test_query_tokens_drop_stopwords_and_repeats() -> None:
    assert query_tokens("What is an embedding?") == ["embedding"]
    assert query_tokens("embedding EMBEDDING Embédding") == ["embedding"]
    assert query_tokens("the of and") == []
    assert {"the", "what", "is", "a"} <= STOPWORDS


def test_is_cjk() -> None:
    assert is_cjk("学") and is_cjk("カ") and is_cjk("한") and is_cjk("𠀋")
    assert not is_cjk("a") and not is_cjk("ж") and not is_cjk("1")
