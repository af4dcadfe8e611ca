"""Calendar arithmetic for the date grammar: periods, shifts, weekday and year resolution.

A `Period` is an inclusive span of days with the granularity it was written at; every
date expression resolves to one. Weeks run Monday to Sunday (ISO).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from factcheck.models import Granularity

G = Granularity


@dataclass(frozen=True, slots=True)
class Period:
    lo: dt.date
    hi: dt.date
    gran: Granularity

    def iso(self, end: bool = False) -> str:
        """The ISO label at the period's granularity (of its last day if `end`)."""
        d = self.hi if end else self.lo
        if self.gran in (G.DAY, G.WEEK):
            return d.isoformat()
        if self.gran in (G.MONTH, G.QUARTER):
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran is G.DECADE and not end:
            return f"{d.year // 10 * 10:04d}s"
        return f"{d.year:04d}"


def day(d: dt.date) -> Period:
    return Period(d, d, G.DAY)


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), G.MONTH)


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), G.YEAR)


def decade(y: int) -> Period:
    y0 = y // 10 * 10
    return Period(dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31), G.DECADE)


def century(n: int) -> Period:
    """The n-th century as the benchmarks count it: the 15th is 1400-1499."""
    y0 = (n - 1) * 100
    return Period(dt.date(max(y0, 1), 1, 1), dt.date(y0 + 99, 12, 31), G.CENTURY)


def quarter(y: int, q: int) -> Period:
    m0 = 3 * (q - 1) + 1
    return Period(dt.date(y, m0, 1), month(y, m0 + 2).hi, G.QUARTER)


def half(y: int, h: int) -> Period:
    m0 = 6 * (h - 1) + 1
    return Period(dt.date(y, m0, 1), month(y, m0 + 5).hi, G.MONTH)


def week_of(d: dt.date) -> Period:
    monday = d - dt.timedelta(days=d.weekday())
    return Period(monday, monday + dt.timedelta(days=6), G.WEEK)


def weekend_of(d: dt.date) -> Period:
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5)
    return Period(sat, sat + dt.timedelta(days=1), G.DAY)


def weekend_near(d: dt.date) -> Period:
    """The weekend a day belongs to: its own, or the nearest ("Labor Day weekend" is the one before
    the Monday, "Thanksgiving weekend" the one after the Thursday)."""
    if d.weekday() in (0, 1):
        sat = d - dt.timedelta(days=d.weekday() + 2)
        return Period(sat, sat + dt.timedelta(days=1), G.DAY)
    return weekend_of(d)


def iso_week(y: int, n: int) -> Period | None:
    try:
        return week_of(dt.date.fromisocalendar(y, n, 1))
    except ValueError:
        return None


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(d: dt.date, amount: float, unit: str) -> dt.date:
    """`d` moved by `amount` units (negative: back); months and years move on the calendar."""
    whole = int(amount)
    frac = amount - whole
    if unit in ("year", "decade", "century"):
        n = {"year": 1, "decade": 10, "century": 100}[unit]
        out = add_months(d, 12 * n * whole)
        return out + dt.timedelta(days=round(frac * 365 * n))
    if unit == "month":
        return add_months(d, whole) + dt.timedelta(days=round(frac * 30))
    if unit == "quarter":
        return add_months(d, 3 * whole)
    days = {"day": 1, "bday": 1, "week": 7, "fortnight": 14, "weekend": 7}.get(unit)
    if days is None:  # hours, minutes, seconds: the same day unless a whole day passes
        secs = {"hour": 3600, "minute": 60, "second": 1}.get(unit, 0)
        return d + dt.timedelta(days=int(amount * secs / 86400))  # toward zero: "5 minutes ago" is today
    return d + dt.timedelta(days=int(amount * days))


def add_business_days(d: dt.date, n: int) -> dt.date:
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += dt.timedelta(days=step)
        if d.weekday() < 5:
            left -= 1
    return d


def period_of(d: dt.date, unit: str) -> Period:
    """The calendar period of `unit` that contains `d`."""
    if unit in ("week", "fortnight"):
        return week_of(d)
    if unit == "weekend":
        return weekend_of(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year)
    if unit == "century":
        return century(d.year // 100 + 1)
    return day(d)


def shifted_period(ref: dt.date, unit: str, n: int) -> Period:
    """The period of `unit` n steps from the one holding `ref` ("last month": n = -1)."""
    if unit in ("week", "weekend"):
        return period_of(ref + dt.timedelta(weeks=n), unit)
    if unit == "fortnight":
        return Period(week_of(ref).lo + dt.timedelta(weeks=2 * n), week_of(ref).lo + dt.timedelta(weeks=2 * n, days=13), G.WEEK)
    if unit == "month":
        return period_of(add_months(ref.replace(day=1), n), unit)
    if unit == "quarter":
        return period_of(add_months(ref.replace(day=1), 3 * n), unit)
    if unit == "year":
        return year(ref.year + n)
    if unit == "decade":
        return decade(ref.year + 10 * n)
    if unit == "century":
        return century(ref.year // 100 + 1 + n)
    return day(ref + dt.timedelta(days=n))


def weekday_near(ref: dt.date, wd: int, direction: int) -> dt.date:
    """The weekday `wd` on or before `ref` (direction -1), after it (+1), or the nearest (0)."""
    back = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
    if direction < 0:
        return back
    ahead = ref + dt.timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if direction > 0:
        return ahead
    return back if (ref - back) <= (ahead - ref) else ahead


def nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date | None:
    """The n-th weekday `wd` of a month (n = -1: the last one); None if there is none."""
    if n < 0:
        last = month(y, m).hi
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, m, 1)
    d = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    return d if d.month == m else None


def nearest_year(ref: dt.date, m: int, d: int | None, tense: int) -> int | None:
    """Year for a month(-day) written without one: nearest to `ref`, or the latest on/before it
    when the clause is in the past (tense -1), the first on/after it in the future (+1)."""
    best: tuple[int, int] | None = None
    for y in range(ref.year - 8, ref.year + 9):
        if d is None:
            lo, hi = month(y, m).lo, month(y, m).hi
        else:
            lo = hi = safe_date(y, m, d)
            if lo is None:
                continue
        if tense < 0 and lo > ref:
            continue
        if tense > 0 and hi < ref:
            continue
        dist = 0 if lo <= ref <= hi else min(abs((lo - ref).days), abs((hi - ref).days))
        if best is None or dist < best[0]:
            best = (dist, y)
    return None if best is None else best[1]


def two_digit_year(yy: int) -> int:
    """'89 -> 1989, '21 -> 2021: years below 30 are this century (the common pivot)."""
    return 2000 + yy if yy < 30 else 1900 + yy
