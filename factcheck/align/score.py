"""Signatures and their scores: how strongly two facts' contexts say they are about one thing.

A signature is a fact's head word, names and content words (see extract/context.py); each
shared name or word counts by its rarity in the run (`Rarity`)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from factcheck.align.params import AlignParams, Weights
from factcheck.extract.terms import stem
from factcheck.models import Fact


@dataclass(frozen=True, slots=True)
class Signature:
    head: str | None
    names: frozenset[str]
    terms: frozenset[str]
    body: frozenset[str] = field(init=False, compare=False, repr=False)  # terms but the head

    def __post_init__(self):
        object.__setattr__(self, "body", self.terms - {self.head})


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
            for key in keys_of(sig):
                self.df[key] += 1
        self._norm = math.log(self.n + RARITY_PRIOR)
        # scoring asks for the same keys millions of times at scale: weights computed once, kept
        # per prefix by the bare word, so the innermost loop joins no strings
        self._weights: dict[str, dict[str, float]] = defaultdict(dict)

    def weight(self, key: str) -> float:
        prefix, _, word = key.partition(":")
        return self._weight(prefix + ":", word)

    def _weight(self, prefix: str, word: str) -> float:
        known = self._weights[prefix]
        w = known.get(word)
        if w is not None:
            return w
        df = self.df.get(prefix + word)
        w = known[word] = 1.0 if not df else \
            min(1.0, max(0.05, math.log((self.n + RARITY_PRIOR) / (df + 1)) / self._norm))
        return w

    def total(self, prefix: str, keys) -> float:
        """sum(weight(prefix + k) for k in keys) without a call per key (the innermost loop of
        scoring; a weight is never 0, so `or` only fills a miss). fsum: `keys` is often a set,
        whose order changes from run to run with the string hash seed; a plain sum of floats
        would change in its last bits with it, and a score could then fall either side of a bar."""
        known = self._weights[prefix].get
        return math.fsum([known(k) or self._weight(prefix, k) for k in keys])


def keys_of(sig: Signature) -> set[str]:
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
        return _total(self.head, self.names, self.terms, w)

    @property
    def shared(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.shared_head + self.shared_names + self.shared_terms))


def _total(head: float | None, names: float | None, terms: float | None, w: Weights) -> float:
    """Weighted mean of the parts. A part missing on both sides counts as no evidence (0): two
    facts that share only a head word ("She died on ...", "He died on ...") say too little to be
    about the same thing."""
    weight = w.head + w.names + w.terms
    if weight == 0:
        return 0.0
    got = 0.0  # the same sum, in the same order, as over the parts present
    if head is not None:
        got += head * w.head
    if names is not None:
        got += names * w.names
    if terms is not None:
        got += terms * w.terms
    return min(1.0, got / weight)


def _parts(a: Signature, b: Signature, side_a: Sides, side_b: Sides, params: AlignParams, rarity: Rarity,
           floor: float | None = None) -> tuple[float | None, float | None, float | None, list[str],
                                                frozenset[str], float] | None:
    """Agreement of head, names and content words, each shared name or word counted by its rarity:
    (head, names, terms, shared names, shared words, total). With `floor`: None when the total is
    below it, known before the names are compared (the costly part) when even a full name match
    would not lift it. This runs for each of an archive's millions of candidate pairs: a plain
    tuple, made into ScoreParts only for the pairs that are kept."""
    w = params.weights
    head = names = terms = None
    ha, hb = a.head, b.head
    if ha or hb:
        if ha and ha == hb:
            head = 1.0
        elif (ha and ha in b.terms) or (hb and hb in a.terms):
            # "met ... for talks on a ceasefire" and "held talks on a ceasefire": the head of one
            # is a word of the other
            head = HEAD_IN_TERMS
        else:
            head = 0.0
    terms_a, terms_b = a.body, b.body  # the head counts once, above
    common_terms = terms_a & terms_b
    if terms_a or terms_b:
        terms = _overlap(common_terms, side_a.terms, side_b.terms, "t:", rarity, params.terms_floor) \
            if common_terms else 0.0
    common: list[str] = []
    if a.names or b.names:
        names = 0.0
        if a.names and b.names:
            if floor is not None and _total(head, 1.0, terms, w) < floor:
                return None
            common = matching_names(a.names, b.names, params.name_similarity)
            if common:
                names = _overlap(common, side_a.names, side_b.names, "n:", rarity, params.names_floor)
    total = _total(head, names, terms, w)
    if floor is not None and total < floor:
        return None
    return head, names, terms, common, common_terms, total


def _score_parts(a: Signature, b: Signature, got: tuple) -> ScoreParts:
    """`_parts`' result as ScoreParts (for the pairs that are kept: most are not)."""
    head, names, terms, common, common_terms, _ = got
    shared_head: tuple[str, ...] = ()
    if head:
        shared_head = (a.head,) if head == 1.0 or a.head in b.terms else (b.head,)
    return ScoreParts(head, names, terms, shared_head, tuple(common), tuple(sorted(common_terms)))


def score_parts(
    a: Signature,
    b: Signature,
    params: AlignParams,
    rarity: Rarity | None = None,
    sides: tuple[Sides, Sides] | None = None,
) -> ScoreParts:
    """The parts of the score of two signatures (`_parts`); components absent on both sides are
    None. `sides` are the two signatures' own weights (`sides_of`), when the caller has them."""
    rarity = rarity or PLAIN
    side_a, side_b = sides or (sides_of(a, rarity), sides_of(b, rarity))
    got = _parts(a, b, side_a, side_b, params, rarity)
    assert got is not None  # no floor, never dropped
    return _score_parts(a, b, got)


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


PLAIN = Rarity()


class PairScorer:
    """`score` for many pairs of one rule's facts: each signature's own weights are summed once,
    and a pair whose score cannot reach `floor` is dropped as soon as that is known (before its
    names are compared, when even a full name match would not lift it)."""

    def __init__(self, sigs: list[Signature], params: AlignParams, rarity: Rarity | None, floor: float):
        self.rarity = rarity or PLAIN
        self.sigs = sigs
        self.sides = [sides_of(sig, self.rarity) for sig in sigs]
        self.params = params
        self.floor = floor

    def __call__(self, i: int, j: int, floor: float | None = None) -> tuple[float, tuple[str, ...]] | None:
        """(score, shared) of facts i and j, or None when the score is below the floor (this
        pair's, if given)."""
        a, b = self.sigs[i], self.sigs[j]
        got = _parts(a, b, self.sides[i], self.sides[j], self.params, self.rarity,
                     self.floor if floor is None else floor)
        if got is None:
            return None
        return got[5], _score_parts(a, b, got).shared


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
    return min(1.0, rarity.total(prefix, common) / max(floor, min(side_a, side_b)))


def matching_names(a: frozenset[str], b: frozenset[str], min_ratio: float) -> list[str]:
    common = sorted(a & b)
    rest_b = b - a
    if not rest_b:
        return common
    initials = {y[0] for y in rest_b}
    # only names with the same initial are compared (cheap set test first: this runs for every
    # candidate pair); the order of comparisons, and so the result, is unchanged
    ordered_b: list[str] | None = None  # sorted once, when a name with a shared initial needs it
    for x in sorted(a - b):
        if x[0] not in initials:
            continue
        if ordered_b is None:
            ordered_b = sorted(rest_b)
        for y in ordered_b:
            if x[0] == y[0] and fuzz.ratio(x, y) >= min_ratio:
                common.append(x)
                break
    return common
