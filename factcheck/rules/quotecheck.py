"""Quote checks: the same statement reported by several sources, and who said it.

Quotes are compared clause by clause ("units"): translation variants of one statement agree;
a variant that changes who does what (we/us vs they/them), adds or drops a negation, or
changes a number is a divergent quote, reported with its similarity and word diff.
Units that follow aligned units in both sources (the next thing the same speaker said) are
aligned too, even when their wording differs a lot: that is where distortions hide.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from factcheck.align import Relation
from factcheck.extract.terms import name_key
from factcheck.models import Fact, FactKind, QuoteValue, Verdict
from factcheck.rules.base import Check, Judgement, list_values, values_by_source
from factcheck.text import normalize_for_compare

_UNIT_BREAK = re.compile(r"(?<=[.?!;])\s+|,\s+(?=(?:or|but|and)\b)|\s+-\s+")
_PERSON = {
    "i": 1, "me": 1, "my": 1, "we": 1, "us": 1, "our": 1, "ours": 1,
    "you": 2, "your": 2, "yours": 2,
    "he": 3, "him": 3, "his": 3, "she": 3, "her": 3, "they": 3, "them": 3, "their": 3, "theirs": 3,
}
_NEGATION = frozenset("not no never nothing none nobody neither nor cannot can't won't don't doesn't didn't isn't aren't wasn't weren't".split())
_NUMBER = re.compile(r"\d[\d,.]*")
_CLOCK = re.compile(r"\b\d{1,2}(?:\s+\d{2})?\s*(?:[ap]\s*m\b|[ap]m|gmt|utc|[a-z]{2,3}t\b)|\b\d{1,2}\s+\d{2}\b|\b\d{4}\s*gmt")


class SameQuoteParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_similarity: float = Field(70, ge=0, le=100, description="rapidfuzz token-set ratio for the same statement")
    follow_similarity: float = Field(35, ge=0, le=100, description="lower ratio enough for the unit that follows an aligned one")
    min_words: int = Field(1, ge=1, description="shorter fragments are not compared")
    unknown_speaker: bool = Field(False, description="also compare quotes whose speaker is not known")


_NOT_SURNAME = frozenset("himself herself themselves itself jointly alone too".split())
_SPEAKER_SPLIT = re.compile(r"\s+(?:and|&|of|to|from|at|for)\s+|,\s*")
_SPEAKER_WORD = re.compile(r"[\w'\u2019-]+")


def speaker_key(fact: Fact) -> str | None:
    """The speaker's surname key: "Vladimir Putin" and "Putin" meet; "Zadan and Meron" is
    keyed by its first person; "Gregg Hastings of the Oregon State Police" by Hastings."""
    v = fact.value
    if not isinstance(v, QuoteValue) or not v.speaker:
        return None
    return _surname_key(v.speaker)


@functools.lru_cache(maxsize=65536)
def _surname_key(speaker: str) -> str | None:
    first = _SPEAKER_SPLIT.split(speaker)[0]
    words = [w for w in _SPEAKER_WORD.findall(first) if w.lower() not in _NOT_SURNAME]
    return name_key(words[-1]) if words else None


def named_in_sentence(fact: Fact, key: str) -> bool:
    """Whether the name `key` is written in the fact's sentence outside the quote itself."""
    ctx = fact.context
    start = fact.start - ctx.sentence_start
    outside = ctx.sentence[:max(0, start)] + " " + ctx.sentence[max(0, start) + len(fact.text):]
    return any(name_key(w) == key for w in re.findall(r"[A-Z][\w'\u2019-]+", outside))


def units_of(fact: Fact) -> list[str]:
    v = fact.value
    text = v.quote if isinstance(v, QuoteValue) else fact.text
    return [u for u in (normalize_for_compare(p) for p in _UNIT_BREAK.split(text)) if u]


def similarity(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b)


@dataclass(frozen=True)
class Divergence:
    kinds: tuple[str, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]


