"""``vaultc serve``: which file a URL names (never one outside the site), the reload stream, the
watcher's filter, and a whole session: build, serve, edit, reload, a failed rebuild, stop."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve_session import WAIT, Session, start_session
from vaultc.build import BuildOptions, build
from vaultc.serve.paths import locate
from vaultc.serve.reload import Broadcaster, SiteState, event, with_reload_script
from vaultc.serve.watch import changed_paths, vault_file


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    for name, text in {
        "index.html": "home", "404.html": "missing", "notes/a.html": "a", "notes/b c.html": "b c",
        "tags/index.html": "tags", "static/site.css": "css", ".vaultc-site": "marker", "a.html.txt": "t",
    }.items():  # fmt: skip
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    (tmp_path / "secret.txt").write_text("secret", "utf-8")
    (root / "leak.html").symlink_to(tmp_path / "secret.txt")
    return root


@pytest.mark.parametrize("url, status, served", [
    ("/", 200, "index.html"),
    ("/index.html", 200, "index.html"),
    ("/notes/a.html", 200, "notes/a.html"),
    ("/notes/a", 200, "notes/a.html"),                 # GitHub Pages adds .html
    ("/notes/b%20c.html", 200, "notes/b c.html"),
    ("/tags/", 200, "tags/index.html"),
    ("/static/site.css?v=1#x", 200, "static/site.css"),
    ("/nowhere.html", 404, "404.html"),
    ("/notes/", 404, "404.html"),                      # a folder without index.html
    ("/../secret.txt", 404, "404.html"),
    ("/%2e%2e/secret.txt", 404, "404.html"),
    ("/notes/%2E%2E/%2e%2e/secret.txt", 404, "404.html"),
    ("/notes%2f..%2f..%2fsecret.txt", 404, "404.html"),
    ("/notes/..%5c..%5csecret.txt", 404, "404.html"),
    ("/leak.html", 404, "404.html"),                   # a symbolic link out of the site
    ("/.vaultc-site", 404, "404.html"),                # hidden files are not the site's
    ("/a%00.html", 404, "404.html"),
    ("/%ff%fe", 404, "404.html"),                      # not UTF-8
])  # fmt: skip
def test_a_url_names_a_file_of_the_site_or_the_404_page(site: Path, url: str, status: int, served: str) -> None:
    found = locate(site, url)
    assert (found.status, found.file) == (status, (site / served).resolve())


def test_a_folder_without_its_slash_is_redirected_to_it(site: Path) -> None:
    found = locate(site, "/tags")
    assert (found.status, found.location, found.file) == (301, "/tags/", None)


def test_the_reload_script_goes_before_the_end_of_the_body() -> None:
    page = with_reload_script(b"<html><body><p>x</p></body></html>", 3)
    assert page == (b'<html><body><p>x</p><script src="/__vaultc/reload.js" data-generation="3" defer></script>'
                    b"</body></html>")  # fmt: skip
    assert with_reload_script(b"<p>no body", 1).startswith(b"<p>no body<script")


@pytest.mark.parametrize("state, page_generation, sent", [
    (SiteState(1, ""), 1, b": up to date\n\n"),
    (SiteState(2, ""), 1, b"event: reload\ndata: 2\n\n"),
    (SiteState(2, "bad <yaml>"), 1, b'event: problem\ndata: "bad <yaml>"\n\n'),
])  # fmt: skip
def test_a_page_is_told_what_changed_since_its_build(state: SiteState, page_generation: int, sent: bytes) -> None:
    assert event(state, page_generation) == sent


def test_streams_wake_on_a_rebuild_and_end_when_the_server_closes() -> None:
    broadcaster = Broadcaster()
    assert broadcaster.wait(0, timeout=0.01) == SiteState(0, "")  # nothing new: the same state (a keep-alive)
    threading.Timer(0.05, broadcaster.publish, kwargs={"problem": "x"}).start()
    assert broadcaster.wait(0, timeout=WAIT) == SiteState(1, "x")
    broadcaster.close()
    assert broadcaster.wait(1, timeout=WAIT) is None


@pytest.mark.parametrize("path, kept", [
    ("Note.md", "Note.md"), ("folder/Pic one.png", "folder/Pic one.png"), ("vaultc.yaml", "vaultc.yaml"),
    (".obsidian/workspace.json", None), ("folder/.hidden.md", None), (".git/index", None), (".trash/Old.md", None),
])  # fmt: skip
def test_only_changes_to_what_vaultc_reads_rebuild(tmp_path: Path, path: str, kept: str | None) -> None:
    assert vault_file(tmp_path.resolve(), tmp_path.resolve() / path) == kept
    assert changed_paths(tmp_path.resolve(), [str(tmp_path.resolve() / path)]) == ({kept} if kept else set())


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "Note.md").write_text("# Note\n\n## What is a cache?\n\nA store.\n", "utf-8")
    with start_session(vault) as running:
        yield running


def test_a_session_serves_rebuilds_on_an_edit_and_reloads_open_pages(session: Session) -> None:
    status, kind, page = session.get("/notes/note")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert b"What is a cache?" in page and b'data-generation="1"' in page
    stream = session.events(since=1)
    (session.vault / "Note.md").write_text("# Note\n\n## What is a cache?\n\nA store.\n\n## What is RAM?\n", "utf-8")
    assert next(stream) == b"event: reload\ndata: 2"
    assert b"What is RAM?" in session.get("/notes/note.html")[2]
    assert any("unanswered-question 'What is RAM?'" in line for line in session.lines), session.lines
    assert session.get("/__vaultc/reload.js")[0] == 200


def test_a_failed_rebuild_keeps_the_last_site_and_says_why_in_the_page(session: Session) -> None:
    stream = session.events(since=1)
    (session.vault / "vaultc.yaml").write_text("titel: x\n", "utf-8")
    problem = next(stream)
    assert problem.startswith(b"event: problem\ndata: ") and b"titel" in problem
    assert b"What is a cache?" in session.get("/notes/note.html")[2]  # the last good build is still served
    assert any("build failed" in line for line in session.lines)
    os.remove(session.vault / "vaultc.yaml")
    assert next(stream) == b"event: reload\ndata: 3"


def test_served_pages_carry_the_reload_script_and_built_ones_never(session: Session, tmp_path: Path) -> None:
    built = tmp_path / "built"
    build(BuildOptions(session.vault, built))
    assert not any(b"__vaultc" in page.read_bytes() for page in built.rglob("*.html"))
    assert b"/__vaultc/reload.js" in session.get("/")[2]
    assert session.get("/no-such-page")[0] == 404
