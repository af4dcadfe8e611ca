"""Figures, one number: is it a figure at all, and what does it measure?

Input: the text and one `Number`. Output: a `Single` (the number, what stands left and right of
it, the unit it carries) or None when the number is not a figure: a year, a date, a time, a
phone number or date chain, a reference ("Article 5"), a name ("Boeing 737", "COVID-19").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract import units as U
from factcheck.extract.durations import TIME_UNITS
from factcheck.extract.lexicon import MONTHS, NUMBER_NAME_WORDS
from factcheck.extract.numbers import Number, word_trie
from factcheck.extract.quantities.counts import counted_noun
from factcheck.extract.quantities.sides import (
    QUALIFIERS,
    Left,
    Right,
    read_left,
    read_right,
)
from factcheck.extract.terms import STOPWORDS

_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"\u201c\u2018(\[]\s*|\n)$")
_TIME_OF_DAY = re.compile(r"[ ]?(?:[aApP]\.?[mM]\b\.?|[:h]\d\d\b|o'clock)")
_CHAIN_RIGHT = re.compile(r"[-/.]\d+[-/.]\d")
_CHAIN_LEFT = re.compile(r"\d[-/.]\d+[-/.]$")
_CONNECTOR_AFTER = re.compile(r"[ \u00a0]*(?:-|\u2013|\u2014|to\b|and\b|or\b|through\b|[(\[])")
_LEFT_CUES = frozenset({"to", "and", "or", "from", "between", "by", "of", "magnitude", "rmb", "usd", "rs", "sen"})
_QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIERS)
_PUNCT = "\"'()[]{}\u201c\u2018"
_VAGUE = frozenset({"several", "few", "many", "some", "couple", "multiple", "numerous"})
_BARE_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_CHAIN_CHARS = frozenset("-/.:")
_TIME_STARTS = frozenset(" apAPh:o")
_NO_UNIT_AFTER = frozenset(",;)]}\n\t!?")
_RATIO_LEFT = re.compile(r"\d:[ ]?$")
_NAME_DASH = re.compile(r"[A-Za-z][A-Za-z0-9]*-$")
_CAPITALIZED_NEXT = re.compile(r"[ \u00a0-][A-Z][a-z]")
_QUALIFIABLE = re.compile(r"[ \u00a0]+[a-z]")  # a year is read further only if a lower-case word follows
_SIGNS_BEFORE = frozenset(s for s in U.CURRENCY_SIGNS if len(s) == 1)
_NEXT_MONTH = re.compile(r"(?:st|nd|rd|th)?[ \u00a0]+(?P<m>[A-Z][a-z]+)\b")
_TIME_AFTER = re.compile(rf"(?:[ \u00a0]|-|[ ]-[ ])?(?:{word_trie(sorted(TIME_UNITS, key=len))})(?![A-Za-z])", re.IGNORECASE)
_ONE = frozenset({"one", "One", "ONE"})
_GENERIC_DOLLAR = frozenset({"dollar", "dollars", "buck", "bucks"})
_CODE_PREFIXES = {c.lower() for c in U.CURRENCY_CODES} | set(U.CURRENCY_WORD_PREFIXES) | {"magnitude"}


_SLASH_END = frozenset("/ ")
_SLASH_START = frozenset("/ ")
_DENOMINATOR = re.compile(r"\d[ ]*/[ ]*$")
_NUMERATOR = re.compile(r"[ ]*/[ ]*\d")


@dataclass(slots=True)
class Single:
    number: Number
    left: Left
    right: Right
    unit: U.Unit | None
    value: float
    end: int  # after the unit, if any

    @property
    def start(self) -> int:
        return self.left.start


def year_like(text: str, n: Number) -> bool:
    s = text[n.start:n.end]
    return len(s) == 4 and s.isdigit() and 1000 <= n.value <= 2100


def _month_near(text: str, n: Number, left: Left) -> bool:
    """A day or year beside a month name: "March 13", "13 March", "January 2025"."""
    if n.value > 31 and not year_like(text, n) or n.value != int(n.value) or "," in text[n.start:n.end]:
        return False
    if left.prev and left.prev.rstrip(".").lower() in MONTHS and left.prev_start + len(left.prev) < n.start:
        return True
    m = _NEXT_MONTH.match(text, n.end)
    return bool(m) and m.group("m").lower() in MONTHS


def _named(text: str, n: Number, left: Left) -> bool:
    """A number that names or refers rather than measures: "Article 5", "Boeing 737", "F-16"."""
    c = text[n.start - 1:n.start] if n.start else ""
    if c == "-" and _NAME_DASH.search(text, max(0, n.start - 12), n.start) and not left.unit \
            or c in ("#", "\u2116"):
        return True  # "F-16", "COVID-19", "scp2-173"; not "5-10" or "magnitude-7.8"
    word = left.prev
    if not word or left.prev_start + len(word) == n.start or left.qualifier or left.currency:
        return False
    low = word.lower().rstrip(".:,")
    if low in NUMBER_NAME_WORDS:
        return True
    if not word[0].isupper() or word.endswith(("'s", "\u2019s")) or low in STOPWORDS or low in QUALIFIERS:
        return False
    if low in MONTHS or low in _CODE_PREFIXES or not word[-1].isalnum():
        return False
    return not _SENTENCE_START.search(text, max(0, left.prev_start - 3), left.prev_start)


def _titled(text: str, n: Number, left: Left) -> bool:
    """A number word in a title-case name: "Eighty Mile Beach", "the Three Gorges Dam"."""
    if not n.words or not text[n.start].isupper() or not _CAPITALIZED_NEXT.match(text, n.end):
        return False
    # a title-case run after an opening quote is a title too ("Million Dollar Mermaid")
    return bool(left.prev) and left.prev[-1] not in ".!?:"


def _chained(text: str, n: Number) -> bool:
    """Part of a date or phone number: "2025-03-14", "3/14/2025", "+1-222-2222"."""
    after = text[n.end:n.end + 2]
    before = text[max(0, n.start - 2):n.start]
    if not (after[:1] in _CHAIN_CHARS or before[-1:] in _CHAIN_CHARS or ":" in before):
        return False
    if after[:1] == ":" and after[1:2].isdigit() or ":" in before and _RATIO_LEFT.search(text, max(0, n.start - 4),
                                                                                             n.start):
        return True  # "700:1", "18:00", "5: 55"
    right = len(after) == 2 and after[0] in "-/." and after[1].isdigit()
    left = len(before) == 2 and before[1] in "-/." and before[0].isdigit()
    if right and left:
        return True
    if right:
        return bool(_CHAIN_RIGHT.match(text, n.end))
    if left:
        return bool(_CHAIN_LEFT.search(text, max(0, n.start - 14), n.start))
    return False


def is_time_unit_after(text: str, n: Number) -> bool:
    return bool(_TIME_AFTER.match(text, n.end))


def read_single(text: str, n: Number, floor: int) -> Single | None:
    """The number with what stands beside it, or None if it is not a figure."""
    c = text[n.end:n.end + 1]
    if _chained(text, n) or c in _TIME_STARTS and _TIME_OF_DAY.match(text, n.end) or n.start and text[
            n.start - 1].isdigit():
        return None
    if text[n.start] == "0" and text[n.start + 1:n.start + 2].isdigit():
        return None  # "000", "05": a digit group no number starts with, a split "2, 000" or a code
    if n.start and text[n.start - 1] in _SLASH_END and _DENOMINATOR.search(text, max(0, n.start - 8), n.start) \
            or c in _SLASH_START and _NUMERATOR.match(text, n.end):
        return None  # "41 / 2 miles": a fraction split by a tokenizer ("4 1/2"); no value rather than a wrong one
    # punctuation right after the number: no unit can follow, skip reading one
    right = Right(n.end) if c in _NO_UNIT_AFTER else read_right(text, n, money_before(text, n.start))
    unit = right.unit
    if unit is None and year_like(text, n) and not _QUALIFIABLE.match(text, n.end):
        c = text[n.start - 1:n.start] if n.start else ""
        if c not in _SIGNS_BEFORE:
            return None  # a year: the common case, settled before reading the left
    if unit is None and not _may_be_figure(text, n):
        return None  # most bare numbers: no noun, connector or currency near, settled before reading the left
    left = read_left(text, n, floor)
    if _named(text, n, left) or unit is None and _month_near(text, n, left) or _titled(text, n, left):
        return None
    if n.words and left.prev.lower() in _VAGUE and text[n.start:n.end].split()[0].lower() in _BARE_SCALES:
        return None  # "several hundred metres", "a few thousand people": not a number
    end = right.end
    value = n.value * right.scale + right.add
    if left.currency is not None:
        if unit is not None and not unit.money:
            unit, end, value = None, n.end, n.value  # "$5 m" was read as money already
        written = text[n.end:end].strip(" -").lower()
        generic = written in _GENERIC_DOLLAR
        if unit is None or unit.currency != left.currency.currency and not generic or not written.isalpha():
            end, value = n.end, n.value  # "rmb 10 usd 20": the code after belongs to the next amount
        unit = left.currency  # "$ 10 dollars", "HK$ 10"
    elif unit is None and left.unit is not None:
        unit = left.unit
    if unit is None:
        if end < len(text) and text[end].isalpha() and not n.words:
            return None  # "737MAX", "3D", "1990s"
        if is_time_unit_after(text, n):
            return None  # a duration: the durations extractor's
        if year_like(text, n) and not left.qualifier:
            return None
    return Single(n, left, right, unit, value, end)


def _may_be_figure(text: str, n: Number) -> bool:
    """Can a number without a unit after it still be a figure: a count, money, one end of a range?"""
    if _CONNECTOR_AFTER.match(text, n.end) or counted_noun(text, n.end, n.value) is not None:
        return True
    before = text[max(0, n.start - 16):n.start]
    if any(c in _SIGNS_BEFORE for c in before[-3:]) or before.endswith(("-", "\u2013", "\u2014")):
        return True
    words = before.rsplit(None, 1)
    word = words[-1].lower().strip(_PUNCT) if words else ""
    return word in _LEFT_CUES or word in _QUALIFIER_ENDS or word.upper() in U.CURRENCY_CODES \
        or word in U.CURRENCY_WORD_PREFIXES or U.lookup_word(word) is not None or U.lookup_symbol(word) is not None


def money_before(text: str, pos: int) -> bool:
    """A currency sign or code just before `pos`: then "4m" is four million, not four metres."""
    before = text[max(0, pos - 5):pos].rstrip()
    return bool(before) and (before[-1] in _SIGNS_BEFORE or before[-3:] in U.CURRENCY_CODES)


def bare_one(text: str, s: Single) -> bool:
    """The word "one" without a qualifier: a pronoun more often than a count ("one of", "no one")."""
    return text[s.number.start:s.number.end] in _ONE and not s.left.qualifier
