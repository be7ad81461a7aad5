"""The one family of errors that stops a run.

Problems with the *content* of a vault are never raised: they are diagnostics
(:mod:`vaultc.diagnostics`). What is raised here is what makes a run impossible (a vault that does
not exist, an output folder that would overwrite the vault, a broken theme), always with a message
that says what to do next. Being ``click.ClickException`` subclasses, the CLI prints them and exits
with their code without a traceback.
"""

from __future__ import annotations

import click


class VaultcError(click.ClickException):
    """Base class: a condition that stops the run (exit code 1 unless a subclass says otherwise)."""

    exit_code = 1


class UsageProblem(VaultcError):
    """The command line or configuration cannot be acted on (exit code 2)."""

    exit_code = 2


class OutputFolderError(UsageProblem):
    """The output folder is unsafe to write (it is, holds, or lies inside the vault, or is foreign)."""


class ThemeError(UsageProblem):
    """A theme template is missing or fails to render."""
