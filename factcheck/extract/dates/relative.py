"""Date atoms that need a reference: weekdays, yesterday/tomorrow, this week, next 3 days,
two weeks ago, years, decades, quarters, numbered weeks.

Same contract as atoms.py: a rule match -> an Atom or None (rejected).
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.extract.dates import calendar as cal
from factcheck.extract.dates.atoms import (
    Atom,
    Ctx,
    _capitalized_name_before,
    before,
    month_of,
    squash,
    tense,
    weekday_of,
)
from factcheck.extract.dates.calendar import Period
from factcheck.extract.dates.patterns import SENTENCE_STOP
from factcheck.extract.dates.vocab import (
    AMBIGUOUS_WEEKDAYS,
    PERIOD_UNITS,
    ROLLING_SHIFTS,
    SHIFT_WORDS,
    SMALL_ORDINALS,
    day_of,
)
from factcheck.extract.durations import parse_amount, parse_parts
from factcheck.models import Granularity

G = Granularity


def _tod(word: str | None) -> str | None:
    return squash(word) or None


# ---------------------------------------------------------------- weekdays


def _week_shift(phrase: str) -> int:
    return SHIFT_WORDS.get(squash(phrase).removesuffix(" week").removeprefix("the ").strip(), 0) if phrase else 0


def h_weekday(m: re.Match, ctx: Ctx) -> Atom | None:
    word = m.group("wd")
    wd = weekday_of(word)
    q = squash(m.group("q"))
    dd = m.group("dd")
    if wd is None:
        return None
    lower = word.lower().rstrip(".")
    if lower in AMBIGUOUS_WEEKDAYS and word[0].islower() and not dd:
        return None  # "sat", "sun", "wed" as words
    if not q and not m.group("wkpre") and _capitalized_name_before(ctx, m.start()):
        return None  # "Bloody Sunday", "Super Tuesday"
    if not q and re.search(r"\b(?:every|each|on\s+alternate)\s+$", before(ctx, m.start(), 16), re.I):
        return None  # a recurring day is no date
    end = m.end()
    if dd and not m.group("the") and dd.isdigit() and re.match(r"\s+(?!(?:at|in|on|and|or|to)\b)[a-z]", ctx.text[m.end("dd"):m.end("dd") + 5]):
        # "on Friday 3 soldiers died", "Sunday 3 weeks after": the number counts something
        if m.group("tod"):
            return None
        dd, end = None, m.end("wd")
    atom = Atom(m.start(), end, "weekday", wd=wd, time=_tod(m.group("tod")), relative=ctx.text[m.start():end])
    if ctx.ref is None:
        return atom
    ref = ctx.ref
    if dd:
        day = day_of(dd)
        if not day:
            return None
        date = _month_with(ref, day, wd)
        if date is None:
            return None
        atom.relative = None
        atom.y, atom.m, atom.d = date.year, date.month, date.day
    else:
        week = m.group("wkpre") or m.group("wkpost")
        if week:
            n = _week_shift(week)
            if "following" in squash(week) and ctx.prev:
                base = ctx.prev
                n = 1
            else:
                base = ref
            monday = cal.week_of(base).lo + dt.timedelta(weeks=n)
            date = monday + dt.timedelta(days=wd)
        elif q in ("next",):
            date = cal.week_of(ref).lo + dt.timedelta(weeks=1, days=wd)
        elif q in ("last", "previous", "the previous", "prior", "the prior"):
            date = cal.week_of(ref).lo - dt.timedelta(weeks=1) + dt.timedelta(days=wd)
        elif q in ("this", "current", "the current"):
            date = cal.week_of(ref).lo + dt.timedelta(days=wd)
        elif q in ("past", "this past", "the past", "the last"):
            date = cal.weekday_near(ref - dt.timedelta(days=1), wd, -1)
        elif q in ("following", "the following") and ctx.prev:
            date = cal.weekday_near(ctx.prev, wd, 1)
        elif q:
            date = cal.weekday_near(ref, wd, 1)
        else:
            date = cal.weekday_near(ref, wd, 1 if tense(ctx, m.start(), m.end()) > 0 else -1)
        atom.anchor = ref
    atom.period = cal.day(date)
    return atom


def _month_with(ref: dt.date, day: int, wd: int) -> dt.date | None:
    """The date nearest `ref` whose day of month is `day` and weekday `wd` ("Friday the 13th")."""
    best = None
    for k in range(-14, 15):
        first = cal.add_months(ref.replace(day=1), k)
        date = cal.safe_date(first.year, first.month, day)
        if date and date.weekday() == wd and (best is None or abs((date - ref).days) < abs((best - ref).days)):
            best = date
    return best


def h_ord_wd(m: re.Match, ctx: Ctx) -> Atom | None:
    n = SMALL_ORDINALS.get(squash(m.group("ord")))
    wd = weekday_of(m.group("wd"))
    has_month = m.group("mon") or m.group("rel") or m.group("the_m")
    if n is None or wd is None or n > 5 or (n < 0 and not has_month):
        return None  # "last Friday" is read by the weekday rule
    if ctx.ref is None and not m.group("y"):
        return Atom(m.start(), m.end(), "weekday", wd=wd, relative=m.group(0))
    if m.group("mon"):
        mon = month_of(m.group("mon"))
        y = int(m.group("y")) if m.group("y") else cal.nearest_year(ctx.ref, mon, None, tense(ctx, m.start(), m.end()))
        base = dt.date(y, mon, 1)
    else:
        base = cal.shifted_period(ctx.ref, "month", SHIFT_WORDS.get(squash(m.group("rel")), 0)).lo
    date = cal.nth_weekday(base.year, base.month, wd, n)
    if date is None:
        return None
    return Atom(m.start(), m.end(), "weekday", period=cal.day(date), wd=wd, relative=m.group(0), anchor=ctx.ref,
                time=_tod(m.group("tod")))


def h_n_wd(m: re.Match, ctx: Ctx) -> Atom | None:
    """"two Sundays from now": the second Sunday after today; "3 Fridays ago": the third before."""
    n = parse_amount(m.group("n"))
    wd = weekday_of(m.group("wd"))
    if n is None or wd is None or n != int(n) or not 1 <= n <= 52:
        return None
    atom = Atom(m.start(), m.end(), "n_wd", wd=wd, relative=m.group(0))
    ref = ctx.ref
    if ref is None:
        return atom
    if squash(m.group("dir")) == "ago":
        date = ref - dt.timedelta(days=((ref.weekday() - wd) % 7 or 7) + 7 * (int(n) - 1))
    else:
        date = ref + dt.timedelta(days=((wd - ref.weekday()) % 7 or 7) + 7 * (int(n) - 1))
    atom.period, atom.anchor = cal.day(date), ref
    return atom


# ---------------------------------------------------------------- days relative to now or to the text


def h_relday(m: re.Match, ctx: Ctx) -> Atom | None:
    ref, prev = ctx.ref, ctx.prev
    g = m.group
    atom = Atom(m.start(), m.end(), "relday", relative=m.group(0))
    if g("todate"):
        atom.is_range, atom.open_start = True, True
        atom.period = None if ref is None else Period(ref, ref, G.DAY)
        return atom
    if g("that") or g("nd") or g("db"):
        base = prev
        if base is None:
            if g("that"):
                return None  # "that day" with no day before it
            base = ref
        if g("that"):
            shift, atom.time = 0, _tod(g("thatu")) if squash(g("thatu")) != "day" else None
        elif g("nd"):
            shift = -1 if re.search(r"previous|prior", g("nd"), re.I) else 1
        else:
            shift = -1 if "before" in g("db").lower() else 1
        if base is None:
            return atom
        atom.anchor, atom.period = base, cal.day(base + dt.timedelta(days=shift))
        return atom
    if g("rw"):
        word = g("rw").lower()
        if g("rw") == "Today" and _capitalized_name_before(ctx, m.start()):
            return None  # "USA Today"
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "tonite": 0}[word]
        atom.time = _tod(g("tod")) or ("night" if word in ("tonight", "tonite") else None)
    elif g("dby"):
        shift = -2 if g("dbw").lower() == "yesterday" else 2
    else:
        word = g("tq").lower()
        if g("tod2")[0].isupper():
            return None  # "Hale County This Morning, This Evening": a title
        shift = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[word]
        atom.time = _tod(g("tod2"))
        if word == "last" and atom.time != "night":
            return None  # "last morning" is odd English; "last night" is yesterday
    if ref is not None:
        atom.anchor, atom.period = ref, cal.day(ref + dt.timedelta(days=shift))
    return atom


# ---------------------------------------------------------------- periods relative to now


def h_relperiod(m: re.Match, ctx: Ctx) -> Atom | None:
    g, ref = m.group, ctx.ref
    atom = Atom(m.start(), m.end(), "relperiod", relative=m.group(0), anchor=ref)
    if g("rec"):
        atom.is_range, atom.open_start = True, True
        atom.period = None if ref is None else Period(ref, ref, G.DAY)
        return atom
    if ref is None:
        return atom
    if g("u"):
        q, unit = squash(g("q")), PERIOD_UNITS.get(squash(g("u")).replace("work week", "week").replace("workweek", "week"), "week")
        if g("fy"):
            if unit != "year":
                return None
            if not g("fy").lower().startswith("calendar"):
                atom.vague, atom.is_range, atom.anchor = True, True, None
                return atom  # "last fiscal year": whose fiscal year it is decides its months
        if unit in ("hour", "minute"):
            atom.period = cal.day(ref)  # "next hour": today, at the granularity of days
            return atom
        if q in ROLLING_SHIFTS and unit in ("week", "month", "year", "fortnight", "decade"):
            lo = cal.shift(ref, -1, unit) if q in ("the past", "the last") else ref
            hi = ref if q in ("the past", "the last") else cal.shift(ref, 1, unit)
            atom.period, atom.is_range = Period(lo, hi, G.DAY), True
            return atom
        if unit == "weekend" and q in ("this", "current"):
            atom.period = cal.weekend_of(ref)
        else:
            atom.period = cal.shifted_period(ref, unit, SHIFT_WORDS.get(q, 0))
    elif g("au"):
        unit = squash(g("au"))
        atom.period = cal.shifted_period(ref, unit, 2)
    elif g("ru"):
        whole = cal.period_of(ref, squash(g("ru")))
        atom.period = Period(ref, whole.hi, G.DAY)
        atom.is_range = True
        return atom
    elif g("eo"):
        atom.period = cal.period_of(ref, squash(g("eou")))
        atom.modifier = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}[squash(g("eo"))]
    elif g("sameu"):
        # "the same week": the one of the date the text spoke of last; none written, no value
        unit = squash(g("sameu"))
        base = ctx.base if ctx.base is not None and ctx.base_end <= m.start() else None
        if base is None or _UNIT_RANK[base.gran] > _UNIT_RANK[unit] or (ctx.base_guessed and unit != "week"):
            atom.anchor, atom.vague, atom.is_range = None, True, True
            return atom
        atom.period, atom.anchor = cal.period_of(base.lo, unit), base.lo
    elif g("thep"):
        unit = squash(g("thepu"))
        if not _the_period_ok(m, ctx):
            return None
        base = frame(ctx, m.start()) if ctx.base is not None else None
        if base is None and ctx.base is not None and ctx.base_end <= m.start():
            return None  # dates were written, none near: which week is meant is unknown
        if base is not None:
            if _UNIT_RANK[base.gran] > _UNIT_RANK[unit]:
                return None
            atom.period, atom.anchor = cal.period_of(base.lo, unit), base.lo
        else:
            atom.period = cal.shifted_period(ref, unit, 0)
    elif g("bare"):
        t = tense(ctx, m.start(), m.end())
        base = ref - dt.timedelta(days=7) if t < 0 and ref.weekday() < 5 else ref
        atom.period = cal.weekend_of(base)
    atom.is_range = atom.period.gran in (G.WEEK, G.QUARTER) or atom.period.lo.weekday() == 5 and atom.period.gran is G.DAY and atom.period.hi != atom.period.lo
    return atom


# "for the day", "sales in the week": the one of the text's time frame; only where it closes a
# clause after a preposition, so "the year before", "the week that followed" are never read, and
# not after "of" ("time of the year", "Player of the Year" are no dates)
_THE_PERIOD_LEAD = {"day": re.compile(r"\bfor\s+$", re.I),
                    "other": re.compile(r"\b(?:for|in|during)\s+$", re.I)}
_UNIT_RANK = {G.DAY: 0, G.WEEK: 1, G.MONTH: 2, G.QUARTER: 3, G.YEAR: 4, G.DECADE: 5, G.CENTURY: 6,
              "day": 0, "week": 1, "fortnight": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}
_CLAUSE_END = re.compile(r"\s*(?:[.!?,;:)\]\"\u201d]|$)")


# "partner of the month" names the current one only in a text that wrote no other date, and
# never after a word of time or part ("time of the year", "end of the day", "day of the week")
_OF_LEAD = re.compile(r"\b(?P<w>[a-z]+)\s+of\s+$")
_PART_NOUNS = frozenset("""time times hour hours day days week weeks month months year years season seasons rest end
start beginning middle remainder part parts half course most much all any some each none bulk balance""".split())


def _the_period_ok(m: re.Match, ctx: Ctx) -> bool:
    if not _CLAUSE_END.match(ctx.text, m.end()):
        return False
    if m.group("thep").lower().startswith("my"):
        return True
    lead = before(ctx, m.start(), 16)
    if _THE_PERIOD_LEAD["day" if squash(m.group("thepu")) == "day" else "other"].search(lead):
        return True
    of = _OF_LEAD.search(lead)
    return bool(of and ctx.base is None and m.group("thepu").islower() and of.group("w") not in _PART_NOUNS)


_LAST_VERB = re.compile(r"(?:\b(?:will|would|to|can|could|may|might|must|should|shall|did|does|do|not|never|only|"
                        r"usually|typically)|n[\u2019']t|[\u2019']ll|[\u2019']d)\s+$", re.I)


def h_window(m: re.Match, ctx: Ctx) -> Atom | None:
    g, ref = m.group, ctx.ref
    amount = parse_amount(g("n") or g("n2"))
    unit = PERIOD_UNITS.get(squash(g("u") or g("u2")))
    q = squash(g("q") or g("q2")).removeprefix("the ")
    if amount is None or unit is None or amount <= 0:
        return None
    if q == "last" and _LAST_VERB.search(before(ctx, m.start(), 16)):
        return None  # "the course will last three weekends", "shouldn't last two hours"
    if unit in ("hour", "minute") and (re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4])
                                       or re.search(r"['\u2019]s\s+$", before(ctx, m.start(), 4))):
        return None  # "the last 10 minutes of the film", "the ship's last 26 hours": no date
    atom = Atom(m.start(), m.end(), "window", relative=m.group(0), anchor=ref, is_range=True)
    if ref is None:
        return atom
    parts = [(amount, unit)] + (parse_parts(g("more")) or [] if g("more") else [])
    back = q in ("past", "last", "previous")
    if unit in ("decade", "quarter"):
        n = int(amount)
        cur = cal.period_of(ref, unit)
        if back:
            first = cal.shifted_period(ref, unit, -n)
            atom.period = Period(first.lo, cur.lo - dt.timedelta(days=1), G.YEAR if unit == "decade" else G.QUARTER)
        else:
            last = cal.shifted_period(ref, unit, n)
            atom.period = Period(cal.shifted_period(ref, unit, 1).lo, last.hi, G.YEAR if unit == "decade" else G.QUARTER)
        return atom
    end = ref
    for a, u in parts:
        if u == "bday":
            end = cal.add_business_days(end, int(-a if back else a))
        else:
            end = cal.shift(end, -a if back else a, u)
    if back:
        atom.period = Period(end, ref, G.DAY)
    elif g("w") or end == ref:  # "within 5 days"; "the next 5 minutes" end the same day
        atom.period = Period(ref, end, G.DAY)
    else:
        atom.period = Period(ref + dt.timedelta(days=1), end, G.DAY)
    return atom


_DIRS = {"ago": -1, "earlier": -1, "before": -1, "prior": -1, "later": 1, "after": 1, "from now": 1, "hence": 1,
         "from today": 1, "from tomorrow": 1, "from yesterday": 1, "from": 1}


def h_offset(m: re.Match, ctx: Ctx) -> Atom | None:
    parts = parse_parts(m.group("parts"))
    direction = squash(m.group("dir"))
    if not parts:
        return None
    if re.search(r"\b(?:business|working)\s+days?\b", m.group("parts"), re.I):
        parts = [(a, "bday" if u == "day" else u) for a, u in parts]  # "in four business days"
    vague = bool(re.match(r"\s*(?:a\s+)?(?:few|couple|several)\b", m.group("parts"), re.I))
    lead = before(ctx, m.start(), 12)
    if not direction:
        if not re.search(r"\bin\s+$", lead, re.I) or vague or re.search(r"\bin\s+$", lead) is None:
            return None
        direction = "in"
    if vague:
        return None  # "a few days ago": vague, no date
    sign = -1 if _DIRS.get(direction, 1) < 0 else 1
    start = m.start() - (3 if direction == "in" else 0)
    atom = Atom(start, m.end(), "offset", relative=ctx.text[start:m.end()], offset=(sign, parts))
    if direction in ("before", "after", "from", "prior"):
        atom.parts["base"] = recent_base(ctx, start)
        return atom  # compose finds the date it counts from
    if direction in ("earlier", "later"):
        # "three years later" counts from a date of this sentence or the one before; one further
        # back is too often another event. With no date written before it at all, the text's
        # own time is the only anchor there is ("I left here 2 years later").
        if ctx.base is None:
            return atom if ctx.ref is None else resolve_offset(atom, ctx.ref)
        base_period = recent_base(ctx, start)
        if base_period is None:
            return atom
        return resolve_from_base(atom, base_period)
    else:
        base = ctx.ref
        if direction == "from tomorrow":
            base = base and base + dt.timedelta(days=1)
        elif direction == "from yesterday":
            base = base and base - dt.timedelta(days=1)
    if base is None:
        return atom
    return resolve_offset(atom, base)


def recent_base(ctx: Ctx, pos: int) -> Period | None:
    """The last single date written before `pos` if it is in the same sentence or the one before."""
    if ctx.base is None or ctx.base_end > pos:
        return None
    stops = 0
    for _ in SENTENCE_STOP.finditer(ctx.text, ctx.base_end, pos):
        stops += 1
        if stops > 1:
            return None
    return ctx.base


def frame(ctx: Ctx, pos: int) -> Period | None:
    """The time frame a vague phrase ("the same year", "in the winter", "for Christmas") sits in:
    the date written in its sentence or the one before; else, in a text whose last written date is
    years from the reference (a history), that date; else None (the reference is the frame)."""
    near = recent_base(ctx, pos)
    if near is not None:
        return near
    if ctx.base is not None and ctx.ref is not None and abs(ctx.base.lo.year - ctx.ref.year) > 1 and ctx.base_end <= pos:
        return ctx.base
    return None


_COARSE_UNITS = {G.YEAR: frozenset({"year", "decade", "century"}), G.MONTH: frozenset({"month", "year", "decade", "century"})}


def resolve_from_base(atom: Atom, base: Period) -> Atom:
    """An offset counted from a written date: a day from a day; "three years later" from a year
    or month keeps that granularity (2005 -> 2008); a finer offset from a coarse date stays unresolved."""
    if base.gran is G.DAY:
        return resolve_offset(atom, base.lo)
    sign, parts = atom.offset
    if any(u not in _COARSE_UNITS.get(base.gran, ()) or a != int(a) for a, u in parts):
        return atom
    date = base.lo
    for amount, unit in parts:
        date = cal.shift(date, sign * amount, unit)
    atom.period = cal.year(date.year) if base.gran is G.YEAR else cal.month(date.year, date.month)
    atom.anchor, atom.offset = base.lo, None
    return atom


def resolve_offset(atom: Atom, base: dt.date) -> Atom:
    sign, parts = atom.offset
    date = base
    for amount, unit in parts:
        date = cal.add_business_days(date, int(sign * amount)) if unit == "bday" else cal.shift(date, sign * amount, unit)
    atom.period, atom.anchor, atom.offset = cal.day(date), base, None
    return atom
