"""Alignment stage: facts -> groups of facts from different sources about the same thing.

Each fact has a signature (head word, names, content words; see extract/context.py).
Candidates are blocked by shared signature keys (never all pairs), scored with weights
taken from the rule, and clustered greedily from the strongest link down, with at most
one value per source in a group (repeated mentions of one value in a source merge).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from factcheck.extract.lexicon import REPORTING_VERBS
from factcheck.extract.terms import stem
from factcheck.models import Fact


class Weights(BaseModel):
    model_config = ConfigDict(extra="forbid")

    head: float = Field(0.30, ge=0)
    names: float = Field(0.35, ge=0)
    terms: float = Field(0.35, ge=0)


class AlignParams(BaseModel):
    """How facts are matched across sources; every number here is a rule parameter."""

    model_config = ConfigDict(extra="forbid")

    threshold: float = Field(0.5, ge=0, le=1, description="score at which two facts are about the same thing, "
                             "so that different values contradict")
    agree: float = Field(0.35, ge=0, le=1, description="lower score enough to group compatible values "
                         "(a month and a day in it, overlapping intervals)")
    corroborate: float = Field(0.2, ge=0, le=1, description="lower score enough to group identical values")
    weights: Weights = Field(default_factory=Weights)
    synonyms: list[list[str]] = Field(default_factory=list, description="word groups treated as one term")
    name_similarity: float = Field(88, ge=0, le=100, description="rapidfuzz ratio at which two names match")
    local: float = Field(0.0, ge=0, le=1, description="for a contradiction: how much of the words right "
                         "around the two values must match (0 = no such test)")
    names_floor: float = Field(1.0, ge=0, description="rarity-weighted names a full name match needs")
    terms_floor: float = Field(2.0, ge=0, description="rarity-weighted words a full word match needs")
    max_block: int = Field(100, ge=2, description="signature keys shared by more facts than this are too common to block on")
    block_keys: int = Field(2, ge=0, description="candidates must share one of the N rarest keys of one of "
                            "them (0: any key); keeps the number of pairs near-linear in an archive")


class Relation(str, Enum):
    EQUAL = "equal"  # same normalized value
    AGREE = "agree"  # compatible (overlapping intervals, less precise)
    CONTRADICT = "contradict"
    INCOMPARABLE = "incomparable"  # different dimension, frame or currency: never grouped


@dataclass(frozen=True, slots=True)
class Signature:
    head: str | None
    names: frozenset[str]
    terms: frozenset[str]
    body: frozenset[str] = field(init=False, compare=False, repr=False)  # terms but the head

    def __post_init__(self):
        object.__setattr__(self, "body", self.terms - {self.head})


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


Relate = Callable[[Fact, Fact], Relation]


def synonym_map(groups: list[list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for words in groups:
        if not words:
            continue
        canon = stem(words[0].lower())
        for w in words:
            out[stem(w.lower())] = canon
    return out


def rarity_of(facts: list[Fact], synonyms: dict[str, str]) -> Rarity:
    return Rarity(signature(f, synonyms) for f in facts)  # one signature at a time: 400,000 of them add up


def signature(fact: Fact, synonyms: dict[str, str]) -> Signature:
    ctx = fact.context
    head = stem(ctx.head) if ctx.head else None
    head = synonyms.get(head, head) if head else None
    terms = frozenset(synonyms.get(t, t) for t in ctx.terms)
    return Signature(head=head, names=frozenset(ctx.names), terms=terms)


# Pseudo-facts added to every run before counting: in a run of two short documents every shared
# word occurs "everywhere", which says nothing about how informative it is.
RARITY_PRIOR = 50
HEAD_IN_TERMS = 0.6  # share of the head weight when one fact's head is a content word of the other


class Rarity:
    """How informative each name and word is in this run: inverse document frequency over the
    signatures of all facts. "Russia" in every sentence of a story about Russia says little;
    "address" in two says a lot. Weights lie in [0.05, 1]; unseen keys weigh 1."""

    def __init__(self, sigs: Iterable[Signature] | None = None):
        self.n = 0
        self.df: dict[str, int] = defaultdict(int)
        for sig in sigs or ():
            self.n += 1
            for key in _keys(sig):
                self.df[key] += 1
        self._norm = math.log(self.n + RARITY_PRIOR)
        self._weights: dict[str, float] = {}  # scoring asks for the same keys millions of times at scale

    def weight(self, key: str) -> float:
        w = self._weights.get(key)
        if w is not None:
            return w
        df = self.df.get(key)
        if not df:
            return 1.0
        w = self._weights[key] = min(1.0, max(0.05, math.log((self.n + RARITY_PRIOR) / (df + 1)) / self._norm))
        return w

    def total(self, prefix: str, keys) -> float:
        """sum(weight(prefix + k) for k in keys), the same sum in the same order, without a call
        per key (the innermost loop of scoring; a weight is never 0, so `or` only fills a miss)."""
        known = self._weights.get
        return sum([known(prefix + k) or self.weight(prefix + k) for k in keys])


def _keys(sig: Signature) -> set[str]:
    keys = {f"n:{n}" for n in sig.names} | {f"t:{t}" for t in sig.terms}
    if sig.head:
        keys.add(f"t:{sig.head}")
    return keys


@dataclass(frozen=True, slots=True)
class ScoreParts:
    """The components of an alignment score, each in [0, 1] or None when absent on both sides."""

    head: float | None
    names: float | None
    terms: float | None
    shared_head: tuple[str, ...] = ()
    shared_names: tuple[str, ...] = ()
    shared_terms: tuple[str, ...] = ()

    def total(self, w: Weights) -> float:
        """Weighted mean of the parts. A part missing on both sides counts as no evidence (0):
        two facts that share only a head word ("She died on ...", "He died on ...") say too
        little to be about the same thing."""
        weight = w.head + w.names + w.terms
        if weight == 0:
            return 0.0
        got = 0.0  # the same sum, in the same order, as over the parts present
        if self.head is not None:
            got += self.head * w.head
        if self.names is not None:
            got += self.names * w.names
        if self.terms is not None:
            got += self.terms * w.terms
        return min(1.0, got / weight)

    @property
    def shared(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.shared_head + self.shared_names + self.shared_terms))


def score_parts(
    a: Signature,
    b: Signature,
    params: AlignParams,
    rarity: Rarity | None = None,
    sides: tuple[Sides, Sides] | None = None,
) -> ScoreParts:
    """Agreement of head, names and content words, each shared name or word counted by its
    rarity; components absent on both sides are None. `sides` are the two signatures' own
    weights (`sides_of`), when the caller scores each signature many times."""
    rarity = rarity or _PLAIN
    side_a, side_b = sides or (sides_of(a, rarity), sides_of(b, rarity))
    head = names = terms = None
    shared_head: tuple[str, ...] = ()
    shared_names: tuple[str, ...] = ()
    shared_terms: tuple[str, ...] = ()
    if a.head or b.head:
        head = 0.0
        if a.head and a.head == b.head:
            head, shared_head = 1.0, (a.head,)
        elif (a.head and a.head in b.terms) or (b.head and b.head in a.terms):
            # "met ... for talks on a ceasefire" and "held talks on a ceasefire": the head of one
            # is a word of the other
            head = HEAD_IN_TERMS
            shared_head = (a.head if a.head in b.terms else b.head,)
    if a.names or b.names:
        common = _shared_names(a.names, b.names, params.name_similarity)
        names = _overlap(common, side_a.names, side_b.names, "n:", rarity, params.names_floor) if common else 0.0
        shared_names = tuple(common)
    terms_a, terms_b = a.body, b.body  # the head counts once, above
    if terms_a or terms_b:
        common_terms = terms_a & terms_b
        terms = _overlap(common_terms, side_a.terms, side_b.terms, "t:", rarity, params.terms_floor) \
            if common_terms else 0.0
        shared_terms = tuple(sorted(common_terms))
    return ScoreParts(head, names, terms, shared_head, shared_names, shared_terms)


def score(
    a: Signature,
    b: Signature,
    params: AlignParams,
    rarity: Rarity | None = None,
    sides: tuple[Sides, Sides] | None = None,
) -> tuple[float, tuple[str, ...]]:
    """The alignment score of two signatures and the names and words it rests on."""
    parts = score_parts(a, b, params, rarity, sides)
    return parts.total(params.weights), parts.shared


_PLAIN = Rarity()


@dataclass(frozen=True, slots=True)
class Sides:
    """One signature's total name and word weight: the denominators of its overlaps."""

    names: float
    terms: float


