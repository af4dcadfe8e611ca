"""Data passed between the stages: sources, facts and their values, findings, the report.

values: what a fact says (intervals in canonical units); facts: facts with their context and
sources; findings: what the rules concluded, and the report.
"""

from factcheck.models.facts import (
    Fact,
    FactContext,
    Source,
)
from factcheck.models.findings import (
    Alignment,
    BaselineEntry,
    BaselineFact,
    BaselineStatus,
    FactGroup,
    Finding,
    Report,
    RuleInfo,
    Summary,
)
from factcheck.models.values import (
    NUMERIC_KINDS,
    TEMPORAL_KINDS,
    VALUE_CLASS,
    Comparator,
    DateRangeValue,
    DateValue,
    FactKind,
    FactValue,
    Frame,
    Granularity,
    Interval,
    QuantityValue,
    QuoteValue,
    RefDateOrigin,
    Section,
    Severity,
    SourceFormat,
    StrEnum,
    Verdict,
)

__all__ = [
    "Alignment",
    "BaselineEntry",
    "BaselineFact",
    "BaselineStatus",
    "Comparator",
    "DateRangeValue",
    "DateValue",
    "Fact",
    "FactContext",
    "FactGroup",
    "FactKind",
    "FactValue",
    "Finding",
    "Frame",
    "Granularity",
    "Interval",
    "NUMERIC_KINDS",
    "QuantityValue",
    "QuoteValue",
    "RefDateOrigin",
    "Report",
    "RuleInfo",
    "Section",
    "Severity",
    "Source",
    "SourceFormat",
    "StrEnum",
    "Summary",
    "TEMPORAL_KINDS",
    "VALUE_CLASS",
    "Verdict",
]
