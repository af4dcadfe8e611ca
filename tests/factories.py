"""Hand-built facts for stage tests that must not depend on the extractors."""

from __future__ import annotations

import datetime as dt
import math

from factcheck.models import (
    Comparator,
    DateValue,
    Fact,
    FactContext,
    FactKind,
    Granularity,
    QuantityValue,
)

_counter = iter(range(10**6))


def context(head=None, names=(), terms=(), sentence="") -> FactContext:
    return FactContext(head=head, names=list(names), terms=list(terms), sentence=sentence)


def day_fact(source: str, iso: str, *, head=None, names=(), terms=(), granularity="day", weekday=None) -> Fact:
    g = Granularity(granularity)
    if g is Granularity.DAY:
        start = end = dt.date.fromisoformat(iso)
    elif g is Granularity.MONTH:
        y, m = map(int, iso.split("-"))
        start = dt.date(y, m, 1)
        end = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    else:
        start, end = dt.date(int(iso), 1, 1), dt.date(int(iso), 12, 31)
    n = next(_counter)
    return Fact(kind=FactKind.DATE, source=f"{source}.txt", source_id=source, text=iso, start=n, end=n + 1, line=1,
                value=DateValue(date=iso, granularity=g, start=start, end=end, weekday=weekday),
                context=context(head, names, terms))


def qty_fact(source: str, value: float, *, comparator="=", unit="km", dimension="length", kind=FactKind.QUANTITY,
             head=None, names=(), terms=(), lo=None, hi=None, counted=None) -> Fact:
    comp = Comparator(comparator)
    if lo is None or hi is None:
        lo, hi = {
            Comparator.EQ: (value, value),
            Comparator.LT: (0.0, value),
            Comparator.GT: (value, math.inf),
            Comparator.APPROX: (value * 0.95, value * 1.05),
            Comparator.LE: (0.0, value),
            Comparator.GE: (value, math.inf),
        }[comp]
    n = next(_counter)
    return Fact(kind=kind, source=f"{source}.txt", source_id=source, text=str(value), start=n, end=n + 1, line=1,
                value=QuantityValue(value=value, unit=unit, dimension=dimension, comparator=comp,
                                    canonical_unit=unit, lo=lo, hi=hi,
                                    lo_open=comp is Comparator.GT, hi_open=comp is Comparator.LT,
                                    counted=counted),
                context=context(head, names, terms))
