"""Value checks: dates, figures, ranges, and the internal checks of one source.

Each check relates two facts (equal, agree, contradict, incomparable) or, for internal
checks, looks at the facts of one source. Quote checks live in quotecheck.py; the
registry of names is in registry.py.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field

from factcheck.align import Relation
from factcheck.extract.lexicon import WEEKDAY_NAMES, WEEKDAYS
from factcheck.extract.terms import stem
from factcheck.extract.units import to_canonical
from factcheck.models import (
    DateRangeValue,
    DateValue,
    Fact,
    FactKind,
    Granularity,
    Interval,
    QuantityValue,
    Verdict,
)
from factcheck.rules.base import (
    Check,
    InternalResult,
    ScreenedCheck,
    list_values,
    subject_label,
)

# ---------------------------------------------------------------- dates


class SameDateParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tolerance_days: int = Field(0, ge=0, description="days of slack before two dates contradict")
    min_granularity: Granularity = Field(
        Granularity.YEAR, description="coarser dates than this are not compared (e.g. decade)")
    same_granularity: bool = Field(
        True, description="only dates written at the same granularity can contradict (a month still "
        "agrees with a day inside it)")


_GRAN_RANK = {Granularity.DAY: 0, Granularity.WEEK: 1, Granularity.MONTH: 2, Granularity.QUARTER: 3,
              Granularity.YEAR: 4, Granularity.DECADE: 5, Granularity.CENTURY: 6}


def date_interval(fact: Fact) -> Interval | None:
    v = fact.value
    if isinstance(v, (DateValue, DateRangeValue)):
        return v.interval()
    return None


class SameDate(ScreenedCheck):
    """Two mentions of one event give overlapping days; a coarser date that contains a finer one agrees."""

    name = "same_date"
    kinds = (FactKind.DATE, FactKind.DATE_RANGE)
    Params = SameDateParams

    def read(self, f: Fact) -> Interval | None:
        """The days a date covers, or None when it cannot be compared (too coarse, unresolved)."""
        if _GRAN_RANK[f.value.granularity] > _GRAN_RANK[self.p.min_granularity]:
            return None
        return date_interval(f)

    def screen(self, a: Fact, b: Fact, ia: Interval | None, ib: Interval | None) -> Relation:
        if ia is None or ib is None:
            return Relation.INCOMPARABLE
        if ia == ib:
            return Relation.EQUAL
        if ia.gap(ib) <= self.p.tolerance_days:
            return Relation.AGREE
        if self.p.same_granularity and a.value.granularity is not b.value.granularity:
            # "in 2010" against "on Thursday (June 13)": too loose a match to be one event
            return Relation.INCOMPARABLE
        return Relation.CONTRADICT

    def confirm(self, a: Fact, b: Fact, rel: Relation) -> Relation:
        if rel is Relation.CONTRADICT and resolution_differs(a, b):
            # "on Monday" written a week apart names two different Mondays: no evidence of conflict
            return Relation.INCOMPARABLE
        return rel

    def disagreement(self, facts, values):
        spans = [date_interval(f) for f in facts]
        days = max((x.gap(y) for x in spans for y in spans if x and y), default=0)
        apart = f"{int(days)} day{'s' if int(days) != 1 else ''} apart"
        return f"sources give different dates for {subject_label(facts)}: {list_values(values)} ({apart})"


_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|['\u2019]\d\d\b")


def resolution_differs(a: Fact, b: Fact) -> bool:
    """Whether two dates differ only through how they were read, not what they report: the same
    words ("from October 16 to November 14", "this week") read against different reference
    dates, relative expressions of different days, a weekday that fits the other date, or
    "last year" one year off."""
    if a.text.lower().split() == b.text.lower().split():
        return True
    va, vb = a.value, b.value
    if getattr(va, "relative", None) and getattr(vb, "relative", None) and va.anchor != vb.anchor:
        return True
    if not isinstance(va, DateValue) or not isinstance(vb, DateValue) or not va.start or not vb.start:
        return False
    for rel, other in ((va, vb), (vb, va)):
        if rel.relative and rel.granularity in (Granularity.MONTH, Granularity.YEAR):
            if _units_apart(rel, other) == 1:
                return True  # "last month" from a reference date a few days off
    for rel, other in ((va, vb), (vb, va)):
        if rel.relative and rel.weekday and other.granularity is Granularity.DAY and not other.relative:
            # "died Saturday" vs "July 24" (a Saturday): the weekday agrees; which week it was
            # depends on when the article was written, which metadata often gets wrong
            if rel.start.weekday() == other.start.weekday():
                return True
    no_year = not _WRITTEN_YEAR.search(a.text) and not _WRITTEN_YEAR.search(b.text)
    if no_year and va.granularity is vb.granularity and va.granularity in (Granularity.DAY, Granularity.MONTH):
        return (va.start.month, va.start.day) == (vb.start.month, vb.start.day) and va.start.year != vb.start.year
    return False


def _units_apart(a: DateValue, b: DateValue) -> int:
    if a.granularity is Granularity.YEAR:
        return abs(a.start.year - b.start.year)
    return abs((a.start.year * 12 + a.start.month) - (b.start.year * 12 + b.start.month))


# ---------------------------------------------------------------- quantities


class SameQuantityParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rel_tolerance: float = Field(0.02, ge=0, le=1, description="relative slack added to each interval")
    abs_tolerance: float = Field(0.0, ge=0, description="absolute slack in canonical units")
    compare_counted: bool = Field(True, description="counts compare only when their counted nouns match")


def widened(v: QuantityValue, rel: float, absolute: float) -> Interval | None:
    iv = v.interval()
    if iv is None:
        return None
    lo = iv.lo - abs(iv.lo) * rel - absolute
    hi = iv.hi + abs(iv.hi) * rel + absolute
    return Interval(lo=lo, hi=hi, lo_open=iv.lo_open, hi_open=iv.hi_open)


class SameQuantity(ScreenedCheck):
    """Figures agree when their intervals overlap after the tolerance ("under 200" agrees with 180)."""

    name = "same_quantity"
    kinds = (FactKind.QUANTITY, FactKind.COUNT, FactKind.MONEY, FactKind.PERCENT, FactKind.DURATION)
    Params = SameQuantityParams

    def read(self, f: Fact) -> tuple[Interval | None, Interval | None] | None:
        """A figure's interval as written and widened by the tolerance; None when not a figure."""
        v = f.value
        if not isinstance(v, QuantityValue):
            return None
        return v.interval(), widened(v, self.p.rel_tolerance, self.p.abs_tolerance)

    def screen(self, a: Fact, b: Fact, sa, sb) -> Relation:
        if sa is None or sb is None:
            return Relation.INCOMPARABLE
        va, vb = a.value, b.value
        if a.kind is not b.kind or va.dimension != vb.dimension or va.frame != vb.frame:
            return Relation.INCOMPARABLE
        if va.canonical_unit != vb.canonical_unit:
            return Relation.INCOMPARABLE  # different currencies are never converted
        if (self.p.compare_counted and a.kind is FactKind.COUNT and va.counted and vb.counted
                and stem(va.counted) != stem(vb.counted)):
            return Relation.INCOMPARABLE
        if sa[0] == sb[0] and va.comparator == vb.comparator:
            return Relation.EQUAL
        ia, ib = sa[1], sb[1]
        if ia is None or ib is None:
            return Relation.INCOMPARABLE
        if ia.overlaps(ib):
            return Relation.AGREE
        return Relation.CONTRADICT

    def confirm(self, a: Fact, b: Fact, rel: Relation) -> Relation:
        if rel is not Relation.CONTRADICT:
            return rel
        if a.kind is FactKind.MONEY and (_in_parentheses(a) or _in_parentheses(b)):
            # "$US1 million ($1.52 million)": a conversion at some exchange rate, not a figure of its own
            return Relation.INCOMPARABLE
        if a.kind is FactKind.COUNT and _group_words(a) != _group_words(b):
            # "11 Yemeni pirates" is part of "23 pirates", not another count of them
            return Relation.INCOMPARABLE
        return Relation.CONTRADICT


