"""Note pages, and the HTML of any part of a note shown elsewhere.

Depends on: the note's tokens and resolved links (``ResolvedVault``), the site plan (page paths of
link targets and concept pages), the note's questions (badges, permalinks) and the mentions the
extract stage found in it (term links), the graph (backlinks, related notes) and, for embeds, the
embedded notes. ``pages.py`` builds the page; ``markdown_html.py``, ``media.py``, ``transclude.py``
render links and embeds; ``annotate.py`` with ``question_marks.py`` and ``term_links.py`` decorate the
tokens; ``view.py`` is what the renderer rules read; ``raw_ids.py`` and ``property_table.py`` the rest.
"""
