"""The fact codec every engine and the cache go through: lossless, and strict about damage."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from factcheck.models import (
    Comparator,
    DateRangeValue,
    DateValue,
    Fact,
    FactContext,
    FactKind,
    Granularity,
    QuantityValue,
    QuoteValue,
    Section,
)
from factcheck.runner.codec import decode, encode

ODD = [
    Fact(kind=FactKind.COUNT, source="a.txt", source_id="a.txt", text="more than 15,000 flasks", start=3, end=26,
         line=2, value=QuantityValue(value=15000, dimension="count", comparator=Comparator.GT, lo=15000,
                                     hi=math.inf, lo_open=True, counted="flasks"),
         context=FactContext(sentence="It held more than 15,000 flasks.", head="flasks", names=["kew"],
                             terms=["held"], in_quote=True, section=Section.CAPTION)),
    Fact(kind=FactKind.DATE_RANGE, source="a.txt", source_id="a.txt", text="since 2019", start=30, end=40, line=3,
         value=DateRangeValue(start="2019", end=None, granularity=Granularity.YEAR,
                              start_date=dt.date(2019, 1, 1), anchor=dt.date(2025, 3, 13))),
    Fact(kind=FactKind.QUOTE, source="a.txt", source_id="a.txt", text="“Zelenskyy’s \udcff truce”", start=50,
         end=70, line=4, value=QuoteValue(speaker="Putin", quote="Zelenskyy’s \udcff truce", normalized="x")),
    Fact(kind=FactKind.DATE, source="a.txt", source_id="a.txt", text="Thursday", start=80, end=88, line=5,
         value=DateValue(date="2025-03-13", granularity=Granularity.DAY, start=dt.date(2025, 3, 13),
                         end=dt.date(2025, 3, 13), weekday="Thursday", relative="on Thursday")),
]


def test_round_trip_is_lossless_and_relabels():
    text = encode(ODD)
    assert "a.txt" not in text  # the labels are the run's, not the cache's
    back = decode(text, "other/b.txt", "b.txt")
    assert [f.model_dump(exclude={"source", "source_id"}) for f in back] == \
        [f.model_dump(exclude={"source", "source_id"}) for f in ODD]
    assert {(f.source, f.source_id) for f in back} == {("other/b.txt", "b.txt")}
    assert back[0].value.hi == math.inf and isinstance(back[1].value, DateRangeValue)
    assert [f.contract() for f in decode(text, "a.txt", "a.txt")] == [f.contract() for f in ODD]


def test_decoded_facts_share_words_and_still_take_assignments():
    a, b = decode(encode([ODD[0], ODD[0]]), "x", "x")
    assert a.context.sentence is b.context.sentence and a.context.names[0] is b.context.names[0]
    a.context.head = "changed"  # pydantic adds to the (shared) set of given fields: must not fail
    assert a.context.head == "changed" and b.context.head == "flasks"
    assert a.model_copy(update={"line": 9}).line == 9


@pytest.mark.parametrize("damaged", [
    "not json", "{}", "[1]", json.dumps([{"kind": "date"}]), json.dumps([{"kind": "nonsense", "text": "x"}]),
])
def test_damaged_text_raises_value_error(damaged):
    with pytest.raises(ValueError):
        decode(damaged, "x", "x")
