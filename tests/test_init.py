"""`vaultc init`: a commented vaultc.yaml that the config reader accepts, and a Pages workflow that
builds the right folder; existing files are kept unless --force."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from vaultc.cli import main
from vaultc.config import load_config
from vaultc.init import WORKFLOW

PAGES_ACTIONS = (
    "actions/checkout@",
    "actions/setup-python@",
    "actions/configure-pages@",
    "actions/upload-pages-artifact@",
    "actions/deploy-pages@",
)


SPEC = "git+https://github.com/example/vaultc@v0.1.0"


def run_init(*arguments: str | Path) -> Result:
    """``vaultc init`` with a requirement given (where the test's vaultc came from is not a workflow's)."""
    given = ["--pip-spec", SPEC] if "--pip-spec" not in arguments else []
    return CliRunner().invoke(main, ["init", *map(str, arguments), *given])


def repository(tmp_path: Path, vault_name: str = "notes") -> tuple[Path, Path]:
    """A repository (a folder with .git) holding a vault folder with one note."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    vault = repo / vault_name
    vault.mkdir(parents=True)
    (vault / "Note.md").write_text("# Note\n", encoding="utf-8")
    return repo, vault


def workflow_of(repo: Path) -> dict:
    return yaml.safe_load((repo / WORKFLOW).read_text(encoding="utf-8"))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def build_command(workflow: dict) -> list[str]:
    (command,) = [step["run"] for step in steps(workflow, "build") if "vaultc build" in step.get("run", "")]
    return shlex.split(command.replace("${{ steps.pages.outputs.base_url }}", "BASE"))


def test_init_writes_the_config_into_the_vault_and_the_workflow_into_its_git_root(tmp_path: Path) -> None:
    repo, vault = repository(tmp_path)
    result = run_init(vault)
    assert result.exit_code == 0, result.output
    assert f"created {vault / 'vaultc.yaml'}" in result.stdout
    assert f"created {repo / WORKFLOW}" in result.stdout
    assert "Settings > Pages" in result.stderr
    assert (vault / "vaultc.yaml").is_file() and (repo / WORKFLOW).is_file()


def test_the_scaffolded_config_is_commented_and_valid(tmp_path: Path) -> None:
    _, vault = repository(tmp_path, vault_name='My "quoted" vault')
    assert run_init(vault).exit_code == 0
    text = (vault / "vaultc.yaml").read_text(encoding="utf-8")
    assert text.startswith("# vaultc settings")
    assert '# base_url: "https://USER.github.io/REPO/"' in text
    config = load_config(vault)
    assert config.title == 'My "quoted" vault'
    assert config.obsidian_vault_name == 'My "quoted" vault'
    assert config.base_url is None  # a placeholder, commented out


def test_every_commented_example_of_the_scaffolded_config_is_valid_once_uncommented(tmp_path: Path) -> None:
    _, vault = repository(tmp_path, vault_name="v")
    assert run_init(vault).exit_code == 0
    lines = (vault / "vaultc.yaml").read_text(encoding="utf-8").splitlines()
    example = re.compile(r"# ([a-z_]+:.*|  .*)$")  # "# key: value" and its indented lines, never the prose
    examples = [match.group(1) for line in lines if (match := example.fullmatch(line))]
    settings = [line for line in lines if not line.startswith("#")] + examples
    (vault / "vaultc.yaml").write_text("\n".join(settings) + "\n", "utf-8")
    config = load_config(vault)
    assert config.strict_line_breaks is True and "dg-publish" in config.properties.hidden
    assert config.base_url == "https://USER.github.io/REPO/" and config.ignore == ("templates/*", "drafts/*")


def test_the_workflow_builds_the_vault_path_inside_the_repository_and_deploys_to_pages(tmp_path: Path) -> None:
    repo, vault = repository(tmp_path, vault_name="docs/my vault")
    assert run_init(vault).exit_code == 0
    workflow = workflow_of(repo)
    assert workflow[True] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}  # YAML 1.1 reads "on" as True
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    uses = [step.get("uses", "") for step in steps(workflow, "build") + steps(workflow, "deploy")]
    for action in PAGES_ACTIONS:
        assert any(used.startswith(action) for used in uses), action
    assert build_command(workflow) == [
        "vaultc",
        "build",
        "docs/my vault",
        "-o",
        "$RUNNER_TEMP/site",
        "--base-url",
        "BASE",
    ]
    upload = next(step for step in steps(workflow, "build") if step.get("uses", "").startswith(PAGES_ACTIONS[3]))
    assert upload["with"]["path"] == "${{ runner.temp }}/site"
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_pip_spec_and_branch_options_reach_the_workflow(tmp_path: Path) -> None:
    repo, vault = repository(tmp_path)
    spec = "vaultc @ git+https://github.com/someone/vaultc@v0.1.0"
    result = run_init(vault, "--pip-spec", spec, "--branch", "release")
    assert result.exit_code == 0 and "not on PyPI" not in result.stderr
    workflow = workflow_of(repo)
    (install,) = [step["run"] for step in steps(workflow, "build") if "pip install" in step.get("run", "")]
    assert shlex.split(install) == ["python", "-m", "pip", "install", spec]
    assert workflow[True]["push"]["branches"] == ["release"]
    assert "not published on PyPI" in (repo / WORKFLOW).read_text(encoding="utf-8")