def _in_parentheses(f: Fact) -> bool:
    ctx = f.context
    pos = f.start - ctx.sentence_start
    before = ctx.sentence[:pos].rstrip()
    after = ctx.sentence[pos + len(f.text):].lstrip()
    return before.endswith("(") and after.startswith(")")


def _group_words(f: Fact) -> frozenset[str]:
    """Capitalized words between a count and its noun ("11 Yemeni pirates"): a named subgroup."""
    return frozenset(w.lower() for w in f.text.split()[1:-1] if w[:1].isupper())


class SameRangeParams(SameQuantityParams):
    tolerance_days: int = Field(0, ge=0)


class SameRange(ScreenedCheck):
    """Both ends of two ranges agree (date ranges, or figures written as ranges)."""

    name = "same_range"
    kinds = (FactKind.DATE_RANGE, FactKind.QUANTITY, FactKind.COUNT)
    Params = SameRangeParams

    def read(self, f: Fact) -> tuple[float | None, float | None] | None:
        return _range_ends(f)

    def screen(self, a: Fact, b: Fact, ends_a, ends_b) -> Relation:
        if ends_a is None or ends_b is None:
            return Relation.INCOMPARABLE
        if ends_a == ends_b:
            return Relation.EQUAL
        dates = isinstance(a.value, DateRangeValue)
        slack_a = [self.p.tolerance_days if dates else self._slack(x) for x in ends_a]
        for x, y, s in zip(ends_a, ends_b, slack_a):
            if x is None or y is None:
                continue
            if abs(x - y) > s:
                return Relation.CONTRADICT
        return Relation.AGREE

    def confirm(self, a: Fact, b: Fact, rel: Relation) -> Relation:
        if rel in (Relation.AGREE, Relation.CONTRADICT) and isinstance(a.value, DateRangeValue) \
                and resolution_differs(a, b):
            return Relation.INCOMPARABLE  # the same words read against different dates
        return rel

    def _slack(self, x: float | None) -> float:
        if x is None:
            return 0.0
        return abs(x) * self.p.rel_tolerance + self.p.abs_tolerance


