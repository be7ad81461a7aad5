"""vaultc.yaml: defaults when absent, every setting read, and every mistake stops the run (exit 2)
with a message naming the file, the line and what is allowed."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultc.cli import main
from vaultc.config import DEFAULT_STUB_PATTERNS, Config, RuleSetting, apply_config, load_config
from vaultc.diagnostics import RULES, Diagnostic, Severity, diagnostic
from vaultc.errors import UsageProblem


def vault_with(tmp_path: Path, text: str, name: str = "vaultc.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def problem(tmp_path: Path, text: str) -> str:
    """The message of the UsageProblem that loading ``text`` raises (checking it means exit 2)."""
    with pytest.raises(UsageProblem) as raised:
        load_config(vault_with(tmp_path, text))
    assert raised.value.exit_code == 2
    return raised.value.message


def test_lint_rules_are_registered_with_their_default_severities() -> None:
    assert RULES["unanswered-question"][0] is Severity.WARNING
    assert RULES["duplicate-question"][0] is Severity.INFO
    assert RULES["possible-misspelling"][0] is Severity.INFO
    assert diagnostic("a.md", 3, 1, "stub-answer", "m").severity is Severity.WARNING


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config == Config()
    assert config.path is None and config.title is None and config.ignore == ()
    assert config.stub_patterns == DEFAULT_STUB_PATTERNS
    assert set(config.rules) == set(RULES)
    assert config.rules["broken-link"] == RuleSetting(True, Severity.WARNING)


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_empty_file_gives_defaults(tmp_path: Path, text: str) -> None:
    config = load_config(vault_with(tmp_path, text))
    assert config.path == tmp_path / "vaultc.yaml"
    assert config.rules == Config().rules


def test_every_setting_is_read(tmp_path: Path) -> None:
    text = """\
title: Deep Learning Notes
rules:
  unanswered-question: error      # severity
  possible-misspelling: off       # YAML reads a bare off as false
  stub-answer: "off"
  duplicate-question: Warning
  broken-link: on
