"""When spellings that concept keys keep apart still name one concept, from the vault's own evidence.

Why a module of its own: concept keys merge case, plural, hyphens and British spelling
(:mod:`vaultc.extract.spelling`); two more habits of writing one idea two ways need the vault's
evidence, never a list of words:

* **a classifier word**: "dropout layer" and "Dropout", "soft max function" and "Softmax". A word is
  a classifier in this vault when it ends at least :data:`MIN_CLASSIFIED` different terms
  ("dense layer", "hidden layer", "dropout layer"); then "X <classifier>" is X when X is a term of its
  own. Unless the vault gives both their own notes ("loss" and "loss function" in a glossary of one
  note per term): it says itself they are two;
* **a contraction**: "batchnorm" is "batch normalization", "layernorm" is "layer normalization": one
  word that is the other's words run together, the last one cut after at least
  :data:`MIN_CUT` letters.

Both are union-find joins on the concept keys (:class:`vaultc.extract.concepts` builds concepts from
the groups), linear in the number of terms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from vaultc.extract.model import Term
from vaultc.extract.spelling import ARTICLES, american, concept_key, singular, words

MIN_CLASSIFIED = 3
MIN_CUT = 3

Join = Callable[[str, str], None]


def join_classified(join: Join, terms: Sequence[Term]) -> None:
    """ "X <classifier>" joins X, when the vault writes X as a term and does not give both a note."""
    folded = {concept_key(term.name): _folded(term.name) for term in terms}
    classifiers = Counter(parts[-1] for parts in folded.values() if len(parts) > 1)
    own_notes = {concept_key(term.name) for term in terms if term.source == "title"}
    for key, parts in folded.items():
        if len(parts) < 2 or classifiers[parts[-1]] < MIN_CLASSIFIED:
            continue
        shorter = "".join(parts[:-1])
        if shorter in folded and not (key in own_notes and shorter in own_notes):
            join(key, shorter)


def join_contractions(join: Join, terms: Iterable[Term]) -> None:
    """ "batchnorm" joins "batch normalization": the words run together, the last one cut short."""
    keys = {concept_key(term.name): _folded(term.name) for term in terms}
    by_prefix: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, parts in keys.items():
        if len(parts) > 1:
            by_prefix["".join(parts[:-1])].append((parts[-1], key))
    for key, parts in keys.items():
        if len(parts) == 1:
            for other in _contracted(parts[0], by_prefix):
                join(key, other)


def _contracted(word: str, by_prefix: dict[str, list[tuple[str, str]]]) -> Iterable[str]:
    for cut in range(1, len(word) - MIN_CUT + 1):
        rest = word[cut:]
        for last, key in by_prefix.get(word[:cut], ()):
            if last != rest and last.startswith(rest):
                yield key


def _folded(name: str) -> list[str]:
    """The words of a name as its concept key folds them (so their run together is its key)."""
    parts = [american(word) for word in words(name)]
    while parts and parts[0] in ARTICLES:
        parts = parts[1:]
    if parts:
        parts[-1] = singular(parts[-1])
    return parts
