"""Extraction stage, durations: text -> Mentions of kind DURATION.

The one place time units are normalized ("30-day", "eight hours", "more than 4 days",
"an hour and a half", "2 days 1 month"); the quantity extractor leaves time units alone.
Each duration becomes a QuantityValue in the unit written (day, hour...) plus its
interval in seconds, with the qualifier ("more than", "about") as a comparator.
The amount and unit patterns are shared with the date extractor ("3 weeks ago").
"""

from __future__ import annotations

import math
import re

from factcheck.extract.lexicon import FRACTION_WORDS
from factcheck.extract.mention import Mention
from factcheck.extract.numbers import DIGITS, WORDS, parse_number
from factcheck.models import Comparator, FactKind, Frame, QuantityValue

DAY = 86400.0

# canonical unit -> seconds (month = 30 d, year = 365 d: the convention of the benchmarks)
UNIT_SECONDS: dict[str, float] = {
    "second": 1.0,
    "minute": 60.0,
    "hour": 3600.0,
    "day": DAY,
    "weekend": 2 * DAY,
    "week": 7 * DAY,
    "fortnight": 14 * DAY,
    "month": 30 * DAY,
    "year": 365 * DAY,
    "decade": 3650 * DAY,
    "century": 36500 * DAY,
}

# written unit -> canonical unit; plural and abbreviated forms
TIME_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "night": "day", "nights": "day", "d": "day",
    "business day": "day", "business days": "day", "working day": "day", "working days": "day",
    "weekend": "weekend", "weekends": "weekend",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "w": "week",
    "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month",
    "year": "year", "years": "year", "yr": "year", "yrs": "year", "y": "year",
    "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
}

# one-letter units only count when glued to digits ("3h", "10D"), never as words
_GLUED_ONLY = frozenset({"h", "d", "w", "y"})
# the canonical unit reported for a written unit (fortnight is two weeks, as the suites write it)
_REPORT_UNIT = {"fortnight": ("week", 2.0), "decade": ("year", 10.0), "century": ("year", 100.0)}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


UNIT = rf"(?:{_alt(w for w in TIME_UNITS if w not in _GLUED_ONLY)})"
_GLUED_UNIT = rf"(?:{_alt(TIME_UNITS)})"

# Vague or word amounts that count: "a few" = 3, "a couple of" = 2 (the suites' reading).
VAGUE_AMOUNTS: dict[str, float] = {"few": 3.0, "a few": 3.0, "couple": 2.0, "a couple": 2.0, "several": 3.0}
_FRACTION = _alt(FRACTION_WORDS)

# An amount of time units: "3", "3.5", "twenty four", "an", "a couple of", "two and a half", "half an".
AMOUNT = (
    rf"(?:(?:{DIGITS}|{WORDS}|an?)(?:\s+and\s+(?:a\s+)?(?:{_FRACTION}))?"
    rf"|half(?:\s+an?)?|(?:a\s+)?few|(?:a\s+)?couple(?:\s+of)?|several)"
)

# "more than 4 days", "about 30 days", "up to two weeks"
QUALIFIERS: dict[str, Comparator] = {
    "more than": Comparator.GT, "over": Comparator.GT, "longer than": Comparator.GT,
    "greater than": Comparator.GT, "in excess of": Comparator.GT,
    "at least": Comparator.GE, "no less than": Comparator.GE, "not less than": Comparator.GE,
    "less than": Comparator.LT, "under": Comparator.LT, "fewer than": Comparator.LT,
    "shorter than": Comparator.LT, "within": Comparator.LE,
    "up to": Comparator.LE, "at most": Comparator.LE, "no more than": Comparator.LE,
    "nearly": Comparator.APPROX, "almost": Comparator.APPROX, "about": Comparator.APPROX,
    "around": Comparator.APPROX, "roughly": Comparator.APPROX, "approximately": Comparator.APPROX,
    "some": Comparator.APPROX, "an estimated": Comparator.APPROX,
}
_BELOW = frozenset({"nearly", "almost"})  # approximations from below: [~95%, value)

