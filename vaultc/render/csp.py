"""The Content-Security-Policy every page carries: a second line of defence behind the sanitizer.

Why this module exists: a site on ``user.github.io`` shares its origin with every other project
site of that user, so a script that slipped past the sanitizer (a bug in it, a browser quirk it does
not know) would run with access to all of them. GitHub Pages sends no headers a site can choose, so
the policy is a ``<meta http-equiv>`` tag, the first thing in each page's ``<head>``.

What the site's own pages need, and nothing more for scripts: the theme's scripts are files of the
site (``'self'``: no inline script, no ``eval``, no other host); link previews fetch the site's own
pages and ``vaultc serve`` streams reload events from itself (``connect-src 'self'``); forms (search)
submit to the site. What notes may hold stays possible: pictures, audio and video from anywhere
(``https:`` mostly, ``data:`` pictures), ``https:`` iframes (which the sanitizer sandboxes), PDFs of
the site in ``<object>``, inline ``style`` attributes (table alignment; styles cannot run code).

A page built with ``--allow-html`` publishes the notes' raw HTML as written, widgets and their
scripts included, which such a policy would break: those pages carry none (:func:`page_policy`).
"""

from __future__ import annotations

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "* data: blob:"),
    ("media-src", "* data: blob:"),
    ("font-src", "'self' data:"),
    ("connect-src", "'self'"),
    ("frame-src", "https:"),
    ("object-src", "'self'"),
    ("base-uri", "'none'"),
    ("form-action", "'self'"),
)
"""The policy, directive by directive (those a ``<meta>`` tag may carry: no ``frame-ancestors``)."""

CONTENT_SECURITY_POLICY = "; ".join(f"{name} {sources}" for name, sources in DIRECTIVES)


def page_policy(allow_html: bool) -> str:
    """The policy for a page of this build ("" for none: raw HTML is trusted as written)."""
    return "" if allow_html else CONTENT_SECURITY_POLICY
