"""The glossary (every concept A-Z) and a page per concept.

Depends on: the knowledge's concepts (spellings, definitions, questions about them, mentions), the
answers and notes that mention them (fragments from ``render.notes``), the graph (related terms,
backlinks). ``glossary_pages.py`` is the entry point.
"""
