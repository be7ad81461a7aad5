#!/usr/bin/env python3
"""Score vaultc's questions, flags and glossary against the hand labels in ``tests/labels/``.

Why it exists: extraction rules are only trustworthy if they hold on notes nobody tuned them on, so
every change is measured against what careful readers found in a seeded random sample of real
vaults (``tests/labels/GUIDELINES.md`` says how the labels were made). The tests pin the pooled
figures this prints, so they cannot silently drop.

    python bench/score_labels.py              # a table per vault and pooled
    python bench/score_labels.py --details    # also every miss and every false finding
    python bench/score_labels.py --heldout    # the held-out vaults, kept aside: measured, never tuned on

What is compared, note by note, place by place (a question is its note and line):

* recognition: labelled questions (any status but ``unsure``) against vaultc's questions;
* flags: labelled ``unanswered``/``stub`` against vaultc's ``unanswered-question``/``stub-answer``
  findings, and labelled ``prompt`` against ``open-prompt`` findings;
* undefined terms: labelled ``undefined`` against ``undefined-term`` findings (by concept key);
* glossary: the glossary entries vaultc takes from a sampled note, and how many of them the labels
  call terms (one of its spellings is defined or listed there, or in another sampled note of the
  vault: "Semaphore:" left empty in a glossary note defined elsewhere is a real entry); and
  how many labelled definitions vaultc found.

Lines labelled ``unsure`` are left out on both sides.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from vaultc.analysis import Analysis, StageTimer, analyse  # noqa: E402
from vaultc.extract.spelling import concept_key  # noqa: E402

LABELS = ROOT / "tests" / "labels"
PROVENANCE = ("SOURCE.md", "LICENSE*")
FLAG_RULES = frozenset({"unanswered-question", "stub-answer"})
FLAG_STATUSES = frozenset({"unanswered", "stub"})
_BRACKETS = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class NoteLabels:
    questions: dict[int, str]
    """line -> labelled status"""
    texts: dict[int, str]
    defines: frozenset[str]
    undefined: frozenset[str]


@dataclass(frozen=True)
class CorpusLabels:
    corpus: str
    vault: Path
    notes: dict[str, NoteLabels]


@dataclass
class Tally:
    """True positives, false positives and false negatives of one measure, with examples."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, truth: set, found: set, describe=str) -> None:
        self.tp += len(truth & found)
        self.fp += len(found - truth)
        self.fn += len(truth - found)
        self.misses += [describe(item) for item in sorted(truth - found)]
        self.extras += [describe(item) for item in sorted(found - truth)]

    def merge(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


MEASURES = ("recognition", "flags", "prompts", "undefined", "glossary", "definitions")


@dataclass
class Score:
    corpus: str
    notes: int
    tallies: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in MEASURES})

    def merge(self, other: Score) -> None:
        self.notes += other.notes
        for name in MEASURES:
            self.tallies[name].merge(other.tallies[name])


def load_labels(path: Path) -> CorpusLabels:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    notes = {note: _note_labels(rows or {}) for note, rows in (data.get("notes") or {}).items()}
    return CorpusLabels(data["corpus"], ROOT / data["vault"], notes)


def _note_labels(rows: dict) -> NoteLabels:
    questions = {int(line): status for line, _text, status in rows.get("questions") or ()}
    texts = {int(row[0]): row[1] for row in [*(rows.get("questions") or ()), *(rows.get("not_questions") or ())]}
    return NoteLabels(
        questions,
        texts,
        frozenset(term_key(term) for term in rows.get("defines") or ()),
        frozenset(term_key(term) for term in rows.get("undefined") or ()),
    )


def term_key(term: str) -> str:
    """A term's key without the parts in brackets ("False Positive (FP)" is "False Positive")."""
    return concept_key(_BRACKETS.sub(" ", term)) or concept_key(term)


def all_labels(folder: Path = LABELS) -> list[CorpusLabels]:
    """Every label file of ``folder`` (the development set; ``tests/labels/heldout`` is kept aside)."""
    return [load_labels(path) for path in sorted(folder.glob("*.yaml"))]


def analyse_labelled(labels: CorpusLabels) -> Analysis:
    return analyse(labels.vault, PROVENANCE, StageTimer(lambda message: None))


def score(labels: CorpusLabels, analysis: Analysis | None = None) -> Score:
    """Every measure for one labelled corpus."""
    analysis = analysis or analyse_labelled(labels)
    result = Score(labels.corpus, len(labels.notes))
    defined_anywhere = frozenset().union(*(truth.defines | truth.undefined for truth in labels.notes.values()))
    for note, truth in labels.notes.items():
        _score_questions(result, note, truth, analysis)
        _score_terms(result, note, truth, analysis, defined_anywhere)
    return result


