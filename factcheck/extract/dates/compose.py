"""Scan a text for date atoms, then compose them: ranges, modifiers, offsets, "the week of".

Input: text, reference date, quoted spans. Output: `Found` items (an atom, final span and
value kind) in text order. One pass of the START pattern finds where atoms may begin; the
master pattern and the rule's handler read each one; composition looks only at the short
gaps between atoms and the few words before them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from factcheck.extract.dates import atoms as A
from factcheck.extract.dates import calendar as cal
from factcheck.extract.dates import named as N
from factcheck.extract.dates import periods as P
from factcheck.extract.dates import relative as R
from factcheck.extract.dates.atoms import Atom, Ctx
from factcheck.extract.dates.calendar import Period
from factcheck.extract.dates.dispatch import rules_at
from factcheck.extract.dates.patterns import (
    MODIFIER_AFTER,
    MODIFIER_BEFORE,
    PLAIN_YEAR,
    POSITION_BEFORE,
    RANGE_GAP,
    RULES,
    SPAN_FROM_BEFORE,
    START,
    WEEK_OF_BEFORE,
    WEEKDAY_GAP,
    lowered,
)
from factcheck.extract.dates.ranges import join_ranges, weekdays_in_week
from factcheck.extract.durations import parse_parts
from factcheck.models import Granularity

G = Granularity

HANDLERS = {
    "ymd": A.h_ymd, "ymd_mon": A.h_ymd_mon, "ymd8": A.h_ymd8, "yrange": A.h_yrange, "my_num": A.h_my_num, "mdy_spaced": A.h_mdy_spaced,
    "mdy_num": A.h_mdy_num, "num_range": A.h_num_range, "mdrange": A.h_mdrange, "dmrange": A.h_dmrange, "dm_coord": A.h_dm_coord, "dayrange_rel": A.h_dayrange_rel,
    "dmy": A.h_dmy, "mdy": A.h_mdy, "ym": A.h_ym, "my": A.h_my, "quarter": P.h_quarter,
    "ord_quarter": P.h_ord_quarter, "decade": P.h_decade, "decade_words": P.h_decade_words, "century": P.h_century,
    "week_n": P.h_week_n, "nth_of": P.h_nth_of, "first_n_of": P.h_first_n_of, "ord_wd": R.h_ord_wd, "n_wd": R.h_n_wd,
    "weekday": R.h_weekday, "relday": R.h_relday, "relperiod": R.h_relperiod, "window": R.h_window,
    "offset": R.h_offset, "year": P.h_year, "year_words": P.h_year_words, "month": A.h_month, "dayonly": P.h_dayonly,
    "holiday": N.h_holiday, "season": N.h_season,
}
assert set(HANDLERS) == set(RULES), set(RULES) ^ set(HANDLERS)
_DAY_FIRST = re.compile(r"(?<![\w/.])(?:1[3-9]|2\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.](?:\d{4}|\d\d)(?![\w/])")


def scan(text: str, ctx: Ctx) -> list[Atom]:
    """Every atom, left to right; a rejected match lets the next rule try at the same place."""
    atoms: list[Atom] = []
    pos = 0
    low = lowered(text)
    for s in START.finditer(" " + low):
        i = s.start()  # the padded text's separator sits where the atom starts in the text
        if i < pos:
            continue
        if PLAIN_YEAR.match(low, i):  # the commonest hit: a lone 4-digit number
            atom = _read(RULES["year"], "year", text, i, ctx)
        else:
            # only the rules that can start with this character; when a handler rejects its
            # match, the rules after it are tried at the same place
            atom = None
            for name, rule in rules_at(low[i]):
                atom = _read(rule, name, text, i, ctx)
                if atom is not None:
                    break
        if atom is None:
            continue
        atoms.append(atom)
        pos = atom.end
        ctx.last = atom
        if atom.period is not None and not atom.is_range and atom.period.gran in _BASE_GRANS:
            ctx.base, ctx.base_end = atom.period, atom.end
            # a month-day whose year was not written got the year nearest the reference: a guess
            ctx.base_guessed = atom.m is not None and not atom.y_written and atom.relative is None
            if atom.period.gran is G.DAY and atom.period.lo == atom.period.hi:
                ctx.prev = atom.period.lo
    return atoms


_BASE_GRANS = frozenset({G.DAY, G.MONTH, G.YEAR})


def _read(rule: re.Pattern[str], name: str, text: str, i: int, ctx: Ctx) -> Atom | None:
    mm = rule.match(text, i)
    if mm is None:
        return None
    try:
        return HANDLERS[name](mm, ctx)
    except (ValueError, OverflowError):  # "40,000 years ago": off the calendar
        return None


def find(text: str, reference: dt.date | None, quoted: Sequence[tuple[int, int]] = ()) -> list[Atom]:
    """The composed date atoms of `text` (relative ones inside `quoted` spans dropped)."""
    ctx = Ctx(text, reference, day_first=bool(_DAY_FIRST.search(text)))
    atoms = compose(scan(text, ctx), ctx)
    out = []
    for a in atoms:
        if a.offset is not None or (a.period is None and reference is not None and not a.open_start and not a.vague):
            continue  # an offset with no date to count from, or an expression with nothing to resolve it
        if a.relative and any(s <= a.start and a.end <= e for s, e in quoted):
            continue  # "in the coming days" inside a quote is the speaker's, not the writer's
        out.append(a)
    return out


# ---------------------------------------------------------------- composition


def compose(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    _lend_month_years(atoms)
    atoms = _merge_weekdays(atoms, ctx)
    atoms = _year_after(atoms, ctx)
    atoms = _resolve_offsets(atoms, ctx)
    atoms = _weekday_of_offset(atoms, ctx)
    for a in atoms:
        _spans_from(a, ctx)
        _week_of(a, ctx)
        _position(a, ctx)
    atoms = weekdays_in_week(join_ranges(atoms, ctx), ctx)
    for a in atoms:
        _modifier(a, ctx)
    return atoms


def _lend_month_years(atoms: list[Atom]) -> None:
    """"The April 2012 shooting ... found on April 9": a day written without a year takes the year
    written with the same month elsewhere in the text (the nearest such mention before it, else the
    first after it), not the year that puts it nearest the reference date."""
    written: dict[int, list[tuple[int, int]]] = {}
    for a in atoms:
        if a.y_written and a.m is not None and a.y is not None and a.rule != "range":
            written.setdefault(a.m, []).append((a.start, a.y))
    if not written:
        return
    for a in atoms:
        if a.y_written or a.d is None or a.m not in written or a.period is None or a.y is None:
            continue
        found = written[a.m]
        before_a = [y for at, y in found if at < a.start]
        y = before_a[-1] if before_a else found[0][1]
        if y == a.y:
            continue
        lo, hi = cal.safe_date(y, a.period.lo.month, a.period.lo.day), cal.safe_date(
            y + (a.period.hi.year - a.period.lo.year), a.period.hi.month, a.period.hi.day)
        if lo is not None and hi is not None:
            a.period, a.y = Period(lo, hi, a.period.gran), y


def _merge_weekdays(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    """"Thursday, March 13, 2025": one date whose weekday is as written."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (b is not None and a.rule == "weekday" and a.wd is not None and b.d is not None and b.rule in ("mdy", "dmy", "mdy_num", "ymd")
                and WEEKDAY_GAP.match(ctx.text[a.end:b.start]) and not re.search(r"\b(?:next|last|week)\b", ctx.text[a.start:a.end], re.I)):
            b.start, b.wd = a.start, a.wd
            if not b.y_written and b.m and ctx.ref is not None:
                _year_by_weekday(b, ctx.ref)
            out.append(b)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_IN_YEAR = re.compile(r"^\s*,?\s*(?:in|of)\s+(?:the\s+year\s+)?$", re.I)


