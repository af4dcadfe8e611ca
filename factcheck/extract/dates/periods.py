"""Date atoms for long periods: years (with the evidence a number is one), decades,
centuries, quarters and halves, numbered and ordinal weeks, the day of a month alone.

Same contract as atoms.py: a rule match -> an Atom or None (rejected).
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates import calendar as cal
from factcheck.extract.dates.atoms import (
    Atom,
    Ctx,
    before,
    month_of,
    squash,
    tense,
    year_of,
)
from factcheck.extract.dates.calendar import Period
from factcheck.extract.dates.vocab import (
    DECADE_2000_WORDS,
    DECADE_WORDS,
    SHIFT_WORDS,
    SMALL_ORDINALS,
    day_of,
)
from factcheck.extract.durations import TIME_UNITS
from factcheck.extract.lexicon import MONTHS
from factcheck.extract.numbers import parse_number
from factcheck.models import Granularity

G = Granularity


# ---------------------------------------------------------------- years

# A 4-digit number is a year when a word before it says so ("in", "since", "the year")...
_STRONG_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|during|circa|c\.|ca\.|year|early|mid|late|spring|summer|autumn|fall|winter|born|died|"
    r"founded|established|throughout|as\s+of|through|before|after|from|between|and|to|by|of|or|than|"
    r"the|its|his|her|their|our|a|an|this|that|[a-z]+['\u2019]s|end\s+of|start\s+of|beginning\s+of|middle\s+of)|"
    r"mid-|[(\[])\s*$",
    re.IGNORECASE,
)
# ...and these cues also count numbers of things ("by 2000 votes", "of 2000 people")
_WEAK_CUES = frozenset("by of from to and or than the a an this that its his her their our between".split())
_UNIT_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|[a-z]+(?<!s)s\b|people|men|women|children|persons|troops|staff|police|"
    r"km|kg|mm|cm|mi|ft|lb|t\b|m\b|more|less|fewer|times|of\b|to\b|metres|meters|feet|miles|tons|tonnes|"
    rf"(?:{'|'.join(sorted(TIME_UNITS, key=len, reverse=True))})\b)",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"\s+[a-z][a-z-]+(?<!s)\b|\s*[),;:\]]|\s*[.!?](?:\s|$)|\s*$|\s+\u2013|\s+-\s")


_FAR_CUE = re.compile(r"\b(?:in|by|until|till|before|after|since)\s+$", re.I)
# "from 2007 to the end of 2008", "2019 to March 2020": the number opens a range of dates, not of counts
_DATE_AFTER = re.compile(rf"\s*(?:to|until|till|through|-|\u2013)\s+(?:the\s+)?(?:end|start|beginning|middle|early|mid|late|"
                         rf"(?:{'|'.join(MONTHS)})\b|\d{{4}}\b)", re.I)
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|/\s*)")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+")
_CONJUNCTION_AFTER = re.compile(r"\s+(?:and|or|to|than)\s+\d")


def h_year(m: re.Match, ctx: Ctx) -> Atom | None:
    if m.group("pre3"):  # "cy18" is calendar 2018; "fy18", "sy18" have months of their own
        y = cal.two_digit_year(int(m.group("yy")))
        if m.group("pre3").lower() != "cy":
            return Atom(m.start(), m.end(), "year", is_range=True, vague=True, y=y, y_written=True)
        return Atom(m.start(), m.end(), "year", period=cal.year(y), y=y, y_written=True)
    y = int(m.group("y"))
    pre = squash(m.group("pre"))
    if not pre:
        if not 1000 <= y <= 2100 and not (y < 2200 and _FAR_CUE.search(before(ctx, m.start(), 10))):
            return None  # "in 2150" still is a year
        last = ctx.last
        if last is not None and last.rule == "year" and _COORDINATION.fullmatch(ctx.text, last.end, m.start()):
            # "the 2004 and 2005 Tony Awards": a year coordinated with a year is one too
            return Atom(m.start(), m.end(), "year", period=cal.year(y), y=y, y_written=True)
        lead = before(ctx, m.start(), 30)
        cue = _STRONG_CUE.search(lead)
        after = ctx.text[m.end():m.end() + 24]
        if _UNIT_AFTER.match(after) and not (cue and cue.group(0).strip().lower() in ("since", "in", "until", "till", "during")) \
                and not _DATE_AFTER.match(after):
            return None
        if cue is None:
            # no cue word: the number must modify a noun ("winning 2024 election") or close a clause
            if not _NOUN_AFTER.match(after) or _CONJUNCTION_AFTER.match(after):
                return None  # "scored 1500 and 1600 points": a coordination of counts
        elif squash(cue.group(0)) in _WEAK_CUES and not _NOUN_AFTER.match(after) and not (
                squash(cue.group(0)) == "the" and _NAME_AFTER.match(after)):
            return None  # "by 2000 votes"; but "the 2005 Tony Awards" names an edition
    return Atom(m.start(), m.end(), "year", period=cal.year(y), y=y, y_written=True)


def h_year_words(m: re.Match, ctx: Ctx) -> Atom | None:
    if m.group("yw"):
        if not re.search(r"\b(?:in|of|since|by|until|from|year|and|between|to|the)\s+$", before(ctx, m.start(), 10), re.I):
            return None
        y = year_of(m.group("yw"))
    else:
        y = parse_number(m.group("yn").replace("-", " "))
        y = int(y) if y is not None and float(y).is_integer() else None
    if y is None or not 1 <= y <= 2999:
        return None
    return Atom(m.start(), m.end(), "year", period=cal.year(y), y=y, y_written=True)


# ---------------------------------------------------------------- decades and centuries

_POSSESSIVE = re.compile(r"\b(?:his|her|their|its|my|your|our|[A-Za-z]+['\u2019]s)\s+(?:early\s+|mid\s+|late\s+|mid-)?$", re.I)
_THE_OR_IN = re.compile(r"\b(?:the|in|of|from|to|since|during)\s+(?:early\s+|mid\s+|late\s+|mid-)?$", re.I)


def h_decade(m: re.Match, ctx: Ctx) -> Atom | None:
    lead = before(ctx, m.start(), 24)
    if m.group("d4"):
        y = int(m.group("d4"))
    else:
        if _POSSESSIVE.search(lead):
            return None  # "in his 70s" is an age
        if m.group("d2") and not _THE_OR_IN.search(lead):
            return None
        y = 1900 + int(m.group("d2a") or m.group("d2"))
    return Atom(m.start(), m.end(), "decade", period=cal.decade(y), y=y, y_written=True)


def h_decade_words(m: re.Match, ctx: Ctx) -> Atom | None:
    lead = before(ctx, m.start(), 24)
    if _POSSESSIVE.search(lead):
        return None
    if m.group("d2k"):
        y = DECADE_2000_WORDS[squash(m.group("d2k")).replace("-", " ") if squash(m.group("d2k")) not in DECADE_2000_WORDS else squash(m.group("d2k"))]
    else:
        if not m.group("cent") and not _THE_OR_IN.search(lead):
            return None
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}.get(squash(m.group("cent")), 1900)
        y = century + DECADE_WORDS[squash(m.group("dw"))]
    return Atom(m.start(), m.end(), "decade", period=cal.decade(y), y=y, y_written=True)


def h_century(m: re.Match, ctx: Ctx) -> Atom | None:
    n = day_of(m.group("cn"))
    if not n or n > 22:
        return None
    return Atom(m.start(), m.end(), "century", period=cal.century(n), is_range=True, y_written=True)


# ---------------------------------------------------------------- quarters and halves


def _year_or_ref(ctx: Ctx, written: str | None, rel: str | None) -> int | None:
    if written:
        return year_of(written)
    if ctx.ref is None:
        return None
    return ctx.ref.year + {"next": 1, "last": -1}.get(squash(rel), 0)


def h_quarter(m: re.Match, ctx: Ctx) -> Atom | None:
    kind, n = m.group("qh").upper(), int(m.group("n"))
    written = m.group("y1") or m.group("y2")
    if kind == "H" and not written:
        return None  # "H2" alone is a chemical or a heading
    if kind == "Q" and not written and m.group("qh").islower() and not re.search(r"\b(?:in|during|for|and|of)\s+$", before(ctx, m.start(), 10), re.I):
        if not re.match(r"\s+(?:and|or|of|results?|earnings|sales|revenue)\b", ctx.text[m.end():m.end() + 10], re.I):
            return None
    y = _year_or_ref(ctx, written, None)
    atom = Atom(m.start(), m.end(), "quarter", is_range=True, y=y, y_written=bool(written))
    if y is None:
        return atom
    atom.period = cal.quarter(y, n) if kind == "Q" else cal.half(y, n)
    if not written:
        atom.relative, atom.anchor = m.group(0), ctx.ref
    return atom


def h_ord_quarter(m: re.Match, ctx: Ctx) -> Atom | None:
    n = SMALL_ORDINALS.get(squash(m.group("ord")))
    unit = squash(m.group("u"))
    written = m.group("y") or m.group("y0")
    rel = m.group("rel") or m.group("rel0")
    if n is None or not (written or rel):
        return None
    if n < 0:
        n = 4 if unit == "quarter" else 2
    if unit == "half" and n > 2 or n > 4:
        return None
    y = _year_or_ref(ctx, written, rel)
    atom = Atom(m.start(), m.end(), "quarter", is_range=True, y=y, y_written=bool(written))
    if y is None:
        return atom
    atom.period = cal.quarter(y, n) if unit == "quarter" else cal.half(y, n)
    if not written:
        atom.relative, atom.anchor = m.group(0), ctx.ref
    return atom


# ---------------------------------------------------------------- weeks


def _nth_week(lo: dt.date, hi: dt.date, n: int) -> cal.Period | None:
    """Week n of a month or year, counted ISO-style: the week holding its n-th Thursday."""
    first_thu = lo + dt.timedelta(days=(3 - lo.weekday()) % 7)
    if n < 0:
        last_thu = hi - dt.timedelta(days=(hi.weekday() - 3) % 7)
        return cal.week_of(last_thu)
    thu = first_thu + dt.timedelta(weeks=n - 1)
    return cal.week_of(thu) if thu <= hi else None


def h_week_n(m: re.Match, ctx: Ctx) -> Atom | None:
    n = int(m.group("wn"))
    if not 1 <= n <= 53:
        return None
    y = int(m.group("wy")) if m.group("wy") else _year_or_ref(ctx, None, m.group("wrel"))
    atom = Atom(m.start(), m.end(), "week", is_range=True, relative=None if m.group("wy") else m.group(0), anchor=ctx.ref)
    if y is not None:
        atom.period = cal.iso_week(y, n)
        if atom.period is None:
            return None
    return atom


def _frame(m: re.Match, ctx: Ctx) -> tuple[Period | None, bool]:
    """The month or year a "third week of ..." phrase counts in, and whether it is relative."""
    g = m.group
    if g("mon"):
        mon = month_of(g("mon"))
        written = g("my") if "my" in m.re.groupindex else None
        if written:
            return cal.month(int(written), mon), False
        if ctx.ref is None:
            return None, True
        return cal.month(cal.nearest_year(ctx.ref, mon, None, tense(ctx, m.start(), m.end())), mon), True
    if g("y"):
        y = year_of(g("y"))
        return (None if y is None else cal.year(y)), False
    if ctx.ref is None:
        return None, True
    unit = squash(g("ru") or g("the_u") if "the_u" in m.re.groupindex else g("ru"))
    return cal.shifted_period(ctx.ref, unit, SHIFT_WORDS.get(squash(g("rel")), 0) if g("rel") else 0), True


def h_nth_of(m: re.Match, ctx: Ctx) -> Atom | None:
    n = SMALL_ORDINALS.get(squash(m.group("ord")))
    unit = squash(m.group("u"))
    frame, relative = _frame(m, ctx)
    if n is None:
        return None
    atom = Atom(m.start(), m.end(), "week", is_range=unit != "month", relative=m.group(0) if relative else None, anchor=ctx.ref)
    if frame is None:
        return atom
    if unit == "month":
        if frame.gran is not G.YEAR or n > 12:
            return None
        atom.period = cal.month(frame.lo.year, 12 if n < 0 else n)
    elif unit == "weekend":
        week = _nth_week(frame.lo, frame.hi, n)
        atom.period = None if week is None else cal.weekend_of(week.lo)
    else:
        atom.period = _nth_week(frame.lo, frame.hi, n)
    return atom if atom.period else None


def h_first_n_of(m: re.Match, ctx: Ctx) -> Atom | None:
    n = parse_number(m.group("n").replace("-", " "))
    unit = squash(m.group("u")).rstrip("s")
    frame, relative = _frame(m, ctx)
    if not n or n != int(n):
        return None
    n = int(n)
    atom = Atom(m.start(), m.end(), "window", is_range=True, relative=m.group(0) if relative else None, anchor=ctx.ref)
    if frame is None:
        return atom
    first = m.group("fl").lower() == "first"
    if unit == "day":
        atom.period = Period(frame.lo, frame.lo + dt.timedelta(days=n - 1), G.DAY) if first else \
            Period(frame.hi - dt.timedelta(days=n - 1), frame.hi, G.DAY)
    elif unit == "week":
        if first:
            w1 = _nth_week(frame.lo, frame.hi, 1)
            atom.period = Period(w1.lo, w1.lo + dt.timedelta(weeks=n, days=-1), G.WEEK)
        else:
            wl = _nth_week(frame.lo, frame.hi, -1)
            atom.period = Period(wl.hi - dt.timedelta(weeks=n, days=-1), wl.hi, G.WEEK)
    else:
        if first:
            atom.period = Period(frame.lo, cal.month(*_ym(cal.add_months(frame.lo, n - 1))).hi, G.MONTH)
        else:
            atom.period = Period(cal.add_months(frame.hi.replace(day=1), -(n - 1)), frame.hi, G.MONTH)
    return atom


def _ym(d: dt.date) -> tuple[int, int]:
    return d.year, d.month


# ---------------------------------------------------------------- a day of the month alone


def h_dayonly(m: re.Match, ctx: Ctx) -> Atom | None:
    d = day_of(m.group("d") or m.group("d2") or m.group("d3"))
    rel = m.group("rel") or m.group("rel2")
    if not d:
        return None
    if m.group("d3") and not re.search(r"\b(?:on|by|since|until|till|before|after)\s+$", before(ctx, m.start(), 10), re.I):
        return None
    if not rel and not m.group("mo"):
        if not re.search(r"\b(?:on|for|by|of|since|until|till|before|after)\s+$", before(ctx, m.start(), 10), re.I):
            return None
    atom = Atom(m.start(), m.end(), "dayonly", d=d, relative=m.group(0), anchor=ctx.ref)
    if ctx.ref is None:
        return atom
    if rel or m.group("mo"):
        month = cal.shifted_period(ctx.ref, "month", SHIFT_WORDS.get(squash(rel), 0) if rel else 0)
        date = cal.safe_date(month.lo.year, month.lo.month, d)
    else:
        t = tense(ctx, m.start(), m.end())
        options = [cal.safe_date(p.lo.year, p.lo.month, d) for p in
                   (cal.shifted_period(ctx.ref, "month", k) for k in (-1, 0, 1))]
        options = [o for o in options if o is not None]
        if t < 0:
            options = [o for o in options if o <= ctx.ref] or options
        elif t > 0:
            options = [o for o in options if o >= ctx.ref] or options
        date = min(options, key=lambda o: abs((o - ctx.ref).days)) if options else None
    if date is None:
        return None
    atom.period = cal.day(date)
    return atom
