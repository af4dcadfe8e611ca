"""Alignment on hand-built signatures: same event groups, different events stay apart."""

from __future__ import annotations

from factcheck.align import AlignParams, align
from factcheck.rules.checks import SameDate, SameDateParams
from tests.factories import day_fact

CHECK = SameDate(SameDateParams())
PARAMS = AlignParams(synonyms=[["agree", "endorse"]])


def test_same_event_different_dates_is_grouped():
    a = day_fact("000", "2025-03-13", head="address", names=["zelensky", "putin"],
                 terms=["video", "address", "accus", "manipul", "prolong", "war"])
    b = day_fact("002", "2025-03-12", head="address", names=["zelensky", "putin", "ukrain"],
                 terms=["address", "dismiss", "stance", "manipul", "prolong", "war"])
    groups = align([a, b], PARAMS, CHECK.relate)
    assert len(groups) == 1
    assert {f.source_id for f in groups[0].facts} == {"000", "002"}
    assert groups[0].links[0].relation.value == "contradict"


def test_different_events_on_different_days_stay_apart():
    a = day_fact("002", "2025-03-12", head="address", names=["zelensky", "putin"],
                 terms=["address", "dismiss", "stance", "manipul"])
    b = day_fact("003", "2025-03-11", head="proposal", names=["zelensky"],
                 terms=["agre", "ceasefire", "proposal", "condition"])
    assert align([a, b], PARAMS, CHECK.relate) == []


def test_identical_dates_need_less_context():
    a = day_fact("002", "2025-03-11", head="talk", names=["ukrain"], terms=["ceasefire", "endors", "talk"])
    b = day_fact("003", "2025-03-11", head="proposal", names=["ukrain", "zelensky"],
                 terms=["agre", "ceasefire", "proposal"])
    groups = align([a, b], PARAMS, CHECK.relate)
    assert len(groups) == 1 and groups[0].links[0].relation.value == "equal"


def test_facts_of_one_source_are_never_grouped_alone():
    a = day_fact("000", "2025-03-13", head="address", names=["zelensky"], terms=["address"])
    b = day_fact("000", "2025-03-12", head="address", names=["zelensky"], terms=["address"])
    assert align([a, b], PARAMS, CHECK.relate) == []


def test_repeated_mentions_in_one_source_merge_into_one_group():
    a1 = day_fact("000", "2025-03-13", head="reject", names=["putin"], terms=["reject", "proposal"])
    a2 = day_fact("000", "2025-03-13", head="reject", names=["putin"], terms=["reject", "deal"])
    b = day_fact("001", "2025-03-13", head="reject", names=["putin"], terms=["reject", "proposal", "deal"])
    groups = align([a1, a2, b], PARAMS, CHECK.relate)
    assert len(groups) == 1 and len(groups[0].facts) == 3


def test_blocking_skips_keys_shared_by_too_many_facts():
    facts = [day_fact(f"s{i}", "2025-03-13", terms=["war"]) for i in range(10)]
    params = AlignParams(max_block=5)
    assert align(facts, params, CHECK.relate) == []
