"""Node ids of the concept graph, spelt in one place ("note:a/b.md", "tag:ml", ...)."""

from __future__ import annotations


def note_node(path: str) -> str:
    return f"note:{path}"


def heading_node(path: str, anchor: str) -> str:
    return f"heading:{path}#{anchor}"


def attachment_node(path: str) -> str:
    return f"attachment:{path}"


def tag_node(tag: str) -> str:
    return f"tag:{tag.casefold()}"


def question_node(note: str, anchor: str) -> str:
    return f"question:{note}#{anchor}"


def term_node(key: str) -> str:
    return f"term:{key}"
