"""Which MathML a page may hold: the elements and attributes that lay out a formula, nothing that links,
styles or runs.

Why a module of its own: two places apply it and must agree. The math plugin
(:mod:`vaultc.markdown.math`) keeps only this of what latex2mathml makes (``\\href`` would give an
element a link, ``\\style`` an inline style), once per formula at parse time, so a formula's MathML
is safe as parsed and a page of Markdown and formulas needs no sanitizer; the sanitizer
(:mod:`vaultc.render.sanitize`) applies the same lists to MathML written as raw HTML.
"""

from __future__ import annotations

MATHML_ELEMENTS = frozenset(
    [
        "math",
        "annotation",
        "maction",
        "menclose",
        "merror",
        "mfenced",
        "mfrac",
        "mi",
        "mmultiscripts",
        "mn",
        "mo",
        "mover",
        "mpadded",
        "mphantom",
        "mprescripts",
        "mroot",
        "mrow",
        "ms",
        "mspace",
        "msqrt",
        "mstyle",
        "msub",
        "msubsup",
        "msup",
        "mtable",
        "mtd",
        "mtext",
        "mtr",
        "munder",
        "munderover",
        "none",
        "semantics",
    ]
)

MATHML_ATTRIBUTES: dict[str, set[str]] = {
    "math": {"display", "xmlns", "alttext"},
    "mo": {"stretchy", "fence", "separator", "lspace", "rspace", "form", "largeop", "movablelimits", "accent"},
    "mstyle": {"displaystyle", "scriptlevel", "mathvariant", "mathcolor", "mathbackground"},  # colours: \color
    "mi": {"mathvariant"},
    "mn": {"mathvariant"},
    "mtext": {"mathvariant"},
    "mspace": {"width", "height", "depth"},
    "mpadded": {"width", "height", "depth", "lspace", "voffset"},
    "mfrac": {"linethickness"},
    "menclose": {"notation"},
    "mtable": {
        "columnalign",
        "rowalign",
        "columnspacing",
        "rowspacing",
        "columnlines",
        "rowlines",
        "frame",
        "displaystyle",
    },
    "mtd": {"columnalign", "rowalign", "columnspan", "rowspan"},
    "mover": {"accent"},
    "munder": {"accentunder"},
    "annotation": {"encoding"},
}
"""Element -> the attributes it keeps (besides the page-wide ones: ``id``, ``class``, ``title``...)."""
