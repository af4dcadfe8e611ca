"""Numbers, the scan: every number of a text in one pass of one compiled pattern. Plain digits
and lone number words (most numbers) are read on a fast path; the rest go through the grammar.
A sign on the left ("-5", "minus five") is attached; ordinals ("4th") and pronouns ("no one") are not
numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.mention import Mention
from factcheck.extract.numbers.grammar import Number, read_number
from factcheck.extract.numbers.patterns import (
    ARTICLE_LEFT,
    INT_RE,
    KIND,
    ORDINAL_SUFFIX,
    POWER_RE,
    PREV_TOKEN,
    SIGN_LEFT,
    SP,
    START_RE,
    SUFFIX_SCALE,
    VF,
    VULGAR_FRACTIONS,
    WORD_AFTER,
    WORD_SIGN_LEFT,
)
from factcheck.models import FactKind, QuantityValue


def _plain(text: str, start: int) -> Number | None:
    """The common case read fast: bare digits ("1990", "38") not followed by anything that could
    continue the number (a separator, a fraction, a scale word or suffix)."""
    m = INT_RE.match(text, start)
    assert m is not None
    end = m.end()
    c = text[end:end + 1]
    if c and (c in _CONTINUES or c in VULGAR_FRACTIONS):
        if c.isalpha():
            letters = _LETTERS.match(text, end)
            if letters is not None and letters.group(0) in SUFFIX_SCALE or POWER_RE.match(text, end) \
                    or c in "eE" and _EXPONENT.match(text, end):
                return None  # "10k", "3.5bn", "$4m", "1e10", "1.3x10^6"
        elif c not in ",." or text[end + 1:end + 2].isdigit():
            return None  # "1,300", "4.5"; but "in 1990," and "2015." end here
    if c in (" ", "\t") and (_SPACED_DIGIT.match(text, end) or _continues_in_words(text, end)):
        return None
    if c == "-" and _scale_after(text, end):
        return None  # "$143-billion": a hyphenated scale word is the number's scale
    if c == "," and _COMMA_GROUP.match(text, end):
        return None  # "2, 000ft": a tokenizer's spaced thousands group, read by the grammar
    digits = m.group(0)
    stripped = digits.rstrip("0")
    ulp = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    return Number(start, end, float(digits), ulp)


def _continues_in_words(text: str, end: int) -> bool:
    """A number word after digits that carries the number on ("3 hundred", "5 million", "2 and a half")."""
    w = WORD_AFTER.match(text, end)
    if w is None:
        return False
    kind = KIND.get(w.group(1).lower())
    if kind is None or kind[0] in ("a", "of", "unit", "tens", "ord0"):
        return False
    if kind[0] in ("and", "over", "point"):
        nxt = WORD_AFTER.match(text, w.end())
        return bool(nxt and nxt.group(1).lower() in KIND) or bool(_SPACED_DIGIT.match(text, w.end()))
    return True


def _scale_after(text: str, end: int) -> bool:
    w = WORD_AFTER.match(text, end)
    return w is not None and KIND.get(w.group(1).lower(), ("",))[0] in ("scale", "hundred")


def _plain_word(text: str, start: int, match: str) -> Number | None:
    """A lone number word ("four regions") read fast: the next word does not continue it."""
    kind = KIND.get(match.lower())
    if kind is None or kind[0] not in ("unit", "tens"):
        return None
    end = start + len(match)
    if text[end:end + 1] == "-" or _continues_in_words(text, end):
        return None
    nxt = WORD_AFTER.match(text, end)
    if nxt is not None and KIND.get(nxt.group(1).lower(), ("a",))[0] not in ("a", "of", "and", "over", "point"):
        return None  # "twenty one", "one one hundred fifth"
    return Number(start, end, kind[1], 10.0 if kind[0] == "tens" else 1.0, words=True)


_LETTERS = re.compile(r"[A-Za-z]+")
_EXPONENT = re.compile(r"[eE][+-]?\d")
_CONTINUES = frozenset(",./^eExX\u00d7kKMmbBtT\u00a0\u202f\u2009")
_COMMA_GROUP = re.compile(r", \d{3}(?!\d)")
_SPACED_DIGIT = re.compile(rf"{SP}{{1,3}}(?:\d|{VF}|[kKM]\b|MM\b|bn\b|mn\b)")


def number_left(text: str, n: Number) -> Number:
    """Attach a sign on a number's left: "-5", "- 20", "minus five", "negative one"."""
    c = text[n.start - 1:n.start] if n.start else ""
    if c not in ("-", "\u2212", " "):
        return n
    lo = max(0, n.start - 12)
    dash = c != " " or text[n.start - 2:n.start - 1] in ("-", "\u2212") and n.start > 1
    m = SIGN_LEFT.search(text, lo, n.start) if dash else None
    if m and not _numeric_before(text, m.start()):
        n.start, n.value = m.start(), -n.value
        return n
    m = WORD_SIGN_LEFT.search(text, lo, n.start) if c == " " and text[n.start - 2:n.start - 1] in "seES" else None
    if m:
        n.start, n.value = m.start(), -n.value
    return n


