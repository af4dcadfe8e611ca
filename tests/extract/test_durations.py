"""Duration extraction: (text, surface, value, unit, comparator, interval in seconds) tables."""

from __future__ import annotations

import math

import pytest

from factcheck.extract.durations import duration_value, extract_durations
from factcheck.models import Comparator, FactKind

DAY = 86400.0

CASES = [
    ("an immediate 30-day ceasefire", "30-day", 30, "day", "=", (30 * DAY, 30 * DAY)),
    ("If we stop for 30 days", "30 days", 30, "day", "=", (30 * DAY, 30 * DAY)),
    ("after eight hours of discussions", "eight hours", 8, "hour", "=", (8 * 3600, 8 * 3600)),
    ("a 60-day wind-down period", "60-day", 60, "day", "=", (60 * DAY, 60 * DAY)),
    ("show me records more than 4 days", "more than 4 days", 4, "day", ">", (4 * DAY, math.inf)),
    ("less than 1 week", "less than 1 week", 1, "week", "<", (0.0, 7 * DAY)),
    ("it took 3 to 5 days", "3 to 5 days", 3, "day", "=", (3 * DAY, 5 * DAY)),
    ("I'll leave for 3h", "3h", 3, "hour", "=", (10800.0, 10800.0)),
    ("an hour and a half", "an hour and a half", 1.5, "hour", "=", (5400.0, 5400.0)),
    ("two and a half hours", "two and a half hours", 2.5, "hour", "=", (9000.0, 9000.0)),
    ("I'll leave for half hour", "half hour", 0.5, "hour", "=", (1800.0, 1800.0)),
    ("1 hour and 30 minutes", "1 hour and 30 minutes", 90, "minute", "=", (5400.0, 5400.0)),
    ("for 2 days 1 month", "2 days 1 month", 32, "day", "=", (32 * DAY, 32 * DAY)),
    ("a fortnight", "a fortnight", 2, "week", "=", (14 * DAY, 14 * DAY)),
    ("two decades", "two decades", 20, "year", "=", (20 * 365 * DAY, 20 * 365 * DAY)),
    ("booked for two nights", "two nights", 2, "day", "=", (2 * DAY, 2 * DAY)),
    ("for all day", "all day", 1, "day", "=", (DAY, DAY)),
    ("three weekends", "three weekends", 3, "weekend", "=", (6 * DAY, 6 * DAY)),
    ("about 30 days", "about 30 days", 30, "day", "~", (27 * DAY, 33 * DAY)),
]


@pytest.mark.parametrize("text,surface,value,unit,comparator,interval", CASES)
def test_durations(text, surface, value, unit, comparator, interval):
    found = extract_durations(text)
    assert [text[m.start:m.end] for m in found] == [surface]
    m = found[0]
    assert m.kind is FactKind.DURATION
    v = m.value
    assert (v.value, v.unit, v.dimension, v.canonical_unit) == (pytest.approx(value), unit, "time", "s")
    assert v.comparator.value == comparator
    assert (v.lo, v.hi) == (pytest.approx(interval[0]), pytest.approx(interval[1]))


@pytest.mark.parametrize("text", [
    "Let's target a second round",
    "three times a day",
    "Days before that, Trump said it.",
    "labor day 2021 weekend",
    "It cost 30 dollars.",
    "Yo-Yo Ma played 3 yo-yos",
    "he said yo 5 times",
])
def test_not_durations(text):
    assert extract_durations(text) == []


def test_duration_value_open_and_range():
    v = duration_value(4, "day", Comparator.GT)
    assert v.lo_open and v.hi == math.inf and v.lo == 4 * DAY
    r = duration_value(3, "day", high=5)
    assert (r.value, r.high, r.lo, r.hi) == (3, 5, 3 * DAY, 5 * DAY)


@pytest.mark.parametrize("text,surface,years", [
    ("The patient is a 87 yo man with history of hypertension", "87 yo", 87),
    ("an 87 y/o woman", "87 y/o", 87),
    ("a 5-yo boy", "5-yo", 5),
    ("a 61-year-old man", "61-year", 61),
])
def test_age_shorthand(text, surface, years):
    found = extract_durations(text)
    assert [text[m.start:m.end] for m in found] == [surface]
    v = found[0].value
    assert (v.value, v.unit, v.dimension) == (years, "year", "age")
