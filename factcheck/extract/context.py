"""What a fact is about: its sentence, clause, head word, names and content words.

Input: the source text, its sentence spans and a mention span. Output: a FactContext,
the signature alignment compares.
"""

from __future__ import annotations

import bisect
import re

from factcheck.extract.lexicon import IRREGULAR_PAST
from factcheck.extract.terms import STOPWORDS, WORD_RE, content_terms, names_in
from factcheck.models import FactContext, Section

# Strong clause boundaries inside a sentence.
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:()\[\]\u2014\u2013]|\s-\s)\s*")
_MODIFIER_LEFT = re.compile(r"(?:\b(?:a|an|the|this|that|its|his|her|their|our|whose)|['\u2019]s)\s*$", re.I)
_WINDOW = 12  # words either side of the mention that count as its clause
NEAR = 8  # words either side that say whose value it is and of what (the value's own phrase)
_AGE = re.compile(r"[-\s]old\b[\s,]*(?:(?:a|an|the)\s+)?([A-Za-z][a-z-]+)?")


class SentenceIndex:
    """Finds the sentence around an offset."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return (0, end)
        s, e = self.spans[i]
        # a mention that runs past its sentence (a quote over a sentence break) takes the next ones
        j = i
        while e < end and j + 1 < len(self.spans):
            j += 1
            e = self.spans[j][1]
        return (s, max(e, end))


def build_context(
    text: str,
    sentence: tuple[int, int],
    start: int,
    end: int,
    head_hint: str | None,
    in_quote: bool,
    section: Section,
    doc_names: frozenset[str],
) -> FactContext:
    s_start, s_end = sentence
    clause_start, clause_end = _clause(text, s_start, s_end, start, end)
    clause = text[clause_start:clause_end]
    sent = text[s_start:s_end]
    head = head_hint.lower() if head_hint else _head(text, clause_start, clause_end, start, end)
    # names from the whole sentence (who is involved), words from the clause (what happened)
    names = names_in(sent, doc_names)
    terms = content_terms(text[clause_start:start] + " " + text[end:clause_end], doc_names)
    near_text = _near_text(text, s_start, s_end, start, end)
    return FactContext(
        sentence=sent,
        sentence_start=s_start,
        clause=clause,
        head=head,
        names=names,
        terms=terms,
        near=content_terms(near_text, doc_names),
        near_names=names_in(near_text, doc_names),
        in_quote=in_quote,
        section=section,
    )


def _near_text(text: str, s_start: int, s_end: int, start: int, end: int) -> str:
    left = [m.start() for m in WORD_RE.finditer(text, s_start, start)]
    right = [m.end() for m in WORD_RE.finditer(text, end, s_end)]
    lo = left[-NEAR] if len(left) >= NEAR else s_start
    hi = right[NEAR - 1] if len(right) >= NEAR else s_end
    return text[lo:start] + " " + text[end:hi]


def _clause(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    lo, hi = s_start, s_end
    for m in _CLAUSE_BREAK.finditer(text, s_start, s_end):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    # keep a window of words either side so long clauses do not drown the signal
    left = [m.start() for m in WORD_RE.finditer(text, lo, start)]
    if len(left) > _WINDOW:
        lo = left[-_WINDOW]
    right = [m.end() for m in WORD_RE.finditer(text, end, hi)]
    if len(right) > _WINDOW:
        hi = right[_WINDOW - 1]
    # a clause of a few words says too little: fall back to the sentence
    if len(left) + len(right) < 4:
        return s_start, s_end
    return lo, hi


def _is_past_verb(word: str) -> bool:
    return (word.endswith("ed") and len(word) > 4) or word in IRREGULAR_PAST


def _is_content(word: str) -> bool:
    lw = word.lower()
    return len(lw) > 2 and lw not in STOPWORDS and not word[0].isupper()


def _head(text: str, lo: int, hi: int, start: int, end: int) -> str | None:
    """The word a date or figure attaches to: the noun it modifies ("a March 12 address"),
    else the nearest content word before it ("address on Thursday"), else after it.
    An age ("a 20-year-old daughter") is about the person."""
    age = _AGE.match(text, end, min(hi, end + 40))
    if age:
        # the person it is the age of: "20-year-old daughter", "23-year-old Bush"
        who = age.group(1)
        return who.lower() if who and who.lower() not in STOPWORDS else "age"
    after = list(WORD_RE.finditer(text, end, hi))
    if _MODIFIER_LEFT.search(text[max(lo, start - 12):start]) or start == lo:
        words = [m.group(0) for m in after[:4] if not m.group(0)[0].isupper()]
        # "Yesterday, the police explained ...": the verb, not its subject
        for w in words[:3]:
            if _is_content(w) and _is_past_verb(w.lower()):
                return w.lower()
        for w in words:
            if _is_content(w):
                return w.lower()
            break
    before = list(WORD_RE.finditer(text, lo, start))
    # a verb just before the value is what it dates: "killed by police on Saturday"
    for m in reversed(before[-4:]):
        w = m.group(0)
        if _is_content(w) and _is_past_verb(w.lower()):
            return w.lower()
    for m in reversed(before[-6:]):
        if _is_content(m.group(0)):
            return m.group(0).lower()
    for m in after[:5]:
        if _is_content(m.group(0)):
            return m.group(0).lower()
    return None