def _score_questions(result: Score, note: str, truth: NoteLabels, analysis: Analysis) -> None:
    unsure = {line for line, status in truth.questions.items() if status == "unsure"}
    found = {q.line for q in analysis.knowledge.questions if q.note == note} - unsure
    flagged = _finding_lines(analysis, note, FLAG_RULES) - unsure
    prompted = _finding_lines(analysis, note, {"open-prompt"}) - unsure

    def describe(line: int) -> str:
        return f"{note}:{line}: {truth.texts.get(line, _question_text(analysis, note, line))}"

    labelled = {line for line, status in truth.questions.items() if status != "unsure"}
    result.tallies["recognition"].add(labelled, found, describe)
    flags = {line for line, status in truth.questions.items() if status in FLAG_STATUSES}
    result.tallies["flags"].add(flags, flagged, describe)
    prompts = {line for line, status in truth.questions.items() if status == "prompt"}
    result.tallies["prompts"].add(prompts, prompted, describe)


def _finding_lines(analysis: Analysis, note: str, rules: Iterable[str]) -> set[int]:
    return {found.line for found in analysis.diagnostics if found.path == note and found.rule in rules}


def _question_text(analysis: Analysis, note: str, line: int) -> str:
    return next((q.text for q in analysis.knowledge.questions if q.note == note and q.line == line), "?")


def _score_terms(result: Score, note: str, truth: NoteLabels, analysis: Analysis, corpus_defines: frozenset) -> None:
    undefined = {
        term_key(found.subject)
        for found in analysis.diagnostics
        if found.path == note and found.rule == "undefined-term"
    }
    result.tallies["undefined"].add(set(truth.undefined), undefined, lambda key: f"{note}: {key}")
    entries = [
        concept
        for concept in analysis.knowledge.concepts
        if concept.in_glossary and any(term.note == note for term in concept.terms)
    ]
    real = truth.defines | truth.undefined | corpus_defines
    glossary = result.tallies["glossary"]
    for concept in entries:  # precision: is each glossary entry taken from this note a real term of it?
        spellings = {term_key(variant) for variant in concept.variants}
        if spellings & real:
            glossary.tp += 1
        else:
            glossary.fp += 1
            glossary.extras.append(f"{note}: {concept.name} ({', '.join(sorted({t.source for t in concept.terms}))})")
    found = {term_key(variant) for concept in entries for variant in concept.variants}
    result.tallies["definitions"].add(set(truth.defines), found, lambda key: f"{note}: {key}")
    result.tallies["definitions"].fp = 0  # recall only: what vaultc takes beyond the labels is the glossary's FP
    result.tallies["definitions"].extras.clear()


def pooled(scores: Iterable[Score], name: str = "pooled") -> Score:
    total = Score(name, 0)
    for item in scores:
        total.merge(item)
    return total


def table(scores: list[Score]) -> str:
    head = (
        "vault",
        "notes",
        "recog R",
        "recog P",
        "flag P",
        "flag R",
        "prompt P",
        "prompt R",
        "undef P",
        "undef R",
        "gloss real",
        "defs found",
    )
    rows = [head]
    for item in scores:
        t = item.tallies
        rows.append(
            (
                item.corpus,
                str(item.notes),
                *(
                    f"{value:.2f}"
                    for value in (
                        t["recognition"].recall,
                        t["recognition"].precision,
                        t["flags"].precision,
                        t["flags"].recall,
                        t["prompts"].precision,
                        t["prompts"].recall,
                        t["undefined"].precision,
                        t["undefined"].recall,
                        t["glossary"].precision,
                        t["definitions"].recall,
                    )
                ),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "| " + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) + " |" for row in rows
    ]
    lines.insert(1, "|" + "|".join("-" * (width + 2) for width in widths) + "|")
    return "\n".join(lines)


def details(item: Score) -> str:
    out = []
    for name in MEASURES:
        tally = item.tallies[name]
        for label, rows in (("missed", tally.misses), ("false", tally.extras)):
            out += [f"  {name} {label}: {row}" for row in rows]
    return "\n".join([f"## {item.corpus}", *out])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--details", action="store_true", help="list every miss and false finding")
    parser.add_argument("--heldout", action="store_true", help="score the held-out vaults (never used to tune)")
    parser.add_argument("corpus", nargs="*", help="only these corpora (names of the label files)")
    options = parser.parse_args()
    folder = LABELS / "heldout" if options.heldout else LABELS
    chosen = [labels for labels in all_labels(folder) if not options.corpus or labels.corpus in options.corpus]
    scores = [score(labels) for labels in chosen]
    print(table([*scores, pooled(scores)]))
    if options.details:
        for item in scores:
            print(details(item))


if __name__ == "__main__":
    main()
