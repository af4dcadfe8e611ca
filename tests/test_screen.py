"""Checks' screens: the cheap first look at alignment's candidate pairs must never change what
relate says, only how soon a pair is ruled out, and alignment with a screen groups the same."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.align import Relation, align, rarity_of, synonym_map
from factcheck.models import DateValue, FactKind, Granularity
from factcheck.pipeline import CheckOptions, extract_all, prepare_rules
from factcheck.rules.checks import SameDate, SameDateParams
from factcheck.rules.engine import selects
from factcheck.sources import load_sources
from tests.factories import day_fact, qty_fact


@pytest.fixture(scope="module")
def facts():
    return extract_all(load_sources(["seeds"]))


@pytest.fixture(scope="module")
def rules():
    return {r.id: r for r in prepare_rules(CheckOptions(paths=["seeds"], rules=["rules/default.yaml"]))}


def _hand_built():
    """Pairs the seeds lack: coarse dates, counts of other things, other currencies."""
    return [
        day_fact("a", "2024-03-13"), day_fact("b", "2024-03-14"), day_fact("c", "2024-03", granularity="month"),
        day_fact("d", "2024", granularity="year"), day_fact("e", "2023", granularity="year"),
        qty_fact("a", 30), qty_fact("b", 31), qty_fact("c", 200, comparator="<"),
        qty_fact("d", 30, unit="km2", dimension="area"),
        qty_fact("a", 38, kind=FactKind.COUNT, dimension="count", unit="", counted="villages"),
        qty_fact("b", 40, kind=FactKind.COUNT, dimension="count", unit="", counted="villages"),
        qty_fact("c", 40, kind=FactKind.COUNT, dimension="count", unit="", counted="people"),
    ]


@pytest.mark.parametrize("rule_id", ["event-date", "figure", "count", "duration", "period"])
def test_relate_says_what_the_screen_says_or_incomparable(facts, rules, rule_id):
    check = rules[rule_id].check
    pool = [f for f in facts + _hand_built() if not check.kinds or f.kind in check.kinds]
    relate, screen = check.relaters(pool)
    assert screen is not None
    seen = set()
    for a in pool:
        for b in pool:
            first, rel = screen(a, b), relate(a, b)
            assert rel is check.relate(a, b)  # the per-fact work done once changes nothing
            assert rel in (first, Relation.INCOMPARABLE), (a.text, b.text, first, rel)
            seen.add((first, rel))
    # the screen rules pairs out, and lets some through that relate then rules out or keeps
    assert (Relation.INCOMPARABLE, Relation.INCOMPARABLE) in seen
    assert {(Relation.EQUAL, Relation.EQUAL), (Relation.CONTRADICT, Relation.CONTRADICT)} <= seen


def test_the_screen_leaves_how_a_date_was_read_to_relate():
    """Two "on Monday"s read against reference dates a week apart: two different Mondays, which
    the screen cannot tell from a contradiction and relate can."""
    check = SameDate(SameDateParams())

    def monday(source, day, anchor):
        f = day_fact(source, day)
        f.text = "on Monday"
        f.value = DateValue(date=day, granularity=Granularity.DAY, start=dt.date.fromisoformat(day),
                            end=dt.date.fromisoformat(day), relative="on Monday",
                            anchor=dt.date.fromisoformat(anchor))
        return f

    a, b = monday("a", "2025-03-10", "2025-03-12"), monday("b", "2025-03-17", "2025-03-19")
    relate, screen = check.relaters([a, b])
    assert screen(a, b) is Relation.CONTRADICT
    assert relate(a, b) is Relation.INCOMPARABLE


@pytest.mark.parametrize("rule_id", ["event-date", "figure", "count", "duration", "period"])
def test_alignment_with_the_screen_groups_as_without(facts, rules, rule_id):
    rule = rules[rule_id]
    selected = [f for f in facts if selects(rule, f)]
    rarity = rarity_of(facts, synonym_map(rule.align.synonyms))
    relate, screen = rule.check.relaters(selected)

    def groups(screen):
        got = align(selected, rule.align, relate, keep_rejected=rule.check.pairwise_contradictions,
                    rarity=rarity, screen=screen)
        return [([f.key for f in g.facts], [(lk.a.key, lk.b.key, lk.score, lk.shared, lk.relation) for lk in g.links])
                for g in got]

    plain = groups(None)
    assert plain == groups(screen)
    if rule_id == "event-date":
        assert plain  # the seeds' dates do group: the comparison is not between two empty lists
