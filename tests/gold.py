"""Scoring the pipeline against the hand-made gold standard of the seeds (tests/data/gold/seeds.yaml).

Gold facts carry a verbatim span and its offset; a finding covers a gold fact when one of its
facts overlaps that span in the same source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from factcheck.models import Finding, Verdict

GOLD_PATH = Path(__file__).parent / "data" / "gold" / "seeds.yaml"
CHECKABLE = {"date", "date_range", "duration", "quantity", "count"}


def load_gold(path: Path = GOLD_PATH) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class GoldFact:
    id: str
    source: str
    kind: str
    start: int
    end: int
    value: dict
    excluded: bool = False


def gold_facts(gold: dict) -> dict[str, GoldFact]:
    out = {}
    for f in gold["facts"]:
        out[f["id"]] = GoldFact(f["id"], f["source"], f["kind"], f["offset"], f["offset"] + len(f["span"]),
                                f.get("value") or {}, bool(f.get("exclude_from_cross_checks")))
    return out


def covers(finding: Finding, g: GoldFact) -> bool:
    return any(f.source_id == g.source and f.start < g.end and g.start < f.end for f in finding.facts)


def covered_sources(finding: Finding, facts: list[GoldFact]) -> set[str]:
    return {g.source for g in facts if covers(finding, g)}


@dataclass
class GoldScore:
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_contradictions: list[Finding] = field(default_factory=list)
    near_miss_contradictions: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"found {len(self.found)}/{len(self.found) + len(self.missed)}, "
                f"false contradictions {len(self.false_contradictions)}, "
                f"near-miss contradictions {len(self.near_miss_contradictions)}")


def score_cross_checks(gold: dict, findings: list[Finding], *, kinds: set[str] = CHECKABLE,
                       verdicts=("agree", "contradict")) -> GoldScore:
    """Which gold cross-source checks of the given fact kinds the findings reproduce."""
    facts = gold_facts(gold)
    cross = [f for f in findings if not f.internal]
    score = GoldScore()
    contradiction_sets = []
    for check in gold["cross_checks"]:
        if check["verdict"] not in verdicts:
            continue
        members = [facts[i] for i in check["facts"] if facts[i].kind in kinds and not facts[i].excluded]
        if len({g.source for g in members}) < 2:
            continue
        if check["verdict"] == "contradict":
            contradiction_sets.append(members)
        want = Verdict(check["verdict"])
        hit = any(f.verdict is want and len(covered_sources(f, members)) >= 2 for f in cross)
        (score.found if hit else score.missed).append(check["key"])
    # every contradiction must be one of the gold's (any kind), and none may join near-misses
    all_contradictions = [
        [facts[i] for i in c["facts"]] for c in gold["cross_checks"] if c["verdict"] == "contradict"
    ]
    for f in cross:
        if f.verdict is not Verdict.CONTRADICT:
            continue
        if not any(len(covered_sources(f, members)) >= 2 for members in all_contradictions):
            score.false_contradictions.append(f)
    for miss in gold["near_misses"]:
        members = [facts[i] for i in miss["facts"]]
        if miss.get("verdict") in ("not_comparable", "agree") and len(members) >= 2:
            for f in cross:
                if f.verdict is Verdict.CONTRADICT and sum(covers(f, g) for g in members) >= 2:
                    score.near_miss_contradictions.append(f"{miss['looks_like']}: {f.rule}")
    return score
