"""Sources stage, reference dates from the text: a source's text -> the day it states it was written.

Input: a source's text (and where its body starts, after front matter). Output: `(day, note)` from,
in order, a header line (`date 2025-03-14`, `Published: ...`), a dateline (`MOSCOW, March 13, 2025 –`)
or a photo caption with a full date; and, for the sources that state none, inference from the
dates in the text with the other sources' dates as context (`assign_inferred_dates`).

Every search looks at a bounded window of each line, so a 50 MB single-line file costs no more
than a short one.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics

from factcheck.extract.dates import extract_dates
from factcheck.extract.refdate import apply_inference, infer_reference_date
from factcheck.models import DateValue, FactKind, Granularity, RefDateOrigin, Source

_HEADER_LINE = re.compile(
    r"^[ \t]*(?:date|dated|published|publication date|posted|updated|last updated)\b[ \t]*(?:on\b)?[:\-]?[ \t]*",
    re.I | re.M,
)
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z.'\u2019 -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.' -]{1,30})?,[ \t]+", re.M)
_DATELINE_END = re.compile(r"[ \t]*(?:[\u2013\u2014-]{1,2}|\(\w+\)[ \t]*[\u2013\u2014-])")
_CAPTION_CREDIT = re.compile(
    r"\((?:[A-Z]{2,5}\s+)?Photo\b|\bPhoto(?:graph)?\s*(?:by|:)|\bGetty Images\b|\((?:AP|AFP|Reuters|EPA)\)",
    re.I,
)
_CAPTION_CUES = ("photo", "getty images", "(ap)", "(afp)", "(reuters)", "(epa)")  # every credit holds one
_HEAD_LINES = 8  # header lines and datelines are looked for near the top only
_DATE_WINDOW = 120  # a header's or dateline's date is within this many characters of its start
_CAPTION_WINDOW = 2000  # longer lines are paragraphs, not captions
_CORPUS_WINDOW_DAYS = 14  # explicit dates of the other sources must cluster this tightly to act as context
# ... and be this share of the run at least: one dated page in an archive of undated ones is no
# context for the others (5 seeds, 3 dated: an anchor; 10,000 articles, 1 dated: none)
_CORPUS_MIN_SHARE = 0.1


def header_date(text: str, body_from: int):
    for start, end in _head_lines(text, body_from):
        m = _HEADER_LINE.match(text, start, end)
        if m:
            v = _first_full_date(text, m.end(), min(end, m.end() + _DATE_WINDOW), 2)
            if v:
                return v.start, f"header line: {text[start:min(end, start + 200)].strip()[:80]}"
    return None


def dateline_date(text: str, body_from: int):
    for start, end in _head_lines(text, body_from):
        m = _DATELINE.match(text, start, end)
        if not m:
            continue
        found = None
        for mention in extract_dates(text[m.end():min(end, m.end() + _DATE_WINDOW)], None):
            v = mention.value
            if mention.start == 0 and isinstance(v, DateValue) and v.granularity is Granularity.DAY \
                    and v.relative is None and v.start is not None:
                found = (mention, v)
            break
        if found and _DATELINE_END.match(text, m.end() + found[0].end, end):
            return found[1].start, f"dateline: {text[start:m.end() + found[0].end].strip()}"
    return None


def caption_date(text: str, body_from: int):
    """The full date of the first short line with a photo credit. The credit is searched in the
    whole text, then its line checked, rather than searched line by line (most texts have none)."""
    folded = text.casefold()  # as the expression's IGNORECASE folds: "ſ" is an "s"
    if not any(cue in folded for cue in _CAPTION_CUES):  # the expression itself scans slowly
        return None
    pos = body_from
    while (hit := _CAPTION_CREDIT.search(text, pos)) is not None:
        start = max(body_from, text.rfind("\n", 0, hit.start()) + 1)
        nl = text.find("\n", hit.start())
        end = len(text) if nl == -1 else nl
        if end - start <= _CAPTION_WINDOW and _CAPTION_CREDIT.search(text, start, end):
            v = _first_full_date(text, start, end, end - start)
            if v:
                return v.start, f"photo caption: {text[start:end].strip()[:100]}"
        pos = end + 1
    return None


def _first_full_date(text: str, start: int, end: int, max_offset: int) -> DateValue | None:
    """The first explicit day with a year within text[start:end], if it begins within max_offset."""
    for m in extract_dates(text[start:end], None):
        if m.start > max_offset:
            break
        v = m.value
        if (m.kind is FactKind.DATE and isinstance(v, DateValue) and v.granularity is Granularity.DAY
                and v.relative is None and v.start is not None):
            return v
    return None


def _head_lines(text: str, body_from: int):
    pos = body_from
    for _ in range(_HEAD_LINES):
        if pos >= len(text):
            return
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        yield pos, end
        pos = end + 1


def corpus_anchor(sources: list[Source]) -> dt.date | None:
    """The median explicit reference date of the run, if the explicit dates cluster tightly and
    are not a handful among many undated sources."""
    days = sorted(s.reference_date for s in sources
                  if s.reference_date and s.reference_date_from not in (RefDateOrigin.INFERRED, RefDateOrigin.NONE))
    if not days or (days[-1] - days[0]).days > _CORPUS_WINDOW_DAYS or len(days) < _CORPUS_MIN_SHARE * len(sources):
        return None
    return dt.date.fromordinal(int(statistics.median_low(d.toordinal() for d in days)))


def assign_inferred_dates(sources: list[Source]) -> None:
    """Infer a reference date for the sources that state none, using their own text and the run's dates."""
    anchor = corpus_anchor(sources)
    for source in sources:
        if source.reference_date is not None:
            continue
        apply_inference(source, infer_reference_date(source.text, anchor))
