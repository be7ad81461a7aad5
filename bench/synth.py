"""Deterministic synthetic Obsidian vault, for benchmarks and scale tests.

Why this exists: timing a build needs a vault of any size that looks like real notes (sizes,
folders, front matter, questions, glossary lines, links, embeds, callouts, math, code, tables) and
is the same on every machine. Every choice comes from one ``random.Random(seed)``: no clock, no
hash-dependent order.

Deliberate imperfections: about 3% of links are broken (a missing note or a missing heading), and
notes 1 and 2 embed each other and note 7 embeds itself (:data:`DELIBERATE_EMBED_CYCLES`); every
other note embed points at an earlier note, so there are no other cycles.

Usage: ``python bench/synth.py N OUTDIR [--seed S]``.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

BROKEN_LINK_RATE = 0.03
DELIBERATE_EMBED_CYCLES = ((1, 2), (2, 1), (7, 7))
MARKER = ".synth-vault"

TERMS = (
    "gradient descent",
    "learning rate",
    "overfitting",
    "regularisation",
    "cross-entropy",
    "softmax",
    "embedding",
    "attention",
    "transformer",
    "batch normalisation",
    "dropout",
    "backpropagation",
    "activation function",
    "loss function",
    "precision",
    "recall",
    "F1 score",
    "confusion matrix",
    "decision tree",
    "random forest",
    "boosting",
    "bagging",
    "k-means",
    "PCA",
    "eigenvalue",
    "covariance",
    "variance",
    "bias",
    "likelihood",
    "prior",
    "posterior",
    "Bayes rule",
    "Markov chain",
    "hash table",
    "binary search",
    "linked list",
    "heap",
    "graph traversal",
    "dynamic programming",
    "recursion",
    "big-O notation",
    "SQL join",
    "tokenizer",
    "perplexity",
    "beam search",
    "convolution",
    "pooling",
    "residual connection",
    "LSTM",
    "autoencoder",
    "diffusion model",
    "Q-learning",
    "policy gradient",
    "A/B test",
    "p-value",
    "confidence interval",
    "naïve Bayes",
    "logistic regression",
    "ROC curve",
    "early stopping",
)
WORDS = (
    "the",
    "a",
    "model",
    "data",
    "we",
    "use",
    "each",
    "step",
    "value",
    "when",
    "it",
    "is",
    "not",
    "only",
    "more",
    "than",
    "with",
    "from",
    "this",
    "that",
    "training",
    "set",
    "error",
    "rate",
    "small",
    "large",
    "fast",
    "slow",
    "simple",
    "hard",
    "usually",
    "often",
    "always",
    "never",
    "can",
    "should",
    "will",
    "may",
    "input",
    "output",
    "layer",
    "weight",
    "sample",
    "feature",
    "result",
    "problem",
    "method",
    "idea",
    "case",
    "example",
    "better",
    "worse",
    "first",
    "last",
    "next",
    "over",
    "under",
    "between",
    "into",
    "because",
    "so",
    "then",
    "also",
    "however",
)
TAGS = (
    "ml/optimisation",
    "ml/metrics",
    "ml/deep-learning",
    "stats/inference",
    "cs/algorithms",
    "cs/data-structures",
    "interview",
    "review",
    "todo",
)
QUESTIONS = (
    "What is {t}?",
    "How does {t} work?",
    "Why would you use {t}?",
    "What is the difference between {t} and {u}?",
    "When does {t} fail?",
)
FORMULAS = (
    r"x^2 + y^2 = z^2",
    r"\frac{\partial L}{\partial w}",
    r"\sum_{i=1}^n x_i",
    r"\mathbb{E}[X] = \mu",
    r"\sigma(z) = \frac{1}{1 + e^{-z}}",
    r"\theta \leftarrow \theta - \eta \nabla_\theta L",
    r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}",
)
BLOCK_FORMULAS = FORMULAS + (
    "\\begin{aligned}\nL &= -\\sum_i y_i \\log \\hat{y}_i \\\\\n&= H(y, \\hat{y})\n\\end{aligned}",
    "\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}",
)
CODE = (
    (
        'def {f}(weights, grad, lr={n}):\n    """One update step."""\n'
        "    # move against the gradient\n"
        "    return [w - lr * g for w, g in zip(weights, grad)]\n"
    ),
    ("import math\n\n\ndef {f}(xs):\n    # mean of the values\n    return math.fsum(xs) / max(len(xs), {n})\n"),
    (
        "class {F}:\n    def __init__(self, size={n}):\n        self.items = [0] * size\n\n"
        "    def push(self, item):\n        self.items.append(item)\n"
    ),
)


@dataclass(frozen=True)
class NotePlan:
    """What other notes may refer to, decided before any note is written."""

    index: int
    name: str
    folder: str
    target_bytes: int
    headings: tuple[str, ...]
    aliases: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.name}.md" if self.folder else f"{self.name}.md"


def generate_vault(n_notes: int, seed: int = 0) -> dict[str, str]:
    """Relative POSIX path -> note text, identical for the same arguments."""
    rng = random.Random(seed)
    plans = [_plan(rng, index, n_notes) for index in range(n_notes)]
    return {plan.path: _NoteWriter(rng, plans, plan).text() for plan in plans}


def generate_attachments(n_notes: int, seed: int = 0) -> dict[str, bytes]:
    """The images the notes embed: tiny valid one-pixel PNGs under ``attachments/``."""
    rng = random.Random(seed)
    return {f"attachments/{_image_name(i, n_notes)}": _png(rng.randbytes(3)) for i in range(_image_count(n_notes))}


def _plan(rng: random.Random, index: int, n_notes: int) -> NotePlan:
    target = _target_bytes(rng)
    headings: list[str] = []
    while len(headings) < max(1, target // 900):
        heading = _heading_text(rng, len(headings))
        if heading not in headings:
            headings.append(heading)
    aliases = (_capitalised(rng.choice(TERMS)),) if rng.random() < 0.25 else ()
    name = f"Note {index:0{_width(n_notes)}d}"
    return NotePlan(index, name, _folder(rng, n_notes), target, tuple(headings), aliases)


def _target_bytes(rng: random.Random) -> int:
    draw = rng.random()
    if draw < 0.03:
        return rng.randint(36_000, 44_000)
    if draw < 0.08:
        return rng.randint(400, 950)
    return int(math.exp(rng.uniform(math.log(1_100), math.log(7_200))))


def _heading_text(rng: random.Random, position: int) -> str:
    term, other = rng.sample(TERMS, 2)
    if rng.random() < 0.3:
        question = rng.choice(QUESTIONS).format(t=term, u=other)
        return f"Q{position + 1}) {question}" if rng.random() < 0.3 else question
    return _capitalised(term)


def _capitalised(text: str) -> str:
    """First letter up, the rest as written (``str.capitalize`` would turn PCA into Pca)."""
    return text[0].upper() + text[1:]


def _folder(rng: random.Random, n_notes: int) -> str:
    if rng.random() < 0.05:
        return ""
    topic = f"topic-{rng.randrange(max(1, round(math.sqrt(n_notes) / 1.5))):02d}"
    return f"{topic}/sub-{rng.randint(1, 3)}" if rng.random() < 0.25 else topic


def _width(n_notes: int) -> int:
    return max(4, len(str(n_notes - 1)))


def _image_count(n_notes: int) -> int:
    return max(1, n_notes // 8)


def _image_name(index: int, n_notes: int) -> str:
    return f"img-{index:0{_width(n_notes)}d}.png"


def _png(rgb: bytes) -> bytes:
    """A one-pixel RGB PNG: signature, header, the filtered pixel row, end."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    chunks = ((b"IHDR", header), (b"IDAT", zlib.compress(b"\x00" + rgb)), (b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data)) for kind, data in chunks
    )


