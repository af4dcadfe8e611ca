"""The performance changes to alignment keep its results: streamed candidate pairs, remembered
rarity weights and the initial test on fuzzy names give what the plain versions give."""

from __future__ import annotations

import math
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from factcheck import align as A
from factcheck.align.score import RARITY_PRIOR, keys_of, matching_names
from tests.factories import day_fact

WORDS = ["russia", "ukraine", "kyiv", "kiev", "putin", "putn", "truce", "front", "attack", "attacks", "moscow"]
sigs_strategy = st.lists(
    st.tuples(st.integers(0, 4),  # source
              st.one_of(st.none(), st.sampled_from(WORDS)),
              st.frozensets(st.sampled_from(WORDS), max_size=4),
              st.frozensets(st.sampled_from(WORDS), max_size=5)),
    max_size=40)


def _plain_pairs(facts, sigs, max_block):
    """candidate_pairs as first written: every pair of every block, in a set."""
    index = defaultdict(list)
    for i, sig in enumerate(sigs):
        for k in keys_of(sig):
            index[k].append(i)
    pairs = set()
    for members in index.values():
        if 2 <= len(members) <= max_block:
            for x, i in enumerate(members):
                pairs.update((i, j) for j in members[x + 1:] if facts[j].source_id != facts[i].source_id)
    return pairs


def _plain_names(a, b, min_ratio):
    common = sorted(a & b)
    for x in sorted(a - b):
        for y in sorted(b - a):
            if x[0] == y[0] and fuzz.ratio(x, y) >= min_ratio:
                common.append(x)
                break
    return common


@settings(max_examples=150, deadline=None)
@given(sigs_strategy, st.integers(2, 12))
def test_streamed_pairs_are_the_sorted_candidate_pairs(rows, max_block):
    facts = [day_fact(f"s{src}", "2025-03-13") for src, *_ in rows]
    sigs = [A.Signature(head, names, terms) for _, head, names, terms in rows]
    streamed = list(A.iter_candidate_pairs(facts, sigs, max_block))
    assert streamed == sorted(_plain_pairs(facts, sigs, max_block))
    assert A.candidate_pairs(facts, sigs, max_block) == set(streamed)


@settings(max_examples=300, deadline=None)
@given(st.frozensets(st.sampled_from(WORDS), max_size=5), st.frozensets(st.sampled_from(WORDS), max_size=5),
       st.sampled_from([60.0, 80.0, 88.0, 100.0]))
def test_shared_names_unchanged(a, b, ratio):
    assert matching_names(a, b, ratio) == _plain_names(a, b, ratio)


def test_remembered_weights_equal_computed_ones():
    sigs = [A.Signature("truce", frozenset({"putin"}), frozenset({"front", "truce"})),
            A.Signature(None, frozenset({"putin", "kyiv"}), frozenset({"attack"}))] * 7
    rarity = A.Rarity(iter(sigs))  # a generator is enough: signatures are counted one at a time
    for key in ("n:putin", "t:front", "t:attack", "n:kyiv", "t:unseen"):
        df = rarity.df.get(key)
        plain = 1.0 if not df else min(1.0, max(0.05, math.log((rarity.n + RARITY_PRIOR) / (df + 1)) / rarity._norm))
        assert rarity.weight(key) == plain and rarity.weight(key) == plain  # computed, then remembered
    keys = frozenset({"putin", "kyiv", "unseen"})
    assert rarity.total("n:", keys) == sum(rarity.weight("n:" + k) for k in keys)
