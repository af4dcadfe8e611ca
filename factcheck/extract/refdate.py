"""Reference-date inference: the text of an undated source -> the day it was most likely written.

Input: the text, and optionally the corpus anchor (the median reference date of the other
sources of the run that carry an explicit date). Output: a RefInference (date, confidence,
note listing the evidence), or None when nothing dates the text (never "today").

1. Explicit anchor E: the latest explicit, non-future date of the text whose year is written,
   or lent by another explicit date of the text with a month and a year ("March 12" +
   "January 2025" -> 2025-03-12). A year alone ("the 2024 election") lends nothing.
2. Without one, E is the corpus anchor; without that, no inference.
3. Each past-tense weekday mention ("on Thursday") is the occurrence of that weekday
   nearest to E (within 3 days either side).
4. The reference is max(E, the day after the latest such weekday): the text reports those
   days in the past. Confidence: medium from the text's own dates, or from the corpus anchor
   when weekday mentions agree with it; low from the corpus anchor alone.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from factcheck.extract.dates import calendar as cal
from factcheck.extract.dates import find
from factcheck.extract.dates.atoms import Atom, Ctx, tense
from factcheck.extract.lexicon import WEEKDAY_NAMES
from factcheck.models import RefDateOrigin, Source

INFER_WINDOW = 200_000  # characters read to infer a date: an article dates itself early; a huge file is no article
NOT_INFERABLE = "no reference date found or inferable; relative dates stay unresolved"


class RefInference(NamedTuple):
    date: dt.date
    confidence: str  # "medium" | "low"
    note: str


def infer_reference_date(text: str, corpus_anchor: dt.date | None = None) -> RefInference | None:
    text = text[:INFER_WINDOW]
    atoms = find(text, None)
    ctx = Ctx(text, None)
    evidence: list[str] = []
    anchor = _explicit_anchor(atoms, ctx, evidence)
    own = anchor is not None
    if anchor is None:
        if corpus_anchor is None:
            return None
        anchor = corpus_anchor
        evidence.append(f"corpus anchor {corpus_anchor.isoformat()} (no explicit date in the text)")
    weekdays = []
    for a in atoms:
        if a.rule != "weekday" or a.wd is None or a.period is not None or tense(ctx, a.start, a.end) > 0:
            continue
        if a.relative and a.relative.lower().split()[0] in ("next", "coming", "upcoming", "following"):
            continue
        day = cal.weekday_near(anchor, a.wd, 0)
        if abs((day - anchor).days) <= 3:
            weekdays.append(day)
            evidence.append(f"{text[a.start:a.end]!r} (past) -> {WEEKDAY_NAMES[a.wd]} {day.isoformat()}")
    date = anchor
    if weekdays:
        date = max(anchor, max(weekdays) + dt.timedelta(days=1))
    confidence = "medium" if own or weekdays else "low"
    return RefInference(date, confidence, "; ".join(evidence))


def apply_inference(source: Source, found: RefInference | None) -> None:
    """Date a source that states no date by an inference (None: say it stays undated)."""
    if found is None:
        source.notes.append(NOT_INFERABLE)
        return
    source.reference_date = found.date
    source.reference_date_from = RefDateOrigin.INFERRED
    source.reference_date_confidence = found.confidence
    source.reference_date_note = found.note


def _explicit_anchor(atoms: list[Atom], ctx: Ctx, evidence: list[str]) -> dt.date | None:
    """The latest explicit, non-future day of the text (years lent by month-year mentions)."""
    lent_years = [a.y for a in atoms if a.y_written and a.m is not None and a.y is not None]
    lent = max(lent_years) if lent_years else None
    best: tuple[dt.date, str] | None = None
    for a in atoms:
        if a.m is None or a.d is None or a.relative or tense(ctx, a.start, a.end) > 0:
            continue
        if a.y_written and a.period is not None:
            day, why = a.period.lo, "explicit"
        elif lent is not None:
            day = cal.safe_date(lent, a.m, a.d)
            why = f"year {lent} from another date of the text"
            if day is None:
                continue
        else:
            continue
        if best is None or day > best[0]:
            best = (day, f"{ctx.text[a.start:a.end]!r} -> {day.isoformat()} ({why})")
    if best is None:
        return None
    # An obituary's "born April 22, 1923" is its latest full date, yet it mentions 1950 and 2008:
    # a later year anywhere in the text means the full dates do not date the text.
    later = [a.y for a in atoms if a.y_written and a.y is not None and a.y > best[0].year]
    if later:
        evidence.append(f"latest explicit date {best[1]} is older than the year {max(later)} in the text")
        return None
    evidence.append(f"latest explicit date {best[1]}")
    return best[0]
