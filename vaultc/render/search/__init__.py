"""The search index (``search-index.js``, loadable from ``file://``) and the search page.

Depends on: every note's text, every question with its answer's text, every concept, and the site
plan for result links. ``search_query.py`` is the browser's query in Python, for tests.
"""