def test_without_a_git_repository_the_vault_is_the_repository_root(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    assert run_init(vault).exit_code == 0
    assert build_command(workflow_of(vault))[2] == "."


def test_repo_root_option_picks_the_repository(tmp_path: Path) -> None:
    vault = tmp_path / "a" / "b" / "vault"
    vault.mkdir(parents=True)
    assert run_init(vault, "--repo-root", tmp_path / "a").exit_code == 0
    assert build_command(workflow_of(tmp_path / "a"))[2] == "b/vault"


def test_existing_files_are_kept_and_reported_and_force_overwrites_them(tmp_path: Path) -> None:
    repo, vault = repository(tmp_path)
    (vault / "vaultc.yaml").write_text("title: mine\n", encoding="utf-8")
    result = run_init(vault)
    assert result.exit_code == 0
    assert f"skipped {vault / 'vaultc.yaml'}: it exists (--force overwrites it)" in result.stdout
    assert f"created {repo / WORKFLOW}" in result.stdout
    assert (vault / "vaultc.yaml").read_text(encoding="utf-8") == "title: mine\n"
    (repo / WORKFLOW).write_text("name: mine\n", encoding="utf-8")
    again = run_init(vault)
    assert "skipped" in again.stdout and "created" not in again.stdout
    assert (repo / WORKFLOW).read_text(encoding="utf-8") == "name: mine\n"
    forced = run_init(vault, "--force")
    assert forced.exit_code == 0
    assert f"overwritten {vault / 'vaultc.yaml'}" in forced.stdout
    assert load_config(vault).title == "notes"
    assert "vaultc build" in (repo / WORKFLOW).read_text(encoding="utf-8")


def test_a_vaultc_yml_counts_as_an_existing_config(tmp_path: Path) -> None:
    _, vault = repository(tmp_path)
    (vault / "vaultc.yml").write_text("title: mine\n", encoding="utf-8")
    assert f"skipped {vault / 'vaultc.yml'}" in run_init(vault).stdout
    assert not (vault / "vaultc.yaml").exists()  # two config files would be an error


@pytest.mark.parametrize("case", ["missing vault", "vault outside the repository", "line break in the branch"])
def test_usage_problems_exit_with_2_and_write_nothing(tmp_path: Path, case: str) -> None:
    repo, vault = repository(tmp_path)
    arguments: list[str | Path] = {
        "missing vault": [tmp_path / "nowhere"],
        "vault outside the repository": [vault, "--repo-root", tmp_path / "elsewhere"],
        "line break in the branch": [vault, "--branch", "main\nevil: true"],
    }[case]
    result = run_init(*arguments)
    assert result.exit_code == 2, result.output
    assert not (vault / "vaultc.yaml").exists() and not (repo / WORKFLOW).exists()


def test_help_explains_the_command() -> None:
    result = run_init("--help")
    assert result.exit_code == 0
    for option in ("--repo-root", "--pip-spec", "--branch", "--force", "vaultc-pages.yml"):
        assert option in result.output


def test_without_a_requirement_the_workflow_installs_vaultc_from_where_it_came_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, vault = repository(tmp_path)
    found = "git+https://github.com/me/vaultc.git@0123456789abcdef0123456789abcdef01234567"
    monkeypatch.setattr("vaultc.init.pip_requirement", lambda: found)
    result = CliRunner().invoke(main, ["init", str(vault)])
    assert result.exit_code == 0, result.output
    (install,) = [step["run"] for step in steps(workflow_of(repo), "build") if "pip install" in step.get("run", "")]
    assert shlex.split(install) == ["python", "-m", "pip", "install", found]


def test_without_a_reachable_source_init_refuses_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, vault = repository(tmp_path)
    monkeypatch.setattr("vaultc.init.pip_requirement", lambda: None)
    result = CliRunner().invoke(main, ["init", str(vault)])
    assert result.exit_code == 2
    assert "not on PyPI" in result.stderr and "--pip-spec 'git+https://github.com/OWNER/vaultc@TAG'" in result.stderr
    assert not (vault / "vaultc.yaml").exists() and not (repo / WORKFLOW).exists()
