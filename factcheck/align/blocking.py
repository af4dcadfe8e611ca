"""Blocking: the candidate pairs worth scoring, never all pairs."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator

from factcheck.align.score import PLAIN, Rarity, Signature, keys_of
from factcheck.models import Fact


def candidate_pairs(facts: list[Fact], sigs: list[Signature], max_block: int) -> set[tuple[int, int]]:
    """Pairs of facts from different sources that share at least one signature key.

    Keys shared by more than `max_block` facts are skipped: they say little and would make
    the cost quadratic."""
    return set(iter_candidate_pairs(facts, sigs, max_block))


def iter_candidate_pairs(
    facts: list[Fact],
    sigs: list[Signature],
    max_block: int,
    rarity: Rarity | None = None,
    prefix: int = 0,
) -> Iterator[tuple[int, int]]:
    """The candidate pairs in sorted order, one fact's partners at a time (an archive's run has
    millions of them, which must not all be held at once).

    Two facts are candidates when they share a signature key held by at most `max_block` facts.
    With `prefix` > 0, the shared key must also be one of the `prefix` rarest keys of one of the
    two facts: a pair whose only common keys are the commonest of both scores too low to be
    linked anyway, and leaving such pairs out keeps their number near-linear in the facts."""
    rarity = rarity or PLAIN
    index: dict[str, list[int]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        for k in keys_of(sig):
            index[k].append(i)  # ascending: facts are visited in order
    sources = [f.source_id for f in facts]
    # a key is worth blocking on if it is shared across sources, and not by too many facts
    blocks = {k: members for k, members in index.items()
              if 2 <= len(members) <= max_block and len({sources[i] for i in members}) > 1}
    del index
    # each fact's keys that block, worked out again rather than all kept from the start: the
    # index and every fact's keys at once were an archive's peak of memory (most keys block
    # nothing: one fact's, or too common), and only blocking keys can make a pair
    keys = [[k for k in keys_of(sig) if k in blocks] for sig in sigs]
    if prefix > 0:
        rare = [sorted(ks, key=lambda k: (rarity.df.get(k, 0), k))[:prefix] for ks in keys]
        by_rare: dict[str, list[int]] = defaultdict(list)
        for i, ks in enumerate(rare):
            for k in ks:
                by_rare[k].append(i)
    for i, ks in enumerate(keys):
        partners: set[int] = set()
        if prefix > 0:
            for k in rare[i]:  # my rare keys, anywhere in the other fact
                members = blocks[k]
                partners.update(members[bisect.bisect_right(members, i):])
            for k in ks:  # my keys, among the other fact's rare keys
                members = by_rare.get(k)
                if members is not None:
                    partners.update(members[bisect.bisect_right(members, i):])
        else:
            for k in ks:
                members = blocks.get(k)
                if members is not None:
                    partners.update(members[bisect.bisect_right(members, i):])
        src = sources[i]
        for j in sorted(partners):
            if sources[j] != src:
                yield i, j
