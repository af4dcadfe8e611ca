"""Figures: quantities, counts, money and percentages (factcheck.extract.quantities), as cases."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.mention import Mention
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.units import (
    UNITS,
    lookup_symbol,
    lookup_word,
    protocol_unit,
    to_canonical,
)
from factcheck.models import FactKind, Frame

Q, C, M, P = FactKind.QUANTITY, FactKind.COUNT, FactKind.MONEY, FactKind.PERCENT

# (text, surface, kind, value, unit, comparator, extra fields of the QuantityValue)
CASES = [
    # units, spelled and abbreviated, glued and hyphenated
    ("a 1,000-kilometer front", "1,000-kilometer", Q, 1000, "km", "=", {"canonical_unit": "m"}),
    ("the 1,000km front", "1,000km", Q, 1000, "km", "=", {}),
    ("a six-mile trip", "six-mile", Q, 6, "mi", "=", {}),
    ("it is 17 km from Ambur", "17 km", Q, 17, "km", "=", {}),
    ("660 square meters in the city", "660 square meters", Q, 660, "m2", "=", {"dimension": "area"}),
    ("florida panthers live in 190 km2.", "190 km2", Q, 190, "km2", "=", {}),
    ("an area of 24 km\u00b2 and 3 sq mi", "24 km\u00b2", Q, 24, "km2", "=", {}),
    ("0.9 trillion cubic feet of gas", "0.9 trillion cubic feet", Q, 9e11, "ft3", "=", {"dimension": "volume"}),
    ("500,000 barrels a day", "500,000 barrels", Q, 5e5, "bbl", "=", {}),
    ("2.4 billion gallons of fuel", "2.4 billion gallons", Q, 2.4e9, "gal", "=", {}),
    ("You weigh 200lbs.", "200lbs", Q, 200, "lb", "=", {"dimension": "mass"}),
    ("16,000 metric tons", "16,000 metric tons", Q, 16000, "t", "=", {}),
    ("The weight is 120 \u03bcg", "120 \u03bcg", Q, 120, "\u00b5g", "=", {}),
    ("The weight is 20 (kg)", "20 (kg)", Q, 20, "kg", "=", {}),
    ("over 188 miles an hour", "over 188 miles an hour", Q, 188, "mph", ">", {"dimension": "speed"}),
    ("10km/hr or 10kph", "10km/hr", Q, 10, "km/h", "=", {"canonical_unit": "m/s"}),
    ("50 meters per millisecond", "50 meters per millisecond", Q, 50, "m/ms", "=", {}),
    ("The size of this file is 100 MB", "100 MB", Q, 100, "MB", "=", {"dimension": "information"}),
    ("the 16-bit chip", "16-bit", Q, 16, "bit", "=", {}),
    ("a 7.62mm barrel", "7.62mm", Q, 7.62, "mm", "=", {}),
    ("he is 5 feet and 2 inches.", "5 feet and 2 inches", Q, 5 + 2 / 12, "ft", "=", {}),
    ("The length is 12 ft 2 in more or less", "12 ft 2 in", Q, 12 + 2 / 12, "ft", "=", {}),
    ("a 10 1/2 miles cable", "10 1/2 miles", Q, 10.5, "mi", "=", {}),
    ("\u00bd teaspoon baking powder", "\u00bd teaspoon", Q, 0.5, "tsp", "=", {}),
    ("a magnitude 6.1 earthquake", "magnitude 6.1", Q, 6.1, "Mw", "=", {}),
    ("a magnitude-7.8 quake", "magnitude-7.8", Q, 7.8, "Mw", "=", {}),
    ("a 7.3-magnitude tremor", "7.3-magnitude", Q, 7.3, "Mw", "=", {}),
    ("about half a mile away", "about half a mile", Q, 0.5, "mi", "~", {}),
    ("three-quarters of a mile", "three-quarters of a mile", Q, 0.75, "mi", "=", {}),
    ("he is 6'2\" tall", "6'2\"", Q, 6 + 2 / 12, "ft", "=", {}),
    ("a 24- to 30-foot dhow", "24- to 30-foot", Q, 24, "ft", "=", {"high": 30}),
    ("a 10-km run", "10-km", Q, 10, "km", "=", {}),
    ("1,500 metres", "1,500 metres", Q, 1500, "m", "=", {}),
    ("the 2,500-square-mile area", "2,500-square-mile", Q, 2500, "mi2", "=", {}),
    # temperatures and angles
    ("water boils at 100 \u00b0C", "100 \u00b0C", Q, 100, "degC", "=", {"canonical_unit": "K", "lo": 373.15 - 2.5}),
    ("normal temperature is 98.6 degrees fahrenheit", "98.6 degrees fahrenheit", Q, 98.6, "degF", "=", {}),
    ("-5 degree fahrenheit", "-5 degree fahrenheit", Q, -5, "degF", "=", {}),
    ("the temperature outside is 98 degrees", "98 degrees", Q, 98, "degree", "=", {"dimension": "temperature"}),
    ("rotate 90 degrees", "90 degrees", Q, 90, "deg", "=", {"dimension": "angle"}),
    ("temperatures of 40C in the heat", "40C", Q, 40, "degC", "=", {}),
    ("a low of -5C overnight in the cold", "-5C", Q, -5, "degC", "=", {}),
    # money: signs, codes, names, minor units, scales
    ("a $4.2 billion deal", "$4.2 billion", M, 4.2e9, "USD", "=", {"canonical_unit": "USD"}),
    ("it costs \u20ac0.45", "\u20ac0.45", M, 0.45, "EUR", "=", {}),
    ("shares fell 45 cents", "45 cents", M, 45, "cent", "=", {"canonical_unit": "USD", "lo": 0.445}),
    ("to hk $ 10.05 billion .", "hk $ 10.05 billion", M, 1.005e10, "HKD", "=", {}),
    ("a US$150 million loan", "US$150 million", M, 1.5e8, "USD", "=", {}),
    ("for 420 million finnish markka .", "420 million finnish markka", M, 4.2e8, "FIM", "=", {}),
    ("five million yen from the industry", "five million yen", M, 5e6, "JPY", "=", {}),
    ("a bid of 470 pence a share", "470 pence", M, 470, "pence", "=", {"canonical_unit": "GBP"}),
    ("a 12-cent-a-share dividend", "12-cent", M, 12, "cent", "=", {}),
    ("I would like to buy this item for USD 200.", "USD 200", M, 200, "USD", "=", {}),
    ("They lost 75 USD million", "75 USD million", M, 7.5e7, "USD", "=", {}),
    ("in excess of 30 MUSD", "in excess of 30 MUSD", M, 3e7, "USD", ">", {}),
    ("it only cost thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents", M, 13.45,
     "USD", "=", {}),
    ("its profit improved to 361 million pounds", "361 million pounds", M, 3.61e8, "GBP", "=", {}),
    ("she wants to lose 25 pounds", "25 pounds", Q, 25, "lb", "=", {}),
    ("an estimated \u00a3 50 million saved", "an estimated \u00a3 50 million", M, 5e7, "GBP", "~", {}),
    ("a loan of 35 lakh rupees", "35 lakh rupees", M, 3.5e6, "INR", "=", {}),
    ("5 billion won in aid", "5 billion won", M, 5e9, "KRW", "=", {}),
    ("it cost 5 quid", "5 quid", M, 5, "GBP", "=", {}),
    ("GBP 2m in fees", "GBP 2m", M, 2e6, "GBP", "=", {}),
    ("about $5 to $6 million", "about $5 to $6 million", M, 5e6, "USD", "~", {"high": 6e6}),
    ("prices ranging from $500 to $550.", "from $500 to $550", M, 500, "USD", "=", {"high": 550}),
    ("\u00a31.2bn ($1.5bn) deal", "\u00a31.2bn ($1.5bn)", M, 1.2e9, "GBP", "=", {"alt_value": 1.5e9, "alt_unit": "USD"}),
    ("shares rose 4p to 470p", "470p", M, 470, "pence", "=", {}),
    ("dividend up 11c to 17c a share", "17c", M, 17, "cent", "=", {}),
    # percentages
    ("up 12% on the year", "12%", P, 12, "%", "=", {"dimension": "ratio"}),
    ("12 per cent of voters", "12 per cent", P, 12, "%", "=", {}),
    ("one hundred percents", "one hundred percents", P, 100, "%", "=", {}),
    ("a rise of 3 percentage points", "3 percentage points", P, 3, "pp", "=", {}),
    ("just need minus five percent", "minus five percent", P, -5, "%", "=", {}),
    ("per cent of 210", "per cent of 210", P, 210, "%", "=", {}),
    ("about 20 per cent of 300 people", "about 20 per cent", P, 20, "%", "~", {}),
    ("a 12-percentage-point lead", "12-percentage-point", P, 12, "pp", "=", {}),
    ("cut by 50 basis points", "50 basis points", P, 50, "bp", "=", {"canonical_unit": "pp"}),
    # counts
    ("Crimea and four southeastern regions", "four southeastern regions", C, 4, None, "=", {"counted": "regions"}),
    ("the 38 villages", "38 villages", C, 38, None, "=", {"counted": "villages"}),
    ("298 people died", "298 people", C, 298, None, "=", {"counted": "people", "lo": 297.5}),
    ("seven injured in the attack", "seven injured", C, 7, None, "=", {"counted": "injured"}),
    ("Two sources cited by Reuters", "Two sources", C, 2, None, "=", {"counted": "sources"}),
    ("killing at least fourteen people", "at least fourteen people", C, 14, None, ">=", {"hi": math.inf}),
    ("four Russian soldiers", "four Russian soldiers", C, 4, None, "=", {"counted": "soldiers"}),
    ("nearly 300 people", "nearly 300 people", C, 300, None, "<", {"lo": 285, "hi": 300, "hi_open": True}),
    ("more than 40 villages", "more than 40 villages", C, 40, None, ">", {"lo_open": True}),
    ("about 1.2 million people", "about 1.2 million people", C, 1.2e6, None, "~", {"lo": 1.14e6}),
    ("only one person was hurt", "only one person", C, 1, None, "=", {"counted": "person"}),
    ("a dozen people", "a dozen people", C, 12, None, "=", {}),
    ("more than 40 Palestinians killed", "more than 40 Palestinians", C, 40, None, ">", {"counted": "palestinians"}),
    ("at least one slight quake", "at least one slight quake", C, 1, None, ">=", {"counted": "quake"}),
    ("38 village councils", "38 village councils", C, 38, None, "=", {"counted": "councils"}),
    # qualifiers and intervals
    ("under 200 km", "under 200 km", Q, 200, "km", "<", {"lo": 0.0, "hi": 200000.0, "hi_open": True}),
    ("up to 5 km", "up to 5 km", Q, 5, "km", "<=", {"lo": 0.0, "hi": 5000.0}),
    ("about 17 km", "about 17 km", Q, 17, "km", "~", {"lo": 16150.0, "hi": 17850.0}),
    ("the 620-mile front", "620-mile", Q, 620, "mi", "=", {"lo": 615 * 1609.344, "hi": 625 * 1609.344}),
    ("the 1,013 km road", "1,013 km", Q, 1013, "km", "=", {"lo": 1012500.0, "hi": 1013500.0}),
    # ranges
    ("30 to 40 shots", "30 to 40 shots", C, 30, None, "=", {"high": 40, "counted": "shots"}),
    ("between 5 and 10 km", "between 5 and 10 km", Q, 5, "km", "=", {"high": 10, "lo": 5000.0, "hi": 10000.0}),
    ("a 5-10 km walk", "5-10 km", Q, 5, "km", "=", {"high": 10}),
    ("raised $5-10 million", "$5-10 million", M, 5e6, "USD", "=", {"high": 1e7}),
    # paired conversions: one mention
    ("the 1,000km (620-mile) front line", "1,000km (620-mile)", Q, 1000, "km", "=",
     {"alt_value": 620, "alt_unit": "mi"}),
    ("10 kilometres (6 miles) away", "10 kilometres (6 miles)", Q, 10, "km", "=", {"alt_value": 6}),
]


def _check(text: str, m: Mention, surface: str, kind: FactKind, value: float, unit: str | None, comp: str,
           extra: dict) -> None:
    assert text[m.start:m.end] == surface
    assert m.kind is kind
    v = m.value
    assert v.value == pytest.approx(value)
    assert v.unit == unit
    assert v.comparator.value == comp
    for field, want in extra.items():
        got = getattr(v, field)
        assert got == (pytest.approx(want) if isinstance(want, float) and math.isfinite(want) else want), field


@pytest.mark.parametrize("text,surface,kind,value,unit,comp,extra", CASES)
def test_figure(text: str, surface: str, kind: FactKind, value: float, unit: str | None, comp: str,
                extra: dict) -> None:
    found = [m for m in extract_quantities(text) if text[m.start:m.end] == surface]
    assert found, [text[m.start:m.end] for m in extract_quantities(text)]
    _check(text, found[0], surface, kind, value, unit, comp, extra)


# changes: two mentions, the frame of each end, the unit carried to the bare end
CHANGE_CASES = [
    ("counteroffensives have slashed Ukraine\u2019s hold from 1,300 square kilometers to under 200, per claims",
     [("from 1,300 square kilometers", 1300, "km2", "=", Frame.CHANGE_FROM),
      ("to under 200", 200, "km2", "<", Frame.CHANGE_TO)], "hold"),
    ("The death toll rose from 120 to 298 on Monday",
     [("from 120", 120, None, "=", Frame.CHANGE_FROM), ("to 298", 298, None, "=", Frame.CHANGE_TO)], "toll"),
    ("Prices increased from $5 to $7.50.",
     [("from $5", 5, "USD", "=", Frame.CHANGE_FROM), ("to $7.50", 7.5, "USD", "=", Frame.CHANGE_TO)], "prices"),
]


@pytest.mark.parametrize("text,ends,head", CHANGE_CASES)
def test_change(text: str, ends: list, head: str | None) -> None:
    got = [m for m in extract_quantities(text) if m.value.frame is not Frame.CURRENT]
    assert [text[m.start:m.end] for m in got] == [e[0] for e in ends]
    for m, (surface, value, unit, comp, frame) in zip(got, ends):
        assert (m.value.value, m.value.unit, m.value.comparator.value, m.value.frame) == (value, unit, comp, frame)
        assert m.head == head


# not figures: years, dates, times, names, references, pronouns, durations
NOT_FIGURES = [
    "a U turn and a halt in 2022",
    "on March 13, 2025 and 13 March",
    "published 2025-03-14 and 3/14/2025",
    "at 6pm, 18:00 or 2:00 pm",
    "the Second World War",
    "call +1-222-2222/2222",
    "Article 5 and section 3.2 apply",
    "The Apollo 11 astronauts flew a Boeing 737 during COVID-19 and the G7",
    "no one can dispute that; one of the units; One unit crawled through",
    "a 30-day ceasefire for eight hours and 20 minutes",
    "he is 29 years old",
    "the 1990s and 1920s",
    "scp-173m and 24703L202",
    "the 4th and the 21st",
    "in Eighty Mile Beach region",
    "I'm a man. Send them a quick DM.",
    "turn a 45 degrees angle at 45\u00b0N",
    "between 1990 and 1991 seasons",
    "the \"top 10\" list",
    "display full 1080p HD with a 700:1 contrast ratio",
    "three USB 2.0 ports",
    "several dozen people and several hundred metres and a few thousand people",
    "the only one trying something new",
    "Esther Williams: \"Million Dollar Mermaid\" Swimmer",
    "14.7C/ per security and the Boeing 777F",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    got = [text[m.start:m.end] for m in extract_quantities(text) if m.value.dimension != "angle"]
    assert got == []


@pytest.mark.parametrize("text", [t for t, *_ in CASES] + [t for t, *_ in CHANGE_CASES] + NOT_FIGURES)
def test_spans_and_intervals(text: str) -> None:
    for m in extract_quantities(text):
        v = m.value
        assert 0 <= m.start < m.end <= len(text)
        if v.lo is not None and v.hi is not None:
            assert v.lo <= v.hi
        if v.unit is not None:
            assert v.unit in UNITS


# ---------------------------------------------------------------- the unit lexicon

@pytest.mark.parametrize("surface,symbol", [
    ("km", "km"), ("KM", "km"), ("km\u00b2", "km2"), ("sq km", "km2"), ("mi", "mi"), ("\u00b0C", "degC"),
    ("mph", "mph"), ("kph", "km/h"), ("$", "USD"), ("\u20ac", "EUR"), ("%", "%"), ("MB", "MB"), ("ha", "ha"),
])
def test_symbols(surface: str, symbol: str) -> None:
    unit = lookup_symbol(surface)
    assert unit is not None and unit.symbol == symbol


@pytest.mark.parametrize("surface,symbol", [
    ("square kilometres", "km2"), ("Kilometers", "km"), ("miles", "mi"), ("degrees Celsius", "degC"),
    ("metric tons", "t"), ("hectares", "ha"), ("dollars", "USD"), ("euros", "EUR"), ("per cent", "%"),
    ("percentage points", "pp"), ("cubic feet", "ft3"), ("light-years", "ly"),
])
def test_words(surface: str, symbol: str) -> None:
    unit = lookup_word(surface)
    assert unit is not None and unit.symbol == symbol


@pytest.mark.parametrize("symbol,canonical,factor,offset", [
    ("km", "m", 1000.0, 0.0), ("km2", "m**2", 1e6, 0.0), ("mi", "m", 1609.344, 0.0), ("degC", "K", 1.0, 273.15),
    ("degF", "K", 5 / 9, 255.3722), ("mph", "m/s", 0.44704, 0.0), ("t", "kg", 1000.0, 0.0),
    ("USD", "USD", 1.0, 0.0), ("cent", "USD", 0.01, 0.0), ("%", "%", 1.0, 0.0),
])
def test_canonical(symbol: str, canonical: str, factor: float, offset: float) -> None:
    got = to_canonical(symbol)
    assert got is not None
    assert got[0] == canonical
    assert got[1] == pytest.approx(factor, rel=1e-6)
    assert got[2] == pytest.approx(offset, abs=1e-3)


@pytest.mark.parametrize("symbol", sorted(s for s, u in UNITS.items() if u.pint))
def test_every_pint_unit_converts(symbol: str) -> None:
    assert to_canonical(symbol) is not None


def test_protocol_names() -> None:
    assert protocol_unit("degC") == "degree celsius"
    assert protocol_unit("ft3") == "cubic foot"
    assert protocol_unit("USD") == "USD"
    assert protocol_unit(None) is None


# ---------------------------------------------------------------- the seed gold standard

ROOT = Path(__file__).resolve().parents[2]
GOLD = yaml.safe_load((ROOT / "tests/data/gold/seeds.yaml").read_text(encoding="utf-8"))
_SEED_TEXT = {s["id"]: (ROOT / "seeds" / s["id"]).read_text(encoding="utf-8") for s in GOLD["sources"]}
_NUMERIC = [f for f in GOLD["facts"] if f["kind"] in ("quantity", "count")]


def _has_figure(span: str) -> bool:
    return bool(extract_quantities(span)) or any(ch.isdigit() for ch in span)


@pytest.mark.parametrize("fact", _NUMERIC, ids=[f["id"] for f in _NUMERIC])
def test_seed_gold_figures(fact: dict) -> None:
    text = _SEED_TEXT[fact["source"]]
    start = text.find(fact["span"])
    assert start >= 0
    end = start + len(fact["span"])
    if not _has_figure(fact["span"]):
        pytest.skip("a count of listed items, with no number written (not a figure)")
    want = fact["value"]
    amount = want.get("amount", want.get("count"))
    hits = [m for m in extract_quantities(text) if m.start < end and start < m.end]
    assert hits, fact["span"]
    m = hits[0]
    assert m.value.value == amount
    if fact["kind"] == "quantity":
        assert m.value.unit == want["unit"]
        assert m.value.comparator.value == want["comparator"]
        if "alt" in want:
            assert (m.value.alt_value, m.value.alt_unit) == (want["alt"]["amount"], want["alt"]["unit"])
    else:
        assert m.kind is FactKind.COUNT


@pytest.mark.parametrize("source", sorted(_SEED_TEXT))
def test_seed_no_figures_in_dates(source: str) -> None:
    text = _SEED_TEXT[source]
    dates = [(text.find(f["span"]), text.find(f["span"]) + len(f["span"])) for f in GOLD["facts"]
             if f["source"] == source and f["kind"] in ("date", "date_range")]
    for m in extract_quantities(text):
        surface = text[m.start:m.end]
        assert surface not in ("a U", "a halt")
        assert not any(m.start < e and s < m.end for s, e in dates), surface
        assert not (surface.isdigit() and len(surface) == 4), surface


# ---------------------------------------------------------------- properties

@given(st.integers(min_value=2, max_value=10**9), st.sampled_from(["km", "kilometres", "miles", "kg", "%"]))
def test_written_value_is_inside_its_interval(n: int, unit: str) -> None:
    text = f"It measured {n:,} {unit} in all."
    got = extract_quantities(text)
    assert len(got) == 1
    v = got[0].value
    factor = to_canonical(v.unit)
    assert factor is not None
    canonical = n * factor[1] + factor[2]
    assert v.lo <= canonical <= v.hi
    assert text[got[0].start:got[0].end] == f"{n:,} {unit}"


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_ranges_are_ordered(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    text = f"between {lo:,} and {hi:,} km"
    for m in extract_quantities(text):
        assert m.value.lo <= m.value.hi
        if m.value.high is not None:
            assert m.value.value < m.value.high
