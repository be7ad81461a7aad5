"""One spelling of a term finds the other: "softmax" finds "soft max" where the vault writes both."""

from __future__ import annotations

from tests.test_search_index import index_of
from vaultc.render.search.search_index import KINDS
from vaultc.render.search.search_query import SearchIndex
from vaultc.render.search.search_tokens import joined_pairs

FILES = {
    "A.md": (
        "## What is the soft max function?\n\nIt turns logits into probabilities.\n\n"
        "## What is a loss?\n\nA number.\n"
    ),
    "B.md": "Softmax appears at the end of a classifier.\n",
    "C.md": "The max pool layer keeps the largest value.\n",
}


def found(index: dict, query: str) -> set[str]:
    return {
        f"{KINDS[index['docs'][hit.doc][0]]}:{index['docs'][hit.doc][1]}" for hit in SearchIndex(index).search(query)
    }


def test_two_words_are_found_under_the_word_another_note_writes() -> None:
    index = index_of(FILES)
    assert {"note:A", "question:What is the soft max function?", "note:B"} <= found(index, "softmax")
    assert "note:C" not in found(index, "maxpool")  # nobody writes "maxpool": not indexed joined


def test_joined_pairs_skip_stopwords_and_cjk() -> None:
    assert joined_pairs("the soft max of a vector") == {"softmax"}
    assert "機械" not in "".join(joined_pairs("機械 学習"))
