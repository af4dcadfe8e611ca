"""The fact codec every engine and the cache go through: lossless, and strict about damage."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from factcheck.extract import extract_facts
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
    Source,
)
from factcheck.runner.codec import decode, encode
from factcheck.sources import load_sources

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


def _seed_facts() -> list[Fact]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    more = Source(id="m.txt", path="m.txt", reference_date=dt.date(2024, 3, 5),
                  text="Sales rose 12% to $4.2 billion on Monday, 45 cents a share, as the 1,000 km (620-mile) "
                       "front shrank from 1,300 square kilometers to under 200 in three weeks.")
    return [f for source in [*load_sources([str(seeds)]), more] for f in extract_facts(source)]


def test_decoding_builds_what_pydantic_validation_builds():
    # the codec builds facts without pydantic's validation: every field, with its type (an int
    # where pydantic gives a float would compare equal and still differ), must be what
    # validating the same JSON gives, for every kind of fact the extractors make
    facts = _seed_facts() + ODD
    assert {f.kind for f in facts} == set(FactKind)
    by_source: dict[str, list[Fact]] = {}
    for f in facts:
        by_source.setdefault(f.source_id, []).append(f)
    for source_id, group in by_source.items():
        text = encode(group)
        decoded = decode(text, "p/" + source_id, source_id)
        validated = [Fact.model_validate({**item, "source": "p/" + source_id, "source_id": source_id})
                     for item in json.loads(text)]
        assert [repr(f.model_dump()) for f in decoded] == [repr(f.model_dump()) for f in validated]
        assert decoded == validated
        assert [type(f.value) for f in decoded] == [type(f.value) for f in validated]
        assert [list(vars(f)) for f in decoded] == [list(vars(f)) for f in validated]  # field order


def test_missing_lists_are_new_lists_per_fact():
    bare = Fact(kind=FactKind.DATE, source="a", text="2019", start=0, end=4, line=1,
                value=DateValue(date="2019", granularity=Granularity.YEAR))
    a, b = decode(encode([bare, bare]), "a", "a")
    assert a.context.names == [] and a.context.names is not b.context.names
    a.context.names.append("x")
    assert b.context.names == []


def _damage(path: tuple, value) -> str:
    item = json.loads(encode([ODD[0]]))[0]
    target = item
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps([item])


@pytest.mark.parametrize("path, value", [
    (("start",), 1.5), (("start",), True), (("text",), 7), (("value", "value"), "15000"),
    (("value", "comparator"), "<>"), (("value", "surprise"), 1), (("context", "names"), "kew"),
    (("context", "names"), ["kew", 3]), (("context", "section"), "footer"), (("context", "other"), []),
    (("context", "head"), 5),
    (("context",), ["not", "an", "object"]), (("value",), None), (("kind",), None), (("extra",), 1),
])
def test_a_damaged_field_raises_value_error(path, value):
    with pytest.raises(ValueError):
        decode(_damage(path, value), "x", "x")


def test_a_missing_required_field_or_bad_date_raises_value_error():
    item = json.loads(encode([ODD[1]]))[0]
    for broken in ({k: v for k, v in item.items() if k != "line"},
                   {**item, "value": {**item["value"], "start_date": "2019-13-01"}},
                   {**item, "value": {k: v for k, v in item["value"].items() if k != "granularity"}}):
        with pytest.raises(ValueError):
            decode(json.dumps([broken]), "x", "x")
