"""An oracle for the active-content tests: what in a piece of HTML could run code or take over the page.

Written apart from the sanitizer (and more suspicious than it needs to be), so a test does not check
the sanitizer against itself. HTML is read with the standard library's tokenizer, which decodes
entities in attribute values as a browser does; URLs are normalised as the URL parser of a browser
does before it reads the scheme (spaces and controls around it dropped, tabs and newlines inside it).
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

RUNNING_ELEMENTS = frozenset(
    {"script", "embed", "applet", "frame", "frameset", "meta", "base", "link", "form", "button", "svg",
     "foreignobject", "portal", "style", "template", "noscript", "xmp", "plaintext"}
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {"href", "src", "data", "poster", "action", "formaction", "xlink:href", "background", "cite", "srcset", "ping"}
)
RUNNING_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data"})
RASTER_DATA = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")


def url_scheme(value: str) -> str:
    """The scheme a browser reads in ``value`` ("" for a relative URL)."""
    cleaned = "".join(char for char in value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                                  "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
                      if char not in "\t\n\r")  # fmt: skip
    return cleaned.split(":", 1)[0].lower() if ":" in cleaned.split("/", 1)[0] else ""


def normalised(value: str) -> str:
    return "".join(char for char in value.strip("".join(map(chr, range(33)))) if char not in "\t\n\r").lower()


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in RUNNING_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in values.items():
            self.found += [f"<{tag} {name}>: {problem}" for problem in _attribute_problems(tag, name, value)]
        if tag == "object" and "data" in values and not _relative_pdf(values["data"]):
            self.found.append(f"<object data={values['data']!r}>")
        if tag == "iframe":
            self.found += _iframe_problems(values)


def _attribute_problems(tag: str, name: str, value: str) -> list[str]:
    if name.startswith("on") or name in {"srcdoc", "formaction", "action", "http-equiv"}:
        return ["runs or redirects"]
    if name == "style" and value.replace(" ", "") not in ("text-align:left", "text-align:right", "text-align:center"):
        return ["restyles the page"]
    if name not in URL_ATTRIBUTES:
        return []
    urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
    return [
        f"{url_scheme(url)}: URL"
        for url in urls
        if url_scheme(url) in RUNNING_SCHEMES and not (tag == "img" and normalised(url).startswith(RASTER_DATA))
    ]


def _relative_pdf(value: str) -> bool:
    parts = urlsplit(normalised(value))
    return not parts.scheme and not parts.netloc and "\\" not in value and parts.path.endswith(".pdf")


def _iframe_problems(values: dict[str, str]) -> list[str]:
    if "src" not in values:
        return []
    sandbox = set(values.get("sandbox", "-").split()) if "sandbox" in values else None
    problems = [] if url_scheme(values["src"]) == "https" else [f"<iframe src={values['src']!r}>"]
    if sandbox is None:
        problems.append("<iframe> without sandbox")
    elif {"allow-scripts", "allow-same-origin"} <= sandbox:
        problems.append("<iframe> sandbox lets its scripts reach out")
    return problems


def active_parts(html: str) -> list[str]:
    """What in ``html`` could run code, load a document that runs it, or take over the page."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found
