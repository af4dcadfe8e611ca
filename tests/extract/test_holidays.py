"""Holidays: the calendar rules (computus, n-th weekdays, the tabular Islamic calendar) and the
named days in text, (text, reference date, expected) tables."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.extract.dates import extract_dates
from factcheck.extract.dates.holidays import (
    HOLIDAY_KEYS,
    HOLIDAYS,
    easter,
    holiday_date,
    key_of,
)
from factcheck.models import DateRangeValue, DateValue, FactKind

D = dt.date


@pytest.mark.parametrize("year,day", [
    (1961, D(1961, 4, 2)), (2000, D(2000, 4, 23)), (2008, D(2008, 3, 23)), (2011, D(2011, 4, 24)),
    (2018, D(2018, 4, 1)), (2019, D(2019, 4, 21)), (2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)),
    (2038, D(2038, 4, 25)),
])
def test_easter_computus(year, day):
    assert easter(year) == day


@pytest.mark.parametrize("key,year,day", [
    ("thanksgiving", 2015, D(2015, 11, 26)), ("thanksgiving", 2023, D(2023, 11, 23)),
    ("black_friday", 2010, D(2010, 11, 26)), ("cyber_monday", 2018, D(2018, 11, 26)),
    ("mlk", 2018, D(2018, 1, 15)), ("presidents", 2017, D(2017, 2, 20)), ("memorial", 2024, D(2024, 5, 27)),
    ("labor", 2021, D(2021, 9, 6)), ("mothers", 2025, D(2025, 5, 11)), ("fathers", 2015, D(2015, 6, 21)),
    ("columbus", 2019, D(2019, 10, 14)), ("victoria", 2021, D(2021, 5, 24)), ("good_friday", 2025, D(2025, 4, 18)),
    ("ash_wednesday", 2025, D(2025, 3, 5)), ("pentecost", 2025, D(2025, 6, 8)),
    ("ramadan", 2020, D(2020, 4, 23)), ("eid_al_fitr", 2022, D(2022, 5, 2)), ("eid_al_adha", 2021, D(2021, 7, 19)),
    ("islamic_new_year", 2020, D(2020, 8, 19)), ("christmas", 1917, D(1917, 12, 25)),
])
def test_holiday_rules(key, year, day):
    assert holiday_date(key, year) == day


def test_every_written_form_has_one_key():
    forms = [w for _, (_, ws) in HOLIDAYS.items() for w in ws]
    assert all(key_of(w) in HOLIDAY_KEYS for w in forms)
    # two holidays never share a written form (the lookup would be arbitrary)
    owners: dict[str, str] = {}
    for k, (_, ws) in HOLIDAYS.items():
        for w in ws:
            assert owners.setdefault(key_of(w), k) == k, w


# (text, reference, surface, ISO day, other accepted readings)
HOLIDAY_CASES = [
    ("I'll go back on easter sunday 2018", D(2016, 11, 7), "easter sunday 2018", "2018-04-01"),
    ("I'll go back on new year's eve", D(2016, 11, 7), "new year's eve", "2016-12-31"),
    ("I'll go back on christmas", D(2016, 11, 7), "christmas", "2016-12-25"),
    ("We met at Christmas.", D(2016, 11, 7), "Christmas", "2015-12-25"),
    ("I'll go back on thanks giving day", D(2016, 11, 7), "thanks giving day", "2016-11-24"),
    ("I'll go back on black friday 2010", D(2016, 11, 7), "black friday 2010", "2010-11-26"),
    ("I'll go back on saint patrick's day 2018", D(2015, 12, 7), "saint patrick's day 2018", "2018-03-17"),
    ("I'll go back on St. Patrick\u2019s Day 2018", D(2015, 12, 7), "St. Patrick\u2019s Day 2018", "2018-03-17"),
    ("I'll go back on presidents' day 2017", D(2015, 12, 7), "presidents' day 2017", "2017-02-20"),
    ("I'll go back on father's day of 2015", D(2016, 11, 7), "father's day of 2015", "2015-06-21"),
    ("MLK Day is an American federal holiday.", D(2018, 6, 1), "MLK Day", "2018-01-15"),
    ("When was the last easter?", D(2019, 6, 12), "last easter", "2019-04-21"),
    ("When was the following easter?", D(2019, 6, 12), "following easter", "2020-04-12"),
    ("When is the next new year day?", D(2019, 7, 12), "next new year day", "2020-01-01"),
    ("There is an event in the independence day of this year.", D(2018, 7, 17), "independence day of this year", "2018-07-04"),
    ("Fourth of July fireworks drew crowds, police said.", D(2024, 7, 6), "Fourth of July", "2024-07-04"),
    ("meet on eid al fitr", D(2022, 6, 17), "eid al fitr", "2022-05-02"),
    ("I'll go back on mother's day", D(2016, 11, 7), "mother's day", "2017-05-14"),  # "'ll": the future
    ("I'll go back on memorial day this year", D(2016, 11, 7), "memorial day this year", "2016-05-30"),
    ("On inauguration day, agency heads were sent memos.", D(2010, 6, 1), "inauguration day", "2009-01-20"),
    ("The church burnt down on Christmas Eve in 1896.", D(2025, 3, 14), "Christmas Eve in 1896", "1896-12-24"),
    ("In 1937 he was invited back for Christmas and stayed.", D(2025, 3, 14), "Christmas", "1937-12-25"),
]


@pytest.mark.parametrize("text,ref,surface,iso", HOLIDAY_CASES)
def test_holidays_in_text(text, ref, surface, iso):
    found = [m for m in extract_dates(text, ref) if m.kind is FactKind.DATE]
    spans = [text[m.start:m.end] for m in found]
    assert surface in spans, spans
    value = found[spans.index(surface)].value
    assert isinstance(value, DateValue) and value.date == iso


def test_lunar_holidays_allow_a_day_either_way():
    m = extract_dates("Ramadan began.", D(2020, 8, 17))[0]
    assert m.value.date == "2020-04-23"
    assert (m.value.start, m.value.end) == (D(2020, 4, 22), D(2020, 4, 24))


# (text, reference, surface, first day, last day)
WEEKENDS = [
    ("I want to book a flight for the weekend of halloween", D(2021, 11, 9), "the weekend of halloween", "2021-10-30", "2021-10-31"),
    ("I want to book a flight for halloween weekend 2021", D(2021, 11, 9), "halloween weekend 2021", "2021-10-30", "2021-10-31"),
    ("I need to prepare for labor day 2021 weekend", D(2021, 11, 9), "labor day 2021 weekend", "2021-09-04", "2021-09-05"),
    ("We'll take weekend of thanksgiving 2023 off", D(2021, 11, 9), "weekend of thanksgiving 2023", "2023-11-25", "2023-11-26"),
]


@pytest.mark.parametrize("text,ref,surface,start,end", WEEKENDS)
def test_holiday_weekends(text, ref, surface, start, end):
    found = [m for m in extract_dates(text, ref) if m.kind is FactKind.DATE_RANGE]
    assert [text[m.start:m.end] for m in found] == [surface]
    value = found[0].value
    assert isinstance(value, DateRangeValue) and (value.start, value.end) == (start, end)


@pytest.mark.parametrize("text", [
    "Independence was declared by the council.",
    "Labor unions marched in the capital.",
    "The statues of Easter Island are famous.",
    "He signed the Good Friday Agreement.",
    "She sang Christmas carols in the square.",
    "The chocolate was the bunny in your Easter basket.",
    "we may day-trade the shares",
    "a memorial day for the victims was declared",
    "Every Christmas the family gathers.",
    "new years of growth lie ahead",
])
def test_never_holidays(text):
    assert [text[m.start:m.end] for m in extract_dates(text, D(2025, 3, 14))] == []


def test_offset_from_a_holiday():
    text = "The vote took place two weeks before Christmas."
    found = extract_dates(text, D(2025, 3, 14))
    assert [text[m.start:m.end] for m in found] == ["two weeks before Christmas"]
    assert found[0].value.date == "2024-12-11"