def _year_after(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    """"28 june in 2020", "from april to June in 2017": a year written after a date without one."""
    out: list[Atom] = []
    pending: list[Atom] = []  # dates without a year since the last one with a year
    for a in atoms:
        if a.rule == "year" and out and _IN_YEAR.match(ctx.text[out[-1].end:a.start]) and pending and pending[-1] is out[-1]:
            gap_ok = all(RANGE_GAP.match(ctx.text[x.end:y.start]) for x, y in zip(pending, pending[1:]))
            targets = pending if gap_ok else pending[-1:]
            for t in targets:
                fixed = A.cal_atom(ctx, t.start, t.end, t.rule, a.y, t.m, t.d, t.wd)
                if fixed is not None and fixed.period is not None:
                    if t.is_range and t.period is not None:
                        span = (t.period.hi - t.period.lo)
                        fixed.period = Period(fixed.period.lo, fixed.period.lo + span, t.period.gran)
                    t.period, t.y, t.y_written, t.anchor = fixed.period, a.y, True, None
            out[-1].end = a.end
            pending = []
            continue
        if a.m is not None and not a.y_written and a.rule != "weekday":
            pending.append(a)
        elif not (a.rule == "month"):
            pending = []
        out.append(a)
    return out


def _year_by_weekday(a: Atom, ref: dt.date) -> None:
    """A month-day without a year but with a weekday: the year, next to the nearest, where they
    agree; none agreeing within a year of the reference, the weekday is the writer's slip and the
    nearest year stays (a reference years off would be the caller's error, not the text's)."""
    for k in (0, -1, 1):
        date = cal.safe_date(a.y + k, a.m, a.d) if a.y else None
        if date and date.weekday() == a.wd:
            a.y, a.period = date.year, cal.day(date)
            return


_QUAL_BEFORE = re.compile(r"(?<![\w])(?P<q>less\s+than|within|more\s+than|over|at\s+least|up\s+to)\s+$", re.I)
_FOR_BEFORE = re.compile(r"(?<![\w])for\s+$", re.I)


def _resolve_offsets(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    """"2 weeks before May 13 1999", "3 days from Tuesday"; "less than 2 weeks from today" is a window."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if a.offset is not None and b is not None and b.period is not None and re.fullmatch(r"\s*(?:the\s+)?", ctx.text[a.end:b.start]):
            if _safe(R.resolve_offset, a, b.period.lo):
                a.end, a.relative = b.end, ctx.text[a.start:b.end]
                i += 1
        elif a.offset is not None and re.match(r"\s*(?:[.,;:!?)]|$)", ctx.text[a.end:a.end + 2]) and a.parts.get("base"):
            # "two days before." counts from the date the sentence (or the one before) spoke of
            _safe(R.resolve_from_base, a, a.parts["base"])
        if a.period is not None and a.rule == "offset" and a.anchor is not None:
            lead = ctx.text[max(0, a.start - 14):a.start]
            q = _QUAL_BEFORE.search(lead)
            if q and q.group("q").lower().replace("  ", " ") in ("less than", "within", "up to") or _FOR_BEFORE.search(lead):
                lo, hi = sorted((a.anchor, a.period.lo))
                a.period, a.is_range = Period(lo, hi, G.DAY), True
                a.start -= len(lead) - (q.start() if q else _FOR_BEFORE.search(lead).start())
            elif q:
                a.modifier = "before" if a.period.lo < a.anchor else "after"
                a.start -= len(lead) - q.start()
            else:
                _approximate(a, lead)
        out.append(a)
        i += 1
    return out


_SHIFTED_WEEKDAY = re.compile(r"(?:next|last|this|previous|past|coming|following|the)\b", re.I)


def _weekday_of_offset(atoms: list[Atom], ctx: Ctx) -> list[Atom]:
    """"Monday two weeks from now", "in 3 days on Friday", "Sunday 3 weeks after January 15th": the
    weekday of the week (Sunday to Saturday, as the phrase is used) the offset lands in."""
    out: list[Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        pair = None
        if b is not None:
            gap = ctx.text[a.end:b.start]
            if a.rule == "weekday" and b.rule == "offset" and re.fullmatch(r"\s*,?\s*", gap):
                pair = (a, b)
            elif a.rule == "offset" and b.rule == "weekday" and re.fullmatch(r"\s+on\s+", gap):
                pair = (b, a)
        if pair is not None:
            wd, off = pair
            if wd.wd is not None and wd.d is None and off.period is not None and not _SHIFTED_WEEKDAY.match(ctx.text, wd.start):
                d = off.period.lo
                sunday = d - dt.timedelta(days=(d.weekday() + 1) % 7)
                date = sunday + dt.timedelta(days=(wd.wd + 1) % 7)
                out.append(Atom(a.start, b.end, "offset", period=cal.day(date), wd=wd.wd,
                                relative=ctx.text[a.start:b.end], anchor=off.anchor))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_APPROX_BEFORE = re.compile(r"(?<![\w])(?<!what\s)(?<!how\s)(?P<q>almost|nearly|about|around|roughly|approximately|some|close\s+to)\s+$", re.I)


def _approximate(a: Atom, lead: str) -> None:
    """"almost three weeks ago": the span takes the qualifier, the days widen by a tenth of the
    offset (at least one): toward the anchor for "almost"/"nearly", both ways for "about"."""
    q = _APPROX_BEFORE.search(lead)
    if q is None or a.period is None or a.anchor is None:
        return
    gap = abs((a.anchor - a.period.lo).days)
    w = max(1, round(gap / 10))
    toward = 1 if a.period.lo < a.anchor else -1
    if q.group("q").lower() in ("almost", "nearly"):
        a.parts["widen"] = (0, w) if toward > 0 else (w, 0)
    else:
        a.parts["widen"] = (w, w)
    a.start -= len(lead) - q.start()


def _safe(fn, *args) -> bool:
    """Run a calendar step; False if it falls off the calendar (year 0 or 10000)."""
    try:
        fn(*args)
    except (ValueError, OverflowError):
        return False
    return True


def _spans_from(a: Atom, ctx: Ctx) -> None:
    """"for 3 days from today", "a week starting tomorrow": a range opening at the atom."""
    if a.period is None or a.is_range or a.period.gran is not G.DAY:
        return
    window = ctx.text[max(0, a.start - 60):a.start].lower()
    if not any(w in window for w in ("for ", "starting", "beginning", "commencing", "from")):
        return
    m = SPAN_FROM_BEFORE.search(ctx.text, max(0, a.start - 60), a.start)
    if m is None or not re.search(r"\b(?:for|starting|beginning|commencing)\b|from\s*$", m.group(0), re.I):
        return
    parts = parse_parts(m.group("parts"))
    if not parts:
        return
    end = a.period.lo
    try:
        for amount, unit in parts:
            end = cal.shift(end, amount, unit)
    except (ValueError, OverflowError):
        return
    a.period, a.is_range, a.start = Period(a.period.lo, end, G.DAY), True, m.start()


def _week_of(a: Atom, ctx: Ctx) -> None:
    if a.period is None or a.period.gran is not G.DAY or a.is_range:
        return
    m = WEEK_OF_BEFORE.search(ctx.text, max(0, a.start - 40), a.start)
    if m is None:
        return
    weekend = (m.group("u") or "").lower() == "weekend"
    a.period = cal.weekend_near(a.period.lo) if weekend else cal.week_of(a.period.lo)
    a.is_range = True
    lead = re.search(r"(?<![\w])the\s+$", ctx.text[max(0, m.start() - 5):m.start()], re.I)
    a.start = m.start() - (len(lead.group(0)) if lead else 0)


_POSITIONS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid",
              "late": "late", "end": "late", "earlier": "earlier", "later": "later", "first half": "first half",
              "second half": "second half", "latter half": "second half"}


def _position(a: Atom, ctx: Ctx) -> None:
    """"early 2024", "mid-March", "the end of 2008", "later this week": a part of the period."""
    if a.period is None or a.period.gran is G.DAY and a.period.lo == a.period.hi:
        return
    m = POSITION_BEFORE.search(ctx.text, max(0, a.start - 30), a.start)
    if m is None:
        return
    word = re.sub(r"\s+", " ", m.group("pos").lower()).removeprefix("the ").removeprefix("very ").removesuffix(" of")
    pos = _POSITIONS.get(word)
    if pos is None:
        return
    a.start = m.start()
    a.modifier = pos
    a.parts["position"] = pos


def _narrow(period: Period, pos: str, ref: dt.date | None) -> tuple[dt.date, dt.date]:
    lo, hi = period.lo, period.hi
    n = (hi - lo).days + 1
    third = n // 3
    if pos == "early":
        return lo, lo + dt.timedelta(days=max(third - 1, 0))
    if pos == "mid":
        return lo + dt.timedelta(days=third), hi - dt.timedelta(days=third)
    if pos == "late":
        return hi - dt.timedelta(days=max(third - 1, 0)), hi
    if pos == "first half":
        return lo, lo + dt.timedelta(days=n // 2 - 1)
    if pos == "second half":
        return lo + dt.timedelta(days=n // 2), hi
    if pos == "earlier" and ref is not None and lo <= ref <= hi:
        return lo, ref
    if pos == "later" and ref is not None and lo <= ref <= hi:
        return ref, hi
    return lo, hi


_MODS = {
    "since": "since", "from": "since", "starting": "since", "starting on": "since", "starting from": "since",
    "starting in": "since", "beginning": "since", "beginning on": "since", "beginning in": "since",
    "as early as": "since", "until": "until", "till": "until", "up until": "until", "up to": "until",
    "as late as": "until", "no later than": "until", "not later than": "until", "by": "by",
    "before": "before", "prior to": "before", "earlier than": "before", "after": "after", "later than": "after",
    "greater than": "after",
}


def _modifier(a: Atom, ctx: Ctx) -> None:
    if a.period is None or a.rule == "range":
        return
    m = MODIFIER_BEFORE.search(ctx.text, max(0, a.start - 24), a.start)
    if m is not None:
        mod = _MODS.get(re.sub(r"\s+", " ", m.group("mod").lower()))
        if mod is not None and not (mod == "since" and a.is_range):
            a.start = m.start()
            a.modifier = mod if a.modifier is None or a.modifier in ("earlier", "later") else f"{mod}-{a.modifier}"
    m = MODIFIER_AFTER.match(ctx.text, a.end)
    if m is not None:
        word = m.group("mod").lower()
        a.modifier = "until" if re.search(r"earlier|before", word) else "since"
        a.end = m.end()


def narrow(a: Atom, ref: dt.date | None) -> tuple[dt.date, dt.date]:
    """The days an atom covers once its position ("early", "mid") is applied."""
    pos = a.parts.get("position")
    widen = a.parts.get("widen")
    if widen is not None:
        return a.period.lo - dt.timedelta(days=widen[0]), a.period.hi + dt.timedelta(days=widen[1])
    if pos is None:
        return a.period.lo, a.period.hi
    return _narrow(a.period, pos, ref)
