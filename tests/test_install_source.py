"""Where vaultc was installed from, as a requirement GitHub's runners can install (``vaultc init``
writes it into the workflow): one row per kind of PEP 610 record and git remote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vaultc.install_source import _git, reachable_address, requirement_from

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def git_answering(remote: str | None, commit: str | None = COMMIT):
    def git(folder: Path, arguments: list[str]) -> str | None:
        assert folder == Path("/home/me/vaultc")
        return remote if arguments[0] == "remote" else commit

    return git


def no_git(folder: Path, arguments: list[str]) -> str | None:
    raise AssertionError("git is not asked about this record")


@pytest.mark.parametrize(
    ("record", "git", "expected"),
    [
        ({"url": "https://github.com/me/vaultc", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}, no_git,
         f"git+https://github.com/me/vaultc@{COMMIT}"),
        ({"url": "ssh://git@github.com/me/vaultc.git", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}, no_git,
         f"git+https://github.com/me/vaultc.git@{COMMIT}"),
        ({"url": "file:///home/me/vaultc", "dir_info": {"editable": True}},
         git_answering("git@github.com:me/vaultc.git"), f"git+https://github.com/me/vaultc.git@{COMMIT}"),
        ({"url": "file:///home/me/vaultc", "dir_info": {}},
         git_answering("https://gitlab.com/me/vaultc"), f"git+https://gitlab.com/me/vaultc@{COMMIT}"),
        ({"url": "file:///home/me/vaultc", "dir_info": {"editable": True}}, git_answering("/srv/git/vaultc"), None),
        ({"url": "file:///home/me/vaultc", "dir_info": {"editable": True}}, git_answering(None), None),
        ({"url": "file:///home/me/vaultc", "dir_info": {}}, git_answering("https://github.com/me/vaultc", None), None),
        ({"url": "https://example.org/vaultc-0.1.0-py3-none-any.whl", "archive_info": {}}, no_git,
         "https://example.org/vaultc-0.1.0-py3-none-any.whl"),
        ({"url": "file:///tmp/vaultc-0.1.0-py3-none-any.whl", "archive_info": {}}, no_git, None),
        ({"url": "https://hg.example.org/vaultc", "vcs_info": {"vcs": "hg", "commit_id": "abc"}}, no_git, None),
    ],
    ids=["git", "git over ssh", "checkout, ssh remote", "checkout, https remote", "checkout, local remote",
         "checkout, no remote", "checkout, no commit", "wheel on https", "local wheel", "mercurial"],
)  # fmt: skip
def test_a_requirement_only_where_the_runner_can_reach(record: dict, git, expected: str | None) -> None:
    assert requirement_from(record, git) == expected


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        ("git@github.com:me/vaultc.git", "https://github.com/me/vaultc.git"),
        ("github.com:me/vaultc", "https://github.com/me/vaultc"),
        ("https://github.com/me/vaultc", "https://github.com/me/vaultc"),
        ("ssh://git@github.com/me/vaultc.git", "https://github.com/me/vaultc.git"),
        ("/work/main", None),
        ("file:///work/main", None),
        ("C:/src/vaultc", None),
        ("http://example.org/vaultc", None),
        ("", None),
    ],
)
def test_remote_addresses(remote: str, expected: str | None) -> None:
    assert reachable_address(remote) == expected


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_checkout_is_asked_of_git_itself(tmp_path: Path) -> None:
    def git(*arguments: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *arguments], check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "README.md").write_text("vaultc\n")
    git("add", "README.md")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first")
    record = {"url": tmp_path.as_uri(), "dir_info": {"editable": True}}
    assert requirement_from(record, _git) is None  # no remote: nothing a runner can clone
    git("remote", "add", "origin", "git@github.com:me/vaultc.git")
    commit = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    assert requirement_from(record, _git) == f"git+https://github.com/me/vaultc.git@{commit.strip()}"
