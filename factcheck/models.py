"""Data passed between the stages: sources, facts and their values, findings, the report.

Every comparable value can be seen as an interval in canonical units (days since
0001-01-01 for dates, SI-like base units for quantities); checks compare intervals.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from enum import Enum
from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator


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
        """Distance between the intervals; 0 when they overlap."""
        if self.overlaps(other):
            return 0.0
        return max(other.lo - self.hi, self.lo - other.hi, 0.0)

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


class FactContext(BaseModel):
    """What a fact is about: taken from its sentence and clause, used by alignment and rules."""

    model_config = ConfigDict(extra="forbid")

    sentence: str = ""
    sentence_start: int = 0  # offset of the sentence in the source text
    clause: str = ""
    head: str | None = None  # the noun or event word the fact measures or dates (lower-cased)
    names: list[str] = Field(default_factory=list)  # lower-cased proper names in the clause
    terms: list[str] = Field(default_factory=list)  # lower-cased, stemmed content words of the clause
    near: list[str] = Field(default_factory=list)  # stemmed content words right around the fact
    near_names: list[str] = Field(default_factory=list)  # names right around the fact (whose value it is)
    topic: list[str] = Field(default_factory=list)  # names in the document's title (what it is about)
    in_quote: bool = False
    section: Section = Section.BODY


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FactKind
    source: str  # the source's path as given
    source_id: str = ""
    text: str  # verbatim surface: source.text[start:end]
    start: int
    end: int
    line: int
    value: FactValue
    context: FactContext = Field(default_factory=FactContext)

    @field_validator("value", mode="before")
    @classmethod
    def _value_for_kind(cls, v: Any, info: Any) -> Any:
        if isinstance(v, dict):
            kind = info.data.get("kind")
            if kind is not None:
                return VALUE_CLASS[FactKind(kind)].model_validate(v)
        return v

    @property
    def key(self) -> str:
        """Stable identity inside one run: source, kind and span."""
        return f"{self.source_id or self.source}:{self.kind}:{self.start}-{self.end}"

    def fingerprint(self) -> str:
        """Identity that survives edits elsewhere in the file: source, kind, surface and value."""
        payload = f"{self.source_id}|{self.kind}|{self.text}|{self.value.contract()}"
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]

    def contract(self) -> dict[str, Any]:
        """The documented JSON object for one fact (`extract --format jsonl`)."""
        return {
            "source": self.source,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "value": _contract_value(self),
        }


def _contract_value(fact: Fact) -> dict[str, Any]:
    out = fact.value.contract()
    if isinstance(fact.value, (DateValue, DateRangeValue)):
        for name in ("start_date", "end_date", "anchor"):
            if name in out and out[name] is not None:
                out[name] = str(out[name])
    return out


# ---------------------------------------------------------------- sources


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str  # file name, unique within a run
    path: str  # path as given on the command line (or joined with the folder given)
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    reference_date: dt.date | None = None
    reference_date_from: RefDateOrigin = RefDateOrigin.NONE
    reference_date_confidence: str | None = None  # high | medium | low
    reference_date_note: str | None = None
    encoding: str = "utf-8"
    sections: list[tuple[int, int, Section]] = Field(default_factory=list)  # non-body regions
    notes: list[str] = Field(default_factory=list)
    # Where the text came from and how to point back into the original (see factcheck.sources.locate).
    format: SourceFormat = SourceFormat.TEXT
    encoding_note: str | None = None  # how the encoding was decided (BOM, declared, detected)
    author: str | None = None
    updated_date: dt.date | None = None  # last update stated in the page's metadata
    fetched_url: str | None = None  # the address the text was fetched from (after redirects)
    pages: list[int] = Field(default_factory=list)  # PDF: offset in `text` where each page starts
    line_starts: list[int] = Field(default_factory=list)  # PDF: offset where each printed line starts
    record_line: int | None = None  # JSONL: line of the record in the corpus file

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "outlet": self.outlet,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "reference_date_from": self.reference_date_from.value,
            "reference_date_confidence": self.reference_date_confidence,
            "format": self.format.value,
            "url": self.fetched_url or self.url,
        }


# ---------------------------------------------------------------- findings


class Alignment(BaseModel):
    """Why facts were put in one group: the score and the signature terms they share."""

    score: float
    shared: list[str] = Field(default_factory=list)


class FactGroup(BaseModel):
    """Facts from different sources judged to speak of the same thing."""

    rule: str
    subject: str  # a short label: the shared head or terms
    facts: list[Fact]
    alignment: Alignment | None = None


class Finding(BaseModel):
    rule: str
    verdict: Verdict
    severity: Severity
    title: str
    message: str
    subject: str = ""
    facts: list[Fact]
    alignment: Alignment | None = None
    internal: bool = False  # within one source (e.g. weekday vs date)
    detail: dict[str, Any] = Field(default_factory=dict)

    def fingerprint(self) -> str:
        """Rule + the facts' sources, kinds and normalized values; no line numbers."""
        parts = sorted(f"{f.source_id}|{f.kind}|{f.value.contract()}" for f in self.facts)
        payload = self.rule + "||" + "||".join(parts)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20]

    def sort_key(self) -> tuple:
        verdict_rank = {Verdict.CONTRADICT: 0, Verdict.UNCLEAR: 1, Verdict.AGREE: 2}[self.verdict]
        first = min((f.source_id, f.start) for f in self.facts) if self.facts else ("", 0)
        return (verdict_rank, -self.severity.rank, self.rule, first, self.fingerprint())

    def contract(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "verdict": self.verdict.value,
            "severity": self.severity.value,
            "title": self.title,
            "message": self.message,
            "subject": self.subject,
            "internal": self.internal,
            "fingerprint": self.fingerprint(),
            "alignment": self.alignment.model_dump() if self.alignment else None,
            "facts": [f.contract() for f in self.facts],
        }