_LEADS_A = frozenset(w for w, (k, _) in KIND.items() if k in ("hundred", "scale", "group", "ord", "tens"))


def _numeric_before(text: str, pos: int) -> bool:
    """The token before `pos` is a number ("10 - 20" is a range, not minus twenty)."""
    m = PREV_TOKEN.search(text, max(0, pos - 24), pos)
    if not m:
        return False
    w = m.group(1).rstrip(".,")
    return bool(w) and (w[-1].isdigit() or w.lower() in KIND and KIND[w.lower()][0] in ("unit", "tens"))


def scan_numbers(text: str, money_at=None) -> Iterator[Number]:
    """Every number of `text`, left to right, each read as far as the grammar goes."""
    pos = 0
    search = START_RE.search
    while True:
        m = search(text, pos)
        if m is None:
            return
        start = m.start()
        n = None
        if not text[start].isdigit() and text[start] != ".":
            head = ARTICLE_LEFT.search(text, max(0, start - 4), start)
            if head and m.group(0).lower() in _LEADS_A:
                n = read_number(text, head.start())  # "a dozen", "a fifth", "a twenty-first"
        elif start > 1 and text[start - 1] == "." and text[start - 2].isdigit():
            d = INT_RE.match(text, start)  # "192.168.1.2": a dotted sequence, not decimals
            assert d is not None
            yield Number(start, d.end(), float(d.group(0)))
            pos = d.end()
            continue
        if n is None:
            n = _plain(text, start) if text[start].isdigit() else _plain_word(text, start, m.group(0))
            if n is None:
                n = read_number(text, start, money=bool(money_at and money_at(start)))
        if n is None:
            if text[start].isdigit():
                pos = m.end()
                while pos < len(text) and text[pos].isdigit():
                    pos += 1
            else:
                pos = m.end()
            continue
        if not n.words and ORDINAL_SUFFIX.match(text, n.end):
            pos = n.end  # "the 4th", "21st": ordinals
            continue
        yield number_left(text, n)
        pos = max(n.end, m.end())


def extract_numbers(text: str) -> list[Mention]:
    """Every number as written, as COUNT mentions with dimension "number" (the number benchmark)."""
    out: list[Mention] = []
    for n in scan_numbers(text):
        if _is_pronoun_one(text, n):
            continue
        value = QuantityValue(value=n.value, dimension="number")
        out.append(Mention(n.start, n.end, FactKind.COUNT, value))
    return out


_ONE_PRONOUN = re.compile(r"(?:(?<=\b[Tt]his )|(?<=\b[Tt]hat )|(?<=\b[Nn]o )|(?<=\b[Ee]ach ))$")


def _is_pronoun_one(text: str, n: Number) -> bool:
    """"that one is good", "no one": the word "one" standing for a thing, not a number."""
    if text[n.start:n.end].lower() != "one":
        return False
    return bool(_ONE_PRONOUN.search(text, max(0, n.start - 6), n.start)) or text.startswith(" of", n.end)
