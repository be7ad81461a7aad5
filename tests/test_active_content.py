"""No script from a note or attachment runs in a published page or in the site's origin.

The sanitizer is probed with the payloads that get past naive filters (whitespace and entities in
``javascript:``, ``data:`` behind spaces, ``srcdoc``, ``formaction``, ``xlink:href``, SVG
``foreignObject``, event attributes, ``<meta http-equiv=refresh>``, ``<base href>``); what comes out
is checked by an oracle written apart from it (:mod:`tests.active_html`). What raw HTML may still do
(formatting, images, PDFs, sandboxed https iframes) keeps working.
"""

from __future__ import annotations

import pytest

from tests.active_html import active_parts
from vaultc.render.sanitize import IFRAME_SANDBOX, sanitize_html

PAYLOADS = [
    '<object data=" data:text/html,<script>alert(1)</script>"></object>',
    '<object data="&#32;data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<object data="../files/evil.svg" type="image/svg+xml"></object>',
    '<object data="evil.svg#.pdf" type="application/pdf"></object>',
    '<object data="//evil.example/x.pdf"></object>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="evil.svg">',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<applet code="Evil.class"></applet>',
    '<iframe src="evil.html"></iframe>',
    '<iframe src="http://example.com/"></iframe>',
    '<iframe src=" javascript:alert(1)"></iframe>',
    '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://example.com/" srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://example.com/" sandbox="allow-scripts allow-same-origin"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="  data:text/html,<script>alert(1)</script>">x</a>',
    '<img src=x onerror="alert(1)">',
    '<img src=x OnError="alert(1)">',
    '<img src=" data:image/svg+xml,<svg onload=alert(1)>">',
    '<img srcset="javascript:alert(1) 1x, x.png 2x">',
    '<body onload="alert(1)">',
    '<details open ontoggle="alert(1)">x</details>',
    '<video poster="javascript:alert(1)" src="x.mp4"></video>',
    '<video src=" data:video/mp4;base64,AAAA"></video>',
    '<audio src="x.mp3" onplay="alert(1)"></audio>',
    '<source src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    '<input type="image" src="x" formaction="javascript:alert(1)">',
    '<input type="submit" formaction="javascript:alert(1)">',
    "<svg><script>alert(1)</script></svg>",
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
    '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>',
    '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>',
    '<math href="javascript:alert(1)"><mi>x</mi></math>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>body{display:none}</style>",
    "<script>alert(1)</script>",
    '<script src="https://evil.example/x.js"></script>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<template><script>alert(1)</script></template>",
    '<portal src="https://evil.example/"></portal>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<a href="x" style="position:fixed;inset:0">cover the page</a>',
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    '<blockquote cite="javascript:alert(1)">x</blockquote>',
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<!--><img src=x onerror=alert(1)>-->",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_nothing_that_runs_survives_the_sanitizer(payload: str) -> None:
    assert active_parts(sanitize_html(payload)) == [], sanitize_html(payload)


def test_the_oracle_sees_what_the_sanitizer_must_remove() -> None:
    """Every payload is active before sanitizing, or the table would test nothing."""
    assert [payload for payload in PAYLOADS if not active_parts(payload) and "<!--" not in payload] == []


def test_an_https_iframe_is_kept_sandboxed_without_same_origin() -> None:
    html = sanitize_html(
        '<iframe src="https://www.youtube.com/embed/x" width="560" height="315" title="Talk" '
        'allow="camera; microphone" allowfullscreen sandbox="allow-same-origin allow-scripts" name="n"></iframe>'
    )
    assert 'src="https://www.youtube.com/embed/x"' in html and 'title="Talk"' in html and "allowfullscreen" in html
    assert f'sandbox="{IFRAME_SANDBOX}"' in html
    assert "allow-same-origin" not in html and "camera" not in html and 'name="' not in html
    assert active_parts(html) == []


def test_an_iframe_without_an_https_address_loads_nothing() -> None:
    for src in ("http://example.com/", "files/page.html", "//example.com/", "javascript:alert(1)"):
        assert "src=" not in sanitize_html(f'<iframe src="{src}"></iframe>'), src


def test_vaultc_pdf_embeds_images_and_formatting_are_kept() -> None:
    pdf = (
        '<object class="embed-pdf" data="../files/doc.pdf" type="application/pdf">'
        '<a href="../files/doc.pdf">doc</a></object>'
    )
    assert sanitize_html(pdf) == pdf
    png = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="pasted">'
    assert sanitize_html(png) == png
    for kept in (
        '<td style="text-align:right">1</td>',
        '<a href="https://example.com/" title="t">x</a>',
        '<a href="#section">x</a>',
        '<a href="obsidian://open?vault=v">x</a>',
        '<video src="../files/clip.mp4" controls=""></video>',
        '<input type="checkbox" checked="" disabled="">',
        '<img src="https://example.com/a.png" srcset="https://example.com/a.png 1x, a@2x.png 2x" alt="">',
    ):
        html = f"<table><tr>{kept}</tr></table>" if kept.startswith("<td") else kept
        assert sanitize_html(html).count(kept) == 1, kept


def test_an_object_keeps_its_fallback_but_not_a_document_it_would_run() -> None:
    html = sanitize_html('<object data="evil.svg" type="image/svg+xml"><a href="evil.svg">the drawing</a></object>')
    assert "data=" not in html and 'type="image/svg+xml"' not in html and "the drawing" in html


def test_inputs_other_than_checkboxes_lose_their_type() -> None:
    assert sanitize_html('<input type="image" src="x">') == "<input>"
