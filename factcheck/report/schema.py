"""The JSON output contract as pydantic models, and the JSON Schema generated from them.

Input: nothing (the models are the contract). Output: `report_schema()`, the JSON Schema that
`factcheck/data/report.schema.json` ships (regenerate it with `python scripts/regen_schema.py`; a test
fails when the shipped file and these models differ). Objects allow extra keys: the contract is only
ever extended, and a consumer validating with an older schema must not break on a new field.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pydantic import BaseModel, Field

from factcheck.models import (
    BaselineEntry,
    Comparator,
    FactKind,
    Frame,
    Granularity,
    RefDateOrigin,
    RuleInfo,
    Severity,
    Summary,
    Verdict,
)

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "report.schema.json"
SCHEMA_ID = "https://factcheck.invalid/schemas/report.schema.json"  # an identifier, never fetched


class SourceDoc(BaseModel):
    """A source and where its reference date came from."""

    id: str = Field(description="file name, unique within a run")
    path: str = Field(description="path as given on the command line (or joined with the folder given)")
    title: str | None = None
    outlet: str | None = None
    reference_date: dt.date | None = Field(description="the day relative dates were resolved against")
    reference_date_from: RefDateOrigin
    reference_date_confidence: str | None = None


class DateDoc(BaseModel):
    """A date (`kind: date`): as written at its granularity, with the span of days it covers."""

    date: str | None = Field(None, description="ISO at the written granularity: 2025-03-13, 2025-03, 2025")
    granularity: Granularity
    start: dt.date | None = None
    end: dt.date | None = None
    weekday: str | None = None
    relative: str | None = None
    anchor: dt.date | None = None


class DateRangeDoc(BaseModel):
    """A range of dates (`kind: date_range`)."""

    start: str | None = None
    end: str | None = None
    granularity: Granularity
    start_date: dt.date | None = None
    end_date: dt.date | None = None


class QuantityDoc(BaseModel):
    """A figure (`kind: quantity, count, money, percent, duration`) in its unit, with its comparator."""

    value: float
    unit: str | None = None
    dimension: str
    comparator: Comparator = Comparator.EQ
    high: float | None = None
    counted: str | None = None
    frame: Frame = Frame.CURRENT


class QuoteDoc(BaseModel):
    """A quote (`kind: quote`) and its speaker."""

    quote: str
    speaker: str | None = None


class FactDoc(BaseModel):
    """One fact: `text == source_text[start:end]` (Python string offsets), `line` is 1-based."""

    source: str
    kind: FactKind
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1)
    value: DateDoc | DateRangeDoc | QuantityDoc | QuoteDoc


class AlignmentDoc(BaseModel):
    score: float
    shared: list[str] = Field(default_factory=list)


class FindingDoc(BaseModel):
    """A rule's verdict on a group of facts (or on facts of one source when `internal`)."""

    rule: str
    verdict: Verdict
    severity: Severity
    title: str
    message: str
    subject: str = ""
    internal: bool = False
    fingerprint: str = Field(description="rule + the facts' sources, kinds and normalized values; no lines")
    alignment: AlignmentDoc | None = None
    facts: list[FactDoc]


class BaselinedDoc(BaseModel):
    fingerprint: str
    rule: str
    reason: str | None = None


class BaselineDoc(BaseModel):
    """What `--baseline FILE` accepted (not in `findings`) and the entries that matched nothing."""

    path: str
    baselined: list[BaselinedDoc]
    stale: list[BaselineEntry]


class ToolDoc(BaseModel):
    name: str
    version: str


class ReportDoc(BaseModel):
    """`factcheck check --format json`."""

    sources: list[SourceDoc]
    findings: list[FindingDoc] = Field(description="sorted: contradictions first, most severe first")
    summary: Summary
    name: str | None = None
    tool: ToolDoc | None = None
    rules: list[RuleInfo] | None = None
    baseline: BaselineDoc | None = None


def report_schema() -> dict:
    schema = ReportDoc.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_text() -> str:
    return json.dumps(report_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
