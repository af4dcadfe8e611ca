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


def _random_signatures(rng, n: int):
    from factcheck.align import Signature

    words = [f"w{k}" for k in range(30)]
    names = ["putin", "putyn", "zelensky", "zelenskyy", "trump", "tramp", "rubio", "witkoff", "kyiv", "kiev"]
    sigs = []
    for _ in range(n):
        head = rng.choice(words + [None] * 5)
        sigs.append(Signature(head=head, names=frozenset(rng.sample(names, rng.randint(0, 3))),
                              terms=frozenset(rng.sample(words, rng.randint(0, 6)))))
    return sigs


def test_pair_scorer_gives_the_scores_of_score():
    """The fast path of alignment drops pairs below the floor and gives the others exactly the
    score and shared words of `score`."""
    import random

    from factcheck.align import Rarity, score
    from factcheck.align.score import PairScorer

    rng = random.Random(7)
    sigs = _random_signatures(rng, 120)
    rarity = Rarity(sigs)
    for floor in (0.0, 0.2, 0.5):
        params = AlignParams(corroborate=floor, agree=floor, threshold=max(floor, 0.5))
        fast = PairScorer(sigs, params, rarity, floor)
        kept = 0
        for i in range(len(sigs)):
            for j in range(i + 1, len(sigs)):
                slow = score(sigs[i], sigs[j], params, rarity)
                got = fast(i, j)
                if slow[0] < floor:
                    assert got is None
                else:
                    assert got == slow
                    kept += 1
        assert kept > 0


def test_rarity_total_does_not_depend_on_the_order_of_the_keys():
    """Scores are sums of weights over sets, whose order changes with the hash seed: the sum must not."""
    import random

    from factcheck.align import Rarity, Signature

    sigs = [Signature(head=None, names=frozenset(), terms=frozenset(f"w{j}" for j in range(k % 17)))
            for k in range(300)]
    rarity = Rarity(sigs)
    keys = [f"w{k}" for k in range(17)]
    rng = random.Random(3)
    orders = [rng.sample(keys, len(keys)) for _ in range(20)]
    assert len({sum(rarity.weight("t:" + k) for k in order) for order in orders}) > 1  # a plain sum would differ
    assert len({rarity.total("t:", order) for order in orders}) == 1
