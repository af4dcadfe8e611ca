"""Dates, round 3: seasons, "the same year", "for the week", "rest of the week", ranges of months
that hold the reference, weekdays of offsets, and time of day kept out of dates
((text, reference, surface, expected) tables)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.dates import extract_dates
from factcheck.models import DateRangeValue, DateValue, FactKind

D = dt.date


def _spans(text: str, ref: dt.date | None):
    found = extract_dates(text, ref)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
    return found, [text[m.start:m.end] for m in found]


def _labels(v) -> tuple[str | None, str | None] | str | None:
    if isinstance(v, DateRangeValue):
        return (v.start, v.end)
    assert isinstance(v, DateValue)
    return v.date


# (text, reference, surface, value: an ISO label, a (start, end) pair of labels, or None for no value)
CASES = [
    # seasons: month ranges (meteorological, northern hemisphere)
    ("I'll leave next spring", D(2016, 11, 7), "next spring", ("2017-03", "2017-05")),
    ("He joined the club in the summer of 2017.", D(2025, 3, 14), "the summer of 2017", ("2017-06", "2017-08")),
    ("The plant opened in Spring 1992.", D(2025, 3, 14), "Spring 1992", ("1992-03", "1992-05")),
    ("Snow fell in winter 2019.", D(2025, 3, 14), "winter 2019", ("2018-12", "2019-02")),
    ("Talks will resume this fall.", D(2025, 3, 14), "this fall", ("2025-09", "2025-11")),
    ("Talks will resume in the summer.", D(2025, 3, 14), "the summer", ("2025-06", "2025-08")),
    ("It was built in the early spring and summer of 1919.", D(2025, 3, 14), "the early spring", ("1919-03", "1919-05")),
    ("In March 2016 it closed; in the autumn it reopened.", D(2025, 3, 14), "the autumn", ("2016-09", "2016-11")),
    # the same unit as the date written before
    ("The film was released in 1985, the same year that he married.", D(2025, 3, 14), "the same year", "1985"),
    ("I was not there the same week that it happened.", D(2017, 11, 17), "the same week", (None, None)),
    # the current period, where it closes a clause after a preposition
    ("I'm blocked for the day", D(2018, 5, 22), "the day", "2018-05-22"),
    ("Show sales in the week", D(2018, 7, 2), "the week", ("2018-07-02", "2018-07-08")),
    ("Please find us a time to meet later in the year", D(2017, 11, 8), "later in the year", "2017"),
    ("I'll be out rest of the week", D(2016, 11, 7), "rest of the week", ("2016-11-07", "2016-11-13")),
    ("Show sales in the cy18", D(2019, 6, 18), "cy18", "2018"),
    # ranges of months without a year: the one that holds the reference
    ("What will happen from May to September", D(2018, 9, 7), "from May to September", ("2018-05", "2018-09")),
    ("What will happen between august and october", D(2018, 9, 7), "between august and october", ("2018-08", "2018-10")),
    ("I will leave from this May to Oct 2020", D(2018, 10, 24), "from this May to Oct 2020", ("2018-05", "2020-10")),
    # numeric year-months with spaces, years ahead, ranges opened by a year
    ("I'll be out 2016 / 11", D(2016, 11, 7), "2016 / 11", "2016-11"),
    ("I'll be out 11 / 2016", D(2016, 11, 7), "11 / 2016", "2016-11"),
    ("This contract will end in 2150, right?", D(2019, 6, 3), "2150", "2150"),
    ("The range is from 2007 to the end of 2008.", D(2016, 11, 7), "from 2007 to the end of 2008", ("2007", "2008-12-31")),
    # a weekday of the week an offset lands in
    ("I'll go back Monday two weeks from now.", D(2016, 11, 9), "Monday two weeks from now", "2016-11-21"),
    ("I'll go back in 3 days on Friday.", D(2016, 11, 9), "in 3 days on Friday", "2016-11-11"),
    ("I'll go back Sunday 3 weeks after January 15th.", D(2021, 1, 2), "Sunday 3 weeks after January 15th", "2021-01-31"),
    # numeric dates after a weekday, business days, a comma before the ordinal
    ("This task should be done this friday 5/12", D(2019, 5, 20), "this friday 5/12", "2019-05-12"),
    ("set up a call in four business days.", D(2018, 8, 21), "in four business days", "2018-08-27"),
    ("please set something up for October, 1st.", D(2018, 8, 21), "October, 1st", "2018-10-01"),
    ("Jane - May 25th - Starbucks on 29th - meet at 2pm", D(2020, 6, 16), "29th", "2020-06-29"),
    # a time of day is not a day of the month
    ("Let's have a meeting in 12:30 december 27th", D(2019, 7, 4), "december 27th", "2019-12-27"),
    ("I bought it for $ 12 December 27", D(2019, 7, 4), "December 27", "2019-12-27"),
    ("Tim says:30 December is OK", D(2019, 7, 4), "30 December", "2019-12-30"),
    ("What happened in the 5 past minutes?", D(2018, 8, 30), "the 5 past minutes", ("2018-08-30", "2018-08-30")),
    # coordinated days, weekdays inside a named week, ranges around the reference
    ("Cortana, I am looking at 18 and 19 June.", D(2018, 8, 29), "18", "2018-06-18"),
    ("next week between Wednesday and Friday.", D(2017, 11, 14), "next week between Wednesday and Friday",
     ("2017-11-22", "2017-11-24")),
    ("I will have a long vacation between 10/1-11/7", D(2018, 10, 24), "between 10/1-11/7", ("2018-10-01", "2018-11-07")),
    ("What will happen May to March", D(2018, 9, 7), "May to March", ("2018-05", "2019-03")),
    ("How many Azure clusters docked from March to date?", D(2016, 11, 7), "from March to date", ("2016-03-01", "2016-11-07")),
    # counted weekdays from today (2018-05-07 is a Monday): after it, or before it, never itself
    ("Are you available two sundays from now?", D(2018, 5, 7), "two sundays from now", "2018-05-20"),
    ("He left 3 Fridays ago.", D(2018, 5, 7), "3 Fridays ago", "2018-04-20"),
    ("Meet me one Monday from now.", D(2018, 5, 7), "one Monday from now", "2018-05-14"),
    ("It opened two Mondays ago.", D(2018, 5, 7), "two Mondays ago", "2018-04-23"),
]


@pytest.mark.parametrize("text,ref,surface,value", CASES)
def test_round3(text, ref, surface, value):
    found, spans = _spans(text, ref)
    assert surface in spans, spans
    assert _labels(found[spans.index(surface)].value) == value


@pytest.mark.parametrize("text", [
    "this appointment shouldn't last two hours at all",
    "She was named Player of the Year.",
    "The butterflies fly at any time of the year.",
    "prices fall in the spring of discontent",  # "spring of" a noun
    "the fall of Rome shocked the empire",
    "Hot spring water was pumped out.",
    "The Summer Olympics were a success.",
    "the Arab Spring toppled governments",
    "Ice fishing is common during the winter months.",
    "every summer the family travels",
    "Hale County This Morning, This Evening won praise",
    "He worked 3 Sundays a month.",
])
def test_never_dates_round3(text):
    _, spans = _spans(text, D(2025, 3, 14))
    assert spans == []


def test_a_count_before_a_date_is_no_day():
    _, spans = _spans("He was 18 and 19 June was his birthday", D(2018, 8, 29))
    assert spans == ["19 June"]


def test_history_frame_is_the_written_year():
    text = "In 1937 the estate was sold. The two women spent the winter together."
    found, spans = _spans(text, D(2025, 3, 14))
    assert spans == ["In 1937", "the winter"] or spans == ["1937", "the winter"]
    assert _labels(found[-1].value) == ("1936-12", "1937-02")


def test_vague_season_has_a_span_but_no_value():
    text = "It opened on 4 May 2024. It grew. Since then, the summer was busy."
    found, spans = _spans(text, D(2025, 3, 14))
    assert spans[-1] == "the summer"
    assert isinstance(found[-1].value, DateRangeValue) and found[-1].value.interval() is None
    assert found[-1].kind is FactKind.DATE_RANGE
