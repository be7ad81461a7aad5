"""The write stage's swap: at every instant the output path holds a complete site, old or new.

Each file-system step of the swap (the exchange, each rename, the removal of the old site) is
wrapped so the test can look at the output folder just before the step runs, and can make that step
fail or be interrupted. Leftovers of a killed build (staging folders beside the output) are cleaned
by the next build, but only folders vaultc made.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from vaultc import swap
from vaultc.errors import VaultcError
from vaultc.render.context import Page
from vaultc.render.site import RenderedSite
from vaultc.write import MARKER, write_site


def site(version: str) -> RenderedSite:
    pages = (Page("index.html", f"<p>{version}</p>".encode()), Page("notes/a.html", version.encode()))
    return RenderedSite(pages, (), ())


def version_at(output: Path) -> str | None:
    """Which complete site is at ``output`` ("old", "new"), or None if it is missing or partial."""
    if not (output / MARKER).is_file() or not (output / "notes" / "a.html").is_file():
        return None
    return (output / "notes" / "a.html").read_text("utf-8")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    vault, output = tmp_path / "vault", tmp_path / "out"
    vault.mkdir()
    write_site(site("old"), vault, output)
    assert version_at(output) == "old"
    return vault, output


def beside(output: Path) -> list[str]:
    return sorted(path.name for path in output.parent.iterdir() if path.name != "vault")


class Steps:
    """Wraps the swap's file-system steps: records the site at the output before each one, and
    raises ``error`` instead of running step number ``fail_at`` (0-based)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, output: Path, fail_at: int = -1, error=None) -> None:
        self.output, self.fail_at, self.error = output, fail_at, error
        self.seen: list[tuple[str, str | None]] = []
        for name in ("exchange", "rename", "remove_tree"):
            monkeypatch.setattr(swap, name, self._wrap(name, getattr(swap, name)))

    def _wrap(self, name: str, step):
        def wrapped(*args, **kwargs):
            self.seen.append((name, version_at(self.output)))
            if len(self.seen) - 1 == self.fail_at:
                if name == "remove_tree" and isinstance(self.error, OSError):
                    return None  # a removal that fails leaves the folder where it is (ignore_errors)
                raise self.error
            return step(*args, **kwargs)

        return wrapped


def test_the_new_site_replaces_the_old_with_one_exchange(built, monkeypatch) -> None:
    vault, output = built
    steps = Steps(monkeypatch, output)
    write_site(site("new"), vault, output)
    assert version_at(output) == "new"
    assert [name for name, _ in steps.seen] == ["exchange", "remove_tree"]
    assert all(version is not None for _, version in steps.seen)
    assert beside(output) == ["out"]


def test_without_an_atomic_exchange_the_renames_still_leave_a_site(built, monkeypatch) -> None:
    vault, output = built
    monkeypatch.setattr(swap, "_renameat2", lambda: None)
    steps = Steps(monkeypatch, output)
    write_site(site("new"), vault, output)
    assert version_at(output) == "new"
    assert [name for name, _ in steps.seen] == ["exchange", "rename", "rename", "remove_tree"]
    assert beside(output) == ["out"]


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "renames"])
@pytest.mark.parametrize("error", [OSError(5, "Input/output error"), KeyboardInterrupt()], ids=["oserror", "interrupt"])
@pytest.mark.parametrize("fail_at", range(4))
def test_a_failure_at_any_step_leaves_a_complete_site(built, monkeypatch, exchange, error, fail_at) -> None:
    vault, output = built
    if not exchange:
        monkeypatch.setattr(swap, "_renameat2", lambda: None)
    steps = Steps(monkeypatch, output, fail_at, error)
    expected = (VaultcError,) if isinstance(error, OSError) else (KeyboardInterrupt,)
    with contextlib.suppress(expected):
        write_site(site("new"), vault, output)
    assert version_at(output) in ("old", "new")
    if exchange:
        assert all(version in ("old", "new") for _, version in steps.seen)
    else:  # the one instant without a site: between moving the old one aside and the next rename
        gaps = [i for i, (_, version) in enumerate(steps.seen) if version is None]
        assert all(steps.seen[i - 1][0] == "rename" == steps.seen[i][0] for i in gaps)
    # whatever was left beside the output is gone after the next build
    steps.fail_at = -1
    write_site(site("next"), vault, output)
    assert version_at(output) == "next"
    assert beside(output) == ["out"]


def test_renameat2_exchanges_two_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "one").touch()
    (second / "two").touch()
    if swap._renameat2() is None:
        pytest.skip("no renameat2 here (not Linux, or an old C library)")
    assert swap.exchange(first, second)
    assert [p.name for p in first.iterdir()] == ["two"] and [p.name for p in second.iterdir()] == ["one"]


def test_an_exchange_the_file_system_refuses_falls_back(tmp_path: Path, monkeypatch) -> None:
    import errno

    monkeypatch.setattr(swap, "_renameat2", lambda: _failing(errno.EINVAL))
    assert swap.exchange(tmp_path, tmp_path) is False
    monkeypatch.setattr(swap, "_renameat2", lambda: _failing(errno.EACCES))
    with pytest.raises(PermissionError):
        swap.exchange(tmp_path, tmp_path)


def _failing(code: int):
    import ctypes

    def renameat2(*args) -> int:
        ctypes.set_errno(code)
        return -1

    return renameat2


def _dead_pid() -> int:
    """The id of a process that has exited (a child reaped at once)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def _leftover(output: Path, kind: str, pid: int, marked: bool = True) -> Path:
    folder = output.parent / f".{output.name}.vaultc-{kind}-{pid}"
    folder.mkdir()
    (folder / "notes").mkdir()
    (folder / "notes" / "a.html").write_text("leftover", "utf-8")
    if marked:
        (folder / MARKER).write_text("made by vaultc", "utf-8")
    return folder


def test_a_killed_builds_staging_folders_are_removed(built) -> None:
    vault, output = built
    pid = _dead_pid()
    _leftover(output, "new", pid)
    _leftover(output, "old", pid)
    write_site(site("new"), vault, output)
    assert beside(output) == ["out"]


def test_folders_vaultc_did_not_make_are_left_alone(built) -> None:
    vault, output = built
    foreign = _leftover(output, "new", _dead_pid(), marked=False)
    other_output = output.parent / f".{output.name}-2.vaultc-new-{_dead_pid()}"
    shutil.copytree(foreign, other_output)
    (other_output / MARKER).write_text("another output's staging", "utf-8")
    write_site(site("new"), vault, output)
    assert (foreign / "notes" / "a.html").is_file()
    assert other_output.is_dir()


def test_a_running_builds_staging_folder_is_left_alone(built) -> None:
    vault, output = built
    running = _leftover(output, "new", os.getppid())  # alive: the process that started the tests
    write_site(site("new"), vault, output)
    assert running.is_dir()


def test_a_site_moved_aside_by_a_killed_build_comes_back(built) -> None:
    """Without an exchange, a build killed between its two renames leaves no output, only the old
    site moved aside: the next build puts it back before doing anything else."""
    vault, output = built
    pid = _dead_pid()
    os.rename(output, output.parent / f".{output.name}.vaultc-old-{pid}")
    swap.remove_leftovers(output, MARKER)
    assert version_at(output) == "old"
    assert beside(output) == ["out"]
