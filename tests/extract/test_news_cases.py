"""Bugs seen on real news (ECB+ corpus), as (text, reference, expected) tables.

Each row is the general shape of a sentence that was read wrong; the fix is the grammar's, never
the sentence's. Every test checks that `text[start:end]` is the surface it reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.dates import extract_dates
from factcheck.extract.durations import extract_durations
from factcheck.extract.quantities import extract_quantities
from factcheck.models import FactKind

D = dt.date

# (text, reference, [(surface, ISO date)]) : every DATE found, in order
DATES = [
    # an abbreviated month with "the" before it is read with its day, not as a month alone
    ("The Nov. 30 escape by the inmate", D(2012, 12, 5), [("Nov. 30", "2012-11-30")]),
    ("the Sept. 11 attacks", D(2011, 9, 20), [("Sept. 11", "2011-09-11")]),
    # coordinated years are all years
    ("the host of both the 2004 and 2005 Tony Awards", D(2011, 6, 1), [("2004", "2004"), ("2005", "2005")]),
    ("in 1998, 1999 and 2001 elections", D(2011, 6, 1), [("1998", "1998"), ("1999", "1999"), ("2001", "2001")]),
    ("the 2012 Olympic Games", D(2011, 6, 1), [("2012", "2012")]),
    # a month-day without a year takes the year written with the same month elsewhere
    ("The April 2012 shooting shocked the town. Flynn's body was found on April 9.", D(2013, 4, 20),
     [("April 2012", "2012-04"), ("April 9", "2012-04-09")]),
    ("Police said on May 4 that the suspect, arrested in May 2009, had fled.", D(2010, 6, 1),
     [("May 4", "2009-05-04"), ("May 2009", "2009-05")]),
    # "N years later" counts from a date of the same or the previous sentence...
    ("It opened in 2005. Three years later it closed.", D(2012, 6, 1), [("2005", "2005"), ("Three years later", "2008")]),
    ("On March 3, 2010 it rained. Two days later it snowed.", D(2012, 6, 1),
     [("March 3, 2010", "2010-03-03"), ("Two days later", "2010-03-05")]),
    # ...never from one further back
    ("It opened in 2005. Then came the storm. Three years later it closed.", D(2012, 6, 1), [("2005", "2005")]),
    # "almost three weeks ago" is a date (the qualifier is part of it)
    ("succumbed to a heart attack suffered almost three weeks ago.", D(2008, 12, 12),
     [("almost three weeks ago", "2008-11-21")]),
]

# (text, [(surface, kind, value, unit)]) : every figure found, in order
FIGURES = [
    ("a EUR 110-billion ($143-billion) EU and IMF debt bailout", [
        ("EUR 110-billion ($143-billion)", FactKind.MONEY, 110e9, "EUR")]),
    ("he lost $143-billion", [("$143-billion", FactKind.MONEY, 143e9, "USD")]),
    ("he lost $4.2-billion", [("$4.2-billion", FactKind.MONEY, 4.2e9, "USD")]),
    # a tokenizer's split thousands: a group starting with 0, or an amount of money
    ("fell about 2, 000ft while climbing", [("about 2, 000ft", FactKind.QUANTITY, 2000.0, "ft")]),
    ("The 13-inch models start at $1, 199 and include", [
        ("13-inch", FactKind.QUANTITY, 13.0, "in"), ("$1, 199", FactKind.MONEY, 1199.0, "USD")]),
    # ...but a year and a count stay two numbers
    ("In 2011, 300 people died", [("300 people", FactKind.COUNT, 300.0, None)]),
    # "41 / 2 months" is a split "4 1/2": no figure rather than a wrong one
    ("and served 41 / 2 months in federal prison", []),
    ("walked 41 / 2 miles", []),
]

# (text, [(surface, value, unit)]) : every duration found, in order
DURATIONS = [
    ("and served 41 / 2 months in federal prison", []),
    ("he served 4 1/2 months in prison", [("4 1/2 months", 4.5, "month")]),
    ("a 1/2 hour show", [("1/2 hour", 0.5, "hour")]),
    ("a heart attack suffered almost three weeks ago", []),
    # a time on the 24-hour clock is no duration
    ("put out a message at 1100 hours that it was under attack", []),
    ("attacked the ship about 1230 hrs IST, 150 nautical miles off", []),
    ("he did 1500 hours of community service", [("1500 hours", 1500.0, "hour")]),
]


@pytest.mark.parametrize("text,ref,expected", DATES)
def test_news_dates(text, ref, expected):
    found = [m for m in extract_dates(text, ref) if m.kind is FactKind.DATE]
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
    assert [(text[m.start:m.end], m.value.date) for m in found] == expected


def test_almost_widens_toward_the_anchor():
    text = "a heart attack suffered almost three weeks ago."
    (m,) = extract_dates(text, D(2008, 12, 12))
    assert (m.value.start, m.value.end) == (D(2008, 11, 21), D(2008, 11, 23))


@pytest.mark.parametrize("text,expected", FIGURES)
def test_news_figures(text, expected):
    found = extract_quantities(text)
    got = [(text[m.start:m.end], m.kind, m.value.value, m.value.unit) for m in found]
    assert got == expected
    for m in found:
        assert m.value.value != 0 or "0" not in text[m.start:m.end][:1]


@pytest.mark.parametrize("text,expected", DURATIONS)
def test_news_durations(text, expected):
    found = extract_durations(text)
    assert [(text[m.start:m.end], m.value.value, m.value.unit) for m in found] == expected
