"""Where this copy of vaultc was installed from, as a pip requirement a GitHub workflow can install.

Why this module exists: ``vaultc init`` writes a workflow that installs vaultc on GitHub's runners,
and vaultc is not on PyPI, so ``pip install vaultc`` would fail there (or install someone else's
package). pip records where it installed a package from (``direct_url.json``, PEP 610): a git
repository and commit, a local folder (a checkout: its ``origin`` remote and commit are asked of
git), an archive's address, or nothing (an index). Only an address the runner can reach makes a
requirement; otherwise there is none and ``vaultc init`` refuses rather than write a workflow that
cannot work.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse

_SCP_LIKE = re.compile(r"^(?:[\w.-]+@)?(?P<host>[\w.-]+):(?P<path>(?!/)[^\s]+)$")
"""``git@github.com:owner/repo.git``, git's short form of an ssh address."""

Git = Callable[[Path, list[str]], str | None]


def pip_requirement(distribution: str = "vaultc", git: Git | None = None) -> str | None:
    """A requirement that installs this very vaultc from where it came from, or None."""
    try:
        found = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return None
    record = found.read_text("direct_url.json")
    if record is None:  # installed from an index: that index has it
        return f"{distribution}=={found.version}"
    return requirement_from(json.loads(record), git or _git)


def requirement_from(record: dict, git: Git) -> str | None:
    """The requirement for a PEP 610 record (its ``url`` and one of vcs/dir/archive info)."""
    url = str(record.get("url", ""))
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        return _git_requirement(url, vcs.get("commit_id"))
    if "dir_info" in record and url.startswith("file://"):
        folder = Path(unquote(urlparse(url).path))
        return _git_requirement(git(folder, ["remote", "get-url", "origin"]), git(folder, ["rev-parse", "HEAD"]))
    if "archive_info" in record and _reachable(url):
        return url
    return None


def _git_requirement(remote: str | None, commit: object) -> str | None:
    address = reachable_address(remote or "")
    if address is None or not isinstance(commit, str) or not commit:
        return None
    return f"git+{address}@{commit}"


def reachable_address(remote: str) -> str | None:
    """An https address of a git remote a runner can clone (ssh forms rewritten), or None for a
    local path or an unknown scheme."""
    remote = remote.strip()
    short = _SCP_LIKE.match(remote)
    if short and "://" not in remote:
        return f"https://{short.group('host')}/{short.group('path')}"
    parsed = urlparse(remote)
    if parsed.scheme == "https" and parsed.netloc:
        return remote
    if parsed.scheme == "ssh" and parsed.hostname:
        return f"https://{parsed.hostname}{parsed.path}"
    return None


def _reachable(url: str) -> bool:
    return urlparse(url).scheme == "https"


def _git(folder: Path, arguments: list[str]) -> str | None:
    """What ``git -C folder ARGUMENTS`` prints, or None (no git, not a repository, no such remote)."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None
