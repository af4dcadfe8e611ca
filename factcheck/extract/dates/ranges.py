"""Date ranges from two atoms: "March 11 to April 2, 2025", "between 2015 and 2018", "from May to
September", "from March to date", "between now and May 21".

Input: the atoms of a text in order (compose.py). Output: the same list with each joinable pair
replaced by one range atom. The ends share what only one of them wrote (a year), a pair without
a year is the range around the reference date, and an end written as a position ("the end of
2008") is the day it names.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates import atoms as A
from factcheck.extract.dates import calendar as cal
from factcheck.extract.dates.atoms import Atom, Ctx
from factcheck.extract.dates.calendar import Period
from factcheck.extract.dates.patterns import (
    NOW_AFTER,
    NOW_BEFORE,
    RANGE_GAP,
    RANGE_OPEN,
)
from factcheck.models import Granularity

G = Granularity


def _instant(a: Atom, is_end: bool) -> Period | None:
    """A range endpoint written as a position ("the end of 2008") is the day it names."""
    pos = a.parts.get("position")
    if a.period is None or pos is None:
        return a.period
    lo, hi = a.period.lo, a.period.hi
    if pos == "early":
        return cal.day(lo)
    if pos == "late":
        return cal.day(hi)
    if pos == "mid":
        return cal.day(lo + (hi - lo) // 2)
    return a.period


def join_ranges(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    """Join "A to B", "between A and B", "from A to date"; the rest pass through."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        joined = _join(a, b, ctx) if b is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        _to_now(a, ctx)
        if a.rule in ("dayrange", "yrange"):
            opener = RANGE_OPEN.search(ctx.text, max(0, a.start - 12), a.start)
            if opener and opener.group("open").lower() != "in":
                a.start = opener.start()
        out.append(a)
        i += 1
    return out


def _join(a: Atom, b: Atom, ctx: Ctx) -> Atom | None:
    gap = ctx.text[a.end:b.start]
    if not RANGE_GAP.match(gap) or a.offset or b.offset or a.rule == "relperiod" and b.rule == "relperiod":
        return None
    opener = RANGE_OPEN.search(ctx.text, max(0, a.start - 12), a.start)
    if re.search(r"\band\b", gap, re.IGNORECASE) and not (opener and opener.group("open").lower() == "between"):
        return None
    if a.period is None or b.period is None:
        return None
    _year_around_ref(a, b, ctx)
    _share_year(a, b, ctx)
    lo, hi = _instant(a, False), _instant(b, True)
    if lo is None or hi is None or hi.hi < lo.lo:
        return None
    start = opener.start() if opener and opener.group("open").lower() != "in" else a.start
    gran = min((lo.gran, hi.gran), key=_fineness)
    out = Atom(start, b.end, "range", period=Period(lo.lo, hi.hi, gran), is_range=True,
               relative=ctx.text[start:b.end] if (a.relative or b.relative) else None, anchor=a.anchor or b.anchor)
    out.parts["labels"] = (lo.iso(), hi.iso(end=True))
    if a.rule == "weekday" and b.rule == "weekday" and a.wd is not None and b.wd is not None:
        out.parts["weekdays"] = (a.wd, b.wd)
    return out