stub_patterns: ["-", "TODO", " Answer here "]
ignore: ["templates/*", "SOURCE.md"]
obsidian_vault_name: My Vault
strict_line_breaks: true
"""
    config = load_config(vault_with(tmp_path, text, "vaultc.yml"))
    assert config.strict_line_breaks is True
    assert config.title == "Deep Learning Notes"
    assert config.rules["unanswered-question"] == RuleSetting(True, Severity.ERROR)
    assert config.rules["possible-misspelling"] == RuleSetting(False, Severity.INFO)
    assert config.rules["stub-answer"] == RuleSetting(False, Severity.WARNING)
    assert config.rules["duplicate-question"] == RuleSetting(True, Severity.WARNING)
    assert config.rules["broken-link"] == RuleSetting(True, Severity.WARNING)
    assert config.rules["undefined-term"] == RuleSetting(True, Severity.WARNING)  # not given: default
    assert config.stub_patterns == ("-", "TODO", "Answer here")
    assert config.ignore == ("templates/*", "SOURCE.md")
    assert config.obsidian_vault_name == "My Vault"


def test_config_is_read_only_and_pickles(tmp_path: Path) -> None:
    config = load_config(vault_with(tmp_path, "rules:\n  broken-link: error\n"))
    with pytest.raises(TypeError):
        config.rules["broken-link"] = RuleSetting(False, Severity.INFO)  # type: ignore[index]
    assert pickle.loads(pickle.dumps(config)) == config


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: X\nrules:\n  unanswerd-question: error\n",
            "line 3: unknown rule 'unanswerd-question'. Did you mean 'unanswered-question'?",
        ),
        ("rules:\n  zzzz: off\n", "line 2: unknown rule 'zzzz'. Allowed: ambiguous-link, broken-link,"),
        ("titel: Notes\n", "line 1: unknown setting 'titel'. Did you mean 'title'?"),
        (
            "colour: red\n",
            "line 1: unknown setting 'colour'. Allowed: base_url, flashcards, ignore, obsidian_vault_name, "
            "properties, rules,",
        ),
        (
            "rules:\n  stub-answer: errr\n",
            "line 2: rule 'stub-answer': 'errr' is not a setting. Did you mean 'error'? "
            "Use one of: error, warning, info, off.",
        ),
        ("rules:\n  stub-answer: 3\n", "line 2: rule 'stub-answer': '3' is not a setting. Use one of:"),
        ("rules:\n  stub-answer: [error]\n", "line 2: rule 'stub-answer': a list is not a setting."),
        ("rules: [broken-link]\n", "line 1: rules must be a mapping (rule-id: severity), not a list."),
        ("title: a\ntitle: b\n", "line 2: 'title' is given twice (first on line 1); keep one."),
        ("rules:\n  broken-link: off\n  broken-link: error\n", "line 3: 'broken-link' is given twice"),
        ("title: 2024\n", "line 1: title must be non-empty text, not '2024' (quote it if needed)."),
        ("strict_line_breaks: sometimes\n", "line 1: strict_line_breaks must be true or false, not 'sometimes'."),
        ("title: [a]\n", "line 1: title must be non-empty text, not a list"),
        ("title: '  '\n", "line 1: title must be non-empty text"),
        ("obsidian_vault_name: {a: 1}\n", "line 1: obsidian_vault_name must be non-empty text, not a mapping"),
        ("ignore: templates/*\n", "line 1: ignore must be a list of text, not 'templates/*'; e.g. ignore: [\"a\","),
        ("stub_patterns:\n  - TODO\n  - 3\n", "line 3: stub_patterns items must be non-empty text, not '3'"),
        ("stub_patterns: ['', TODO]\n", "line 1: stub_patterns items must be non-empty text, not ''"),
        ("- title\n", "line 1: expected settings as a mapping (key: value), not a list."),
        ("just text\n", "line 1: expected settings as a mapping (key: value), not 'just text'."),
        ("title: [unclosed\n", "line 2: not valid YAML: expected ',' or ']'"),
        ("title: a\n---\ntitle: b\n", "line 2: not valid YAML: but found another document."),
        ("title: !secret x\n", "line 1: not valid YAML: could not determine a constructor for the tag '!secret'."),
    ],
)
def test_mistakes_stop_the_run_with_file_line_and_allowed_values(tmp_path: Path, text: str, expected: str) -> None:
    message = problem(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'vaultc.yaml'} "), message
    assert expected in message, message


def test_both_file_names_is_ambiguous(tmp_path: Path) -> None:
    vault_with(tmp_path, "title: A\n")
    vault_with(tmp_path, "title: B\n", "vaultc.yml")
    with pytest.raises(UsageProblem, match="both exist; keep one of them") as raised:
        load_config(tmp_path)
    assert raised.value.exit_code == 2


def test_unreadable_file_is_a_usage_problem(tmp_path: Path) -> None:
    (tmp_path / "vaultc.yaml").write_bytes(b"title: \xff\xfe\n")
    with pytest.raises(UsageProblem, match="cannot read the configuration file") as raised:
        load_config(tmp_path)
    assert raised.value.exit_code == 2


def test_apply_config_drops_disabled_rules_and_rewrites_severities() -> None:
    config = Config(
        rules={
            "possible-misspelling": RuleSetting(False, Severity.INFO),
            "unanswered-question": RuleSetting(True, Severity.ERROR),
        }
    )
    found = (
        diagnostic("a.md", 1, 1, "possible-misspelling", "m"),
        diagnostic("a.md", 2, 1, "unanswered-question", "m", "What?"),
        diagnostic("a.md", 3, 1, "stub-answer", "m"),
        Diagnostic("a.md", 4, 1, "rule-nobody-registered", "m", Severity.ERROR),
    )
    kept = apply_config(found, config)
    assert [(d.line, d.rule, d.severity) for d in kept] == [
        (2, "unanswered-question", Severity.ERROR),
        (3, "stub-answer", Severity.WARNING),
        (4, "rule-nobody-registered", Severity.ERROR),
    ]
    assert kept[0].subject == "What?" and kept[1] is found[2]


def test_flashcard_settings_are_read_over_the_plugins_defaults(tmp_path: Path) -> None:
    config = load_config(vault_with(tmp_path, 'flashcards:\n  tags: ["#cards", deck]\n  inline: ";;"\n'))
    assert config.flashcards.tags == ("cards", "deck")
    assert dict(config.flashcards.separators) == {
        "inline": ";;", "inline_reversed": ":::", "multiline": "?", "multiline_reversed": "??"}  # fmt: skip
    assert load_config(tmp_path / "missing").flashcards.tags == ("flashcards",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("flashcards: yes\n", "line 1: flashcards must be a mapping"),
        ("flashcards:\n  inlin: ';;'\n", "line 2: unknown flashcards setting 'inlin'. Did you mean 'inline'?"),
        ("flashcards:\n  multiline: 'a b'\n", "line 2: flashcards.multiline must be a separator without spaces"),
        ("flashcards:\n  tags: cards\n", "line 2: flashcards.tags must be a list of text"),
    ],
)
def test_flashcard_setting_mistakes_stop_the_run(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in problem(tmp_path, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"title: {'9' * 5000}\n", "line 1: title: a number of 5,000 digits cannot be a setting."),
        (f"rules:\n  broken-link: {'9' * 5000}\n", "line 2: rules.broken-link: a number of 5,000 digits cannot be"),
        (f"flashcards:\n  tags: [a, {'9' * 5000}]\n", "line 2: flashcards.tags[1]: a number of 5,000 digits"),
        (f"{'9' * 200}: x\n", "line 1: a key: a number of 200 digits cannot be a setting."),
        ("title: 2024-13-45\n", "line 1: title: '2024-13-45' is not a valid timestamp (month must be in 1..12)."),
        ("title: !!bool maybe\n", "line 1: title: 'maybe' is not a valid bool."),
        ("title: !!float words\n", "line 1: title: 'words' is not a valid float"),
        ("ignore:\n  - " + "[" * 10_000 + "]" * 10_000 + "\n", "line 2: not valid YAML: 'ignore' nests more than 64"),
        ("title: ok\nb: \x00\n", "line 2: not valid YAML: unacceptable character #x0000"),
        ("a: &a [*a]\n", "line 1: unknown setting 'a'."),
        ("ignore: &a [*a]\n", "line 1: ignore items must be non-empty text, not a list"),
    ],
)
def test_hostile_values_stop_the_run_naming_the_key_never_a_traceback(tmp_path: Path, text: str, expected: str) -> None:
    message = problem(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'vaultc.yaml'} "), message
    assert expected in message, message[:300]


def test_a_utf16_configuration_file_says_to_save_it_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "vaultc.yaml").write_bytes("title: A\n".encode("utf-16"))
    with pytest.raises(UsageProblem, match="it is not UTF-8 text .* save it as UTF-8") as raised:
        load_config(tmp_path)
    assert raised.value.exit_code == 2


def test_the_command_line_exits_2_with_the_message_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "vault").mkdir()
    vault = vault_with(tmp_path / "vault", f"title: {'9' * 5000}\n")
    result = CliRunner().invoke(main, ["build", str(vault), "-o", str(tmp_path / "site")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "title: a number of 5,000 digits cannot be a setting." in result.output
