"""Value checks on hand-built facts: interval semantics of dates and figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.align import Relation
from factcheck.models import Interval
from factcheck.rules.checks import (
    SameDate,
    SameDateParams,
    SameQuantity,
    SameQuantityParams,
)
from tests.factories import day_fact, qty_fact

Q = SameQuantity(SameQuantityParams(rel_tolerance=0.0))


@pytest.mark.parametrize("a, b, expected", [
    # "under 200" agrees with 180 and contradicts 250
    (dict(value=200, comparator="<"), dict(value=180), Relation.AGREE),
    (dict(value=200, comparator="<"), dict(value=250), Relation.CONTRADICT),
    # "nearly 300" agrees with 298 ([285, 300))
    (dict(value=300, comparator="<", lo=285, hi=300), dict(value=298), Relation.AGREE),
    (dict(value=300, comparator="<", lo=285, hi=300), dict(value=301), Relation.CONTRADICT),
    # "more than 40" contradicts 38, agrees with 41
    (dict(value=40, comparator=">"), dict(value=38), Relation.CONTRADICT),
    (dict(value=40, comparator=">"), dict(value=41), Relation.AGREE),
    # 1,000 km with its implied precision and 620 mi (997.8 km) agree
    (dict(value=1000, lo=975, hi=1025), dict(value=997.8, lo=989.7, hi=1005.8), Relation.AGREE),
    (dict(value=30), dict(value=30), Relation.EQUAL),
    # different dimensions are never compared
    (dict(value=30), dict(value=30, dimension="area", unit="km2"), Relation.INCOMPARABLE),
])
def test_same_quantity_intervals(a, b, expected):
    assert Q.relate(qty_fact("s1", **a), qty_fact("s2", **b)) is expected


def test_relative_tolerance_widens_both_sides():
    loose = SameQuantity(SameQuantityParams(rel_tolerance=0.05))
    assert loose.relate(qty_fact("a", 100), qty_fact("b", 108)) is Relation.AGREE
    assert Q.relate(qty_fact("a", 100), qty_fact("b", 108)) is Relation.CONTRADICT


def test_counts_of_different_things_are_not_compared():
    a = qty_fact("a", 4, unit=None, dimension="count", kind="count", counted="regions")
    b = qty_fact("b", 5, unit=None, dimension="count", kind="count", counted="villages")
    assert Q.relate(a, b) is Relation.INCOMPARABLE


D = SameDate(SameDateParams())


@pytest.mark.parametrize("a, b, expected", [
    (("2025-03-13", "day"), ("2025-03-13", "day"), Relation.EQUAL),
    (("2025-03-13", "day"), ("2025-03-12", "day"), Relation.CONTRADICT),
    # "in February" agrees with "February 28": the coarser source is less precise, not wrong
    (("2025-02", "month"), ("2025-02-28", "day"), Relation.AGREE),
    # a month and a day outside it are too loose a match to call one event: not compared
    (("2025-02", "month"), ("2025-03-01", "day"), Relation.INCOMPARABLE),
    (("2025-02", "month"), ("2025-03", "month"), Relation.CONTRADICT),
    (("2022", "year"), ("2022-03-14", "day"), Relation.AGREE),
])
def test_same_date_granularity(a, b, expected):
    fa = day_fact("s1", a[0], granularity=a[1])
    fb = day_fact("s2", b[0], granularity=b[1])
    assert D.relate(fa, fb) is expected


def test_different_granularity_can_contradict_when_asked():
    loose = SameDate(SameDateParams(same_granularity=False))
    assert loose.relate(day_fact("a", "2025-02", granularity="month"),
                        day_fact("b", "2025-03-01")) is Relation.CONTRADICT


def test_same_words_read_on_different_days_do_not_contradict():
    a = day_fact("a", "2013-10-16")
    b = day_fact("b", "2014-10-16")
    a.text = b.text = "October 16"
    assert D.relate(a, b) is Relation.INCOMPARABLE


def test_date_tolerance():
    loose = SameDate(SameDateParams(tolerance_days=1))
    assert loose.relate(day_fact("a", "2025-03-12"), day_fact("b", "2025-03-13")) is Relation.AGREE


_ends = st.one_of(st.integers(-50, 50).map(float), st.just(math.inf), st.just(-math.inf))


@st.composite
def _intervals(draw):
    lo, hi = sorted((draw(_ends), draw(_ends)))
    assume(not (lo == hi and math.isinf(lo)))  # no value is an interval of one infinity
    return Interval(lo=lo, hi=hi, lo_open=draw(st.booleans()), hi_open=draw(st.booleans()))


@given(_intervals(), _intervals())
def test_interval_gap_is_zero_exactly_when_they_meet_and_else_the_distance(a, b):
    gap = a.gap(b)
    assert gap == b.gap(a) >= 0
    if a.overlaps(b):
        assert gap == 0
    elif a.hi <= b.lo:
        assert gap == b.lo - a.hi
    else:
        assert gap == a.lo - b.hi
