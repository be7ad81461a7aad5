"""Question listings (by status and tag), the open-questions page, study decks, qa.json and qa.csv.

Depends on: every question of the knowledge with its status, its note's title, tags and page, and
(decks, exports) its answer rendered by ``render.notes``. ``question_pages.py`` builds the list of
``QuestionItem`` once and hands it to the others.
"""
