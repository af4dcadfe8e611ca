"""Date atoms for named days and seasons: "Christmas 2016", "last Easter", "Labor Day weekend",
"this summer", "winter 2019", "the fall of 2008".

Same contract as atoms.py: a rule match -> an Atom or None (rejected). A holiday or season
written without a year is resolved like a month-day: against the reference date, the nearest
occurrence, or the latest before it (the first after it) when the clause speaks of the past
(the future); "next"/"last"/"this" pick the occurrence after, before or in the reference year.

Seasons are meteorological months in the northern hemisphere (spring March-May, summer
June-August, autumn September-November, winter December-February) reported as month ranges;
a winter named by a year is the one whose January falls in it.
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
from factcheck.extract.dates.holidays import (
    HOLIDAY_KEYS,
    HOLIDAYS,
    LUNAR,
    Fixed,
    holiday_date,
    key_of,
    needs_capital,
    occurrences,
)
from factcheck.extract.dates.relative import frame
from factcheck.extract.dates.vocab import (
    AMBIGUOUS_SEASONS,
    SEASONS,
    SHIFT_WORDS,
    TIMES_OF_DAY,
)
from factcheck.extract.lexicon import IRREGULAR_PAST, REPORTING_VERBS
from factcheck.extract.terms import STOPWORDS
from factcheck.models import Granularity

G = Granularity


# a capitalized word right after a name makes both one proper name ("Easter Island", "Good Friday
# Agreement", "Summer Olympics"), unless it is a date word itself ("Christmas Eve", "Easter Monday")
_CAPITAL_AFTER = re.compile(r"[ \t]+(?P<w>[A-Z][\w'\u2019-]*)")
_DATE_WORDS_AFTER = frozenset({"day", "eve", "weekend", "week", "holiday", "holidays", *TIMES_OF_DAY})
_RECURRING = re.compile(r"\b(?:a|an|every|each|any|one|per)\s+$", re.IGNORECASE)


def _name_continues(ctx: Ctx, end: int) -> bool:
    m = _CAPITAL_AFTER.match(ctx.text, end)
    if m is None:
        return False
    w = m.group("w").lower().rstrip(".,")
    return not (w in _DATE_WORDS_AFTER or month_of(w) or weekday_of(w) or w.isdigit())


def _shift(q: str) -> int | None:
    """"next" -> +1, "last" -> -1, "this" -> 0; None when nothing is written."""
    return SHIFT_WORDS.get(q.removeprefix("the ")) if q else None


def _pick(spans: list[tuple[dt.date, dt.date]], ref: dt.date, q: str, t: int) -> tuple[dt.date, dt.date] | None:
    """Which occurrence (first day, last day) a written shift or the clause's tense names."""
    n = _shift(q)
    if n is not None and n > 0:
        strict = q.removeprefix("the ") in ("next", "following")
        after = [s for s in spans if (s[0] > ref if strict else s[1] >= ref)]
        return after[0] if after else None
    if n is not None and n < 0:
        past = [s for s in spans if s[1] < ref]
        return past[-1] if past else None
    if n == 0:
        inside = [s for s in spans if s[0] <= ref <= s[1]]
        this_year = [s for s in spans if s[0].year == ref.year]
        return (inside or this_year or [None])[0]
    if t < 0:
        past = [s for s in spans if s[0] <= ref]
        return past[-1] if past else None
    if t > 0:
        ahead = [s for s in spans if s[1] >= ref]
        return ahead[0] if ahead else None
    return min(spans, key=lambda s: 0 if s[0] <= ref <= s[1] else min(abs((s[0] - ref).days), abs((s[1] - ref).days)))


def _year_from(m: re.Match, ctx: Ctx) -> tuple[int | None, bool]:
    """The year written after the name ("2016", "of this year"), and whether it was written as a number."""
    if m.group("y"):
        return int(m.group("y")), True
    rel = squash(m.group("rel") or m.group("rel2"))
    if rel and ctx.ref is not None:
        return ctx.ref.year + (SHIFT_WORDS.get(rel.removeprefix("the "), 0)), False
    return None, False


# ---------------------------------------------------------------- holidays

