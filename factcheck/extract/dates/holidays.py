"""Named days of the date grammar: the holiday table and its calendar rules.

Input: a holiday's written name and a year. Output: the day it falls on that year
(`holiday_date`), from one rule per holiday: a fixed month-day, the n-th weekday of a month,
a distance from Western Easter (the Gregorian computus), a distance from another holiday, or a
day of the tabular Islamic calendar. `HOLIDAY_NAMES` lists every written form the grammar
reads (patterns.py builds the holiday rule and its start-character entry from it).

Conventions (those of the benchmark suites, which follow US usage): Labor/Labour Day is the
first Monday of September, Independence Day July 4, Mother's/Father's Day the American Sundays.
Islamic holidays use the arithmetic (tabular) calendar: the observed day may differ by one or
two, which the extractor reports as a wider span.

A name is a holiday only as a whole: "Labor" or "Independence" alone are never read.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass

# ---------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class Fixed:
    month: int
    day: int


@dataclass(frozen=True, slots=True)
class EveryFourYears:
    """A fixed day of the years after a leap year (US Inauguration Day: January 20, 2009, 2013...)."""
    month: int
    day: int


@dataclass(frozen=True, slots=True)
class NthWeekday:
    month: int
    weekday: int  # Monday 0
    n: int  # -1: the last one


@dataclass(frozen=True, slots=True)
class FromEaster:
    days: int


@dataclass(frozen=True, slots=True)
class After:
    holiday: str  # another holiday's key
    days: int


@dataclass(frozen=True, slots=True)
class WeekdayBefore:
    """The last `weekday` strictly before month-day (Victoria Day: the Monday before May 25)."""
    month: int
    day: int
    weekday: int


@dataclass(frozen=True, slots=True)
class Islamic:
    month: int
    day: int


Rule = Fixed | EveryFourYears | NthWeekday | FromEaster | After | WeekdayBefore | Islamic

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# key -> (rule, written forms). In a written form "'" stands for an optional apostrophe
# (straight or curly) and "." for an optional full stop; spaces match any whitespace.
HOLIDAYS: dict[str, tuple[Rule, tuple[str, ...]]] = {
    # fixed days
    "new_year": (Fixed(1, 1), ("new year's day", "new years' day", "new year day", "new year's", "new years", "new year",
                               "yuandan", "yuan dan")),
    "epiphany": (Fixed(1, 6), ("epiphany",)),
    "inauguration": (EveryFourYears(1, 20), ("inauguration day",)),
    "australia": (Fixed(1, 26), ("australia day",)),
    "groundhog": (Fixed(2, 2), ("groundhog day", "groundhog's day")),
    "valentine": (Fixed(2, 14), ("valentine's day", "valentines' day", "valentine day", "valentine's",
                                 "lover's day", "lovers' day", "lover day")),
    "st_david": (Fixed(3, 1), ("st. david's day", "saint david's day")),
    "girls": (Fixed(3, 7), ("girls' day", "girl's day")),
    "women": (Fixed(3, 8), ("international women's day", "women's day", "womens' day", "female day")),
    "tree_planting": (Fixed(3, 12), ("tree planting day", "arbor day")),
    "white_lover": (Fixed(3, 14), ("white lover's day", "white lovers' day", "white lover day", "white day")),
    "st_patrick": (Fixed(3, 17), ("st. patrick's day", "saint patrick's day", "st. patrick day", "saint patrick day",
                                  "st. patrick's", "saint patrick's", "saint patrick", "st. paddy's day",
                                  "saint paddy's day", "paddy's day")),
    "april_fools": (Fixed(4, 1), ("april fools' day", "april fool's day", "april fool day", "april fools")),
    "earth": (Fixed(4, 22), ("earth day",)),
    "st_george": (Fixed(4, 23), ("st. george's day", "saint george's day", "st. george day", "saint george day")),
    "anzac": (Fixed(4, 25), ("anzac day",)),
    "may_day": (Fixed(5, 1), ("may day", "mayday", "international workers' day", "international worker's day",
                              "int'l workers' day", "int'l. workers' day", "workers' day", "worker's day")),
    "youth": (Fixed(5, 4), ("youth day",)),
    "cinco_de_mayo": (Fixed(5, 5), ("cinco de mayo",)),
    "children": (Fixed(6, 1), ("children's day", "childrens' day", "children day")),
    "flag": (Fixed(6, 14), ("flag day",)),
    "juneteenth": (Fixed(6, 19), ("juneteenth", "juneteenth day")),
    "baptiste": (Fixed(6, 24), ("st. jean baptiste day", "saint jean baptiste day", "baptiste day")),
    "canada": (Fixed(7, 1), ("canada day", "dominion day")),
    "us_independence": (Fixed(7, 4), ("independence day", "fourth of july")),
    "bastille": (Fixed(7, 14), ("bastille day",)),
    "assumption": (Fixed(8, 15), ("assumption day", "feast of the assumption")),
    "teachers": (Fixed(9, 10), ("teachers' day", "teacher's day", "teacher day")),
    "halloween": (Fixed(10, 31), ("halloween", "hallowe'en", "halloween day", "all hallows' eve", "all hallow's eve")),
    "all_saints": (Fixed(11, 1), ("all saints' day", "all saint's day", "all hallows' day", "all hallow's day",
                                  "all hallows day")),
    "all_souls": (Fixed(11, 2), ("all souls' day", "all soul's day")),
    "guy_fawkes": (Fixed(11, 5), ("guy fawkes day", "guy fawkes' day", "guy fawkes night", "guy fawkes' night",
                                  "bonfire night")),
    "veterans": (Fixed(11, 11), ("veterans' day", "veteran's day", "veteran day", "remembrance day", "armistice day")),
    "singles": (Fixed(11, 11), ("singles' day", "single's day", "single day")),
    "st_andrew": (Fixed(11, 30), ("st. andrew's day", "saint andrew's day")),
    "mao": (Fixed(12, 26), ("mao's birthday",)),
    "christmas_eve": (Fixed(12, 24), ("christmas eve", "xmas eve")),
    "christmas": (Fixed(12, 25), ("christmas day", "christmas", "xmas day", "xmas")),
    "boxing": (Fixed(12, 26), ("boxing day", "st. stephen's day", "saint stephen's day")),
    "new_year_eve": (Fixed(12, 31), ("new year's eve", "new years' eve", "new year eve", "hogmanay")),
    # n-th weekdays of a month
    "mlk": (NthWeekday(1, MON, 3), ("martin luther king day", "martin luther king jr. day", "martin luther king, jr. day",
                                    "martin luther king junior day", "martin luther king's day", "mlk day",
                                    "mlk jr. day")),
    "presidents": (NthWeekday(2, MON, 3), ("presidents' day", "president's day", "president day",
                                           "washington's birthday", "washington birthday")),
    "canberra": (NthWeekday(3, MON, 2), ("canberra day",)),
    "patriots": (NthWeekday(4, MON, 3), ("patriots' day", "patriot's day")),
    "mothers": (NthWeekday(5, SUN, 2), ("mother's day", "mothers' day", "mother day")),
    "memorial": (NthWeekday(5, MON, -1), ("memorial day", "decoration day")),
    "fathers": (NthWeekday(6, SUN, 3), ("father's day", "fathers' day", "father day")),
    "labor": (NthWeekday(9, MON, 1), ("labor day", "labour day")),
    "columbus": (NthWeekday(10, MON, 2), ("columbus day", "indigenous peoples' day", "indigenous people's day")),
    "thanksgiving": (NthWeekday(11, THU, 4), ("thanksgiving day", "thanksgiving", "thanks giving day", "thanks giving")),
    "victoria": (WeekdayBefore(5, 25, MON), ("victoria day",)),
    # from another holiday
    "black_friday": (After("thanksgiving", 1), ("black friday",)),
    "cyber_monday": (After("thanksgiving", 4), ("cyber monday",)),
    # the Easter cycle
    "mardi_gras": (FromEaster(-47), ("mardi gras", "shrove tuesday", "pancake day", "pancake tuesday", "fat tuesday")),
    "ash_wednesday": (FromEaster(-46), ("ash wednesday",)),
    "clean_monday": (FromEaster(-48), ("clean monday",)),
    "palm_sunday": (FromEaster(-7), ("palm sunday",)),
    "maundy_thursday": (FromEaster(-3), ("maundy thursday", "holy thursday")),
    "good_friday": (FromEaster(-2), ("good friday",)),
    "holy_saturday": (FromEaster(-1), ("holy saturday", "easter saturday", "easter eve")),
    "easter": (FromEaster(0), ("easter sunday", "easter day", "easter")),
    "easter_monday": (FromEaster(1), ("easter monday",)),
    "ascension": (FromEaster(39), ("ascension day", "ascension thursday", "feast of the ascension")),
    "pentecost": (FromEaster(49), ("pentecost", "pentecost sunday", "whit sunday", "whitsunday", "whitsun")),
    "whit_monday": (FromEaster(50), ("whit monday", "pentecost monday")),
    # the Islamic calendar
    "islamic_new_year": (Islamic(1, 1), ("islamic new year", "hijri new year", "arabic new year", "muharram new year")),
    "ashura": (Islamic(1, 10), ("ashura", "day of ashura")),
    "mawlid": (Islamic(3, 12), ("mawlid", "mawlid al-nabi", "mawlid an-nabi", "milad un nabi")),
    "ramadan": (Islamic(9, 1), ("ramadan", "ramazan", "ramzan", "ramadhan", "ramathan", "ramadaan")),
    "eid_al_fitr": (Islamic(10, 1), ("eid al-fitr", "eid al fitr", "eid ul-fitr", "eid ul fitr", "eidul fitr",
                                     "eid-ul-fitr", "eid el-fitr", "eid al-fitri")),
    "eid_al_adha": (Islamic(12, 10), ("eid al-adha", "eid al adha", "eid ul-adha", "eid ul adha", "eidul adha",
                                      "eid-ul-adha", "eid al-azha", "eid al azha", "eidul azha", "eid ul-azha",
                                      "eid el-kebir", "feast of the sacrifice", "bakrid")),
}

# written forms that are ordinary words in lower case: read only when capitalized ("May Day",
# not "may day"; "New Year's" but not "new years of growth")
CAPITALIZED_ONLY = frozenset({
    "may day", "mayday", "new year's", "new year", "white day", "single day", "singles' day", "flag day", "youth day",
    "children day", "children's day", "mother day", "father day", "teacher day", "teachers' day", "president day",
    "pentecost", "whitsun", "epiphany", "bakrid", "mawlid", "ashura", "dominion day", "female day", "lover day",
    "lovers' day", "girls' day", "earth day", "workers' day", "decoration day", "assumption day", "remembrance day",
    "women's day", "veteran day", "white lover day", "white lovers' day", "easter eve", "holy thursday",
})


def key_of(written: str) -> str:
    """The lookup form of a written name: lower case, no apostrophes or full stops, single spaces."""
    s = written.lower().replace("\u2019", "'")
    s = re.sub(r"['.]", "", s)
    return re.sub(r"[\s,-]+", " ", s).strip()


HOLIDAY_KEYS: dict[str, str] = {key_of(w): k for k, (_, forms) in HOLIDAYS.items() for w in forms}
_CAPITALIZED_KEYS = frozenset(key_of(w) for w in CAPITALIZED_ONLY)
LUNAR = frozenset(k for k, (rule, _) in HOLIDAYS.items() if isinstance(rule, Islamic))


def needs_capital(written: str) -> bool:
    return key_of(written) in _CAPITALIZED_KEYS


# how the marks of a written form are matched (see HOLIDAYS)
FORM_MARKS = {"'": "['\u2019]?", ".": r"\.?", "-": r"[\s-]?", ",": ",?"}
HOLIDAY_FORMS = frozenset(w for _, forms in HOLIDAYS.values() for w in forms)


# ---------------------------------------------------------------- calendar


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# Julian day of 1 Muharram AH 1 in the tabular calendar (astronomical epoch, 15 July 622)
_ISLAMIC_EPOCH = 1948438.5
_JD_ORDINAL = 1721424.5  # Julian day of 0001-01-01 (proleptic Gregorian ordinal 1) minus one


def islamic_to_date(year: int, month: int, day: int) -> dt.date:
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _ISLAMIC_EPOCH - 1
    return dt.date.fromordinal(int(jd - _JD_ORDINAL))


def _islamic_in(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of Islamic month-day falling in Gregorian `year` (the first one if two)."""
    ah = round((year - 622) * 33 / 32)  # the Hijri year running at the start of `year`, roughly
    for y in (ah - 1, ah, ah + 1, ah + 2):
        d = islamic_to_date(y, month, day)
        if d.year == year:
            return d
    return None


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date:
    if n < 0:
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(y, m, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))