_QUAL = rf"(?P<qual>{_alt(QUALIFIERS)})\s+(?:a\s+)?"
_PART = rf"(?:{AMOUNT})[\s-]+(?:{UNIT})\b"
_AND = r"(?:\s*,\s*|\s+and\s+|\s+)"
# One or more amount-unit parts: "1 month 21 days", "an hour and a half" (also used by dates).
PARTS = rf"{_PART}(?:{_AND}{_PART}){{0,6}}(?:\s+and\s+a\s+(?:half|quarter)\b|\s+and\s+half\b)?"

DURATION_RE = re.compile(
    rf"(?<![\w.,-])(?:{_QUAL})?(?:"
    # range: "3 to 5 days", "3-5 days", "between 3 and 5 days"
    rf"(?P<range>(?:between\s+(?P<lo1>{DIGITS}|{WORDS})\s*(?:-|\u2013|to|and)|(?P<lo2>{DIGITS}|{WORDS})\s*(?:-|\u2013|to))"
    rf"\s*(?P<hi>{DIGITS}|{WORDS})[\s-]+(?P<runit>{UNIT})\b)"
    # glued: "3h", "10D", "3.5years"
    rf"|(?P<glued>(?P<gnum>\d+(?:\.\d+)?)(?:(?P<gunit>{_GLUED_UNIT})|\s(?P<sunit>h|hrs?))(?![\w-]))"
    # compound or single: "1 month 21 days", "an hour and a half", "30-day", "half an hour"
    rf"|(?P<parts>{PARTS})"
    # "all day", "a full week", "another month", "the whole year"
    rf"|(?P<whole>(?:all|full|whole|another|the\s+whole|the\s+entire|an\s+entire|a\s+full|a\s+whole)[\s-]+"
    rf"(?P<wunit>day|night|week|month|year|weekend|fortnight)\b)"
    # "a fortnight"
    rf"|(?P<fortnight>a\s+fortnight\b)"
    # an age in shorthand: "an 87 yo man", "87 y/o", "87 y.o."
    rf"|(?P<age>(?P<anum>\d{{1,3}})[\s-]?(?:yo|y/o|y\.\s?o\.?)(?![\w/-]))"
    rf")",
    re.IGNORECASE,
)

_PART_RE = re.compile(rf"(?P<amount>{AMOUNT})[\s-]+(?P<unit>{UNIT})\b", re.IGNORECASE)
_TAIL_FRACTION = re.compile(r"and\s+(?:a\s+)?(half|quarter)\s*$", re.IGNORECASE)


def unit_of(word: str) -> str | None:
    """Canonical unit of a written time unit ("hrs" -> "hour"), or None."""
    return TIME_UNITS.get(re.sub(r"\s+", " ", word.lower()))


def parse_amount(surface: str) -> float | None:
    """Value of a written amount of time units: "3", "an", "a couple of", "two and a half"."""
    s = re.sub(r"\s+", " ", surface.strip().lower())
    if s in ("a", "an", "one"):
        return 1.0
    if s.startswith("half"):
        return 0.5
    s2 = s.replace(" of", "")
    if s2 in VAGUE_AMOUNTS:
        return VAGUE_AMOUNTS[s2]
    frac = 0.0
    m = re.match(rf"(.+?)\s+and\s+(?:a\s+)?({_FRACTION})$", s)
    if m:
        s, frac = m.group(1), FRACTION_WORDS[m.group(2)]
    if s in ("a", "an"):
        return 1.0 + frac
    n = parse_number(s.replace("-", " "))
    return None if n is None else n + frac


def parse_parts(surface: str) -> list[tuple[float, str]] | None:
    """("1 month 21 days") -> [(1, "month"), (21, "day")]; None if an amount does not parse."""
    parts: list[tuple[float, str]] = []
    for m in _PART_RE.finditer(surface):
        amount = parse_amount(m.group("amount"))
        unit = unit_of(m.group("unit"))
        if amount is None or unit is None:
            return None
        parts.append((amount, unit))
    tail = _TAIL_FRACTION.search(surface)
    if tail and parts:
        amount, unit = parts[-1]
        parts[-1] = (amount + (0.5 if tail.group(1).lower() == "half" else 0.25), unit)
    return parts or None