class Summary(BaseModel):
    sources: int = 0
    facts: int = 0
    agreements: int = 0
    contradictions: int = 0
    unclear: int = 0
    unchecked: int = 0  # facts that no cross-source finding covers
    baselined: int = 0  # contradictions a baseline file accepts (not counted in `contradictions`)


class RuleInfo(BaseModel):
    """What reports say about a rule that ran: SARIF rule metadata, JUnit suites, help text."""

    id: str
    title: str
    check: str
    severity: Severity
    description: str | None = None
    check_help: str | None = None  # what the check compares (its docstring)
    path: str | None = None  # rule file and line the rule was defined at
    line: int | None = None


class BaselineFact(BaseModel):
    """One fact of a baselined contradiction, as a reader of the baseline file needs to see it."""

    model_config = ConfigDict(extra="forbid")

    source: str  # source id (file name)
    kind: FactKind
    value: str  # the normalized value, described
    text: str = ""  # the surface, for the reader; not matched
    signature: str  # hash of source, kind and normalized value: what matching uses


class BaselineEntry(BaseModel):
    """A known contradiction: matched by fingerprint (rule + facts' sources, kinds, values), never by line."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str
    rule: str
    title: str = ""
    subject: str = ""
    facts: list[BaselineFact] = Field(default_factory=list)
    reason: str | None = None


class BaselineStatus(BaseModel):
    """What applying a baseline did: contradictions it accepted and entries that matched nothing."""

    path: str
    findings: list[Finding] = Field(default_factory=list)  # accepted contradictions, not reported as new
    reasons: dict[str, str] = Field(default_factory=dict)  # finding fingerprint -> the entry's reason
    stale: list[BaselineEntry] = Field(default_factory=list)


class Report(BaseModel):
    name: str
    sources: list[Source]
    facts: list[Fact]
    findings: list[Finding]
    summary: Summary
    rules_used: list[str] = Field(default_factory=list)
    rules: list[RuleInfo] = Field(default_factory=list)  # the enabled rules, in run order
    baseline: BaselineStatus | None = None

    def contradictions(self, at_least: Severity | None = None) -> list[Finding]:
        out = [f for f in self.findings if f.verdict is Verdict.CONTRADICT]
        if at_least is not None:
            out = [f for f in out if f.severity.rank >= at_least.rank]
        return out

    def contract(self) -> dict[str, Any]:
        return {
            "sources": [s.summary() for s in self.sources],
            "findings": [f.contract() for f in self.findings],
            "summary": self.summary.model_dump(),
        }
