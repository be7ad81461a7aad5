"""graph.html and the local graph of every note and concept page.

Depends on: the concept graph folded once per site into what a reader can open
(``graph_reader.py``), and the site plan for the nodes' links.
"""
