"""A note page with a properties table (tests/fixtures/properties_vault), in a real browser: valid
HTML by the Nu checker, no serious axe violation in light and dark (contrast of chips, links and the
drawn checkbox on the colours actually drawn), no console error, and no sideways scroll at 375 px
(long values wrap inside their cell)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.support import build_site, serve
from tests.browser.test_accessibility import BLOCKING_IMPACTS, axe_violations, describe
from tests.browser.test_html_validity import nu_checker_errors
from tests.browser.test_page_health import PHONE, horizontal_overflow

VAULT = Path(__file__).resolve().parent.parent / "fixtures" / "properties_vault"
PAGE = "notes/papers/attention.html"


@pytest.fixture(scope="module")
def properties_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(VAULT, tmp_path_factory.mktemp("browser-properties") / "site")


@pytest.fixture(scope="module")
def properties_url(properties_site: Path) -> Iterator[str]:
    with serve(properties_site) as base:
        yield base


def test_the_properties_site_is_valid_html(properties_site: Path) -> None:
    errors = nu_checker_errors(properties_site)
    assert not errors, f"{len(errors)} Nu HTML checker errors:\n" + "\n".join(errors)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_properties_table_is_accessible_and_fits_a_phone(open_page, properties_url: str, scheme: str) -> None:
    page, watch = open_page(PHONE, scheme)
    response = page.goto(properties_url + PAGE, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert response.ok and page.locator("table.properties tr").count() == 8
    assert watch.problems == []
    assert horizontal_overflow(page) == []
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    assert blocking == [], f"{PAGE} ({scheme}):\n" + "\n".join(map(describe, blocking))
