"""Whether two aligned facts make the same claim: the tests a contradiction must pass beyond
its alignment score (multi-valued heads, owners, topics, the words right around the values)."""

from __future__ import annotations

import re
from collections import defaultdict

from factcheck.align.params import AlignParams, Relate, Relation
from factcheck.align.score import PLAIN, Rarity, matching_names
from factcheck.extract.lexicon import REPORTING_VERBS, is_past_verb
from factcheck.extract.terms import stem
from factcheck.models import Fact

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
    rarity = rarity or PLAIN
    ta, tb = set(a.context.near), set(b.context.near)
    na, nb = set(a.context.near_names), set(b.context.near_names)
    got = rarity.total("t:", ta & tb)
    got += rarity.total("n:", matching_names(frozenset(na), frozenset(nb), params.name_similarity))
    side_a = rarity.total("t:", ta) + rarity.total("n:", na)
    side_b = rarity.total("t:", tb) + rarity.total("n:", nb)
    return min(1.0, got / max(params.names_floor, min(side_a, side_b)))


def owners_differ(a: Fact, b: Fact, params: AlignParams) -> bool:
    """Each value sits next to a name the other source's sentence never mentions: "Artino ...
    six rebounds" vs "Echenique ... 11 rebounds", "170,000 in Sumatra" vs "230,000 across Asia"."""
    only_a = set(a.context.near_names) - set(matching_names(frozenset(a.context.near_names),
                                                           frozenset(b.context.names), params.name_similarity))
    only_b = set(b.context.near_names) - set(matching_names(frozenset(b.context.near_names),
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
    slot = _template_slot(a.context.topic, b.context.topic)
    if slot is not None:
        # "Listed buildings in Badger, Shropshire" and "... in Barrow, Shropshire": one title
        # pattern filled with two names is two subjects, unless a sentence names the other one
        ta, tb = frozenset({slot[0]}), frozenset({slot[1]})
    elif 2 * len(matching_names(ta, tb, params.name_similarity)) > min(len(ta), len(tb)):
        # titles about one thing share most of their names; "Andrej Smrekar" and "Andrej Segeč" do not
        return False
    return not (matching_names(frozenset(a.context.names), tb, params.name_similarity)
                or matching_names(frozenset(b.context.names), ta, params.name_similarity))


def _template_slot(ta: list[str], tb: list[str]) -> tuple[str, str] | None:
    """The one differing name of two titles' names that are otherwise the same, in the same
    order (at least two others): the names that fill one title pattern. None otherwise."""
    if len(ta) != len(tb) or len(ta) < 3:
        return None
    differ = [(x, y) for x, y in zip(ta, tb) if x != y]
    return differ[0] if len(differ) == 1 else None


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
        if syn.get(ha, ha) != syn.get(hb, hb) and is_past_verb(a.context.head.lower()) \
                and is_past_verb(b.context.head.lower()):
            return False  # two things that happened: "charged in 1957", "acquitted in 1958"
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