@functools.lru_cache(maxsize=4096)
def holiday_date(key: str, year: int) -> dt.date | None:
    """The day holiday `key` falls on in `year` (None if it has none that year)."""
    if not 1583 <= year <= 9998:
        return None  # the Gregorian rules only
    rule = HOLIDAYS[key][0]
    if isinstance(rule, Fixed):
        return dt.date(year, rule.month, rule.day)
    if isinstance(rule, EveryFourYears):
        return dt.date(year, rule.month, rule.day) if year % 4 == 1 else None
    if isinstance(rule, NthWeekday):
        return _nth_weekday(year, rule.month, rule.weekday, rule.n)
    if isinstance(rule, FromEaster):
        return easter(year) + dt.timedelta(days=rule.days)
    if isinstance(rule, After):
        base = holiday_date(rule.holiday, year)
        return None if base is None else base + dt.timedelta(days=rule.days)
    if isinstance(rule, WeekdayBefore):
        limit = dt.date(year, rule.month, rule.day)
        return limit - dt.timedelta(days=(limit.weekday() - rule.weekday - 1) % 7 + 1)
    if isinstance(rule, Islamic):
        return _islamic_in(year, rule.month, rule.day)
    raise AssertionError(rule)


def occurrences(key: str, around: int) -> list[dt.date]:
    """The holiday's days in the years around `around` (from the year before to the year after), in order."""
    rule = HOLIDAYS[key][0]
    if not 1584 <= around <= 9997:
        return []
    if isinstance(rule, Islamic):  # a lunar day can fall twice in one Gregorian year
        ah = round((around - 622) * 33 / 32)
        days = (islamic_to_date(y, rule.month, rule.day) for y in range(ah - 3, ah + 4))
        return [d for d in days if around - 1 <= d.year <= around + 1]
    span = 4 if isinstance(rule, EveryFourYears) else 1
    return [d for y in range(around - span, around + span + 1) if (d := holiday_date(key, y)) is not None]
