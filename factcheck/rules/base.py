"""What every check has in common: parameters, judgements of a group, results of internal checks."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from factcheck.align import FactLink, Relate, Relation
from factcheck.describe import describe_value, subject_label
from factcheck.models import Fact, FactKind, Verdict

__all__ = ["Check", "InternalResult", "Judgement", "NoParams", "ScreenedCheck", "list_values", "subject_label",
           "values_by_source"]


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


@dataclass
class Judgement:
    verdict: Verdict
    message: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class InternalResult:
    facts: list[Fact]
    verdict: Verdict
    message: str
    detail: dict[str, Any] = field(default_factory=dict)


class Check:
    """Base: `scope` is "cross" (facts of several sources) or "internal" (one source)."""

    name: ClassVar[str]
    scope: ClassVar[str] = "cross"
    kinds: ClassVar[tuple[FactKind, ...]] = ()
    Params: ClassVar[type[BaseModel]] = NoParams
    align_by: ClassVar[str] = "context"
    # report every strong contradicting pair, even one the clustering kept apart (quotes: a
    # divergent sentence next to a faithful one in the same source)
    pairwise_contradictions: ClassVar[bool] = False

    def __init__(self, params: BaseModel):
        self.p = params

    # cross-source checks
    def relate(self, a: Fact, b: Fact) -> Relation:
        raise NotImplementedError

    def relaters(self, facts: list[Fact]) -> tuple[Relate, Relate | None]:
        """(relate, screen) for pairs of these facts, with the work each fact needs done once.
        The screen, if any, is a cheaper first look at alignment's candidate pairs, most of
        which it can rule out: relate's answer is always the screen's or INCOMPARABLE (a check
        may leave its costliest tests to relate). Without one, pairs are scored first."""
        return self.relate, None

    def judge(self, facts: list[Fact], links: list[FactLink], threshold: float) -> Judgement | None:
        bad = [lk for lk in links if lk.relation is Relation.CONTRADICT]
        strong = [lk for lk in bad if lk.score >= threshold]
        values = values_by_source(facts)
        if strong:
            conflicts = [_conflict(lk) for lk in sorted(strong, key=lambda lk: (-lk.score, lk.a.key, lk.b.key))]
            return Judgement(Verdict.CONTRADICT, self.disagreement(facts, values),
                             {"values": values, "conflicts": conflicts})
        if bad:
            return Judgement(Verdict.UNCLEAR, "values differ but the facts may not be about the same thing: "
                             + list_values(values), {"values": values})
        return Judgement(Verdict.AGREE, self.agreement(facts, values), {"values": values})

    def disagreement(self, facts: list[Fact], values: dict[str, list[str]]) -> str:
        return f"sources disagree on {subject_label(facts)}: {list_values(values)}"

    def agreement(self, facts: list[Fact], values: dict[str, list[str]]) -> str:
        return f"{len(values)} sources agree on {subject_label(facts)}: {list_values(values)}"

    def score_pairs(self, facts: list[Fact]) -> list[tuple[int, int, float, tuple[str, ...]]]:
        """Text-aligned checks (align_by = "text") score their own candidate pairs."""
        raise NotImplementedError

    # internal checks
    def run_internal(self, facts: list[Fact]) -> list[InternalResult]:
        raise NotImplementedError


class ScreenedCheck(Check):
    """A check that relates two facts in two steps: `screen` compares what it `read` of each
    (once per fact for a rule's whole selection), and `confirm` runs the costlier tests that
    can only turn the screen's answer into INCOMPARABLE. Alignment screens its candidate pairs
    and confirms the few it keeps."""

    def read(self, f: Fact) -> Any:
        raise NotImplementedError

    def screen(self, a: Fact, b: Fact, ra: Any, rb: Any) -> Relation:
        raise NotImplementedError

    def confirm(self, a: Fact, b: Fact, rel: Relation) -> Relation:
        return rel

    def relate(self, a: Fact, b: Fact) -> Relation:
        return self.confirm(a, b, self.screen(a, b, self.read(a), self.read(b)))

    def relaters(self, facts: list[Fact]) -> tuple[Relate, Relate | None]:
        read = {id(f): self.read(f) for f in facts}

        def screen(a: Fact, b: Fact) -> Relation:
            return self.screen(a, b, read[id(a)], read[id(b)])

        return (lambda a, b: self.confirm(a, b, screen(a, b))), screen


def _conflict(link: FactLink) -> dict[str, Any]:
    def side(f: Fact) -> dict[str, Any]:
        return {"source": f.source_id, "line": f.line, "text": f.text, "value": describe_value(f)}

    return {"a": side(link.a), "b": side(link.b), "score": round(link.score, 3), "shared": list(link.shared)}


def values_by_source(facts: list[Fact]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for f in facts:
        v = describe_value(f)
        if v not in out[f.source_id]:
            out[f.source_id].append(v)
    return dict(sorted(out.items()))


def list_values(values: dict[str, list[str]]) -> str:
    return "; ".join(f"{src}: {', '.join(vs)}" for src, vs in values.items())