def _negated(word: str) -> bool:
    return word in _NEGATION or word.endswith("n't")


def divergence(a: str, b: str) -> Divergence | None:
    """What changes the meaning between two wordings of one statement, if anything.

    Only changes inside the shared wording count: one source quoting more of the statement
    (words added before or after what both quote) changes nothing."""
    wa, wb = a.split(), b.split()
    ops = [op for op in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()]
    while ops and ops[0][0] != "equal":
        ops.pop(0)
    while ops and ops[-1][0] != "equal":
        ops.pop()
    if not ops:
        return None
    removed: list[str] = []
    added: list[str] = []
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            removed.extend(wa[i1:i2])
            added.extend(wb[j1:j2])
    kinds = []
    # a person dropped on one side and another brought in on the other: "order us" vs "order them"
    persons_removed = {_PERSON[w] for w in removed if w in _PERSON}
    persons_added = {_PERSON[w] for w in added if w in _PERSON}
    if persons_removed - persons_added and persons_added - persons_removed:
        kinds.append("who does what")
    if any(_negated(w) for w in removed) != any(_negated(w) for w in added):
        kinds.append("negation")
    # clock times are written many ways ("6:41pm", "18:41"): compare the other numbers only
    na = set(_NUMBER.findall(_CLOCK.sub(" ", " ".join(removed))))
    nb = set(_NUMBER.findall(_CLOCK.sub(" ", " ".join(added))))
    if na and nb and na != nb:
        kinds.append("number")
    if not kinds:
        return None
    return Divergence(tuple(kinds), tuple(removed), tuple(added))


def _mutual_best(found: dict[tuple[int, int], float], units, facts: list[Fact]) -> dict[tuple[int, int], float]:
    """Keep a unit pair only if each unit is the other's best match in that source: a sentence
    quoted by both sources must not also pair with its neighbour."""
    best: dict[tuple[int, str], float] = {}
    for (x, y), s in found.items():
        for u, other in ((x, y), (y, x)):
            key = (u, facts[units[other][0]].source_id)
            best[key] = max(best.get(key, 0.0), s)
    return {
        (x, y): s for (x, y), s in found.items()
        if s >= best[(x, facts[units[y][0]].source_id)] and s >= best[(y, facts[units[x][0]].source_id)]
    }


_MAX_POSTING = 64  # units sharing a word beyond this many are not compared on that word


def blocked_pairs(words: dict[int, set[str]], max_posting: int) -> list[tuple[int, int]]:
    """Pairs (x < y) of items sharing a word, blocked on words no more than `max_posting`
    items share; an item whose words are all that common keeps its rarest word as its key."""
    posting: dict[str, list[int]] = defaultdict(list)
    for n, ws in words.items():
        for w in ws:
            posting[w].append(n)
    keyed: dict[str, list[int]] = defaultdict(list)
    for n, ws in words.items():
        rare = [w for w in ws if len(posting[w]) <= max_posting]
        if not rare and ws:
            rare = [min(ws, key=lambda w: (len(posting[w]), w))]
        for w in rare:
            keyed[w].append(n)
    pairs: set[tuple[int, int]] = set()
    for members in keyed.values():
        members.sort()
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs.add((members[a], members[b]))
    return sorted(pairs)


