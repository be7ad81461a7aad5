"""The build cache: parsed notes kept between runs, keyed by what they are a function of.

Why this package exists: parsing is a pure function of (path, text, syntax options, vaultc's code),
so a note that did not change need not be parsed again, and a whole run whose inputs did not change
need not be run again. ``codec`` turns a parsed note into bytes and back (also how parse workers send
notes home), ``keys`` names an entry by its inputs, ``store`` keeps entries in a folder outside the
vault, ``runs`` remembers the last run's inputs and results.
"""
