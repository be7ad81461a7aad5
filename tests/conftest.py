"""Every test run keeps its build caches in a folder of its own, never in the user's cache folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VAULTC_CACHE_DIR", str(tmp_path_factory.mktemp("vaultc-cache")))
        yield
