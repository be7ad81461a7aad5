"""``vaultc serve`` in a real browser: an open page shows an edit by itself, and a failed rebuild as
a notice over the last good page; no console error or blocked request on the way."""

from __future__ import annotations

from pathlib import Path

from tests.serve_session import start_session

WAIT_MS = 60_000  # a bound for a loaded machine, never a speed assertion


def test_an_open_page_reloads_on_an_edit_and_shows_a_failed_build(tmp_path: Path, watched_page) -> None:
    page, watch = watched_page
    vault = tmp_path / "vault"
    vault.mkdir()
    note = vault / "Note.md"
    note.write_text("# Note\n\n## What is a cache?\n\nA store.\n", "utf-8")
    with start_session(vault) as session:
        page.goto(f"http://127.0.0.1:{session.port}/notes/note.html")
        page.wait_for_function("document.querySelector('script[data-generation]') !== null")
        note.write_text("# Note\n\n## What is a cache?\n\nA store that keeps copies close.\n", "utf-8")
        page.get_by_text("A store that keeps copies close.").wait_for(timeout=WAIT_MS)
        (vault / "vaultc.yaml").write_text("titel: x\n", "utf-8")
        notice = page.locator(".vaultc-serve-notice")
        notice.wait_for(timeout=WAIT_MS)
        assert "titel" in notice.inner_text() and page.get_by_text("A store that keeps copies close.").is_visible()
        (vault / "vaultc.yaml").unlink()
        notice.wait_for(state="detached", timeout=WAIT_MS)
    # a reload (and the server stopping) ends the page's event stream: that request is cut on purpose
    assert [problem for problem in watch.problems if "/__vaultc/events" not in problem] == [], watch.problems
