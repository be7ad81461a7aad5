"""When do two spellings name one concept, and when does a term look misspelt?

Merging must be safe: case, plural, hyphen/space and British/American variants of one term get the
same :func:`concept_key` ("Batch Normalisation", "batch-normalizations" -> "batchnormalization").
Misspellings are never merged, only suggested (``Trasformer`` ~ ``transformer``): a suggestion comes
from pyspellchecker's English dictionary, guarded so that jargon the vault itself uses (``backprop``
next to "backpropagation", ``argmax``) is not "corrected".
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

ARTICLES = frozenset({"a", "an", "the"})

# Only suffixes that are unambiguously British spellings ("precise" and "noise" must stay).
_BRITISH_SUFFIXES = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("alise", "alize"),
    ("imise", "imize"),
    ("arise", "arize"),
    ("orise", "orize"),
    ("enise", "enize"),
    ("ialise", "ialize"),
    ("elling", "eling"),
    ("elled", "eled"),
    ("yse", "yze"),
    ("our", "or"),
)
_OUR_WORDS = frozenset({"behaviour", "colour", "neighbour", "favour", "labour", "flavour", "honour", "rumour"})
_SINGULAR_KEEP = ("ss", "us", "is", "as", "os", "ics")


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-case words of a term: letters and digits, split at spaces, hyphens and punctuation."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@functools.lru_cache(maxsize=65536)
def american(word: str) -> str:
    """The American spelling of a word with an unambiguous British suffix."""
    if word.endswith("our") and word not in _OUR_WORDS:
        return word
    for british, us in _BRITISH_SUFFIXES:
        if word.endswith(british) and len(word) > len(british) + 1:
            return word[: -len(british)] + us
    return word


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Conservative singular: only the regular English plurals ("layers", "classes", "bodies")."""
    if len(word) <= 3 or word.endswith(_SINGULAR_KEEP) or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def concept_key(term: str) -> str:
    """The merge key: words folded for case, spelling and number, articles dropped, joined without
    separators so "feed-forward", "feed forward" and "feedforward" agree."""
    parts = [american(word) for word in words(term)]
    while parts and parts[0] in ARTICLES:
        parts = parts[1:]
    if parts:
        parts[-1] = singular(parts[-1])
    return "".join(parts)


@functools.cache
def _dictionary():
    from spellchecker import SpellChecker  # loaded only when a vault has terms to check

    return SpellChecker()


def misspelling_suggestion(term: str, vault_words: tuple[str, ...]) -> str | None:
    """A likely intended spelling of a one-word term, or None when it looks deliberate.
    ``vault_words`` is the vault's own vocabulary, sorted."""
    word = term.casefold()
    if " " in word or len(word) < 6 or not word.isalpha():
        return None
    checker = _dictionary()
    if word in checker or _is_vault_jargon(word, vault_words):
        return None
    suggestion = checker.correction(word)
    # Real slips keep the first letter and are one key away ("Trasformer"): "ensembling" is not a typo
    # of "assembling", nor "underfitting" of "undercutting" (two letters apart).
    if not suggestion or suggestion[0] != word[0] or not one_edit_apart(word, suggestion):
        return None
    return suggestion


def one_edit_apart(first: str, second: str) -> bool:
    """One letter inserted, deleted, replaced, or two neighbours swapped (a Damerau distance of 1)."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    start = next(
        (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b), min(len(first), len(second))
    )
    if len(first) == len(second):
        swapped = first[start + 1 : start + 2] + first[start : start + 1] == second[start : start + 2]
        return first[start + 1 :] == second[start + 1 :] or (swapped and first[start + 2 :] == second[start + 2 :])
    shorter, longer = sorted((first, second), key=len)
    return shorter[start:] == longer[start + 1 :]


def _is_vault_jargon(word: str, vault_words: tuple[str, ...]) -> bool:
    """The vault uses the word elsewhere, or it abbreviates a longer word of the vault (the first
    word sorting at or after it starts with it): a bisection, not a scan of the vocabulary."""
    position = bisect.bisect_left(vault_words, word)
    return position < len(vault_words) and vault_words[position].startswith(word)
