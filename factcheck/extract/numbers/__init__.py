"""Numbers as written in prose: digits with separators, scales, number words, fractions.

`NUMBER` is the one pattern for a simple written number (dates and durations embed it in
their own patterns) and `parse_number` turns such a surface into a float. The figure
extractors use the fuller grammar (grammar.py): `read_number` reads one number at an offset
("1,300", "1.2 million", "3.5bn", "12,34,567.89", "1.3x10^6", "10 1/2", "½", "twenty-one",
"three hundred and two dozens", "five and a half million", "two thirds of a million",
"nine point nought four") and reports its value and precision; `scan_numbers` (scan.py) finds
every number of a text in one pass of one compiled pattern; `extract_numbers` makes them mentions.
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import (
    GROUP_WORDS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
)
from factcheck.extract.numbers.grammar import Number, read_number
from factcheck.extract.numbers.patterns import (
    VULGAR_FRACTIONS,
    case_variants,
    word_kind,
    word_trie,
)
from factcheck.extract.numbers.scan import extract_numbers, scan_numbers

__all__ = [
    "DIGITS", "NUMBER", "NUMBER_RE", "VULGAR_FRACTIONS", "WORDS", "Number", "case_variants", "extract_numbers",
    "parse_number", "read_number", "scan_numbers", "word_kind", "word_trie",
]


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WORD = _alt(list(UNITS_WORDS) + list(TENS_WORDS) + list(SCALE_WORDS))
_SCALE = _alt(SCALE_WORDS)
_SUFFIX = _alt(SCALE_SUFFIXES)

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
# at most 12 more words: "one hundred and twenty three thousand four hundred and fifty six" needs 8;
# an unbounded run would make every word of a long run of number words rescan the rest (quadratic)
WORDS = rf"(?:{_WORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_WORD})){{0,12}}"

# A number: digits (optionally followed by a scale word or suffix) or number words.
NUMBER = (
    rf"(?:(?:{DIGITS})(?:\s?(?:{_SCALE})\b|(?:{_SUFFIX})\b)?"
    rf"|\b(?:a\s+|one\s+|two\s+|three\s+|four\s+|several\s+)?(?:{_alt(GROUP_WORDS)})\b"
    rf"|\b{WORDS}\b)"
)

NUMBER_RE = re.compile(NUMBER, re.IGNORECASE)

_TOKEN = re.compile(rf"{DIGITS}|[a-z]+", re.IGNORECASE)


def parse_number(surface: str) -> float | None:
    """Value of a written number ("1,300", "1.2 million", "3.5bn", "twenty-one", "four dozen")."""
    s = surface.strip().lower().replace("\u2009", "").replace("\u00a0", " ")
    if not s:
        return None
    full = read_number(s, 0, money=True)
    if full is not None and full.end == len(s):
        return full.value
    total = 0.0
    current: float | None = None
    seen = False
    for tok in _TOKEN.findall(s):
        if tok[0].isdigit() or tok[0] == ".":
            if current is not None:
                return None  # two digit groups in a row: not one number
            current = float(tok.replace(",", ""))
            seen = True
        elif tok in UNITS_WORDS or tok in TENS_WORDS:
            current = (current or 0.0) + (UNITS_WORDS.get(tok) or TENS_WORDS[tok])
            seen = True
        elif tok in GROUP_WORDS:
            current = (current or 1.0) * GROUP_WORDS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok in SCALE_WORDS or tok in SCALE_SUFFIXES:
            scale = SCALE_WORDS.get(tok) or SCALE_SUFFIXES[tok]
            total += (current if current is not None else 1.0) * scale
            current = None
            seen = True
        elif tok in ("a", "and", "several"):
            continue
        else:
            return None
    if not seen:
        return None
    return total + (current or 0.0)
