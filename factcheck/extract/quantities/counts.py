"""Figures, counts: the counted noun after a number ("38 villages", "four southeastern regions",
"seven injured", "Two sources cited").

Input: the text and where a number ends. Output: the counted noun and where it ends, or None.
The rule: the next word is a lower-case noun-like word (not a function word, unit, time word,
month or number word), plural unless the number is one; one adjective or noun adjunct may come
between ("four southeastern regions", "38 village councils"). No part-of-speech tagger: word
tables and endings are enough here and cost a dictionary look-up.
"""

from __future__ import annotations

import re

from factcheck.extract import units as U
from factcheck.extract.durations import TIME_UNITS
from factcheck.extract.lexicon import (
    CASUALTY_WORDS,
    IRREGULAR_PLURALS,
    MONTHS,
    WEEKDAYS,
)
from factcheck.extract.numbers import word_kind
from factcheck.extract.terms import STOPWORDS

_NEXT_WORDS = re.compile(
    r"[ \u00a0]+(?P<w1>[A-Za-z][a-z'\u2019]*(?:-[A-Za-z][a-z]*)*)(?![\w-])"
    r"(?:[ \u00a0]+(?P<w2>[a-z][a-z'\u2019]*(?:-[a-z]+)*)(?![\w-]))?"
)
# Function words that the shared stopword list leaves out, and words that follow numbers without
# being counted ("5 percent", "3 times", "two thirds", "four more").
_NOT_NOUNS = STOPWORDS | frozenset("""
percent per cent times more less fewer other others different separate additional further extra
consecutive straight successive straight previous following next last remaining total combined
respectively each apiece altogether overall instead alone later earlier ago old aged long high wide
tall deep away back out off down up yes no points point degrees hundreds thousands millions billions
dozens of to in on at by for with from as and or but if than that which who whom whose where when
something anything nothing everything someone anyone everyone somebody anybody nobody thing things
while because although though since until unless whether is are was were be been being has have had
do does did will would can could shall should may might must also only just even still already
""".split())

_ENDS_NOT_PLURAL = ("ss", "us", "is", "ous", "'s", "\u2019s")
# Adjectives common between a number and its noun, which no ending gives away: "one slight quake".
_ADJECTIVES = frozenset("""
slight major minor small large big huge new old young senior junior former single main key top full
whole total entire high low heavy light strong weak separate distinct rival armed unarmed foreign
local military civilian certain various several few many most best worst last first next previous
""".split())
_ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "al", "ic", "ish", "less", "able", "ible", "ern", "ese", "ian",
                      "ary", "ing", "est")


def is_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS or w in CASUALTY_WORDS:
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(_ENDS_NOT_PLURAL)


def _noun_like(word: str) -> bool:
    w = word.lower()
    if w in _NOT_NOUNS or w in MONTHS or w in WEEKDAYS or w in TIME_UNITS or word_kind(w):
        return False
    if U.lookup_word(w) is not None or w.endswith("ly"):
        return False
    return len(w) > 1


def counted_noun(text: str, end: int, value: float) -> tuple[str, int] | None:
    """The noun counted by the number that ends at `end`, and where that noun ends."""
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return None
    w1, w2 = m.group("w1"), m.group("w2")
    one = value == 1
    if not _noun_like(w1):
        return None
    w2_noun = w2 is not None and _noun_like(w2) and (is_plural(w2) != one) and w2 not in CASUALTY_WORDS \
        and not w2.endswith("ed")
    if w1[0].isupper():  # an adjective ("four Russian soldiers") or a people ("40 Palestinians killed")
        if w2_noun:
            return w2, m.end("w2")
        return (w1, m.end("w1")) if is_plural(w1) and not one and not w1.isupper() else None
    low = w1.lower()
    if low in CASUALTY_WORDS:
        return (w2, m.end("w2")) if w2_noun and is_plural(w2) else (w1, m.end("w1"))
    adjective = low in _ADJECTIVES or low.endswith(_ADJECTIVE_ENDINGS) and not is_plural(w1)
    if adjective:
        return (w2, m.end("w2")) if w2_noun else None
    if is_plural(w1) != one and not w1.endswith("ed"):
        return w1, m.end("w1")
    if w2_noun and not is_plural(w1):  # an adjective or noun adjunct first: "four eastern regions"
        return w2, m.end("w2")
    return None
