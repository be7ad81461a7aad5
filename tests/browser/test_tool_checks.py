"""A machine without chromium fails the browser tests, naming the fix; only VAULTC_SKIP_BROWSER=1 skips them.

Each case runs one browser test in a child pytest with chromium pointed at a path that does not exist.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.browser.support import ROOT

ONE_BROWSER_TEST = "tests/browser/test_journeys.py::test_open_questions_lists_the_unanswered_embedding_question"


def run_without_chromium(**environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTEST_", "VAULTC_"))}
    env.update(VAULTC_CHROMIUM="/nonexistent/chromium", **environment)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider", ONE_BROWSER_TEST]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_missing_chromium_is_a_failure_that_names_the_fix() -> None:
    run = run_without_chromium()
    assert run.returncode != 0, run.stdout
    assert "chromium not found at /nonexistent/chromium" in run.stdout
    assert "scripts/install-test-tools" in run.stdout
    assert "skipped" not in run.stdout.splitlines()[-1]


def test_vaultc_skip_browser_skips_instead() -> None:
    run = run_without_chromium(VAULTC_SKIP_BROWSER="1")
    assert run.returncode == 0, run.stdout
    assert "1 skipped" in run.stdout.splitlines()[-1]