class SameQuote(Check):
    """Quotes of one speaker in different sources: the same statement must say the same thing."""

    name = "same_quote"
    kinds = (FactKind.QUOTE,)
    Params = SameQuoteParams
    align_by = "text"
    pairwise_contradictions = True

    def __init__(self, params: BaseModel):
        super().__init__(params)
        self._units: dict[str, list[str]] = {}
        self._pairs: dict[tuple[str, str], tuple[float, str, str, Divergence | None]] = {}

    def _u(self, f: Fact) -> list[str]:
        key = f.key
        if key not in self._units:
            self._units[key] = units_of(f)
        return self._units[key]

    def score_pairs(self, facts: list[Fact]) -> list[tuple[int, int, float, tuple[str, ...]]]:
        """Links between quote facts of different sources: the best unit match, plus units that
        follow matched units in both sources (the same speaker's next words)."""
        units = [(i, u) for i, f in enumerate(facts) for u in self._u(f) if len(u.split()) >= self.p.min_words]
        strong = self._text_matches(facts, units)
        unit_pairs = dict(strong)
        matched_in: dict[int, set[str]] = defaultdict(set)  # unit -> sources where it has a strong match
        for x, y in strong:
            matched_in[x].add(facts[units[y][0]].source_id)
            matched_in[y].add(facts[units[x][0]].source_id)
        nxt = self._successors(facts, units)
        for x, y in list(strong):
            fx, fy = nxt.get(x), nxt.get(y)
            if fx is None or fy is None:
                continue
            src_x, src_y = facts[units[fx][0]].source_id, facts[units[fy][0]].source_id
            if src_y in matched_in[fx] or src_x in matched_in[fy]:
                continue  # each already has its own counterpart there
            s = similarity(units[fx][1], units[fy][1])
            if s >= self.p.follow_similarity:
                unit_pairs[(fx, fy)] = max(s, self.p.min_similarity)
        # one link per pair of facts: a divergent unit pair if there is one, else the most similar
        chosen: dict[tuple[int, int], tuple[float, str, str, Divergence | None]] = {}
        for (x, y), sim in unit_pairs.items():
            (i, ua), (j, ub) = units[x], units[y]
            if i > j:
                i, j, ua, ub = j, i, ub, ua
            candidate = (sim, ua, ub, divergence(ua, ub))
            old = chosen.get((i, j))
            if old is None or (candidate[3] is not None, candidate[0]) > (old[3] is not None, old[0]):
                chosen[(i, j)] = candidate
        out = []
        for (i, j), pair in sorted(chosen.items()):
            self._pairs[(facts[i].key, facts[j].key)] = pair
            out.append((i, j, pair[0] / 100, ()))
        return out

    def _text_matches(self, facts: list[Fact], units: list[tuple[int, str]]) -> dict[tuple[int, int], float]:
        """Unit pairs of different sources and the same speaker whose wording is similar enough.

        Units are grouped by speaker first, then blocked on their rarer words within the group:
        a word shared by more than `_MAX_POSTING` units of one speaker ("people", "country")
        says nothing about which statement a unit is, and comparing all of them is quadratic."""
        keys = {i: speaker_key(f) for i, f in enumerate(facts)}
        by_speaker: dict[str | None, list[int]] = defaultdict(list)
        for n, (i, _) in enumerate(units):
            if keys[i] is not None or self.p.unknown_speaker:
                by_speaker[keys[i]].append(n)
        found: dict[tuple[int, int], float] = {}
        for group in by_speaker.values():
            sources = {facts[units[n][0]].source_id for n in group}
            if len(sources) < 2:
                continue
            words = {n: {w for w in units[n][1].split() if len(w) > 3} for n in group}
            for x, y in blocked_pairs(words, _MAX_POSTING):
                fi, fj = facts[units[x][0]], facts[units[y][0]]
                if fi.source_id == fj.source_id:
                    continue
                s = similarity(units[x][1], units[y][1])
                if s >= self.p.min_similarity:
                    found[(x, y)] = s
        return _mutual_best(found, units, facts)

    def _successors(self, facts: list[Fact], units: list[tuple[int, str]]) -> dict[int, int]:
        """The unit each unit is followed by: the same speaker, in the same paragraph."""
        order = sorted(range(len(units)), key=lambda n: (facts[units[n][0]].source_id, facts[units[n][0]].start, n))
        out = {}
        for a, b in zip(order, order[1:]):
            fa, fb = facts[units[a][0]], facts[units[b][0]]
            if fa.source_id == fb.source_id and fa.line == fb.line and speaker_key(fa) == speaker_key(fb):
                out[a] = b
        return out

    def relate(self, a: Fact, b: Fact) -> Relation:
        if a.source_id == b.source_id:
            return Relation.EQUAL if normalize_for_compare(a.text) == normalize_for_compare(b.text) \
                else Relation.INCOMPARABLE
        pair = self._pairs.get((a.key, b.key)) or self._pairs.get((b.key, a.key))
        if pair is None:
            return Relation.INCOMPARABLE
        s, ua, ub, div = pair
        if div is not None:
            return Relation.CONTRADICT
        return Relation.EQUAL if ua == ub else Relation.AGREE

    def judge(self, facts, links, threshold) -> Judgement:
        values = values_by_source(facts)
        for link in links:
            if link.relation is Relation.CONTRADICT:
                a, b = link.a, link.b
                pair = self._pairs.get((a.key, b.key)) or self._pairs.get((b.key, a.key))
                if pair is None:
                    continue
                s, ua, ub, div = pair
                msg = (f"divergent quote ({', '.join(div.kinds)}; similarity {s:.0f}%): "
                       f"{a.source_id}: “{ua}” vs {b.source_id}: “{ub}”")
                return Judgement(Verdict.CONTRADICT, msg, {
                    "similarity": round(s, 1), "divergence": list(div.kinds),
                    "removed": list(div.removed), "added": list(div.added), "values": values})
        return Judgement(Verdict.AGREE, f"{len(values)} sources quote the same statement: {list_values(values)}",
                         {"values": values})


class SameSpeakerParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    min_similarity: float = Field(95, ge=0, le=100, description="rapidfuzz ratio for the same words")
    min_words: int = Field(8, ge=1, description="shorter quotes are too generic to attribute")


class SameSpeaker(Check):
    """The same words quoted in two sources are attributed to the same person."""

    name = "same_speaker"
    kinds = (FactKind.QUOTE,)
    Params = SameSpeakerParams
    align_by = "text"

    def score_pairs(self, facts: list[Fact]) -> list[tuple[int, int, float, tuple[str, ...]]]:
        texts = [normalize_for_compare(f.value.quote if isinstance(f.value, QuoteValue) else f.text) for f in facts]
        words = {i: {w for w in t.split() if len(w) > 4} for i, t in enumerate(texts)
                 if len(t.split()) >= self.p.min_words and speaker_key(facts[i])}
        out = {}
        for x, y in blocked_pairs(words, _MAX_POSTING):
            if facts[x].source_id != facts[y].source_id:
                s = fuzz.ratio(texts[x], texts[y])
                if s >= self.p.min_similarity:
                    out[(x, y)] = s
        return [(i, j, s / 100, ()) for (i, j), s in sorted(out.items())]

    def relate(self, a: Fact, b: Fact) -> Relation:
        ka, kb = speaker_key(a), speaker_key(b)
        if ka is None or kb is None:
            return Relation.INCOMPARABLE
        if ka == kb:
            return Relation.EQUAL
        # A misattribution needs each source to name its speaker right at the quote, and
        # neither to mention the other's speaker there ("Meyer praised Weitz and said ...").
        if not (named_in_sentence(a, ka) and named_in_sentence(b, kb)):
            return Relation.INCOMPARABLE
        if named_in_sentence(a, kb) or named_in_sentence(b, ka):
            return Relation.INCOMPARABLE
        return Relation.CONTRADICT

    def judge(self, facts, links, threshold) -> Judgement | None:
        judgement = super().judge(facts, links, threshold)
        # the same words by the same speaker are the quote check's business, not news here
        return judgement if judgement.verdict is not Verdict.AGREE else None

    def disagreement(self, facts, values):
        speakers = sorted({f"{f.source_id}: {f.value.speaker}" for f in facts if isinstance(f.value, QuoteValue)})
        return "the same words are attributed to different speakers: " + "; ".join(speakers)
