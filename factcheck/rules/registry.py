"""The registry of check names a rule file may use. Add a check here to make it available."""

from __future__ import annotations

from factcheck.rules.base import Check
from factcheck.rules.checks import (
    DateArithmetic,
    PairedConversion,
    SameDate,
    SameQuantity,
    SameRange,
    WeekdayMatchesDate,
)
from factcheck.rules.quotecheck import SameQuote, SameSpeaker

CHECKS: dict[str, type[Check]] = {
    "same_date": SameDate,
    "same_quantity": SameQuantity,
    "same_range": SameRange,
    "same_quote": SameQuote,
    "same_speaker": SameSpeaker,
    "weekday_matches_date": WeekdayMatchesDate,
    "paired_conversion": PairedConversion,
    "date_arithmetic": DateArithmetic,
}
