"""Numbers as written: the grammar of factcheck.extract.numbers, as cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.numbers import (
    extract_numbers,
    parse_number,
    read_number,
    scan_numbers,
)

# (text, [(surface, value), ...]): every number of the text, in order
NUMBER_CASES = [
    ("1,300 square kilometers", [("1,300", 1300)]),
    ("1.2 million people", [("1.2 million", 1.2e6)]),
    ("1,200,000", [("1,200,000", 1.2e6)]),
    ("$3.5bn deal", [("3.5bn", 3.5e9)]),
    ("20k views", [("20k", 2e4)]),
    ("four regions", [("four", 4)]),
    ("twenty-one guns", [("twenty-one", 21)]),
    ("fifty - two", [("fifty - two", 52)]),
    ("a dozen eggs", [("a dozen", 12)]),
    ("four dozen eggs", [("four dozen", 48)]),
    ("three hundred and two dozens", [("three hundred and two dozens", 324)]),
    ("half of them", [("half", 0.5)]),
    ("10 1/2 miles", [("10 1/2", 10.5)]),
    ("1/4 mile", [("1/4", 0.25)]),
    ("\u00bd teaspoon", [("\u00bd", 0.5)]),
    ("one hundred and sixty-one", [("one hundred and sixty-one", 161)]),
    ("twenty-one trillion three hundred", [("twenty-one trillion three hundred", 21e12 + 300)]),
    ("3 hundred and 21 yuan", [("3 hundred and 21", 321)]),
    ("4 thousand 3 hundred and 0 are two", [("4 thousand 3 hundred", 4300), ("0", 0), ("two", 2)]),
    ("five and a half million fish", [("five and a half million", 5.5e6)]),
    ("one million and a half", [("one million and a half", 1.5e6)]),
    ("one billion and a half million", [("one billion and a half million", 1.0005e9)]),
    ("two thirds of a million", [("two thirds of a million", 2e6 / 3)]),
    ("a quarter million dollars", [("a quarter million", 2.5e5)]),
    ("three quarters", [("three quarters", 0.75)]),
    ("one hundred and three quarters", [("one hundred and three quarters", 100.75)]),
    ("twenty-three fifths", [("twenty-three fifths", 4.6)]),
    ("a twenty-first", [("a twenty-first", 1 / 21)]),
    ("one one hundred fifth", [("one one hundred fifth", 1 / 105)]),
    ("a hundred thousand trillionths", [("a hundred thousand trillionths", 1e-7)]),
    ("two hundred point zero three", [("two hundred point zero three", 200.03)]),
    ("nine point nought four", [("nine point nought four", 9.04)]),
    ("1 over three", [("1 over three", 1 / 3)]),
    ("earn $2000 over 3 years", [("2000", 2000), ("3", 3)]),
    ("12,34,567.89 rupees", [("12,34,567.89", 1234567.89)]),
    ("1.111,11 and 1,111.11", [("1.111,11", 1111.11), ("1,111.11", 1111.11)]),
    ("40 000 and 1 234 567", [("40 000", 40000), ("1 234 567", 1234567)]),
    ("on March 13 500 soldiers", [("13", 13), ("500", 500)]),
    ("5.00 or 5,00.", [("5.00", 5), ("5,00", 5)]),
    ("nrs. 22,24,26,31.", [("22", 22), ("24", 24), ("26", 26), ("31", 31)]),
    ("192.168.1.2", [("192", 192), ("168", 168), ("1", 1), ("2", 2)]),
    ("it rose 1.5.", [("1.5", 1.5)]),
    ("1e10 and 12.32e+14", [("1e10", 1e10), ("12.32e+14", 1.232e15)]),
    ("1.3x10^6", [("1.3x10^6", 1.3e6)]),
    ("2.5^-1", [("2.5^-1", 0.4)]),
    (" -1", [("-1", -1)]),
    ("- 1 4/5", [("- 1 4/5", -1.8)]),
    ("minus five percent", [("minus five", -5)]),
    ("10 - 20 people", [("10", 10), ("20", 20)]),
    ("COVID-19", [("19", 19)]),
    ("10M and 1MM and 2mil", [("10M", 1e7), ("1MM", 1e6), ("2mil", 2e6)]),
    ("the 4th and 21st", []),
    ("6 crore and two hundred", [("6 crore and two hundred", 60000200)]),
    ("35 lakh", [("35 lakh", 3.5e6)]),
    ("dozens of homes", []),
    ("the third time", []),
    ("a fifth of them", [("a fifth", 0.2)]),
]


@pytest.mark.parametrize("text,expected", NUMBER_CASES)
def test_scan_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    got = [(text[n.start:n.end], n.value) for n in scan_numbers(text)]
    assert [s for s, _ in got] == [s for s, _ in expected]
    for (_, value), (_, want) in zip(got, expected):
        assert value == pytest.approx(want, rel=1e-9)


# (text, precision of the last significant digit)
PRECISION_CASES = [
    ("1,000", 1000.0),
    ("1,013", 1.0),
    ("620", 10.0),
    ("1.2 million", 1e5),
    ("four", 1.0),
    ("twenty", 10.0),
    ("4.800", 0.001),
]


@pytest.mark.parametrize("text,ulp", PRECISION_CASES)
def test_precision(text: str, ulp: float) -> None:
    n = next(scan_numbers(text))
    assert n.ulp == pytest.approx(ulp)


@pytest.mark.parametrize("surface,value", [
    ("30", 30), ("eight", 8), ("twenty four", 24), ("twenty-one", 21), ("1.2 million", 1.2e6),
    ("3.5bn", 3.5e9), ("four dozen", 48), ("a", None), ("", None),
])
def test_parse_number_compatible(surface: str, value: float | None) -> None:
    assert parse_number(surface) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("text", ["This one is not correct", "That one is good", "no one came", "one of them"])
def test_pronoun_one_is_not_a_number(text: str) -> None:
    assert extract_numbers(text) == []


def test_extract_numbers_mentions() -> None:
    text = "Twenty-six people and 1,300 km"
    mentions = extract_numbers(text)
    assert [text[m.start:m.end] for m in mentions] == ["Twenty-six", "1,300"]
    assert [m.value.value for m in mentions] == [26, 1300]
    assert all(m.value.dimension == "number" for m in mentions)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_round_trip(n: int) -> None:
    text = f"about {n:,} units"
    got = list(scan_numbers(text))
    assert len(got) == 1
    assert got[0].value == n
    assert text[got[0].start:got[0].end] == f"{n:,}"


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_scaled_numbers(n: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    got = read_number(f"{n} {scale}", 0)
    assert got is not None and got.value == n * factor and got.scaled
