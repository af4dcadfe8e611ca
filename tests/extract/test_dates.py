"""Date extraction: (text, reference, expected) tables, the never-dates, quotes, and the seed gold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from factcheck.extract.dates import extract_dates, parse_date_text
from factcheck.models import DateRangeValue, DateValue, FactKind

D = dt.date
REF = D(2025, 3, 14)  # a Friday
ROOT = Path(__file__).resolve().parents[2]


def _only(text: str, ref: dt.date | None, quoted=()):
    found = extract_dates(text, ref, quoted=quoted)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
    return found


# (text, reference, surface, ISO date at its granularity, granularity)
SINGLE = [
    ("Thursday, March 13, 2025", None, "Thursday, March 13, 2025", "2025-03-13", "day"),
    ("It was signed on 14 Mar 2025.", None, "14 Mar 2025", "2025-03-14", "day"),
    ("date 2025-03-14 Laura", None, "2025-03-14", "2025-03-14", "day"),
    ("filed 3/14/2025 in court", None, "3/14/2025", "2025-03-14", "day"),
    ("filed 14/03/2025 in court", None, "14/03/2025", "2025-03-14", "day"),
    ("I'll go back 03rd Jan 2019.", None, "03rd Jan 2019", "2019-01-03", "day"),
    ("born on the 9th of May 1990", None, "9th of May 1990", "1990-05-09", "day"),
    ("fourth of july 1995", None, "fourth of july 1995", "1995-07-04", "day"),
    ("Eli Lilly sold IVAC on Dec. 31 , 1994", None, "Dec. 31 , 1994", "1994-12-31", "day"),
    ("September the twenty-first nineteen seventy eight", None, "September the twenty-first nineteen seventy eight", "1978-09-21", "day"),
    ("on March 12, Trump allowed it", REF, "March 12", "2025-03-12", "day"),
    ("a package imposed in January 2025", REF, "January 2025", "2025-01", "month"),
    ("launched a bold incursion in August 2024", REF, "August 2024", "2024-08", "month"),
    ("a meeting in February.", REF, "February", "2025-02", "month"),
    ("annexed in 2022", REF, "2022", "2022", "year"),
    ("Russia's 2022 invasion of Ukraine", REF, "2022", "2022", "year"),
    ("after winning 2024 election", REF, "2024", "2024", "year"),
    ("the 1990s were calm", REF, "1990s", "1990s", "decade"),
    ("music of the '90s", REF, "'90s", "1990s", "decade"),
    ("on Thursday Putin rejected the proposal", REF, "Thursday", "2025-03-13", "day"),
    ("In a video address on Thursday night, he spoke", REF, "Thursday night", "2025-03-13", "day"),
    ("Rubio on Wednesday told reporters", REF, "Wednesday", "2025-03-12", "day"),
    ("Talks will resume on Monday", REF, "Monday", "2025-03-17", "day"),
    ("I'll go back next Sunday", D(2016, 11, 7), "next Sunday", "2016-11-20", "day"),
    ("I'll go back last Sunday", D(2016, 11, 7), "last Sunday", "2016-11-06", "day"),
    ("it happened yesterday", REF, "yesterday", "2025-03-13", "day"),
    ("occupied since last August by Ukraine", REF, "since last August", "2024-08", "month"),
    ("It happened two days earlier.", REF, "two days earlier", "2025-03-12", "day"),
    ("who did I email a month ago", D(2016, 11, 7), "a month ago", "2016-10-07", "day"),
    ("I went back 3 weeks ago", REF, "3 weeks ago", "2025-02-21", "day"),
    ("We had a meeting 1 month 21 days ago", D(2017, 11, 23), "1 month 21 days ago", "2017-10-02", "day"),
    ("I will leave in two weeks", D(2018, 7, 5), "in two weeks", "2018-07-19", "day"),
    ("the talks in mid-March", REF, "mid-March", "2025-03", "month"),
    ("expected in early 2024", REF, "early 2024", "2024", "year"),
    ("It will happen 2 weeks from January 15.", D(2016, 11, 7), "2 weeks from January 15", "2017-01-29", "day"),
    ("I'll go back the day before yesterday", D(2016, 11, 7), "the day before yesterday", "2016-11-05", "day"),
    ("I went back for the 27th", D(2016, 11, 7), "the 27th", "2016-10-27", "day"),
    ("I went back Friday the 22nd", D(2017, 9, 27), "Friday the 22nd", "2017-09-22", "day"),
    ("the second Monday of next month", D(2018, 3, 20), "the second Monday of next month", "2018-04-09", "day"),
    ("I'll be out next year", D(2016, 11, 7), "next year", "2017", "year"),
    ("I'll be out last sept", D(2016, 11, 7), "last sept", "2015-09", "month"),
    ("I will go back to China on 28 june in 2020.", D(2019, 5, 30), "28 june in 2020", "2020-06-28", "day"),
]


@pytest.mark.parametrize("text,ref,surface,iso,gran", SINGLE)
def test_single_dates(text, ref, surface, iso, gran):
    found = [m for m in _only(text, ref) if m.kind is FactKind.DATE]
    assert [text[m.start:m.end] for m in found] == [surface]
    value = found[0].value
    assert isinstance(value, DateValue)
    assert value.date == iso
    assert value.granularity.value == gran


# (text, reference, surface, start label, end label)
RANGES = [
    ("the talks ran March 11 to 13", REF, "March 11 to 13", "2025-03-11", "2025-03-13"),
    ("from April 8 to 10, 2024", REF, "from April 8 to 10, 2024", "2024-04-08", "2024-04-10"),
    ("between 2019 and 2021", REF, "between 2019 and 2021", "2019", "2021"),
    ("in the week of March 10", REF, "the week of March 10", "2025-03-10", "2025-03-16"),
    ("from 2014 through May 2nd 2018", REF, "from 2014 through May 2nd 2018", "2014", "2018-05-02"),
    ("Sales in Q1 2017 fell", REF, "Q1 2017", "2017-01", "2017-03"),
    ("in the first half of 2016", REF, "the first half of 2016", "2016-01", "2016-06"),
    ("I will leave from 5/1-5/7, 2020", REF, "from 5/1-5/7, 2020", "2020-05-01", "2020-05-07"),
    ("I'll be out this week", D(2016, 11, 7), "this week", "2016-11-07", "2016-11-13"),
    ("I'll be out next 3 days", D(2016, 11, 7), "next 3 days", "2016-11-08", "2016-11-10"),
    ("the 15th century", REF, "15th century", "1400", "1499"),
    ("the first week of 2015", REF, "the first week of 2015", "2014-12-29", "2015-01-04"),
    ("APEC will happen in Korea Nov 18-Dec 19, 2015", REF, "Nov 18-Dec 19, 2015", "2015-11-18", "2015-12-19"),
]


@pytest.mark.parametrize("text,ref,surface,start,end", RANGES)
def test_ranges(text, ref, surface, start, end):
    found = _only(text, ref)
    ranges = [m for m in found if m.kind is FactKind.DATE_RANGE]
    assert [text[m.start:m.end] for m in ranges] == [surface]
    value = ranges[0].value
    assert isinstance(value, DateRangeValue)
    assert (value.start, value.end) == (start, end)


def test_open_ranges():
    text = "villages recaptured in recent days; sharing had resumed by Wednesday."
    found = _only(text, REF)
    assert [(m.kind, m.value.start, m.value.end) for m in found] == [
        (FactKind.DATE_RANGE, None, "2025-03-14"),
        (FactKind.DATE_RANGE, None, "2025-03-12"),
    ]
    assert text[found[1].start:found[1].end] == "by Wednesday"


NEVER = [
    "We may agree, and we march on.",
    "Now is the time; for now, nothing.",
    "Ships sat in port; the second round began.",
    "It cost 1,000 dollars and 2,225 documents were filed.",
    "At 6pm the doors closed.",
    "There were 1500 people and 2000 km of road, costing £2000.",
    "just days ago he spoke; the other day she wrote; recently it rained.",
    "This may take longer than expected.",
    "He is in his 70s.",
    "The ratio was 30/4.85 and the score 3-1.",
]


@pytest.mark.parametrize("text", NEVER)
def test_never_dates(text):
    assert _only(text, REF) == []


def test_unresolved_without_reference():
    text = "He spoke on Thursday and met her on March 12."
    found = _only(text, None)
    assert [text[m.start:m.end] for m in found] == ["Thursday", "March 12"]
    thursday = found[0].value
    assert thursday.date is None and thursday.weekday == "Thursday" and thursday.relative
    assert found[1].value.date is None


def test_relative_dates_in_quotes_are_dropped():
    text = 'He said: "If a blockade occurs in the coming days, this week or on March 12, we fight." Then on Thursday he left.'
    q0 = text.index('"') + 1
    quoted = [(q0, text.index('"', q0))]
    surfaces = [text[m.start:m.end] for m in _only(text, REF, quoted=quoted)]
    assert surfaces == ["March 12", "Thursday"]


def test_earlier_that_day_is_anchored_to_the_previous_date():
    text = "On Tuesday he spoke. Earlier that day, he wrote."
    found = _only(text, REF)
    assert [m.value.date for m in found] == ["2025-03-11", "2025-03-11"]


@pytest.mark.parametrize("s,iso", [
    ("2025-03-14", "2025-03-14"),
    ("March 13, 2025", "2025-03-13"),
    ("14 Mar 2025", "2025-03-14"),
    ("Friday 14 March 2025", "2025-03-14"),
    ("  Published: 2025-03-14T09:30:00Z ", "2025-03-14"),
])
def test_parse_date_text(s, iso):
    value = parse_date_text(s)
    assert value is not None and value.date == iso


@pytest.mark.parametrize("s", ["", "hello world", "the president", "1,000", "Section 3"])
def test_parse_date_text_rejects(s):
    assert parse_date_text(s) is None


# ---------------------------------------------------------------- the seed gold


def _gold():
    gold = yaml.safe_load((ROOT / "tests/data/gold/seeds.yaml").read_text(encoding="utf-8"))
    refs = {s["id"]: D.fromisoformat(s["reference_date"]) for s in gold["sources"]}
    return gold, refs


def _gold_value(fact) -> tuple[str | None, str | None]:
    v = fact["value"]
    if fact["kind"] == "date_range":
        return v.get("start"), v.get("end")
    for key in ("date", "month", "year"):
        if key in v:
            return str(v[key]), v["granularity"]
    raise AssertionError(fact)


def test_seed_gold_dates():
    """Every gold date/date_range is found with its value; nothing the gold does not list."""
    gold, refs = _gold()
    by_source: dict[str, list] = {}
    for f in gold["facts"]:
        if f["kind"] in ("date", "date_range"):
            by_source.setdefault(f["source"], []).append(f)
    for source, ref in refs.items():
        text = (ROOT / "seeds" / source).read_text(encoding="utf-8")
        quoted = _quoted_spans(text)
        found = _only(text, ref, quoted=quoted)
        unmatched = list(found)
        for f in by_source.get(source, []):
            start = text.find(f["span"])
            end = start + len(f["span"])
            hits = [m for m in unmatched if m.start < end and start < m.end]
            assert hits, f"{f['id']}: nothing found in {f['span']!r}"
            m = hits[0]
            unmatched.remove(m)
            want = _gold_value(f)
            if f["kind"] == "date_range":
                assert (m.value.start, m.value.end) == want, f["id"]
            else:
                assert (m.value.date, m.value.granularity.value) == want, f["id"]
        assert not unmatched, [text[m.start:m.end] for m in unmatched]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Curly-quoted spans: enough for the seeds (the pipeline passes the quote extractor's)."""
    spans, i = [], 0
    while (i := text.find("\u201c", i)) != -1:
        j = text.find("\u201d", i + 1)
        if j == -1:
            break
        spans.append((i + 1, j))
        i = j + 1
    return spans
