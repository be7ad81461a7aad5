"""How the browser answers a query, written in Python: the reference ``search.js`` follows.

The site never runs this (search happens in the reader's browser); it exists so ranking can be
tested in Python against a real index, and to keep the algorithm readable in one place:

- every query token must match (AND); the last one is a prefix when it has two or more characters
  ("embed" finds "embedding"), and a single CJK character matches every bigram containing it;
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
        """The index tokens one query token stands for."""
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