# a lower-case word after a name that keeps it a time: "Christmas Eve", "Easter weekend", "Easter
# holidays", or a function word ("Christmas in Paris", "Easter was late"); any other noun makes the
# name a modifier ("Christmas carols")
_WORD_AFTER = re.compile(r"[ \t]+(?P<w>[a-z][a-z'\u2019-]*)")
_TIME_NOUNS = frozenset({"eve", "day", "days", "weekend", "holiday", "holidays", "break", "period", "season",
                         "week", "time", "vacation", "recess", "sunday", "monday", "morning", "night", "evening",
                         "afternoon", "services", "service", "mass", "celebrations", "festivities", "falls", "fell",
                         "sees", "saw", "arrives", "arrived", "approaches", "approached", "comes", "came"})


_POSSESSED = re.compile(r"\b(?:my|your|his|her|their|our|its)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def _used_as_modifier(ctx: Ctx, end: int) -> bool:
    w = _WORD_AFTER.match(ctx.text, end)
    if w is None:
        return False
    word = w.group("w").lower()
    verb = word.endswith("ed") or word in IRREGULAR_PAST or word in REPORTING_VERBS  # "Ramadan began"
    return not (word in STOPWORDS or word in _TIME_NOUNS or word.endswith("ly") or verb)



def h_holiday(m: re.Match, ctx: Ctx) -> Atom | None:
    written = m.group("h")
    key = HOLIDAY_KEYS.get(key_of(written))
    if key is None:
        return None
    if needs_capital(written) and not written[0].isupper():
        return None  # "may day", "new years of growth"
    q = squash(m.group("q"))
    if not q and _RECURRING.search(before(ctx, m.start(), 8)):
        return None  # "a memorial day for the victims", "every Christmas"
    if _name_continues(ctx, m.end("h")) and not (m.group("y") or m.group("rel") or m.group("rel2")):
        return None  # "Easter Island", "the Good Friday Agreement"
    if not q and written[0].isupper() and _capitalized_name_before(ctx, m.start()):
        return None  # "Operation Christmas", "Black Christmas" (a film)
    y, y_written = _year_from(m, ctx)
    if y is None and not q and (_used_as_modifier(ctx, m.end()) or _POSSESSED.search(before(ctx, m.start(), 24))):
        return None  # "Christmas carols", "Arbor Day celebrations", "your Easter": no time is meant
    atom = Atom(m.start(), m.end(), "holiday", y_written=y_written)
    rule = HOLIDAYS[key][0]
    if isinstance(rule, Fixed):
        atom.m, atom.d = rule.month, rule.day
    fr = None if (y is not None or q) else frame(ctx, m.start())
    if fr is not None and fr.gran in (G.YEAR, G.DECADE, G.CENTURY):
        y = fr.lo.year  # "In 1896 ... on Christmas Eve": the holiday of that year
    if y is not None:
        date = holiday_date(key, y)
        if date is None:
            return None
        if not y_written:
            atom.relative, atom.anchor = m.group(0), ctx.ref if fr is None else fr.lo
    else:
        if fr is not None:
            base = fr.lo
        elif q.removeprefix("the ") == "following" and ctx.prev is not None:
            base = ctx.prev
        else:
            base = ctx.ref
        atom.relative = m.group(0)
        if base is None:
            return atom
        days = occurrences(key, base.year)
        found = _pick([(d, d) for d in days], base, q, tense(ctx, m.start(), m.end()))
        if found is None:
            return None
        date, atom.anchor = found[0], base
    atom.y = date.year
    if m.group("wkend") or m.group("wkend2"):
        atom.period, atom.is_range = cal.weekend_near(date), True
    else:
        atom.period = cal.day(date)
        if key in LUNAR:
            atom.parts["widen"] = (1, 1)  # the observed day follows the moon sighting
    return atom


# ---------------------------------------------------------------- seasons


def season(year: int, first_month: int) -> Period:
    """The season that starts in `first_month`, named by `year` (a winter by the year of its January)."""
    if first_month == 12:
        return Period(dt.date(year - 1, 12, 1), cal.month(year, 2).hi, G.MONTH)
    return Period(dt.date(year, first_month, 1), cal.month(year, first_month + 2).hi, G.MONTH)


# what makes a bare season word a time: "in summer", "during the winter", "early spring"
_SEASON_CUE = re.compile(
    r"\b(?:in|during|through|throughout|over|since|until|till|by|before|after|for|of|all|early|late|mid|"
    r"whole|entire|this|that|last|next|past|coming)[\s-]+$", re.IGNORECASE)
_SEASON_CONTINUES = re.compile(r"\s+(?:of|in|from|to|by|into)\b", re.IGNORECASE)


_COORDINATED = re.compile(rf"\s*(?:and|or|to|through|/|-|\u2013)\s*(?:the\s+)?(?:early\s+|late\s+)?(?:{'|'.join(SEASONS)})"
                          r"\s+(?:of\s+)?(?P<y>1\d{3}|20\d\d)(?!\d)", re.IGNORECASE)


def _coordinated_year(ctx: Ctx, end: int) -> int | None:
    c = _COORDINATED.match(ctx.text, end)
    return int(c.group("y")) if c else None


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"\u201c(]\s*)$")
_TIME_STOPWORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "time", "times",
                             "night", "morning", "evening", "afternoon"})
