"""Every page of a build carries the Content-Security-Policy before anything that loads (an
``--allow-html`` build, whose raw HTML is trusted as written, none); tests/browser/test_csp.py
checks in Chromium that the site keeps to it and that an injected script does not run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from vaultc.cli import main
from vaultc.render.csp import CONTENT_SECURITY_POLICY

META = '<meta http-equiv="Content-Security-Policy" content="'


def build(tmp_path: Path, *options: str) -> list[str]:
    vault = tmp_path / "vault"
    vault.mkdir(exist_ok=True)
    (vault / "A.md").write_text("# A\n\nWhat is a tensor?\nAn array. See [[B]].\n", "utf-8")
    (vault / "B.md").write_text("# B\n\n#tag and $x^2$\n", "utf-8")
    site = tmp_path / ("site" + "".join(options))
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(site), "-q", *options])
    assert result.exit_code == 0, result.output
    return [page.read_text("utf-8") for page in sorted(site.rglob("*.html"))]


def test_every_page_has_the_policy_right_after_its_charset(tmp_path: Path) -> None:
    pages = build(tmp_path)
    assert len(pages) > 8
    for page in pages:
        head = page.split("<head>\n", 1)[1]
        assert head.startswith('<meta charset="utf-8">\n' + META), head[:200]
        assert head.count(META) == 1


def test_the_policy_allows_only_the_sites_own_scripts() -> None:
    directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["base-uri"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert directives["object-src"] == "'self'" and directives["frame-src"] == "https:"


def test_an_allow_html_build_carries_no_policy(tmp_path: Path) -> None:
    assert not any(META in page for page in build(tmp_path, "--allow-html"))