def duration_value(
    amount: float,
    unit: str,
    comparator: Comparator = Comparator.EQ,
    high: float | None = None,
    qualifier: str | None = None,
) -> QuantityValue:
    """A duration as written plus its interval in seconds; `unit` is a canonical unit name."""
    reported, factor = _REPORT_UNIT.get(unit, (unit, 1.0))
    value = amount * factor
    high = None if high is None else high * factor
    secs = UNIT_SECONDS[reported]
    lo, hi = value * secs, (high if high is not None else value) * secs
    lo_open = hi_open = False
    if comparator is Comparator.GT:
        lo_open, hi = True, math.inf
    elif comparator is Comparator.GE:
        hi = math.inf
    elif comparator is Comparator.LT:
        lo, hi_open = 0.0, True
    elif comparator is Comparator.LE:
        lo = 0.0
    elif comparator is Comparator.APPROX:
        if qualifier in _BELOW:
            lo, hi_open = lo * 0.95, True
        else:
            lo, hi = lo * 0.9, hi * 1.1
    return QuantityValue(
        value=value, unit=reported, dimension="time", comparator=comparator, high=high,
        canonical_unit="s", lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open,
    )


def _combine(parts: list[tuple[float, str]]) -> tuple[float, str]:
    """Several parts ("1 hour and 30 minutes") in the smallest unit written (1.5 h -> 90 min)."""
    if len(parts) == 1:
        return parts[0]
    total = sum(a * UNIT_SECONDS[_REPORT_UNIT.get(u, (u, 1))[0]] * _REPORT_UNIT.get(u, (u, 1))[1] for a, u in parts)
    smallest = min((u for _, u in parts), key=lambda u: UNIT_SECONDS[_REPORT_UNIT.get(u, (u, 1))[0]])
    unit = _REPORT_UNIT.get(smallest, (smallest, 1))[0]
    return total / UNIT_SECONDS[unit], unit


def match_duration(m: re.Match) -> QuantityValue | None:
    """The value of one DURATION_RE match."""
    qual = (m.group("qual") or "").lower()
    qual = re.sub(r"\s+", " ", qual)
    comparator = QUALIFIERS.get(qual, Comparator.EQ)
    if m.group("range"):
        lo, hi = parse_number(m.group("lo1") or m.group("lo2")), parse_number(m.group("hi"))
        unit = unit_of(m.group("runit"))
        if lo is None or hi is None or unit is None or hi <= lo:
            return None
        return duration_value(lo, unit, comparator, high=hi, qualifier=qual)
    if m.group("glued"):
        unit = unit_of(m.group("gunit") or m.group("sunit"))
        return None if unit is None else duration_value(float(m.group("gnum")), unit, comparator, qualifier=qual)
    if m.group("parts"):
        parts = parse_parts(m.group("parts"))
        if not parts:
            return None
        amount, unit = _combine(parts)
        return duration_value(amount, unit, comparator, qualifier=qual)
    if m.group("whole"):
        unit = unit_of(m.group("wunit"))
        return None if unit is None else duration_value(1.0, unit, comparator, qualifier=qual)
    if m.group("fortnight"):
        return duration_value(1.0, "fortnight", comparator, qualifier=qual)
    if m.group("age"):
        return duration_value(float(m.group("anum")), "year", comparator, qualifier=qual)
    return None


# "a second round" is an ordinal; "twice a day" is a rate, not a duration
_NOT_DURATION = re.compile(r"(?:a|an)\s+second\b", re.IGNORECASE)
# "2021 weekend": a year before a singular unit, not an amount
_YEAR_AMOUNT = re.compile(r"(?:1\d{3}|20\d\d)\s+[a-z]+(?<!s)$", re.IGNORECASE)
_RATE = re.compile(r"\b(?:times|once|twice|per|every|each)\s+$", re.IGNORECASE)


# Every duration ends in a unit word: find those (one cheap pass over a lowered copy), then
# read the duration in a short window before each.
_UNIT_HIT = re.compile(rf"(?<![a-z])(?:{_alt(TIME_UNITS)}|yo)(?![a-z])|a\s+fortnight")


