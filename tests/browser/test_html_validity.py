"""Every page of two real sites is valid HTML5 by the Nu HTML checker (the W3C validator's engine).

One checker run per site (Java starts once); its JSON report is parsed and every error is listed
as ``file:line: message`` so a failure says exactly what to fix.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.support import VNU_JAR


def nu_checker_errors(site: Path) -> list[str]:
    """Run the Nu HTML checker over every ``.html`` file under ``site``; ``file:line: message`` per error."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is not installed (the Nu HTML checker needs it): run scripts/install-test-tools")
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(run.stderr)  # the checker writes its JSON report to stderr
    except json.JSONDecodeError:
        pytest.fail(f"the Nu HTML checker did not report JSON (exit {run.returncode}):\n{run.stderr[-2000:]}")
    return sorted(_describe(message, site) for message in report["messages"])


def _describe(message: dict, site: Path) -> str:
    path = unquote(urlsplit(message.get("url", "")).path)
    with contextlib.suppress(ValueError):  # a message about no document (I/O): keep the checker's words
        path = Path(path).relative_to(site).as_posix()
    return f"{path}:{message.get('lastLine', '?')}: {message.get('type')}: {message.get('message')}"


def html_page_count(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def test_default_vault_site_is_valid_html(default_site_dir: Path) -> None:
    assert html_page_count(default_site_dir) >= 10  # notes, home, glossary, terms, questions...
    errors = nu_checker_errors(default_site_dir)
    assert not errors, f"{len(errors)} Nu HTML checker errors:\n" + "\n".join(errors)


def test_quartz_docs_site_is_valid_html(quartz_site_dir: Path) -> None:
    assert html_page_count(quartz_site_dir) >= 76  # one page per note, at least
    errors = nu_checker_errors(quartz_site_dir)
    assert not errors, f"{len(errors)} Nu HTML checker errors:\n" + "\n".join(errors)
