"""Alignment stage: facts -> groups of facts from different sources about the same thing.

Each fact has a signature (head word, names, content words; see extract/context.py).
Candidates are blocked by shared signature keys (never all pairs), screened by their values
(the check's cheap first look: a year and a day are never compared), scored with weights
taken from the rule, and clustered greedily from the strongest link down, with at most
one value per source in a group (repeated mentions of one value in a source merge).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Iterator

from factcheck.align.blocking import candidate_pairs, iter_candidate_pairs
from factcheck.align.claims import (
    local_score,
    multi_valued,
    owners_differ,
    same_claim,
    topics_differ,
)
from factcheck.align.params import AlignParams, Relate, Relation, Weights
from factcheck.align.score import (
    PairScorer,
    Rarity,
    ScoreParts,
    Signature,
    rarity_of,
    score,
    score_parts,
    signature,
    synonym_map,
)
from factcheck.models import Fact

__all__ = [
    "AlignParams", "AlignedGroup", "FactLink", "Rarity", "Relate", "Relation", "ScoreParts", "Signature",
    "Weights", "align", "candidate_pairs", "iter_candidate_pairs", "local_score", "multi_valued",
    "owners_differ", "rarity_of", "same_claim", "score", "score_parts", "signature", "synonym_map",
    "topics_differ",
]


@dataclass(slots=True)
class Link:
    i: int
    j: int
    score: float
    shared: tuple[str, ...]
    relation: Relation


@dataclass(slots=True)
class Group:
    members: list[int]
    links: list[Link] = field(default_factory=list)


Scorer = Callable[[list[Fact]], list[tuple[int, int, float, tuple[str, ...]]]]
Pair = tuple[int, int, float, tuple[str, ...], Relation]  # i, j, score, shared words, relation


@dataclass(slots=True)
class FactLink:
    a: Fact
    b: Fact
    score: float
    shared: tuple[str, ...]
    relation: Relation


@dataclass(slots=True)
class AlignedGroup:
    facts: list[Fact]
    links: list[FactLink]


def align(
    facts: list[Fact],
    params: AlignParams,
    relate: Relate,
    scorer: Scorer | None = None,
    *,
    keep_rejected: bool = False,
    rarity: Rarity | None = None,
    screen: Relate | None = None,
) -> list[AlignedGroup]:
    """Group facts about the same thing. `relate` compares two values (the rule's check);
    `scorer`, if given, replaces blocking and context scoring (quotes are aligned on their text).
    `screen`, if given, is a cheaper first look at two values (`Check.relaters`): relate's
    answer must be the screen's or INCOMPARABLE. With `keep_rejected`, a contradicting link the
    clustering could not follow (its facts ended up in different groups) becomes a group of its
    own two facts."""
    if len(facts) < 2:
        return []
    synonyms = synonym_map(params.synonyms)
    # Asymmetric bars: calling two values a contradiction needs strong evidence that they are
    # about the same thing; identical values in a similar context corroborate each other.
    bar = {Relation.EQUAL: min(params.corroborate, params.threshold),
           Relation.AGREE: min(params.agree, params.threshold),
           Relation.CONTRADICT: params.threshold}
    floor = min(bar.values())
    multi = multi_valued(facts, relate) if scorer is None else set()
    links: list[Link] = []
    for i, j, s, shared, rel in (_text_pairs(facts, scorer, relate, floor) if scorer is not None
                                 else _context_pairs(facts, params, relate, screen, bar, rarity, synonyms)):
        if rel is Relation.INCOMPARABLE or s < bar[rel]:
            continue
        if rel is Relation.CONTRADICT and scorer is None and (
            i in multi or j in multi or not same_claim(facts[i], facts[j], params, rarity, synonyms)
        ):
            continue
        links.append(Link(i, j, s, shared, rel))
    links.sort(key=lambda lk: (-lk.score, lk.i, lk.j))
    groups = _cluster(facts, links, relate)
    if keep_rejected:
        placed = {frozenset((lk.i, lk.j)) for g in groups for lk in g.links}
        for lk in links:
            if lk.relation is Relation.CONTRADICT and frozenset((lk.i, lk.j)) not in placed:
                groups.append(Group(members=sorted((lk.i, lk.j)), links=[lk]))
    return [
        AlignedGroup(
            facts=[facts[i] for i in g.members],
            links=[FactLink(facts[lk.i], facts[lk.j], lk.score, lk.shared, lk.relation) for lk in g.links],
        )
        for g in groups
    ]


def _text_pairs(facts: list[Fact], scorer: Scorer, relate: Relate, floor: float) -> Iterator[Pair]:
    for i, j, s, shared in scorer(facts):
        if s >= floor:
            yield i, j, s, shared, relate(facts[i], facts[j])


def _context_pairs(facts: list[Fact], params: AlignParams, relate: Relate, screen: Relate | None,
                   bar: dict[Relation, float], rarity: Rarity | None, synonyms: dict[str, str]) -> Iterator[Pair]:
    """The candidate pairs whose context score reaches the bar of their relation. The values are
    screened first: more than half of an archive's candidate pairs can never be compared
    (a year and a day, a count of other things), and a pair that could only contradict must
    score higher than one that agrees, which most pairs are known to miss before their names
    are compared. A generator: pairs are dropped as they come, never all held at once."""
    sigs = [signature(f, synonyms) for f in facts]
    pair_score = PairScorer(sigs, params, rarity, min(bar.values()))
    for i, j in iter_candidate_pairs(facts, sigs, params.max_block, rarity, params.block_keys):
        a, b = facts[i], facts[j]
        first = screen(a, b) if screen is not None else None
        if first is Relation.INCOMPARABLE:
            continue
        got = pair_score(i, j, None if first is None else bar[first])
        if got is not None:  # relate's answer is the screen's, or INCOMPARABLE
            yield i, j, got[0], got[1], relate(a, b)


def _cluster(facts: list[Fact], links: list[Link], relate: Relate) -> list[Group]:
    parent = list(range(len(facts)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(facts))}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    kept: dict[int, list[Link]] = defaultdict(list)
    for link in links:
        ra, rb = find(link.i), find(link.j)
        if ra == rb:
            kept[ra].append(link)
            continue
        if not _compatible(facts, members[ra], members[rb], relate):
            continue
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        kept[ra].extend(kept.pop(rb, []))
        kept[ra].append(link)
    groups = []
    for root, idx in members.items():
        if len({facts[i].source_id for i in idx}) < 2:
            continue
        idx.sort(key=lambda i: (facts[i].source_id, facts[i].start))
        groups.append(Group(members=idx, links=sorted(kept[root], key=lambda lk: (-lk.score, lk.i, lk.j))))
    groups.sort(key=lambda g: (facts[g.members[0]].source_id, facts[g.members[0]].start))
    return groups


def _compatible(facts: list[Fact], a: list[int], b: list[int], relate: Relate) -> bool:
    """Two clusters may merge only if, within each source, they hold the same value."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i in a:
        by_source[facts[i].source_id].append(i)
    for j in b:
        for i in by_source.get(facts[j].source_id, ()):
            if relate(facts[i], facts[j]) is not Relation.EQUAL:
                return False
    return True