def _candidates(text: str):
    low = text.lower()
    if len(low) != len(text):
        yield from DURATION_RE.finditer(text)
        return
    pos = 0
    for hit in _UNIT_HIT.finditer(low):
        if hit.end() <= pos:
            continue
        m = DURATION_RE.search(text, max(pos, hit.start() - 80), min(len(text), hit.end() + 16))
        while m is not None and m.end() <= hit.start():
            m = DURATION_RE.search(text, m.end(), min(len(text), hit.end() + 16))
        if m is not None:
            pos = m.end()
            yield m


_AGE_AFTER = re.compile(r"[-\s]old\b", re.I)
_AGO = re.compile(r"\s*ago\b", re.I)
_OFFSET_AFTER = re.compile(r"\s*(?:before|after|earlier|later|ago|prior\b|from\s+now)\b", re.I)


_CLOCK = re.compile(r"(?<![\d,.])(?:[01]\d|2[0-3])[0-5]\d\s+(?:hours|hrs)$", re.IGNORECASE)
_ZONE_AFTER = re.compile(r"\s+(?:[A-Z]{1,3}T|UTC|Z|local\s+time)\b")
_CLOCK_BEFORE = re.compile(r"\b(?:at|by|until|till|before|after|since|from|about|around)\s+$", re.IGNORECASE)
_SLASH_LEFT = re.compile(r"(?:(?P<whole>\d+)[ \u00a0]+)?(?P<num>\d+)(?P<sp>[ ]*)/[ ]*$")
_LEAD_DIGITS = re.compile(r"(?:[^\d]{0,30}?)(?P<den>\d+)[\s-]+(?P<unit>[a-z]+)\s*$", re.IGNORECASE)


def _mixed_fraction(slash: re.Match, m: re.Match, value: QuantityValue) -> QuantityValue | None:
    """The duration whose amount ends in a fraction written before the match ("4 1/2 months")."""
    lead = _LEAD_DIGITS.match(m.group(0)) if m.group("parts") and not m.group("qual") else None
    if slash.group("sp") or lead is None or unit_of(lead.group("unit")) is None:
        return None
    num, den = int(slash.group("num")), int(lead.group("den"))
    if not 0 < num < den:
        return None
    amount = int(slash.group("whole") or 0) + num / den
    return duration_value(amount, unit_of(lead.group("unit")), value.comparator)


def extract_durations(text: str) -> list[Mention]:
    """Every duration in `text`, in text order."""
    out: list[Mention] = []
    for m in _candidates(text):
        if _NOT_DURATION.match(m.group(0)) or _RATE.search(text, max(0, m.start() - 12), m.start()):
            continue
        value = match_duration(m)
        if value is None or _YEAR_AMOUNT.match(m.group(0)):
            continue
        start, end = m.span()
        if _CLOCK.search(m.group(0)) and (_CLOCK_BEFORE.search(text, max(0, start - 16), start)
                                          or _ZONE_AFTER.match(text, end)):
            continue  # "at 1100 hours", "about 1230 hrs IST": a time of day on the 24-hour clock
        if text[start - 1:start] in ("/", " ") and start:
            slash = _SLASH_LEFT.search(text, max(0, start - 16), start)
            if slash is not None:
                # "4 1/2 months" is four and a half; "41 / 2 months" (a tokenizer's "4 1/2") has no
                # value we can trust: emit nothing rather than "2 months"
                value = _mixed_fraction(slash, m, value)
                if value is None:
                    continue
                start = slash.start()
        # "30-day ceasefire": the figure dates the noun after it
        head = None
        if m.group("parts") and "-" in m.group("parts"):
            nxt = re.match(r"\s+([a-z][a-z-]+)", text[end:end + 30])
            head = nxt.group(1) if nxt else None
        if _AGO.match(text, end, min(len(text), end + 8)):
            continue  # "three weeks ago" is a date, relative to when the text was written
        if _OFFSET_AFTER.match(text, end, min(len(text), end + 20)):
            # "nine days before the inauguration" measures the gap between two events, not a span
            value.frame = Frame.OFFSET
        elif m.group("age") or _AGE_AFTER.match(text, end, min(len(text), end + 8)):
            # "a 61-year-old man": an age, comparable with ages only; whose age it is, the
            # context decides (the word after "old")
            value.dimension = "age"
            head = None
        out.append(Mention(start, end, FactKind.DURATION, value, head))
    return out
