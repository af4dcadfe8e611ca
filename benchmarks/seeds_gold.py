"""Score the seeds' findings against the hand-made gold standard (tests/data/gold/seeds.yaml).

    python benchmarks/seeds_gold.py

Prints, for the default pack alone and for default + story pack: gold cross-source checks found
and missed (date and figure checks, quote checks, all), false contradictions, and contradictions
among the gold's near-misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.pipeline import CheckOptions, check  # noqa: E402
from tests.gold import CHECKABLE, load_gold, score_cross_checks  # noqa: E402

PACKS = {
    "default": [str(ROOT / "rules" / "default.yaml")],
    "default + story": [str(ROOT / "rules")],
}
SCOPES = {
    "dates and figures": CHECKABLE,
    "quotes": {"quote"},
}


def main() -> int:
    gold = load_gold()
    print("| pack | scope | found | missed | false contradictions | near-miss contradictions |")
    print("| --- | --- | --- | --- | --- | --- |")
    for pack, rules in PACKS.items():
        report = check(CheckOptions(paths=[str(ROOT / "seeds")], rules=rules))
        for scope, kinds in SCOPES.items():
            s = score_cross_checks(gold, report.findings, kinds=kinds)
            print(f"| {pack} | {scope} | {len(s.found)} | {len(s.missed)} {sorted(s.missed)} | "
                  f"{len(s.false_contradictions)} | {len(s.near_miss_contradictions)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
