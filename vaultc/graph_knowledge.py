"""Questions and concepts in the concept graph.

Adds ``question`` nodes (with ``status``) and ``term`` nodes (one per concept, with ``status``
defined/undefined, its spellings and acronyms), and the edges between them and the notes:

* note ``contains`` question; question ``about`` term; question ``duplicates`` the first place
  the same question was asked;
* term ``defined-in`` note (for each definition); note ``mentions`` term (where its text or a
  glossary list names it); term ``synonym-of`` term, from an acronym spelling to its long form
  when the notes tie them together.
"""

from __future__ import annotations

import networkx as nx

from vaultc.extract.model import Concept, Knowledge
from vaultc.extract.spelling import concept_key
from vaultc.graph_nodes import note_node, question_node, term_node


def add_knowledge(graph: nx.MultiDiGraph, knowledge: Knowledge) -> None:
    """Question and term nodes and their edges, for notes already in ``graph``."""
    first_asked: dict[str, str] = {}
    for question in knowledge.questions:
        node = question_node(question.note, question.anchor)
        owner = note_node(question.note)
        graph.add_node(node, kind="question", label=question.text, status=question.status.value, path=question.note,
                       anchor=question.anchor, line=question.line, form=question.form.value, owner=owner)
        _edge(graph, owner, node, "contains")
        if question.key:
            if question.key in first_asked:
                _edge(graph, node, first_asked[question.key], "duplicates")
            first_asked.setdefault(question.key, node)
    for concept in knowledge.concepts:
        _add_concept(graph, concept, knowledge)


def _add_concept(graph: nx.MultiDiGraph, concept: Concept, knowledge: Knowledge) -> None:
    node = term_node(concept.key)
    status = "undefined" if concept.needs_definition else "defined"
    graph.add_node(node, kind="term", label=concept.name, status=status, variants=list(concept.variants),
                   acronyms=list(concept.acronyms))
    for question in (knowledge.questions[position] for position in concept.questions):
        _edge(graph, question_node(question.note, question.anchor), node, "about")
    for definition in concept.definitions:
        _edge(graph, node, note_node(definition.note), "defined-in")
    places = [term.note for term in concept.terms] + [note for note, _ in knowledge.mentions.get(concept.key, ())]
    for note in places:
        _edge(graph, note_node(note), node, "mentions")
    for acronym in concept.acronyms:
        if concept_key(acronym) != concept.key:
            graph.add_node(term_node(concept_key(acronym)), kind="term", label=acronym, status=status,
                           variants=[acronym], acronyms=[acronym])
            _edge(graph, term_node(concept_key(acronym)), node, "synonym-of")


def _edge(graph: nx.MultiDiGraph, source: str, target: str, kind: str) -> None:
    if source in graph and target in graph:
        graph.add_edge(source, target, key=kind, kind=kind)
