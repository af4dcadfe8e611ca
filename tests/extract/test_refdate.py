"""Reference-date inference, checked against the seed gold's `sources:` entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from factcheck.extract.refdate import infer_reference_date

ROOT = Path(__file__).resolve().parents[2]
D = dt.date


def _seed(name: str) -> str:
    return (ROOT / "seeds" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("source,anchor,expected,confidence", [
    ("000_8b0ed0f186a2d7c4.txt", None, D(2025, 3, 14), "medium"),  # from its own text
    ("001_b2ae0a5dd48a87a7.txt", D(2025, 3, 13), D(2025, 3, 14), "medium"),  # needs the corpus anchor
])
def test_seed_sources(source, anchor, expected, confidence):
    gold = yaml.safe_load((ROOT / "tests/data/gold/seeds.yaml").read_text(encoding="utf-8"))
    gold_ref = {s["id"]: D.fromisoformat(s["reference_date"]) for s in gold["sources"]}
    got = infer_reference_date(_seed(source), anchor)
    assert got is not None
    assert got.date == expected == gold_ref[source]
    assert got.confidence == confidence
    assert got.note


def test_no_evidence_no_date():
    assert infer_reference_date(_seed("001_b2ae0a5dd48a87a7.txt")) is None
    assert infer_reference_date("Nothing here is dated at all.") is None


@pytest.mark.parametrize("text,anchor,expected,confidence", [
    # year lent by a month-year mention; past weekday pushes the reference past it
    ("Sanctions came in January 2024. On March 5 they expired. On Friday he spoke.", None, D(2024, 3, 9), "medium"),
    # a year alone lends nothing: the corpus anchor is used, and no weekday agrees: low
    ("The 2024 election was on November 5.", D(2025, 3, 13), D(2025, 3, 13), "low"),
    # future weekdays are no evidence of the past
    ("It was agreed on 10 March 2025. Talks will resume on Monday.", None, D(2025, 3, 10), "medium"),
])
def test_inference_rules(text, anchor, expected, confidence):
    got = infer_reference_date(text, anchor)
    assert got is not None and (got.date, got.confidence) == (expected, confidence)
