"""How the browser answers a query, written in Python: the reference ``search.js`` follows.

The site never runs this (search happens in the reader's browser); it exists so ranking can be
tested in Python against a real index, and to keep the algorithm readable in one place:

- every query token must match (AND); the last one is a prefix when it has two or more characters
  ("embed" finds "embedding"), and a single CJK character matches every bigram containing it;
- a token of four or more characters that the index does not hold (nor, for the last, any token
  it begins) stands for the index tokens one typo away ("embeding" finds "embedding"; two typos
  from eight characters): a letter missing, added, changed, or two neighbours swapped;
- for a prefix, a document's weight is the best weight among the tokens it matched;
- score = sum of the weights of all query tokens;
- order: exact title matches first (every query token matched in the title and the title has no
  other words; a term before a question before a note), then score, then title (document ids are in title order).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from vaultc.render.search.search_index import KINDS, TITLE_WEIGHT, decode_postings
from vaultc.render.search.search_tokens import is_cjk, query_tokens

EXACT_RANK = {"term": 3, "question": 2, "note": 1}
MIN_TYPO_LENGTH = 4
"""Shorter query words are taken as written: one typo away from a short word is too many words."""
TWO_TYPOS_LENGTH = 8


def typos_within(written: str, token: str, limit: int) -> bool:
    """Whether ``token`` is at most ``limit`` typos from ``written`` (optimal string alignment: a
    character left out, added or changed, or two neighbours swapped, each one typo)."""
    if abs(len(written) - len(token)) > limit:
        return False
    before, previous = None, list(range(len(token) + 1))
    for i, char in enumerate(written, 1):
        current = [i] + [0] * len(token)
        for j, other in enumerate(token, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if before is not None and i > 1 and j > 1 and char == token[j - 2] and written[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return False
        before, previous = previous, current
    return previous[-1] <= limit


@dataclass(frozen=True)
class Hit:
    doc: int
    score: int
    exact: int
    """EXACT_RANK of its kind if the title is exactly the query, else 0."""


class SearchIndex:
    """An index as built by :func:`~vaultc.render.search.search_index.build_index`, ready to query."""

    def __init__(self, index: dict[str, Any]) -> None:
        self.index = index
        self.sorted_tokens = sorted(index["postings"])
        self.cjk_tokens = [token for token in self.sorted_tokens if is_cjk(token)]

    def postings(self, token: str) -> dict[int, int]:
        return dict(decode_postings(self.index["postings"].get(token, [])))

    def expand(self, term: str, last: bool) -> list[str]:
        """The index tokens one query token stands for: itself (or, the last one, the tokens it
        begins), else the tokens a typo or two away."""
        found = self._written(term, last)
        if any(token in self.index["postings"] for token in found) or is_cjk(term) or len(term) < MIN_TYPO_LENGTH:
            return found
        limit = 2 if len(term) >= TWO_TYPOS_LENGTH else 1
        return [token for token in self.sorted_tokens if typos_within(term, token, limit)]

    def _written(self, term: str, last: bool) -> list[str]:
        if not last:
            return [term]
        if is_cjk(term) and len(term) == 1:
            return [token for token in self.cjk_tokens if term in token]
        if len(term) < 2:
            return [term]
        start = bisect.bisect_left(self.sorted_tokens, term)
        matches = []
        for token in self.sorted_tokens[start:]:
            if not token.startswith(term):
                break
            matches.append(token)
        return matches

    def weights(self, term: str, last: bool) -> dict[int, int]:
        best: dict[int, int] = {}
        for token in self.expand(term, last):
            for doc, weight in self.postings(token).items():
                best[doc] = max(best.get(doc, 0), weight)
        return best

    def search(self, query: str) -> list[Hit]:
        terms = query_tokens(query)
        if not terms:
            return []
        scores: dict[int, int] = {}
        titled: dict[int, int] = {}
        for position, term in enumerate(terms):
            weights = self.weights(term, position == len(terms) - 1)
            if position:
                weights = {doc: weight for doc, weight in weights.items() if doc in scores}
            scores = {doc: scores.get(doc, 0) + weight for doc, weight in weights.items()}
            titled = {doc: titled.get(doc, 0) + (weight >= TITLE_WEIGHT) for doc, weight in weights.items()}
        hits = [Hit(doc, score, self._exact(doc, titled[doc], len(terms))) for doc, score in scores.items()]
        return sorted(hits, key=lambda hit: (-hit.exact, -hit.score, hit.doc))  # ids are in title order

    def _exact(self, doc: int, titled: int, term_count: int) -> int:
        """Every query token matched in the title, and the title has no other words."""
        kind, title = KINDS[self.index["docs"][doc][0]], self.index["docs"][doc][1]
        if titled != term_count or len(query_tokens(title)) != term_count:
            return 0
        return EXACT_RANK[kind]