class _NoteWriter:
    """Writes one planned note; every choice comes from the shared random generator."""

    def __init__(self, rng: random.Random, plans: list[NotePlan], plan: NotePlan) -> None:
        self.rng, self.plans, self.plan = rng, plans, plan
        self.blocks = (
            (self.paragraph, 40),
            (self.plain_question, 8),
            (self.numbered_question, 6),
            (self.glossary, 5),
            (self.callout, 6),
            (self.block_math, 4),
            (self.code, 5),
            (self.table, 4),
            (self.bullets, 8),
            (self.image, 4),
            (self.note_embed, 3),
        )

    def text(self) -> str:
        parts = [self.front_matter(), self.paragraph()]
        # Each section overshoots its budget by about half a block, and the intro adds one more.
        budget = max(150, self.plan.target_bytes // len(self.plan.headings) - 250)
        for heading in self.plan.headings:
            parts.append(self.section(heading, budget))
        parts.extend(self.deliberate_cycle_embeds())
        return "\n\n".join(part for part in parts if part) + "\n"

    def deliberate_cycle_embeds(self) -> list[str]:
        if len(self.plans) <= max(max(pair) for pair in DELIBERATE_EMBED_CYCLES):
            return []
        return [
            f"![[{self.plans[target].name}]]" for source, target in DELIBERATE_EMBED_CYCLES if source == self.plan.index
        ]

    def front_matter(self) -> str:
        if self.rng.random() < 0.4:
            return ""
        lines = [
            f"title: {_capitalised(self.rng.choice(TERMS))} notes",
            f"tags: [{', '.join(self.rng.sample(TAGS, self.rng.randint(1, 3)))}]",
        ]
        if self.plan.aliases:
            lines.append(f"aliases: [{', '.join(self.plan.aliases)}]")
        return "---\n" + "\n".join(lines) + "\n---"

    def section(self, heading: str, budget: int) -> str:
        level = 5 if heading.endswith("?") else self.rng.choice((2, 2, 3))
        parts = ["#" * level + " " + heading]
        if heading.endswith("?") and self.rng.random() < 0.1:
            return parts[0]  # an unanswered question
        size = 0
        makers, weights = zip(*self.blocks, strict=True)
        while size < budget:
            parts.append(self.rng.choices(makers, weights)[0]())
            size += len(parts[-1].encode()) + 2
        return "\n\n".join(parts)

    def sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(6, 16))
        extras = (
            (0.25, self.link),
            (0.05, lambda: "#" + self.rng.choice(TAGS)),
            (0.08, lambda: f"${self.rng.choice(FORMULAS)}$"),
            (0.02, lambda: "$5 and $10"),
            (0.1, lambda: f"**{self.rng.choice(TERMS)}**"),
            (0.05, lambda: "`x[i]`"),
        )
        for chance, extra in extras:
            if self.rng.random() < chance:
                words.insert(self.rng.randrange(1, len(words)), extra())
        return _capitalised(" ".join(words)) + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def link(self) -> str:
        target = self.rng.choice(self.plans)
        draw = self.rng.random()
        if draw < BROKEN_LINK_RATE * 2 / 3:
            return f"[[Missing {self.rng.randrange(10_000):04d}]]"
        if draw < BROKEN_LINK_RATE:
            return f"[[{target.name}#No such heading]]"
        heading = self.rng.choice(target.headings)
        alias = target.aliases[0] if target.aliases else self.rng.choice(TERMS)
        forms = (
            f"[[{target.name}]]",
            f"[[{target.name}|{alias}]]",
            f"[[{target.name}#{heading}]]",
            f"[[{target.path[:-3]}]]",
            f"[[{target.name}#{heading}|{alias}]]",
        )
        return self.rng.choices(forms, (50, 20, 20, 5, 5))[0]

    def question(self) -> str:
        term, other = self.rng.sample(TERMS, 2)
        return self.rng.choice(QUESTIONS).format(t=term, u=other)

    def plain_question(self) -> str:
        answered = self.rng.random() < 0.85
        return self.question() + ("\n" + self.paragraph() if answered else "")

    def numbered_question(self) -> str:
        number = self.rng.randint(1, 40)
        answer = "\n\n" + self.paragraph() if self.rng.random() < 0.85 else ""
        return f"{number}) {self.question()}{answer}"

    def glossary(self) -> str:
        terms = self.rng.sample(TERMS, self.rng.randint(2, 5))
        return "\n".join(f"{_capitalised(term)}: {self.sentence()}" for term in terms)

    def callout(self) -> str:
        kind = self.rng.choice(("note", "tip", "warning", "info", "faq", "example"))
        fold = self.rng.choice(("", "", "-", "+"))
        body = "\n".join(f"> {self.sentence()}" for _ in range(self.rng.randint(1, 3)))
        return f"> [!{kind}]{fold} {self.question()}\n{body}"

    def block_math(self) -> str:
        return f"$$\n{self.rng.choice(BLOCK_FORMULAS)}\n$$"

    def code(self) -> str:
        name = self.rng.choice(("step", "mean", "update", "score"))
        body = self.rng.choice(CODE).format(f=name, F=name.title(), n=self.rng.randint(1, 64))
        return f"```python\n{body}```"

    def table(self) -> str:
        rng = self.rng
        rows = [
            f"| {rng.choice(TERMS)} | {rng.randint(0, 99)} | {rng.choice(WORDS)} |" for _ in range(rng.randint(2, 6))
        ]
        return "| Term | Score | Note |\n| --- | ---: | --- |\n" + "\n".join(rows)

    def bullets(self) -> str:
        lines = []
        for _ in range(self.rng.randint(2, 6)):
            marker = self.rng.choice(("- ", "- ", "- [ ] ", "- [x] "))
            lines.append(marker + self.sentence())
            if self.rng.random() < 0.3:
                lines.append("\t- " + self.sentence())
        return "\n".join(lines)

    def image(self) -> str:
        name = _image_name(self.rng.randrange(_image_count(len(self.plans))), len(self.plans))
        return f"![[{name}]]" if self.rng.random() < 0.6 else f"![[{name}|450]]"

    def note_embed(self) -> str:
        if self.plan.index == 0:
            return self.paragraph()
        target = self.plans[self.rng.randrange(self.plan.index)]
        return f"![[{target.name}#{self.rng.choice(target.headings)}]]"


def write_vault(n_notes: int, outdir: Path, seed: int = 0) -> None:
    """Write the vault and its images; refuse a non-empty folder this script did not make."""
    if outdir.exists() and any(outdir.iterdir()):
        if not (outdir / MARKER).is_file():
            raise SystemExit(f"{outdir} is not empty and was not made by synth.py: use another")
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / MARKER).write_text(f"synthetic vault: {n_notes} notes, seed {seed}\n")
    files = {path: text.encode() for path, text in generate_vault(n_notes, seed).items()}
    for relative, data in {**files, **generate_attachments(n_notes, seed)}.items():
        (outdir / relative).parent.mkdir(parents=True, exist_ok=True)
        (outdir / relative).write_bytes(data)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a deterministic synthetic Obsidian vault.")
    parser.add_argument("n_notes", type=int, metavar="N")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    write_vault(args.n_notes, args.outdir, args.seed)
    print(f"wrote {args.n_notes} notes to {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
