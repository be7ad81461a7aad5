"""Fuzz: generated vaults of Obsidian syntax, hostile HTML and broken input through the whole build.

Properties (:mod:`tests.fuzz_checks`): no exception; every page well-formed; no script, event
attribute, active URL or active attachment that the theme did not put there; a search index no text
can end early; every question of ``qa.json`` on its page; no formula-like cell in ``qa.csv``.

Bounded for CI: a fixed number of examples, derandomized (the same vaults every run), no deadline
(a build takes ~0.2 s, more on a loaded machine), no shrinking. ``scripts/fuzz.py`` runs the same properties on
many more vaults, with a seed, and saves what it finds.
"""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzz_build import check_vault, empty_vault_baseline
from tests.fuzz_checks import Baseline
from tests.fuzz_vaults import FuzzVault, vaults

CI_EXAMPLES = 60


@functools.cache
def baseline() -> Baseline:
    return empty_vault_baseline()


@settings(
    max_examples=CI_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking in CI: the failing vault is printed as drawn,
    # and ``scripts/fuzz.py`` shrinks it (shrinking a whole build takes minutes)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],  # vaults are big draws, on purpose
)
@given(vaults())
def test_any_vault_builds_a_safe_well_formed_site(generated: FuzzVault) -> None:
    check_vault(generated, baseline())


def test_the_baseline_holds_the_themes_scripts() -> None:
    """The script allow-list comes from a real build: if it were empty, every check would pass vacuously."""
    scripts = baseline().scripts
    assert any(script.endswith("static/site.js") for script in scripts), scripts
