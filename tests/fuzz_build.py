"""Building one fuzz vault in-process and checking its site: the step the fuzz test and
``scripts/fuzz.py`` share.

Why this exists: both run the whole pipeline (load from disk, every stage, the write stage's swap)
on a generated vault, exactly as ``vaultc build`` does, then apply :mod:`tests.fuzz_checks`. The
baseline, a site built from an empty vault, says which scripts, files and ids are the theme's own.

A broken property raises a :class:`PropertyFailure` subclass named after the property, so
Hypothesis tells the properties apart and shrinks a vault for each one that fails.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tests.fuzz_checks import Baseline, Problem, baseline_of, site_problems
from tests.fuzz_vaults import FuzzVault
from vaultc.build import BuildOptions, build

T = TypeVar("T")


class PropertyFailure(AssertionError):
    """A built site breaks a property; subclasses name which (see :func:`failure_for`)."""


@functools.cache
def failure_for(kind: str) -> type[PropertyFailure]:
    """One exception class per property, made once."""
    return type(f"PropertyFailure[{kind}]", (PropertyFailure,), {"kind": kind})


def empty_vault_baseline() -> Baseline:
    return built(FuzzVault(()), baseline_of)


def site_problems_of(generated: FuzzVault, baseline: Baseline) -> list[Problem]:
    """Build the vault as ``vaultc build`` would and check its site. An exception from the build
    propagates: not raising is the first property."""
    return built(generated, lambda site: site_problems(site, baseline))


def check_vault(generated: FuzzVault, baseline: Baseline) -> None:
    """Raise the failure of the first property broken, with every problem found in its message."""
    problems = site_problems_of(generated, baseline)
    if problems:
        raise failure_for(problems[0].kind)("\n".join(f"{kind}: {detail}" for kind, detail in problems))


def built(generated: FuzzVault, read: Callable[[Path], T]) -> T:
    """Write the vault to a temporary folder, build it into another, and ``read`` the site."""
    with tempfile.TemporaryDirectory(prefix="vaultc-fuzz-") as folder:
        vault, site = Path(folder, "vault"), Path(folder, "site")
        vault.mkdir()
        generated.write(vault)
        result = build(BuildOptions(vault, site))
        assert result.written, "a default build always writes its site"
        return read(site)