def weekdays_in_week(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    """"next week between Wednesday and Friday", "this week from Tue to Thur": the days of that week."""
    out: list[Atom] = []
    for a in atoms:
        w = out[-1] if out else None
        wds = a.parts.get("weekdays")
        if (wds and w is not None and w.rule == "relperiod" and w.period is not None and w.period.gran is G.WEEK
                and re.fullmatch(r"\s+(?:on\s+)?", ctx.text[w.end:a.start])):
            lo = w.period.lo + dt.timedelta(days=wds[0])
            hi = w.period.lo + dt.timedelta(days=wds[1] + (7 if wds[1] < wds[0] else 0))
            joined = Atom(w.start, a.end, "range", period=Period(lo, hi, G.DAY), is_range=True,
                          relative=ctx.text[w.start:a.end], anchor=w.anchor)
            joined.parts["labels"] = (lo.isoformat(), hi.isoformat())
            out[-1] = joined
            continue
        out.append(a)
    return out


_FINENESS = {G.DAY: 0, G.WEEK: 1, G.MONTH: 2, G.QUARTER: 3, G.YEAR: 4, G.DECADE: 5, G.CENTURY: 6}


def _fineness(g: Granularity) -> int:
    return _FINENESS[g]


def _share_year(a: Atom, b: Atom, ctx: Ctx) -> None:
    """"March 11 to April 2, 2025" / "from Feb 1st to March 2019": the end lends its year."""
    if b.y_written and not a.y_written and a.m is not None and b.y is not None and a.relative is None:
        y = b.y
        if (a.m, a.d or 0) > (b.m or 12, b.d or 0) and b.m is not None:
            y -= 1
        fixed = A.cal_atom(ctx, a.start, a.end, a.rule, y, a.m, a.d, a.wd)
        if fixed is not None and fixed.period is not None:
            a.period, a.y = _keep_shape(a.period, fixed.period), y
    elif b.rule == "weekday" and b.wd is not None and a.period is not None and not re.match(
            r"(?:next|last|this|previous|past|coming)\b", ctx.text[b.start:b.end], re.IGNORECASE):
        date = cal.weekday_near(a.period.hi, b.wd, 1) if a.period.hi.weekday() != b.wd else a.period.hi
        b.period = cal.day(date)
    elif not b.y_written and b.m is not None and a.period is not None:
        y = a.period.hi.year
        if (b.m, b.d or 0) < (a.period.hi.month, a.period.hi.day if b.d else 0):
            y += 1
        fixed = A.cal_atom(ctx, b.start, b.end, b.rule, y, b.m, b.d, b.wd)
        if fixed is not None and fixed.period is not None:
            b.period, b.y = _keep_shape(b.period, fixed.period), y


def _guessed(a: Atom) -> bool:
    return a.m is not None and not a.y_written and a.relative is None and a.rule != "holiday"


def _year_around_ref(a: Atom, b: Atom, ctx: Ctx) -> None:
    """"from May to September", "between 10/1-11/7": two dates without a year are the range that
    holds the reference date if one does (a range is written about its own time), else as guessed."""
    if ctx.ref is None or not (_guessed(a) and _guessed(b)):
        return
    for y in (ctx.ref.year, ctx.ref.year - 1):
        lo = A.cal_atom(ctx, a.start, a.end, a.rule, y, a.m, a.d, a.wd)
        wrap = (b.m, b.d or 0) < (a.m, a.d or 0)
        hi = A.cal_atom(ctx, b.start, b.end, b.rule, y + wrap, b.m, b.d, b.wd)
        if lo is None or hi is None or lo.period is None or hi.period is None:
            continue
        if lo.period.lo <= ctx.ref <= hi.period.hi:
            a.period, a.y = _keep_shape(a.period, lo.period), lo.y
            b.period, b.y = _keep_shape(b.period, hi.period), hi.y
            return


def _keep_shape(old: Period, new: Period) -> Period:
    return new if old.gran is new.gran else old


def _to_now(a: Atom, ctx: Ctx) -> None:
    """"from March to date", "between now and May 21": one end is the reference date."""
    if a.period is None or ctx.ref is None:
        return
    after = NOW_AFTER.match(ctx.text, a.end)
    if after:
        opener = RANGE_OPEN.search(ctx.text, max(0, a.start - 12), a.start)
        lo = _instant(a, False) or a.period
        a.period, a.is_range = Period(lo.lo, max(ctx.ref, lo.lo), G.DAY), True
        a.start, a.end = (opener.start() if opener else a.start), after.end()
        a.relative = ctx.text[a.start:a.end]
        return
    before = NOW_BEFORE.search(ctx.text, max(0, a.start - 20), a.start)
    if before:
        hi = _instant(a, True) or a.period
        a.period, a.is_range = Period(min(ctx.ref, hi.hi), hi.hi, G.DAY), True
        a.start = before.start()
        a.relative = ctx.text[a.start:a.end]
