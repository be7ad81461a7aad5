"""The render stage: the resolved vault, its knowledge and its graph -> every page of the site, in memory.

Layout: ``site.py`` gathers the pages (as independent jobs run on every core); ``context.py`` is the
one :class:`~vaultc.render.context.SiteContext` every builder reads (vault, knowledge, graph, site
plan, templates, options, and the per-site indexes); ``sitemap.py`` places every page; ``seo.py``,
``csp.py`` and ``sanitize.py`` serve every kind of page. Each sub-package builds one kind of page:

- ``notes``: note pages (their Markdown rendered with site links, embeds, question badges, term links),
  folder pages, the explorer's tree and the feed; also the fragments (answers) other pages show;
- ``glossary``: the glossary A-Z and a page per concept;
- ``questions``: question listings, the open-questions page, study decks, ``qa.json``/``qa.csv``;
- ``graph``: graph.html and every page's local graph;
- ``search``: the search index and page.

Dependency rules (``tests/test_structure.py`` checks them): ``notes`` imports no other sub-package;
the others may import ``notes`` (fragments of notes: answers, descriptions), ``graph`` (local graphs)
and, for search, ``glossary``'s concept texts (a search hit shows what the concept page does); no
sub-package imports ``site.py``, which gathers them. Of the shared modules only ``context.py``
imports a sub-package, for the two per-site indexes it keeps (``notes.page_index``,
``graph.graph_reader``), which are built from plain values and import no context. No module of
vaultc imports itself back through others.
"""
