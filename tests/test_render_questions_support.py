"""Shared by the question, open-questions, study and export tests: a site context for an in-memory
vault, its question pages as text, and a small reader for the items those pages list."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tests.vaults import resolve_files
from vaultc.extract.stage import extract_knowledge
from vaultc.graph import build_graph
from vaultc.render.context import SiteContext, SiteOptions, site_context
from vaultc.render.questions.question_pages import question_pages
from vaultc.theme import Theme, load_theme

# A note with questions under nested headings, a stub, an unanswered heading question and a
# heading question that returns to its parent section after a sub-section (Models "continued").
BASICS = """---
tags: [ml, Café]
---
# Basics

Intro text.

## Models

What is a model?

A function fitted to data.

### Training

What is a loss?

TODO

### What is overfitting?

## Data

What is a feature?

An input column, see [[Glossary]].
"""
GLOSSARY = """#ml

Epoch
Batch

Softmax: turns scores into probabilities.

What is an epoch?

One pass over the data.
"""
FILES = {"Topics/ML basics.md": BASICS, "Glossary.md": GLOSSARY}


@functools.cache
def theme() -> Theme:
    return load_theme()


def site_of(files: dict[str, str], title: str = "Test vault", obsidian_vault: str = "My Vault") -> SiteContext:
    return _site(tuple(sorted(files.items())), title, obsidian_vault)


@functools.cache
def _site(files: tuple[tuple[str, str], ...], title: str, obsidian_vault: str) -> SiteContext:
    """Cached: the extract stage's spelling suggestions take seconds, and a context never changes."""
    vault = resolve_files(dict(files))
    knowledge = extract_knowledge(vault)
    options = SiteOptions(title=title, obsidian_vault=obsidian_vault)
    return site_context(vault, knowledge, build_graph(vault, knowledge), theme(), options)


def pages_of(files: dict[str, str], **options: str) -> dict[str, str]:
    """Every page the question builders make, as text by site path."""
    pages = question_pages(site_of(files, **options))
    assert len({page.path for page in pages}) == len(pages), "two pages share a path"
    return text_pages(pages)


def text_pages(pages) -> dict[str, str]:
    """The pages as text by site path, without the binary ones (the Anki package)."""
    return {page.path: page.content.decode("utf-8") for page in pages if not page.path.endswith(".apkg")}


@dataclass(frozen=True)
class Listed:
    status: str
    href: str
    text: str


ITEM = re.compile(r'<li class="question-item" data-status="(\w+)"><a class="question-link" href="([^"]*)">([^<]*)</a>')


def listed(html: str) -> list[Listed]:
    """The question items of a listing or open-questions page, in page order."""
    return [Listed(*match) for match in ITEM.findall(html)]


def main_of(html: str) -> str:
    return html.split('<main id="content">', 1)[1].split("</main>", 1)[0]
