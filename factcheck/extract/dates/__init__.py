"""Extraction stage, dates: text -> Mentions of kind DATE and DATE_RANGE, in text order.

Input: the text, its reference date (or None) and the quoted spans (reported speech).
Output: Mentions whose values are DateValue (a day, month, year, decade, with the weekday,
modifier and time of day as written; holidays are days: "Christmas 2016", "last Easter") or
DateRangeValue (weeks, quarters, seasons as month ranges, "March 11 to 13", "in recent days";
with no start or end when the text gives no way to resolve it: "the same week" with no date
before it, "last fiscal year"). Relative expressions are resolved against the reference date, or
against the last date of the text ("earlier that day"); with no reference they are still
returned, unresolved, so the reference date can be inferred from them (refdate.py).

The grammar: patterns.py (every pattern, built from word tables: vocab.py, holidays.py),
atoms.py / relative.py / periods.py / named.py (one typed parser per rule), compose.py
(modifiers, offsets, weeks of) and ranges.py (two atoms joined), calendar.py (arithmetic).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

from factcheck.extract.dates.atoms import Atom
from factcheck.extract.dates.compose import find, narrow
from factcheck.extract.lexicon import WEEKDAY_NAMES
from factcheck.extract.mention import Mention
from factcheck.models import DateRangeValue, DateValue, FactKind, Granularity

G = Granularity

__all__ = ["extract_dates", "parse_date_text", "find", "Atom"]


def extract_dates(text: str, reference: dt.date | None, *, quoted: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Every date and date range in `text`, resolved against `reference`, in text order."""
    return [to_mention(a, reference) for a in find(text, reference, quoted)]


def to_mention(a: Atom, reference: dt.date | None) -> Mention:
    weekday = WEEKDAY_NAMES[a.wd] if a.wd is not None else None
    if a.period is None:
        gran = G.DAY if a.wd is not None or a.d is not None else G.MONTH if a.m is not None else G.YEAR
        if a.is_range or a.open_start:
            value = DateRangeValue(start=None, end=None, granularity=gran, relative=a.relative)
            return Mention(a.start, a.end, FactKind.DATE_RANGE, value)
        value = DateValue(date=None, granularity=gran, weekday=weekday, relative=a.relative, time=a.time)
        return Mention(a.start, a.end, FactKind.DATE, value)
    p = a.period
    anchor = a.anchor if a.relative else None
    if a.is_range or a.open_start or a.modifier == "by":
        labels = a.parts.get("labels") or (p.iso(), p.iso(end=True))
        open_start = a.open_start or a.modifier == "by"
        value = DateRangeValue(
            start=None if open_start else labels[0], end=labels[1], granularity=p.gran,
            start_date=None if open_start else p.lo, end_date=p.hi, relative=a.relative, anchor=anchor,
        )
        return Mention(a.start, a.end, FactKind.DATE_RANGE, value)
    lo, hi = narrow(a, reference)
    value = DateValue(
        date=p.iso(), granularity=p.gran, start=lo, end=hi, weekday=weekday, relative=a.relative,
        anchor=anchor, modifier=_public_modifier(a.modifier), time=a.time,
    )
    return Mention(a.start, a.end, FactKind.DATE, value)


def _public_modifier(mod: str | None) -> str | None:
    """since/until/before/after/early/mid/late (a compound "after-mid" keeps its first word)."""
    if mod is None or mod in ("earlier", "later", "first half", "second half"):
        return None
    return mod.split("-")[0]


def parse_date_text(s: str, reference: dt.date | None = None) -> DateValue | None:
    """One well-delimited date ("2025-03-14", "March 13, 2025", "Friday 14 March 2025"); None if not a date."""
    text = s.strip()
    if not text or len(text) > 80:
        return None
    atoms = [a for a in find(text, reference) if a.period is not None and not a.is_range]
    if len(atoms) == 1 and _covers(text, atoms[0]):
        m = to_mention(atoms[0], reference)
        if isinstance(m.value, DateValue) and m.value.date is not None:
            return m.value
    return _fallback(text, reference)


# what may stand around a date in a header line: a label before it, a time after it
_LABEL = re.compile(r"^[\s,.:;()\-\u2013\u2014|]*(?:(?:published|updated|posted|dated?|last\s+modified|modified|created|on)\b[\s:]*)?$", re.I)
_TAIL = re.compile(r"^(?:[T\s,]+\d\d?:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[ap]\.?m\.?|[A-Z]{2,4}|[+-]\d\d:?\d\d)?)?[\s,.:;()\-\u2013\u2014|]*$", re.I)


def _covers(text: str, a: Atom) -> bool:
    return bool(_LABEL.match(text[:a.start])) and bool(_TAIL.match(text[a.end:]))


@functools.lru_cache(maxsize=4096)
def _fallback(text: str, reference: dt.date | None) -> DateValue | None:
    """Unusual but well-delimited strings ("14.III.2025", "2025-03-14T09:30:00Z"): dateparser, cached."""
    if not re.search(r"\d", text):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = {"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    found = dateparser.parse(text, languages=["en"], settings=settings)
    if found is None:
        return None
    d = found.date()
    return DateValue(date=d.isoformat(), granularity=G.DAY, start=d, end=d)
