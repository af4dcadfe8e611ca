"""The whole pipeline on the seed articles, scored against the hand-made gold standard."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import RefDateOrigin, Verdict
from factcheck.pipeline import CheckOptions, check
from tests.gold import load_gold, score_cross_checks

GOLD = load_gold()


@pytest.fixture(scope="module")
def default_report():
    return check(CheckOptions(paths=["seeds"], rules=["rules/default.yaml"]))


@pytest.fixture(scope="module")
def full_report():
    return check(CheckOptions(paths=["seeds"], rules=["rules"]))


def test_reference_dates_match_the_gold(default_report):
    got = {s.id: s for s in default_report.sources}
    for entry in GOLD["sources"]:
        source = got[entry["id"]]
        assert source.reference_date == dt.date.fromisoformat(entry["reference_date"]), entry["id"]
    assert got["000_8b0ed0f186a2d7c4.txt"].reference_date_from is RefDateOrigin.INFERRED
    assert got["002_e4c44d0d936d87cd.txt"].reference_date_from is RefDateOrigin.DATELINE
    assert got["004_a9b27d28e56e77ed.txt"].reference_date_from is RefDateOrigin.HEADER


def test_default_pack_finds_every_gold_contradiction(default_report):
    score = score_cross_checks(GOLD, default_report.findings, kinds={"date", "date_range", "duration", "quantity",
                                                                     "count", "quote"}, verdicts=("contradict",))
    assert score.missed == [], score.line()


def test_default_pack_finds_every_date_and_figure_agreement(default_report):
    score = score_cross_checks(GOLD, default_report.findings, verdicts=("agree",))
    assert score.missed == [], score.line()


@pytest.mark.parametrize("which", ["default_report", "full_report"])
def test_no_false_or_near_miss_contradictions(which, request):
    report = request.getfixturevalue(which)
    score = score_cross_checks(GOLD, report.findings)
    assert [f.message for f in score.false_contradictions] == []
    assert score.near_miss_contradictions == []


def test_zelensky_address_contradiction_is_an_error(full_report):
    hits = [f for f in full_report.findings if f.verdict is Verdict.CONTRADICT and f.rule == "zelensky-address-date"]
    assert len(hits) == 1
    values = {f.source_id[:3]: f.value.date for f in hits[0].facts}
    assert values == {"000": "2025-03-13", "002": "2025-03-12"}
