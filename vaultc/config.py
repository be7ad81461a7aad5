"""A vault's own settings: ``vaultc.yaml`` (or ``vaultc.yml``) at the vault root.

Why a file: a vault's authors decide once which rules matter for it, what counts as a placeholder
answer and which files are not notes, and every build, lint run and CI job then agrees. The file is
optional (missing means defaults) and read strictly: a misspelt key, rule or severity stops the run
with exit code 2 (:class:`~vaultc.errors.UsageProblem`) and a message naming the file, the line and
what is allowed, because a setting silently ignored is worse than none.

The YAML is read as a node tree (``yaml.compose``) rather than plain values, so every message can
say which line is wrong and a key given twice is caught instead of the last one winning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import yaml

from vaultc.config_cards import CardSettings, read_card_settings
from vaultc.config_nodes import describe, did_you_mean, entries, fail, flag, optional_text, texts, value_of
from vaultc.config_properties import PropertySettings, read_property_settings
from vaultc.config_scalars import check_values
from vaultc.diagnostics import RULES, Diagnostic, Severity
from vaultc.errors import UsageProblem
from vaultc.extract.answers import DEFAULT_STUB_PATTERNS
from vaultc.yaml_loaders import ConfigLoader

CONFIG_NAMES = ("vaultc.yaml", "vaultc.yml")
"""File names looked for at the vault root; having both is an error (which one would win?)."""

"""Answers that are only placeholders (compared case-insensitively by the extract stage)."""

SEVERITY_WORDS: Mapping[str, Severity] = MappingProxyType({str(s): s for s in reversed(Severity)})
"""Severities as written in the file: error, warning, info."""

OFF = "off"


@dataclass(frozen=True)
class RuleSetting:
    """Whether a rule is reported in this vault, and how seriously."""

    enabled: bool
    severity: Severity
    """The severity findings of the rule get (kept when disabled, for display)."""


def default_rule_settings() -> dict[str, RuleSetting]:
    """Every registered rule, enabled at its default severity."""
    return {rule: RuleSetting(True, severity) for rule, (severity, _) in RULES.items()}


@dataclass(frozen=True)
class Config:
    """The settings of one vault. Built from defaults plus the file; complete when returned."""

    title: str | None = None
    """Site title (None: the command line's or the vault folder's name)."""
    rules: Mapping[str, RuleSetting] = field(default_factory=default_rule_settings, hash=False)
    """Every registered rule id -> its setting; rules not given are filled in with their defaults."""
    stub_patterns: tuple[str, ...] = DEFAULT_STUB_PATTERNS
    """Regular expressions; an answer whose whole text matches one (ignoring case) is a stub, not an answer."""
    ignore: tuple[str, ...] = ()
    """Globs of vault paths that are not part of the vault (templates, sources)."""
    obsidian_vault_name: str | None = None
    """The vault's name in Obsidian, for ``obsidian://`` links (None: no such links)."""
    base_url: str | None = None
    """Where the site is published (None: unknown; ``--base-url`` wins over it). Checked and
    normalised by :func:`normalise_base_url`."""
    flashcards: CardSettings = field(default_factory=CardSettings)
    """Which notes hold spaced-repetition cards and how their separators are written."""
    properties: PropertySettings = field(default_factory=PropertySettings)
    """Which front-matter keys the note pages' properties table leaves out."""
    strict_line_breaks: bool = False
    """CommonMark's line breaks (a single newline joins lines) instead of Obsidian's default (it breaks)."""
    path: Path | None = None
    """The file read (None when the vault has none)."""
    source: str = ""
    """The file's text, as read (what a build cache compares)."""

    def __post_init__(self) -> None:
        # Complete and read-only whatever the caller passed: defaults first, then the given settings.
        object.__setattr__(self, "rules", MappingProxyType({**default_rule_settings(), **self.rules}))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with a plain dict (a mapping proxy does not pickle), for worker processes."""
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        return (_rebuild, ({**values, "rules": dict(self.rules)},))


def _rebuild(values: dict[str, Any]) -> Config:
    return Config(**values)


def apply_config(diagnostics: Iterable[Diagnostic], config: Config) -> tuple[Diagnostic, ...]:
    """Drop the findings of disabled rules and give the others their configured severity.

    The configuration is the source of truth for a rule's severity; findings of rules it does not
    know (none, once registered) are kept as reported. Order is preserved.
    """
    kept: list[Diagnostic] = []
    for found in diagnostics:
        setting = config.rules.get(found.rule)
        if setting is None:
            kept.append(found)
        elif setting.enabled:
            kept.append(found if found.severity is setting.severity else replace(found, severity=setting.severity))
    return tuple(kept)


def load_config(vault_root: Path) -> Config:
    """The vault's configuration: its ``vaultc.yaml`` read over the defaults, or the defaults.

    Raises :class:`UsageProblem` (exit code 2) for anything in the file that cannot be acted on.
    """
    path = _config_file(vault_root)
    if path is None:
        return Config()
    text = _read_text(path)
    try:
        root = yaml.compose(text, Loader=ConfigLoader)  # depth-bounded: 10,000 nested lists are an error
        if root is not None:
            check_values(path, root)
        settings = _read_settings(path, root) if root is not None else {}  # None: empty, or only comments
    except yaml.YAMLError as error:  # syntax, several documents, unknown !tags
        raise _yaml_problem(path, text, error) from error
    return Config(path=path, source=text, **settings)


def _config_file(vault_root: Path) -> Path | None:
    found = [vault_root / name for name in CONFIG_NAMES if (vault_root / name).is_file()]
    if len(found) > 1:
        raise UsageProblem(f"{found[0]} and {found[1]} both exist; keep one of them.")
    return found[0] if found else None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        message = f"it is not UTF-8 text (byte {error.start}); save it as UTF-8"
        raise UsageProblem(f"{path}: cannot read the configuration file: {message}.") from error
    except OSError as error:
        raise UsageProblem(f"{path}: cannot read the configuration file: {error}") from error


def _yaml_problem(path: Path, text: str, error: yaml.YAMLError) -> UsageProblem:
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses, found before parsing
        line = text.count("\n", 0, error.position) + 1
        return UsageProblem(f"{path} line {line}: not valid YAML: unacceptable character #x{error.character:04x}.")
    if not isinstance(error, yaml.MarkedYAMLError):
        return UsageProblem(f"{path}: not valid YAML: {error}.")
    mark = error.problem_mark or error.context_mark
    where = f"{path} line {mark.line + 1}" if mark else str(path)
    return UsageProblem(f"{where}: not valid YAML: {error.problem or error.context}.")


def _read_settings(path: Path, root: yaml.Node) -> dict[str, Any]:
    if not isinstance(root, yaml.MappingNode):
        fail(path, root, f"expected settings as a mapping (key: value), not {describe(root)}.")
    return {key: _READERS[key](path, key, node) for key, node in entries(path, root, "setting", _READERS)}


def _rules(path: Path, key: str, node: yaml.Node) -> dict[str, RuleSetting]:
    if value_of(node) is None:
        return {}  # "rules:" with nothing under it
    if not isinstance(node, yaml.MappingNode):
        fail(path, node, f"rules must be a mapping (rule-id: severity), not {describe(node)}.")
    known = RULES
    return {
        rule: _rule_setting(path, rule, value, known[rule][0]) for rule, value in entries(path, node, "rule", known)
    }


def _rule_setting(path: Path, rule: str, node: yaml.Node, default: Severity) -> RuleSetting:
    """``off`` (YAML reads a bare off/false as False), ``on``/true, or a severity word."""
    value = value_of(node)
    if isinstance(value, bool):
        return RuleSetting(value, default)
    word = value.strip().lower() if isinstance(value, str) else None
    if word == OFF:
        return RuleSetting(False, default)
    if word == "on":
        return RuleSetting(True, default)
    if word in SEVERITY_WORDS:
        return RuleSetting(True, SEVERITY_WORDS[word])
    allowed = [*SEVERITY_WORDS, OFF]
    hint = did_you_mean(word or "", allowed)
    fail(path, node, f"rule {rule!r}: {describe(node)} is not a setting.{hint} Use one of: {', '.join(allowed)}.")


def normalise_base_url(url: str) -> str:
    """The site's address as an absolute http(s) URL ending in "/", its path percent-encoded and
    its host in ASCII (IDNA), as sitemaps need. Raises ValueError saying what is wrong."""
    example = "e.g. https://you.github.io/notes/"
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an absolute http:// or https:// URL; {example}")
    if parts.query or parts.fragment or re.search(r"\s", parts.netloc):
        raise ValueError(f"{url!r} has a query, a fragment or a space in its host; give only the address, {example}")
    try:
        host = parts.netloc.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise ValueError(f"{url!r}: the host name is not valid ({error}); {example}") from error
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~").rstrip("/") + "/"
    return urlunsplit((parts.scheme.lower(), host, path, "", ""))


def _base_url(path: Path, key: str, node: yaml.Node) -> str | None:
    text = optional_text(path, key, node)
    if text is None:
        return None
    try:
        return normalise_base_url(text)
    except ValueError as error:
        fail(path, node, f"{key}: {error}.")


_READERS: dict[str, Callable[[Path, str, yaml.Node], Any]] = {
    "title": optional_text,
    "rules": _rules,
    "stub_patterns": texts,
    "ignore": texts,
    "obsidian_vault_name": optional_text,
    "base_url": _base_url,
    "flashcards": read_card_settings,
    "properties": read_property_settings,
    "strict_line_breaks": flag,
}
"""Each setting the file may hold -> the function that checks and converts its value."""
