#!/usr/bin/env python3
"""Lighthouse's four scores (mobile profile) for the default vault's site, with the performance
metrics behind the performance score: the measurement the browser tests leave out, since speed
belongs here and moves with the machine's load (tests/browser/test_lighthouse.py asserts the other
three categories at 100).

    python bench/lighthouse.py [--repeat K]     # needs scripts/install-test-tools

Prints one row per page: the median of K runs for each score (default 1).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.support import LIGHTHOUSE_CATEGORIES, build_default_site, lighthouse, serve  # noqa: E402
from tests.browser.test_lighthouse import PAGES  # noqa: E402

METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
           "speed-index")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory(prefix="vaultc-lighthouse-") as scratch:
        site = build_default_site(Path(scratch) / "site")
        with serve(site) as base:
            print("| page | " + " | ".join(LIGHTHOUSE_CATEGORIES) + " | " + " | ".join(METRICS) + " |")
            print("|---" * (1 + len(LIGHTHOUSE_CATEGORIES) + len(METRICS)) + "|")
            for path in PAGES:
                reports = [lighthouse(base + path, Path(scratch) / f"report-{run}.json") for run in range(repeat)]
                scores = [round(100 * statistics.median(r["categories"][c]["score"] for r in reports))
                          for c in LIGHTHOUSE_CATEGORIES]  # fmt: skip
                metrics = [reports[0]["audits"][m].get("displayValue", "") for m in METRICS]
                print(f"| {path} | " + " | ".join(map(str, scores)) + " | " + " | ".join(metrics) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
