"""Date atoms: one rule match -> an `Atom`, a period of days plus what was written.

Each handler reads the groups of its rule (see patterns.RULES), checks the evidence that
the words are a date at all ("may" the modal, "2,000 people"), and resolves the atom against
the reference date and the clause's tense. A handler returns None to reject the match.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from factcheck.extract.dates import calendar as cal
from factcheck.extract.dates.calendar import Period
from factcheck.extract.dates.patterns import (
    FUTURE_WORDS,
    PAST_WORDS,
    SENTENCE_STOP,
)
from factcheck.extract.dates.vocab import (
    SHIFT_WORDS,
    day_of,
    year_of_words,
)
from factcheck.extract.lexicon import MONTHS, WEEKDAYS
from factcheck.models import Granularity

G = Granularity


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    rule: str
    period: Period | None = None  # the days it covers; None when it needs a reference we lack
    y: int | None = None  # calendar parts as written, for ranges and reference inference
    m: int | None = None
    d: int | None = None
    y_written: bool = False
    wd: int | None = None  # weekday as written
    is_range: bool = False  # report as a DATE_RANGE (weeks, quarters, windows, day ranges)
    open_start: bool = False
    relative: str | None = None  # set when it was resolved against the reference or an anchor
    anchor: dt.date | None = None
    time: str | None = None
    modifier: str | None = None
    offset: tuple[int, list[tuple[float, str]]] | None = None  # (sign, parts) awaiting a base date
    vague: bool = False
    parts: dict = field(default_factory=dict)


@dataclass(slots=True)
class Ctx:
    text: str
    ref: dt.date | None
    prev: dt.date | None = None  # the last day resolved in the text, for "that day", "two days later"
    day_first: bool = False  # numeric dates of this document are day/month
    last: Atom | None = None  # the last atom read, for coordinations ("the 2004 and 2005 awards")
    base: Period | None = None  # the last single date of any granularity, for "three years later"
    base_end: int = -1  # where it was written
    base_guessed: bool = False  # its year was not written but guessed from the reference


# ---------------------------------------------------------------- context helpers

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'\u2019.]*)[\s,]*$")


def before(ctx: Ctx, start: int, n: int = 40) -> str:
    return ctx.text[max(0, start - n):start]


def word_before(ctx: Ctx, start: int) -> str:
    m = _WORD_BEFORE.search(ctx.text, max(0, start - 30), start)
    return m.group(1) if m else ""


def tense(ctx: Ctx, start: int, end: int) -> int:
    """+1 if the clause around [start, end) speaks of the future, -1 of the past, 0 if unclear."""
    left = ctx.text[max(0, start - 90):start]
    cut = None
    for cut in SENTENCE_STOP.finditer(left):
        pass
    if cut is not None:
        left = left[cut.end():]
    right = ctx.text[end:end + 50]
    stop = SENTENCE_STOP.search(right)
    if stop:
        right = right[:stop.start()]
    # the tense word nearest to the date decides
    best: tuple[int, int] | None = None
    for words, sign in ((FUTURE_WORDS, 1), (PAST_WORDS, -1)):
        last = None
        for last in words.finditer(left):
            pass
        if last is not None:
            cand = (len(left) - last.end(), sign)
            best = cand if best is None or cand < best else best
        first = words.search(right)
        if first is not None:
            cand = (first.start(), sign)
            best = cand if best is None or cand < best else best
    return 0 if best is None else best[1]


def month_of(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def weekday_of(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().rstrip("."))


def year_of(surface: str | None) -> int | None:
    if not surface:
        return None
    s = surface.strip()
    if s.startswith("'"):
        return cal.two_digit_year(int(s[1:]))
    if s.isdigit():
        return int(s) if len(s) > 2 else cal.two_digit_year(int(s))
    return year_of_words(s)


def _capitalized_name_before(ctx: Ctx, start: int) -> bool:
    """'Bloody Sunday', 'USA Today': a capitalized word before it that does not open a sentence."""
    m = re.search(r"(?:^|(?P<stop>[.!?:;\"\u201c\n])|\s)\s*(?P<w>[A-Z][\w'\u2019-]*)\s+$", ctx.text[max(0, start - 40):start])
    if not m:
        return False
    w = m.group("w")
    if w.lower() in _CUE_WORDS or w.lower() in SHIFT_WORDS or month_of(w) or weekday_of(w):
        return False
    # the capitalized word opens a sentence (or the text): not a name
    head = ctx.text[max(0, start - 40):start][: m.start("w")]
    return bool(head.strip()) and not re.search(r"[.!?:;\"\u201c\n(]\s*$", head)


_CUE_WORDS = frozenset(
    "on in by since until till from to between before after during through of last next this every each "
    "early late mid the that and or as at for".split()
)


def cal_atom(ctx: Ctx, start: int, end: int, rule: str, y: int | None, m: int, d: int | None,
             wd: int | None = None, y_written: bool | None = None) -> Atom | None:
    """A calendar date or month as written; the year, if missing, is the nearest to the reference."""
    atom = Atom(start, end, rule, y=y, m=m, d=d, wd=wd, y_written=y is not None if y_written is None else y_written)
    if y is None:
        if ctx.ref is None:
            return atom
        y = cal.nearest_year(ctx.ref, m, d, tense(ctx, start, end))
        if y is None:
            return None
        atom.anchor = ctx.ref
    if d is None:
        atom.period = cal.month(y, m)
    else:
        date = cal.safe_date(y, m, d)
        if date is None:
            return None
        atom.period = cal.day(date)
    atom.y = y
    return atom


# ---------------------------------------------------------------- numeric dates


def h_ymd(m: re.Match, ctx: Ctx) -> Atom | None:
    if m.group("s1") != m.group("s2"):
        return None
    return cal_atom(ctx, *m.span(), "ymd", int(m.group("y")), int(m.group("m")), int(m.group("d")))


def h_ymd_mon(m: re.Match, ctx: Ctx) -> Atom | None:
    mon = month_of(m.group("mon") or m.group("mon2"))
    d = day_of(m.group("d") or m.group("d2"))
    return cal_atom(ctx, *m.span(), "ymd", int(m.group("y")), mon, d) if mon and d else None


def h_ymd8(m: re.Match, ctx: Ctx) -> Atom | None:
    return cal_atom(ctx, *m.span(), "ymd", int(m.group("y")), int(m.group("m")), int(m.group("d")))


def h_my_num(m: re.Match, ctx: Ctx) -> Atom | None:
    return cal_atom(ctx, *m.span(), "my", int(m.group("y")), int(m.group("m")), None)


_WEEKDAY_BEFORE = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\.?,?\s*$", re.I)  # "friday 5/12", "Friday 7.6"
_NUM_CUE = re.compile(r"(?:\b(?:on|by|from|to|until|till|since|this|next|last|and|or|between|through|before|after|dated?)|,)\s*$", re.I)


def h_mdy_num(m: re.Match, ctx: Ctx) -> Atom | None:
    a, b = int(m.group("a")), int(m.group("b"))
    ys, s1 = m.group("y"), m.group("s1")
    if ys is None:
        if s1 == "-" or (a, b) == (24, 7):
            return None  # "4-22" is a range of numbers; 24/7 is "always"
        lead = before(ctx, m.start(), 20)
        cue = _NUM_CUE.search(lead) or _WEEKDAY_BEFORE.search(lead)
        if s1 == "." and not (re.search(r"\bon\s*$", lead, re.I) or _WEEKDAY_BEFORE.search(lead)):
            return None
        if s1 == "/" and max(a, b) <= 12 and not cue:
            return None  # "1/2" is a fraction
    elif m.group("s2") not in (s1, None) and not m.group("s2").startswith(","):
        return None
    y = None if ys is None else (int(ys) if len(ys) == 4 else cal.two_digit_year(int(ys)))
    if a > 12 or (ctx.day_first and b <= 12):
        mon, d = b, a
    else:
        mon, d = a, b
    if not (1 <= mon <= 12 and 1 <= d <= 31):
        return None
    return cal_atom(ctx, *m.span(), "mdy_num", y, mon, d)


_MONTH_AFTER = re.compile(rf"\s+(?:{'|'.join(MONTHS)})\b", re.I)


def h_mdy_spaced(m: re.Match, ctx: Ctx) -> Atom | None:
    a, b = int(m.group("a")), int(m.group("b"))
    mon, d = (b, a) if a > 12 or (ctx.day_first and b <= 12) else (a, b)
    if not (1 <= mon <= 12 and 1 <= d <= 31):
        return None
    return cal_atom(ctx, *m.span(), "mdy_num", int(m.group("y")), mon, d)


def h_yrange(m: re.Match, ctx: Ctx) -> Atom | None:
    y1, sep, y2s = int(m.group("y1")), m.group("sep").lower(), m.group("y2")
    start = m.start("y1")
    if sep == "and" and not re.search(r"\bbetween\s+$", before(ctx, start, 12), re.I):
        return None  # "2015 and 2016": two years, not a range
    if len(y2s) <= 2:
        y2 = int(y2s)
        if sep in ("-", "/") and y2 != (y1 + 1) % 100 and 1 <= y2 <= 12 and not _MONTH_AFTER.match(ctx.text, m.end()):
            return cal_atom(ctx, start, m.end(), "my", y1, y2, None)  # 2016-11, "2016 / 11": a month
        if re.search(r"\s", m.group(0)[m.end("y1") - m.start():m.start("y2") - m.start()]):
            return None  # "2015 - 32", "(1900 – 6 April 1983)"
        y2 = y1 // 100 * 100 + y2
        if sep in ("/", "~") or y2 <= y1:
            return None
    else:
        y2 = int(y2s)
        if not y1 < y2 <= y1 + 300 or sep == "/":
            return None
    return Atom(start, m.end(), "yrange", period=Period(cal.year(y1).lo, cal.year(y2).hi, G.YEAR), is_range=True,
                y=y1, y_written=True)


# ---------------------------------------------------------------- month-name dates


def _ambiguous_month(word: str, strong: bool) -> bool:
    """'may' and 'march' in lower case are a verb unless the rest of the date is strong."""
    w = word.rstrip(".")
    return w in ("may", "march") and not strong


def h_dmy(m: re.Match, ctx: Ctx) -> Atom | None:
    mon = month_of(m.group("mon"))
    d = day_of(m.group("d"))
    y = year_of(m.group("y") or m.group("yy"))
    if not mon or not d or re.search(r"[$\u00a3\u20ac\u00a5]\s*$", before(ctx, m.start(), 3)):
        return None  # "$ 12 December 27": an amount, then the date
    strong = y is not None or not m.group("d").isdigit()
    if _ambiguous_month(m.group("mon"), strong) or (m.group("yy") and not m.group("y") and "of" not in m.group(0)[-6:]
                                                     and "," not in m.group(0) and "/" not in m.group(0) and "-" not in m.group(0)):
        return None
    return cal_atom(ctx, *m.span(), "dmy", y, mon, d)


def h_mdy(m: re.Match, ctx: Ctx) -> Atom | None:
    mon = month_of(m.group("mon"))
    d = day_of(m.group("d"))
    y = year_of(m.group("y") or m.group("yy"))
    if not mon or not d:
        return None
    if _ambiguous_month(m.group("mon"), y is not None or not m.group("d").isdigit()):
        return None
    if m.group("mon").lower().rstrip(".") == "may" and re.match(r"\s*\d", ctx.text[m.start("d") - 1:m.start("d") + 1]) is None:
        pass
    return cal_atom(ctx, *m.span(), "mdy", y, mon, d)


def h_ym(m: re.Match, ctx: Ctx) -> Atom | None:
    mon = month_of(m.group("mon"))
    if not mon or _ambiguous_month(m.group("mon"), False):
        return None
    return cal_atom(ctx, *m.span(), "my", int(m.group("y")), mon, None)


def h_my(m: re.Match, ctx: Ctx) -> Atom | None:
    mon = month_of(m.group("mon"))
    yy = m.group("yy")
    if yy is not None:
        if int(yy) <= 31 and " of " not in m.group(0).lower():
            return None  # "May 15" is a day, read by the mdy rule
        y = cal.two_digit_year(int(yy))
    else:
        y = year_of(m.group("y"))
    if not mon or y is None or _ambiguous_month(m.group("mon"), m.group("y") is not None and m.group("y")[0].isdigit()):
        return None
    return cal_atom(ctx, *m.span(), "my", y, mon, None)


def h_mdrange(m: re.Match, ctx: Ctx) -> Atom | None:
    return _day_range(m, ctx, month_of(m.group("mon")))


def h_dmrange(m: re.Match, ctx: Ctx) -> Atom | None:
    return _day_range(m, ctx, month_of(m.group("mon")))


def _day_range(m: re.Match, ctx: Ctx, mon: int | None) -> Atom | None:
    d1, d2 = day_of(m.group("d1")), day_of(m.group("d2"))
    if not mon or not d1 or not d2 or d2 <= d1:
        return None
    joined = m.group(0).lower()
    if re.search(r"\d\s*and\s|\band\b", joined) and "between" not in joined and not re.search(
            r"\bbetween\s+(?:the\s+)?$", before(ctx, m.start(), 14), re.I):
        return None
    y = year_of(m.group("y"))
    first = cal_atom(ctx, m.start(), m.end(), "dayrange", y, mon, d1)
    if first is None or first.period is None:
        return first
    last = cal.safe_date(first.period.lo.year, mon, d2)
    if last is None:
        return None
    first.period = Period(first.period.lo, last, G.DAY)
    first.is_range = True
    if y is None and ctx.ref is not None:
        _around_ref(first, ctx.ref)
    return first


def h_dm_coord(m: re.Match, ctx: Ctx) -> Atom | None:
    mon, d = month_of(m.group("mon")), day_of(m.group("d"))
    if not mon or not d or _ambiguous_month(m.group("mon"), m.group("y") is not None):
        return None
    if not re.search(r"(?:\b(?:on|of|from|between|at|by|until|till|since|for|and)|,)\s+(?:the\s+)?$", before(ctx, m.start(), 12), re.I):
        return None  # "he was 18 and 19 June was ...": a count, then a date
    return cal_atom(ctx, *m.span(), "dmy", year_of(m.group("y")), mon, d)


def h_dayrange_rel(m: re.Match, ctx: Ctx) -> Atom | None:
    if not re.search(r"\b(?:from|between)\s+$", before(ctx, m.start(), 10), re.I) or ctx.ref is None:
        return None
    d1, d2 = day_of(m.group("d1")), day_of(m.group("d2"))
    n = SHIFT_WORDS.get(re.sub(r"\s+", " ", m.group("rel").lower()), 0)
    month = cal.shifted_period(ctx.ref, "month", n)
    lo, hi = cal.safe_date(month.lo.year, month.lo.month, d1 or 0), cal.safe_date(month.lo.year, month.lo.month, d2 or 0)
    if lo is None or hi is None or hi <= lo:
        return None
    return Atom(m.start(), m.end(), "dayrange", period=Period(lo, hi, G.DAY), is_range=True,
                relative=m.group(0), anchor=ctx.ref)


def h_num_range(m: re.Match, ctx: Ctx) -> Atom | None:
    """"5/1-5/7, 2020", "10/1-11/7": two numeric month/day dates sharing a year."""
    a, b, c, d = (int(m.group(k)) for k in "abcd")
    ys1, ys2 = m.group("y1"), m.group("y2")
    y2 = None if ys2 is None else (int(ys2) if len(ys2) == 4 else cal.two_digit_year(int(ys2)))
    y1 = y2 if ys1 is None else (int(ys1) if len(ys1) == 4 else cal.two_digit_year(int(ys1)))
    day_first = a > 12 or c > 12 or ctx.day_first
    (m1, d1), (m2, d2) = ((b, a), (d, c)) if day_first else ((a, b), (c, d))
    first = cal_atom(ctx, m.start(), m.end(), "dayrange", y1, m1, d1)
    if first is None or first.period is None:
        return first
    last = cal.safe_date(y2 if y2 is not None else first.period.lo.year, m2, d2)
    if last is not None and last < first.period.lo and y2 is None:
        last = cal.safe_date(last.year + 1, m2, d2)
    if last is None or last < first.period.lo:
        return None
    first.period, first.is_range = Period(first.period.lo, last, G.DAY), True
    if y1 is None and ctx.ref is not None:
        _around_ref(first, ctx.ref)
    return first


def _around_ref(a: Atom, ref: dt.date) -> None:
    """A range of days written without a year is the one that holds the reference, if one does
    ("a vacation between 10/1-11/7" written on October 24)."""
    lo, hi = a.period.lo, a.period.hi
    for k in (0, -1, 1):
        try:
            lo2 = lo.replace(year=ref.year + k)
            hi2 = hi.replace(year=hi.year - lo.year + ref.year + k)
        except ValueError:
            continue
        if lo2 <= ref <= hi2:
            a.period, a.y = Period(lo2, hi2, a.period.gran), lo2.year
            return


_DAY_AFTER = re.compile(r"\s*\d")
# "May to March": a month that opens a range of months is one
_MONTH_RANGE_AFTER = re.compile(rf"\s*(?:to|through|thru|until|till|-|\u2013)\s*(?:{'|'.join(MONTHS)})\b", re.I)


def h_month(m: re.Match, ctx: Ctx) -> Atom | None:
    word = m.group("mon")
    mon = month_of(word)
    q = re.sub(r"\s+", " ", (m.group("q") or "").lower())
    rel = (m.group("rel") or "").lower()
    if mon is None:
        return None
    lead = before(ctx, m.start(), 24)
    if lead.endswith(("$", "\u00a3", "\u20ac")):
        return None
    opens_range = bool(_MONTH_RANGE_AFTER.match(ctx.text, m.end())) and word[0].isupper()
    cue = bool(q or rel) or opens_range or bool(re.search(
        r"(?:\b(?:in|since|until|till|by|of|during|through|throughout|from|to|between|and|or|early|mid|late|"
        r"before|after|end\s+of|beginning\s+of|start\s+of|middle\s+of|on|for|last|next|this)\s+(?:the\s+)?|mid-)$",
        lead, re.I))
    if m.group("the") and _DAY_AFTER.match(ctx.text, m.end()):
        return None  # "The Nov. 30 escape": the day rule reads it from the month on
    lower = word.lower().rstrip(".")
    if lower in ("may", "march") and word[0].islower() and q and not rel:
        return None  # "this may", "last march" (the verb)
    if lower in ("may", "march", "mar") or word != word.capitalize() and len(lower) <= 4:
        if not cue or word[0].islower() and lower in ("march", "mar") or (lower == "may" and not (q or rel or opens_range or re.search(
                r"\b(?:in|since|until|till|by|of|during|from|early|mid|late|before|after)\s+(?:the\s+)?$", lead, re.I))):
            return None
    elif not cue and (word[0].islower() or lower in ("april", "june", "august", "july")):
        return None
    if q or rel:
        if ctx.ref is None:
            return Atom(m.start(), m.end(), "month", m=mon, relative=m.group(0))
        n = SHIFT_WORDS.get(q, 0) if q else {"next": 1, "last": -1, "this": 0}[rel]
        if q in ("past", "this past"):
            y = cal.nearest_year(ctx.ref, mon, None, -1)
        elif q in ("coming", "upcoming", "this coming", "the coming"):
            y = cal.nearest_year(ctx.ref, mon, None, 1)
        else:
            y = ctx.ref.year + n
        atom = cal_atom(ctx, m.start(), m.end(), "month", y, mon, None, y_written=False)
        if atom:
            atom.relative, atom.anchor = m.group(0), ctx.ref
        return atom
    return cal_atom(ctx, m.start(), m.end(), "month", None, mon, None)


_RUNS_OF_SPACE = re.compile(r"\s+")


def squash(s: str | None) -> str:
    """Lower case, one space between words: "Next  Week" -> "next week"."""
    return _RUNS_OF_SPACE.sub(" ", (s or "").lower()).strip()
