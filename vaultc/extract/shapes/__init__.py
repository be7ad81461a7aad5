"""The shapes questions are written in, one module each; each says what a block asks, and how sure it is.

Every shape reads the note's blocks (:mod:`vaultc.extract.blocks`) and its evidence
(:mod:`vaultc.extract.evidence`) and returns :class:`~vaultc.extract.candidates.Candidate` values;
where the answer of an open question ends is the walk's decision (:mod:`vaultc.extract.walk`).

* :mod:`.headings`: ``##### What is fine tuning?`` and, at a question level, headings without "?";
* :mod:`.paragraphs`: lines ending in "?", bold lines, ``Q:``/``A:`` pairs, ``7, 8)`` paragraphs;
* :mod:`.numbered`: ``17)`` slots of a notebook's numbered list;
* :mod:`.lists`: items of a list of questions (answered below them, or open prompts);
* :mod:`.callouts`: ``[!question]``/``[!faq]`` callouts, their nested answers and choices;
* :mod:`.sections`: a section holding only a question, answered by the sections after it
  (``# Question (EN)`` / ``> ...`` / ``## Answer (EN)``, ``### Problem`` / ``### Solution``);
* :mod:`.cards`: spaced-repetition cards (``::``, ``:::``, ``?``/``??`` lines, clozes).
"""
