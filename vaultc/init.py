"""``vaultc init``: give a vault a commented ``vaultc.yaml`` and its repository a GitHub Pages workflow.

Why a command: publishing needs two files whose details are easy to get wrong (the Pages
permissions, the configure/upload/deploy actions, the vault's path inside the repository, the
site's address), and a new user should not have to learn them before seeing a site. The files are
templates shipped as package data (``vaultc/scaffold/``) with ``@NAME@`` placeholders, filled here.

The workflow installs vaultc from where this copy came from (its git repository and commit, found
by :mod:`vaultc.install_source`) unless ``--pip-spec`` says otherwise; with neither, init refuses
rather than write a workflow whose install step would fail. Existing files are never overwritten
unless asked (``--force``): each file is reported as created, overwritten or skipped, and skipping
is not a failure.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from vaultc.config import CONFIG_NAMES
from vaultc.errors import UsageProblem
from vaultc.install_source import pip_requirement

WORKFLOW = Path(".github/workflows/vaultc-pages.yml")
NO_SOURCE = (
    "vaultc is not on PyPI, and this copy was not installed from an address GitHub's runners can reach "
    "(a git repository on https or ssh, or a package index), so the workflow could not install it. Pass the "
    "requirement yourself: vaultc init --pip-spec 'git+https://github.com/OWNER/vaultc@TAG'"
)


@dataclass(frozen=True)
class InitOptions:
    vault: Path
    repo_root: Path | None = None
    """The repository holding the workflow (None: the vault's git root, else the vault itself)."""
    pip_spec: str | None = None
    """What the workflow installs (None: where this vaultc came from, :mod:`vaultc.install_source`)."""
    branch: str = "main"
    force: bool = False


@dataclass(frozen=True)
class Written:
    """One scaffolded file and what happened to it: created, overwritten or skipped."""

    path: Path
    action: str


def init_vault(options: InitOptions) -> list[Written]:
    """Write ``vaultc.yaml`` into the vault and the Pages workflow into its repository; refuse (before
    writing anything) when no requirement that installs vaultc on a runner is known."""
    vault = options.vault
    if not vault.is_dir():
        raise UsageProblem(f"'{vault}' is not a folder. Pass the vault folder: vaultc init path/to/vault")
    pip_spec = options.pip_spec or pip_requirement()
    if pip_spec is None:
        raise UsageProblem(NO_SOURCE)
    repo_root = options.repo_root if options.repo_root is not None else find_repo_root(vault)
    vault_in_repo = _relative_inside(vault, repo_root)
    existing = [vault / name for name in CONFIG_NAMES if (vault / name).is_file()]
    config = existing[0] if existing else vault / CONFIG_NAMES[0]
    files = {
        config: config_text(vault.resolve().name),
        repo_root / WORKFLOW: workflow_text(vault_in_repo, pip_spec, options.branch),
    }
    return [_write(path, text, options.force) for path, text in files.items()]


def find_repo_root(vault: Path) -> Path:
    """The nearest folder at or above the vault holding ``.git`` (a folder, or a file in a worktree);
    the vault itself when there is none."""
    start = vault.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return vault


def config_text(vault_name: str) -> str:
    """The commented ``vaultc.yaml``, with the title and Obsidian vault name set to the folder's name."""
    quoted = json.dumps(vault_name, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted one
    return _template("vaultc.yaml").replace("@TITLE@", quoted).replace("@VAULT_NAME@", quoted)


def workflow_text(vault_in_repo: str, pip_spec: str, branch: str) -> str:
    """The Pages workflow building ``vault_in_repo`` (POSIX, relative to the repository root)."""
    for what, value in (("vault path", vault_in_repo), ("--pip-spec", pip_spec), ("--branch", branch)):
        if not value.strip() or "\n" in value or "\r" in value:
            raise UsageProblem(f"The {what} {value!r} cannot go into a workflow: it is empty or has a line break.")
    return (
        _template("vaultc-pages.yml")
        .replace("@BRANCH@", json.dumps(branch))
        .replace("@PIP_SPEC@", shlex.quote(pip_spec))
        .replace("@VAULT_PATH@", shlex.quote(vault_in_repo))
    )


def _template(name: str) -> str:
    return resources.files("vaultc.scaffold").joinpath(name).read_text(encoding="utf-8")


def _relative_inside(vault: Path, repo_root: Path) -> str:
    """The vault's path inside the repository, POSIX ("." for the root itself)."""
    try:
        return vault.resolve().relative_to(repo_root.resolve()).as_posix()
    except ValueError:
        raise UsageProblem(
            f"The vault '{vault}' is not inside the repository '{repo_root}'. Pass --repo-root with a folder "
            "that contains the vault."
        ) from None


def _write(path: Path, text: str, force: bool) -> Written:
    if path.exists() and not force:
        return Written(path, "skipped")
    action = "overwritten" if path.exists() else "created"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise UsageProblem(f"Cannot write '{path}': {error}") from error
    return Written(path, action)