def sides_of(sig: Signature, rarity: Rarity) -> Sides:
    return Sides(rarity.total("n:", sig.names), rarity.total("t:", sig.body))


def _overlap(common, side_a: float, side_b: float, prefix: str, rarity: Rarity, floor: float) -> float:
    """Rarity-weighted overlap coefficient; the floor keeps one shared word in a short
    clause from counting as full agreement."""
    got = rarity.total(prefix, common)
    return min(1.0, got / max(floor, min(side_a, side_b)))


DENSE = 3  # numbers in one sentence that make it a line of statistics
_DIGITS = re.compile(r"(?<![\w.,])\d[\d,.]*")


def multi_valued(facts: list[Fact], relate: Relate) -> set[int]:
    """Facts whose source gives the same head several conflicting values ("55 percent in Saudi
    Arabia, 52 percent in Egypt", "29 of 34 passes"): there the head is not one figure, so a
    different value elsewhere is no contradiction."""
    # same source and head, or same sentence: "1964 campaign ... 1968 campaign", "29 of 34 passes"
    by_head: dict[tuple, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        if f.context.head:
            by_head[(f.source_id, f.kind.value, stem(f.context.head))].append(i)
        by_head[(f.source_id, f.kind.value, "@", f.context.sentence_start)].append(i)
    out: set[int] = set()
    for i, f in enumerate(facts):
        if len(_DIGITS.findall(f.context.sentence)) >= DENSE:
            out.add(i)  # a line of statistics: each figure has its own scope
    for key, members in by_head.items():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if relate(facts[i], facts[j]) is Relation.CONTRADICT:
                    out.update((i, j))
    return out


def local_score(a: Fact, b: Fact, params: AlignParams, rarity: Rarity | None = None) -> float:
    """How much the words right around two values match (names and content words)."""
    rarity = rarity or _PLAIN
    ta, tb = set(a.context.near), set(b.context.near)
    na, nb = set(a.context.near_names), set(b.context.near_names)
    got = sum(rarity.weight("t:" + k) for k in ta & tb)
    got += sum(rarity.weight("n:" + k) for k in _shared_names(frozenset(na), frozenset(nb), params.name_similarity))
    side_a = sum(rarity.weight("t:" + k) for k in ta) + sum(rarity.weight("n:" + k) for k in na)
    side_b = sum(rarity.weight("t:" + k) for k in tb) + sum(rarity.weight("n:" + k) for k in nb)
    return min(1.0, got / max(params.names_floor, min(side_a, side_b)))


def owners_differ(a: Fact, b: Fact, params: AlignParams) -> bool:
    """Each value sits next to a name the other source's sentence never mentions: "Artino ...
    six rebounds" vs "Echenique ... 11 rebounds", "170,000 in Sumatra" vs "230,000 across Asia"."""
    only_a = set(a.context.near_names) - set(_shared_names(frozenset(a.context.near_names),
                                                           frozenset(b.context.names), params.name_similarity))
    only_b = set(b.context.near_names) - set(_shared_names(frozenset(b.context.near_names),
                                                           frozenset(a.context.names), params.name_similarity))
    return bool(only_a) and bool(only_b)


def _is_age(f: Fact) -> bool:
    return getattr(f.value, "dimension", None) == "age"


def topics_differ(a: Fact, b: Fact, params: AlignParams) -> bool:
    """Documents about different things (no name in common in their titles) whose sentences do
    not mention each other's subject: "She competed at the 1980 Winter Olympics" in an article
    on one skier and "He competed at the 2018 Winter Olympics" in one on another. Corpora of
    reports about one event share title names; unrelated articles do not."""
    ta, tb = frozenset(a.context.topic), frozenset(b.context.topic)
    if not ta or not tb:
        return False
    # titles about one thing share most of their names; "Andrej Smrekar" and "Andrej Segeč" do not
    if 2 * len(_shared_names(ta, tb, params.name_similarity)) > min(len(ta), len(tb)):
        return False
    return not (_shared_names(frozenset(a.context.names), tb, params.name_similarity)
                or _shared_names(frozenset(b.context.names), ta, params.name_similarity))


def same_claim(a: Fact, b: Fact, params: AlignParams, rarity: Rarity | None = None,
               synonyms: dict[str, str] | None = None) -> bool:
    """Whether two facts with different values make the same claim closely enough to contradict:
    a shared head word (when both have one), a content word in common besides it, no one else's
    name next to either value, and enough of the words around the values in common."""
    if a.context.head and b.context.head:
        # one fact's head word must be part of what the other one says
        syn = synonyms or {}

        def words(f: Fact) -> set[str]:
            return {syn.get(t, t) for t in (*f.context.terms, *f.context.near, stem(f.context.head or ""))}

        ha, hb = stem(a.context.head), stem(b.context.head)
        if syn.get(ha, ha) not in words(b) and syn.get(hb, hb) not in words(a):
            return False
        if _is_age(a) and syn.get(ha, ha) != syn.get(hb, hb):
            return False  # an age is a person's: "36-year-old driver" is not the "66-year-old woman"
        if (a.context.head.lower() in REPORTING_VERBS) != (b.context.head.lower() in REPORTING_VERBS):
            return False  # one dates a report of the event, the other the event itself
    # what happened must match, not only who: some content word besides the heads in common
    syn = synonyms or {}
    heads = {syn.get(stem(h), stem(h)) for h in (a.context.head, b.context.head) if h}
    terms_a = {syn.get(t, t) for t in a.context.terms} - heads
    terms_b = {syn.get(t, t) for t in b.context.terms} - heads
    if terms_a and terms_b and not terms_a & terms_b:
        return False
    if owners_differ(a, b, params) or topics_differ(a, b, params):
        return False
    return params.local <= 0 or local_score(a, b, params, rarity) >= params.local


def _shared_names(a: frozenset[str], b: frozenset[str], min_ratio: float) -> list[str]:
    common = sorted(a & b)
    rest_b = b - a
    if not rest_b:
        return common
    initials = {y[0] for y in rest_b}
    # only names with the same initial are compared (cheap set test first: this runs for every
    # candidate pair); the order of comparisons, and so the result, is unchanged
    for x in sorted(a - b):
        if x[0] not in initials:
            continue
        for y in sorted(rest_b):
            if x[0] == y[0] and fuzz.ratio(x, y) >= min_ratio:
                common.append(x)
                break
    return common


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
    rarity = rarity or _PLAIN
    keys = [_keys(sig) for sig in sigs]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            index[k].append(i)  # ascending: facts are visited in order
    sources = [f.source_id for f in facts]
    # a key is worth blocking on if it is shared across sources, and not by too many facts
    blocks = {k: members for k, members in index.items()
              if 2 <= len(members) <= max_block and len({sources[i] for i in members}) > 1}
    del index
    if prefix > 0:
        rare = [sorted((k for k in ks if k in blocks), key=lambda k: (rarity.df.get(k, 0), k))[:prefix]
                for ks in keys]
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


Scorer = Callable[[list[Fact]], list[tuple[int, int, float, tuple[str, ...]]]]


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
) -> list[AlignedGroup]:
    """Group facts about the same thing. `relate` compares two values (the rule's check);
    `scorer`, if given, replaces blocking and context scoring (quotes are aligned on their text).
    With `keep_rejected`, a contradicting link the clustering could not follow (its facts ended
    up in different groups) becomes a group of its own two facts."""
    if len(facts) < 2:
        return []
    synonyms = synonym_map(params.synonyms)
    if scorer is not None:
        scored = scorer(facts)
    else:
        sigs = [signature(f, synonyms) for f in facts]
        sides = [sides_of(sig, rarity or _PLAIN) for sig in sigs]
        # a generator: pairs below the floor are dropped as they come, never all held at once
        scored = ((i, j, *score(sigs[i], sigs[j], params, rarity, (sides[i], sides[j])))
                  for i, j in iter_candidate_pairs(facts, sigs, params.max_block, rarity, params.block_keys))
    # Asymmetric bars: calling two values a contradiction needs strong evidence that they are
    # about the same thing; identical values in a similar context corroborate each other.
    bar = {Relation.EQUAL: min(params.corroborate, params.threshold),
           Relation.AGREE: min(params.agree, params.threshold),
           Relation.CONTRADICT: params.threshold}
    floor = min(bar.values())
    multi = multi_valued(facts, relate) if scorer is None else set()
    links: list[Link] = []
    for i, j, s, shared in scored:
        if s < floor:
            continue
        rel = relate(facts[i], facts[j])
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
