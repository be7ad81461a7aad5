"""``vaultc serve``: the site live while its notes are edited.

Why this package exists: editing notes with the site open beside them is how people work
(``mkdocs serve``, ``hugo server``, ``quartz build --serve``). Serving is a stage after write, kept
apart from the pipeline: :mod:`~vaultc.serve.session` builds the vault into a private folder and
rebuilds on every change :mod:`~vaultc.serve.watch` reports; :mod:`~vaultc.serve.http` serves that
folder as GitHub Pages would (:mod:`~vaultc.serve.paths` decides which file a URL names, never one
outside the site); :mod:`~vaultc.serve.reload` tells open pages to reload, or shows a build's
problem in them. The reload script is added to pages as they are served, so ``vaultc build``
output never carries it.
"""

from __future__ import annotations

from vaultc.serve.session import ServeOptions, serve

__all__ = ["ServeOptions", "serve"]