def _range_ends(f: Fact) -> tuple[float | None, float | None] | None:
    v = f.value
    if isinstance(v, DateRangeValue):
        lo = v.start_date.toordinal() if v.start_date else None
        hi = v.end_date.toordinal() if v.end_date else None
        return (lo, hi) if (lo, hi) != (None, None) else None
    if isinstance(v, QuantityValue) and v.high is not None and v.lo is not None and v.hi is not None:
        return (v.lo, v.hi)
    return None


# ---------------------------------------------------------------- internal checks


class WeekdayMatchesDate(Check):
    """A date written with its weekday ("Thursday, March 13, 2025") names the right weekday."""

    name = "weekday_matches_date"
    scope = "internal"
    kinds = (FactKind.DATE,)

    def run_internal(self, facts: list[Fact]) -> list[InternalResult]:
        out = []
        for f in facts:
            v = f.value
            if not isinstance(v, DateValue) or not v.weekday or v.granularity is not Granularity.DAY:
                continue
            if v.start is None or v.relative:
                continue
            stated = WEEKDAYS.get(v.weekday.lower().rstrip("."))
            if stated is None:
                continue
            actual = v.start.weekday()
            if stated == actual:
                out.append(InternalResult([f], Verdict.AGREE, f"{v.date} is a {WEEKDAY_NAMES[actual]}"))
            else:
                out.append(InternalResult(
                    [f], Verdict.CONTRADICT,
                    f"{v.date} is a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[stated]}",
                    {"stated": WEEKDAY_NAMES[stated], "actual": WEEKDAY_NAMES[actual]},
                ))
        return out


class ConversionParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rel_tolerance: float = Field(0.01, ge=0, le=1, description="slack beyond the rounding of both figures")


class PairedConversion(Check):
    """A figure given in two units ("1,000km (620-mile)") converts correctly within the tolerance."""

    name = "paired_conversion"
    scope = "internal"
    kinds = (FactKind.QUANTITY,)
    Params = ConversionParams

    def run_internal(self, facts: list[Fact]) -> list[InternalResult]:
        out = []
        for f in facts:
            v = f.value
            if not isinstance(v, QuantityValue) or v.alt_value is None or not v.alt_unit or not v.unit:
                continue
            expected = convert(v.value, v.unit, v.alt_unit)
            if expected is None or expected == 0:
                continue
            # both figures are rounded as written: "7 km (4 miles)" is right if 6.5-7.5 km
            # and 3.5-4.5 miles can be the same distance
            lo = convert(v.value - written_precision(v.value), v.unit, v.alt_unit)
            hi = convert(v.value + written_precision(v.value), v.unit, v.alt_unit)
            slack = written_precision(v.alt_value) + abs(expected) * self.p.rel_tolerance
            ok = lo is not None and hi is not None and min(lo, hi) - slack <= v.alt_value <= max(lo, hi) + slack
            off = abs(v.alt_value - expected) / abs(expected)
            detail = {"expected": round(expected, 3), "stated": v.alt_value, "off": round(off, 4)}
            text = f"{v.value:g} {v.unit} = {expected:.4g} {v.alt_unit}; stated {v.alt_value:g} {v.alt_unit}"
            if ok:
                out.append(InternalResult([f], Verdict.AGREE, text + f" ({off:.1%} off, within rounding)", detail))
            else:
                out.append(InternalResult([f], Verdict.CONTRADICT, text + f" ({off:.0%} off)", detail))
        return out


class DateArithmeticParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    start_words: list[str] = Field(default_factory=lambda: ["began", "started", "imposed", "signed", "launched"])
    end_words: list[str] = Field(default_factory=lambda: ["ended", "expired", "expires", "ends", "until"])
    tolerance_days: int = Field(3, ge=0)
    max_sentences: int = Field(2, ge=0, description="how many sentences apart the start, length and end may be")


class DateArithmetic(Check):
    """A period's start plus its length lands on its stated end ("imposed in January ... a 60-day
    wind-down ... ended on March 12")."""

    name = "date_arithmetic"
    scope = "internal"
    kinds = (FactKind.DATE, FactKind.DURATION)
    Params = DateArithmeticParams

    def run_internal(self, facts: list[Fact]) -> list[InternalResult]:
        starts = {stem(w) for w in self.p.start_words}
        ends = {stem(w) for w in self.p.end_words}
        dates = [f for f in facts if isinstance(f.value, DateValue) and f.value.start and not f.context.in_quote]
        durations = [f for f in facts if f.kind is FactKind.DURATION and not f.context.in_quote]
        out = []
        for d in durations:
            v = d.value
            if not isinstance(v, QuantityValue) or v.lo is None or v.comparator.value != "=":
                continue
            near = [f for f in dates if abs(f.start - d.start) < 600 * max(1, self.p.max_sentences)]
            start = _closest(d, [f for f in near if f.start < d.start and _has(f, starts)])
            end = _closest(d, [f for f in near if f.start > d.start and _has(f, ends)])
            if not start or not end:
                continue
            days = (v.lo + v.hi) / 2 / 86400
            sv, ev = start.value, end.value
            lo = sv.start + dt.timedelta(days=days - self.p.tolerance_days)
            hi = sv.end + dt.timedelta(days=days + self.p.tolerance_days)
            ok = ev.end >= lo and ev.start <= hi
            text = (f"{sv.date} + {d.text} = {lo + dt.timedelta(days=self.p.tolerance_days)}"
                    f"..{hi - dt.timedelta(days=self.p.tolerance_days)}; stated end {ev.date}")
            out.append(InternalResult([start, d, end], Verdict.AGREE if ok else Verdict.CONTRADICT, text))
        return out


def written_precision(value: float) -> float:
    """Half a unit in the last significant digit of a figure as written, at most 10 % of it:
    620 -> 5, 2.5 -> 0.05, 30 -> 3, 4 -> 0.4, 1,000 -> 100 (a round figure says little);
    a figure ending in 5 was rounded to the nearest 5: 125 -> 2.5."""
    if value == 0:
        return 0.5
    text = f"{abs(value):.6f}".rstrip("0")
    if text.endswith("."):
        digits = text[:-1]
        zeros = len(digits) - len(digits.rstrip("0"))
        half = 0.5 * 10 ** zeros
        if digits.rstrip("0").endswith("5") and len(digits) - zeros > 1:
            half *= 5  # "125 mph": rounded to the nearest 5, not to the nearest 1
    else:
        half = 0.5 * 10 ** -(len(text.split(".")[1]))
    return min(half, abs(value) * 0.1)


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """`value` in `from_unit` expressed in `to_unit`, through the unit table's canonical units."""
    a, b = to_canonical(from_unit), to_canonical(to_unit)
    if a is None or b is None or a[0] != b[0] or b[1] == 0:
        return None
    return (value * a[1] + a[2] - b[2]) / b[1]


def _has(f: Fact, words: set[str]) -> bool:
    return bool(words & set(f.context.terms)) or (f.context.head in words)


def _closest(anchor: Fact, facts: list[Fact]) -> Fact | None:
    return min(facts, key=lambda f: abs(f.start - anchor.start), default=None)
