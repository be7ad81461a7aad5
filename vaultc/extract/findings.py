"""What lint reports about the knowledge: the findings a careful reader would agree with.

Why a module of its own: the extractor keeps more than it is sure of (a possible question that is
answered shows on the site), so the step from knowledge to findings is a decision of its own, made
in one place with one rule per finding:

* ``unanswered-question`` and ``stub-answer``: a sure question (:class:`Confidence.SURE`) with no
  answer, or only a placeholder;
* ``open-prompt`` (info): a question left open on purpose (a follow-up, further-questions or exam
  list). It is a finding, so a student can list them (``--rule open-prompt``), but only at info
  level: one such list in every note of a large vault must not drown what was meant to be answered,
  and it never fails a run with the default ``--fail-on warning``;
* ``duplicate-question``: the same sure question asked in another place;
* ``undefined-term``: a term listed as a glossary entry and defined nowhere in the vault (not where
  the same place already has an open question: an empty card "Liveness::" is one missing thing);
* ``possible-misspelling``: a one-word term close to a dictionary word the vault does not use.
"""

from __future__ import annotations

from collections.abc import Iterable

from vaultc.diagnostics import Diagnostic, diagnostic
from vaultc.extract.model import LISTING_SOURCES, Concept, Confidence, Question, QuestionStatus
from vaultc.extract.spelling import concept_key, misspelling_suggestion

_STATUS_RULES = {
    QuestionStatus.UNANSWERED: ("unanswered-question", "'{subject}' has no answer yet"),
    QuestionStatus.STUB: ("stub-answer", "'{subject}' has only a placeholder answer ({reason})"),
    QuestionStatus.PROMPT: ("open-prompt", "'{subject}' is left open (a prompt with no answer expected here)"),
}


def question_findings(questions: Iterable[Question]) -> Iterable[Diagnostic]:
    first_asked: dict[str, Question] = {}
    for question in questions:
        if question.confidence is not Confidence.SURE:
            continue
        subject = question.text or f"question at line {question.line}"
        if question.status in _STATUS_RULES:
            rule, message = _STATUS_RULES[question.status]
            text = message.format(subject=subject, reason=question.stub_reason)
            yield diagnostic(question.note, question.line, question.column, rule, text, subject)
        if question.key and question.key in first_asked:
            earlier = first_asked[question.key]
            message = f"'{subject}' is also asked in {earlier.note}:{earlier.line}"
            yield diagnostic(question.note, question.line, question.column, "duplicate-question", message, subject)
        first_asked.setdefault(question.key, question)


def concept_findings(
    concepts: tuple[Concept, ...], vocabulary: tuple[str, ...], open_places: frozenset[tuple[str, int]] = frozenset()
) -> Iterable[Diagnostic]:
    """``open_places``: (note, line) of questions already reported as open there ("Liveness::", an
    empty card listing a term): one finding for one missing thing."""
    known_keys = {concept.key for concept in concepts}
    for concept in concepts:
        place = next((term for term in concept.terms if term.source in LISTING_SOURCES), None)
        if concept.needs_definition and place is not None and (place.note, place.line) not in open_places:
            message = f"'{place.name}' is listed but never defined; add '{place.name}: ...' or a note about it"
            yield diagnostic(place.note, place.line, place.column, "undefined-term", message, place.name)
        suggestion = misspelling_suggestion(concept.name, vocabulary)
        if suggestion and concept_key(suggestion) != concept.key:
            place = concept.terms[0]
            known = " (another term of the vault)" if concept_key(suggestion) in known_keys else ""
            message = f"'{concept.name}' may be a misspelling of '{suggestion}'{known}"
            yield diagnostic(place.note, place.line, place.column, "possible-misspelling", message, concept.name)
