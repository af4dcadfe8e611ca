"""Values of facts: the enums that qualify them and their intervals in canonical units.

Every comparable value can be seen as an interval in canonical units (days since
0001-01-01 for dates, SI-like base units for quantities); checks compare intervals.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Any, Union

from pydantic import BaseModel, ConfigDict


class StrEnum(str, Enum):
    def __str__(self) -> str:  # so f-strings and rich show the value
        return self.value


class FactKind(StrEnum):
    DATE = "date"
    DATE_RANGE = "date_range"
    DURATION = "duration"
    QUANTITY = "quantity"
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    QUOTE = "quote"


NUMERIC_KINDS = frozenset({FactKind.QUANTITY, FactKind.COUNT, FactKind.MONEY, FactKind.PERCENT, FactKind.DURATION})
TEMPORAL_KINDS = frozenset({FactKind.DATE, FactKind.DATE_RANGE})


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"


class Comparator(StrEnum):
    EQ = "="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    APPROX = "~"


class Frame(StrEnum):
    """Which slot of a story a figure or date fills: the current value, or the ends of a change."""

    CURRENT = "current"
    CHANGE_FROM = "change_from"
    CHANGE_TO = "change_to"
    HISTORICAL = "historical"
    OFFSET = "offset"  # the interval between two events: "nine days before the inauguration"


class Section(StrEnum):
    """Part of a document; only BODY, TITLE and CAPTION are article text checked across sources."""

    TITLE = "title"
    BODY = "body"
    CAPTION = "caption"
    BYLINE = "byline"
    COMMENT = "comment"
    BOILERPLATE = "boilerplate"


class SourceFormat(StrEnum):
    """What a source was read from; decides how evidence positions map back to the original."""

    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    JSONL = "jsonl"


class RefDateOrigin(StrEnum):
    MANIFEST = "manifest"
    FRONT_MATTER = "front_matter"
    HEADER = "header"
    DATELINE = "dateline"
    CAPTION = "caption"
    METADATA = "metadata"  # a corpus record's date field
    HTML_META = "html_meta"  # a web page's markup: article:published_time, JSON-LD datePublished, <time>
    URL = "url"  # a date in the page's address (/2025/03/13/)
    PDF_METADATA = "pdf_metadata"  # a PDF's CreationDate
    INFERRED = "inferred"
    CORPUS = "corpus"
    CLI = "cli"
    NONE = "none"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Verdict(StrEnum):
    AGREE = "agree"
    CONTRADICT = "contradict"
    UNCLEAR = "unclear"


class Interval(BaseModel):
    """A closed or half-open interval on the real line; the unit of comparison for every check."""

    model_config = ConfigDict(frozen=True)

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    # Alignment compares intervals millions of times: the four fields, not pydantic's generic
    # comparison of whole models (a third of the cost of relating two dates).
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        return (self.lo == other.lo and self.hi == other.hi and self.lo_open == other.lo_open
                and self.hi_open == other.hi_open)

    def __hash__(self) -> int:
        return hash((self.lo, self.hi, self.lo_open, self.hi_open))

    def overlaps(self, other: Interval) -> bool:
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo and (self.hi_open or other.lo_open):
            return False
        if other.hi == self.lo and (other.hi_open or self.lo_open):
            return False
        return True

    def contains(self, other: Interval) -> bool:
        return self.lo <= other.lo and other.hi <= self.hi

    def gap(self, other: Interval) -> float:
        """Distance between the intervals; 0 when they overlap (or touch at an open end)."""
        # no overlap test needed: overlapping intervals have both differences <= 0
        d = max(other.lo - self.hi, self.lo - other.hi)
        return d if d > 0 else 0.0

    @property
    def width(self) -> float:
        return self.hi - self.lo

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.lo) and math.isfinite(self.hi)


# ---------------------------------------------------------------- values


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def contract(self) -> dict[str, Any]:
        """The JSON shape promised to users (see README, output contracts)."""
        return self.model_dump(mode="json", exclude_none=True)


class DateValue(_Value):
    """A day, month, year... as written; `start`/`end` is the inclusive span of days it covers."""

    date: str | None  # ISO at the written granularity: 2025-03-13, 2025-03, 2025, 1990s; None if unresolved
    granularity: Granularity
    start: dt.date | None = None
    end: dt.date | None = None
    weekday: str | None = None  # the weekday as written ("Thursday"), checked against the calendar
    relative: str | None = None  # the relative expression resolved ("on Thursday", "last August")
    anchor: dt.date | None = None  # what a relative expression was resolved against
    modifier: str | None = None  # since, until, before, after, early, mid, late
    time: str | None = None  # time of day as written ("night", "18:00")

    def interval(self) -> Interval | None:
        if self.start is None or self.end is None:
            return None
        return Interval(lo=self.start.toordinal(), hi=self.end.toordinal())


class DateRangeValue(_Value):
    start: str | None
    end: str | None
    granularity: Granularity
    start_date: dt.date | None = None  # first day covered (None: open start)
    end_date: dt.date | None = None  # last day covered (None: open end)
    relative: str | None = None
    anchor: dt.date | None = None

    def interval(self) -> Interval | None:
        lo = self.start_date.toordinal() if self.start_date else -math.inf
        hi = self.end_date.toordinal() if self.end_date else math.inf
        if lo == -math.inf and hi == math.inf:
            return None
        return Interval(lo=lo, hi=hi)


class QuantityValue(_Value):
    """A figure: `value` in `unit` as written, and the interval it stands for in canonical units."""

    value: float
    unit: str | None = None  # as normalized: km, km2, mi, USD, %, day; None for plain counts
    dimension: str  # length, area, mass, currency, time, count, ratio, ...
    comparator: Comparator = Comparator.EQ
    high: float | None = None  # upper end of a written range ("30 to 40 shots")
    canonical_unit: str | None = None
    lo: float | None = None  # canonical interval
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    counted: str | None = None  # the counted noun ("villages") for counts
    alt_value: float | None = None  # paired conversion: "1,000km (620-mile)" -> alt 620 mi
    alt_unit: str | None = None
    frame: Frame = Frame.CURRENT

    def interval(self) -> Interval | None:
        if self.lo is None or self.hi is None:
            return None
        return Interval(lo=self.lo, hi=self.hi, lo_open=self.lo_open, hi_open=self.hi_open)


class QuoteValue(_Value):
    speaker: str | None
    quote: str
    normalized: str = ""

    def interval(self) -> None:
        return None


FactValue = Union[DateValue, DateRangeValue, QuantityValue, QuoteValue]

VALUE_CLASS: dict[FactKind, type[_Value]] = {
    FactKind.DATE: DateValue,
    FactKind.DATE_RANGE: DateRangeValue,
    FactKind.DURATION: QuantityValue,
    FactKind.QUANTITY: QuantityValue,
    FactKind.COUNT: QuantityValue,
    FactKind.MONEY: QuantityValue,
    FactKind.PERCENT: QuantityValue,
    FactKind.QUOTE: QuoteValue,
}