_ADVERBS = frozenset({"together", "abroad", "alone", "again", "away", "back", "home", "off", "out", "there", "here",
                      "instead", "onwards", "ahead"})


def _season_modifies(word: str) -> bool:
    if word in _TIME_STOPWORDS:
        return True
    return not (word in STOPWORDS or word in _ADVERBS or word.endswith(("ly", "ed")) or word in IRREGULAR_PAST)


def h_season(m: re.Match, ctx: Ctx) -> Atom | None:
    word = m.group("s")
    first_month = SEASONS[word.lower()]
    q = squash(m.group("q"))
    y, y_written = _year_from(m, ctx)
    lead = before(ctx, m.start(), 24)
    if y is None and not q:
        cue = _SEASON_CUE.search(lead)
        if _RECURRING.search(lead) or re.search(r"\b(?:every|each)\s+(?:the\s+)?$", lead, re.IGNORECASE):
            return None  # "every summer" recurs
        if word.lower() in AMBIGUOUS_SEASONS and (not cue or _SEASON_CONTINUES.match(ctx.text, m.end())):
            return None  # "prices fall", "hot spring", "the fall of Rome"
        if not (cue or m.group("the")):
            return None  # "summer heat" alone is no time
        w = _WORD_AFTER.match(ctx.text, m.end())
        if w is not None and _season_modifies(w.group("w").lower()):
            return None  # "the winter months", "summer vacations": a kind, not a time
    if word[0].isupper() and (_name_continues(ctx, m.end("s")) or _capitalized_name_before(ctx, m.start("s"))
                              or (y is None and not q and not _SENTENCE_START.search(before(ctx, m.start(), 4)))):
        return None  # "the Summer Olympics", "the Arab Spring", "written by Winter"
    fr = None
    if y is None and not q:
        y = _coordinated_year(ctx, m.end())  # "the spring and summer of 1919"
        fr = frame(ctx, m.start()) if y is None else None
        if fr is not None:
            y = fr.lo.year  # "In 1937 ... in the autumn"
        elif ctx.base is not None and y is None:
            atom = Atom(m.start(), m.end(), "season", is_range=True, vague=True, relative=m.group(0))
            return atom  # dates were written, none near: which summer is unknown
    atom = Atom(m.start(), m.end(), "season", is_range=True, y_written=y_written)
    if y is not None:
        atom.period = season(y, first_month)
        if not y_written:
            atom.relative, atom.anchor = m.group(0), ctx.ref
        return atom
    atom.relative = m.group(0)
    if ctx.ref is None:
        return atom
    ref = ctx.ref
    spans = [(p.lo, p.hi) for p in (season(y, first_month) for y in range(ref.year - 1, ref.year + 3))]
    found = _pick(spans, ref, q, tense(ctx, m.start(), m.end()))
    if found is None:
        return None
    atom.period, atom.anchor = Period(found[0], found[1], G.MONTH), ref
    return atom
