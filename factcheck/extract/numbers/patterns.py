"""Numbers, the vocabulary: regex helpers, digit forms, the word classes of the number grammar
and the token patterns, all built once from the shared word tables (factcheck.extract.lexicon)."""

from __future__ import annotations

import re

from factcheck.extract.lexicon import (
    GROUP_WORDS,
    ORDINAL_SCALE_WORDS,
    ORDINAL_WORDS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
)


def word_trie(words) -> str:
    """A regex alternation of `words` folded into a trie: far faster to scan than a flat list."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def case_variants(words) -> list[str]:
    """lower, Title and UPPER forms: case-sensitive patterns scan several times faster than re.I."""
    out: list[str] = []
    for w in words:
        out += [w, w[:1].upper() + w[1:], w.upper()]
    return out


SP = "[ \t\u00a0\u202f\u2009]"
# One number in digits. Order matters: the most specific grouping first.
DIGIT_FORMS = (
    r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)(?:\.\d+(?!\d|\.\d))?"  # South Asian grouping: 12,34,567.89
    r"|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+(?!\d|\.\d))?"  # 1,234,567.5
    r"|\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)"  # continental: 1.234,5
    rf"|\d{{1,3}}(?:{SP}\d{{3}})+(?![\d,.]?\d|/)"  # spaced groups: 1 234 567 (checked by _spaced_ok)
    r"|\d{1,3}(?:, \d{3})+(?![\d,.]?\d)"  # a tokenizer's spaced thousands: "2, 000" (checked by the grammar)
    r"|(?<!\d,)\d+,\d{1,2}(?!\d|,\d)"  # decimal comma: 5,00
    r"|\d+(?:\.\d+(?!\d|\.\d))?(?:[eE][+-]?\d+(?![\w.]))?"  # 12, 4.800, 1e10, 12.32e+14
    r"|\.\d+"
)
VULGAR_FRACTIONS: dict[str, float] = {
    "\u00bd": 1 / 2, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u00bc": 1 / 4, "\u00be": 3 / 4, "\u2155": 1 / 5,
    "\u2156": 2 / 5, "\u2157": 3 / 5, "\u2158": 4 / 5, "\u2159": 1 / 6, "\u215a": 5 / 6, "\u2150": 1 / 7,
    "\u215b": 1 / 8, "\u215c": 3 / 8, "\u215d": 5 / 8, "\u215e": 7 / 8, "\u2151": 1 / 9, "\u2152": 1 / 10,
}
VF = "[" + "".join(VULGAR_FRACTIONS) + "]"

# Word classes of the grammar; built from the shared tables.
_ORD_DENOM: dict[str, float] = {w: float(v) for w, v in ORDINAL_WORDS.items() if v >= 3}
_ORD_DENOM.update(ORDINAL_SCALE_WORDS)
_ORD_DENOM.update({"half": 2.0, "quarter": 4.0})
COMPOUND_ORD = {w: float(v) for w, v in ORDINAL_WORDS.items() if v < 10}  # "twenty-first"
_GROUP_ABBREV = {"dz": 12, "dzs": 12, "doz": 12, "dozs": 12}

KIND: dict[str, tuple[str, float]] = {}
KIND.update({w: ("unit", float(v)) for w, v in UNITS_WORDS.items()})
KIND["nought"] = ("unit", 0.0)
KIND.update({w: ("tens", float(v)) for w, v in TENS_WORDS.items()})
KIND.update({w: ("scale", v) for w, v in SCALE_WORDS.items() if w != "hundred"})
KIND["hundred"] = ("hundred", 100.0)
KIND.update({w: ("group", float(v)) for w, v in {**GROUP_WORDS, **_GROUP_ABBREV}.items() if w != "score"})
KIND.update({w: ("ord", v) for w, v in _ORD_DENOM.items()})
KIND.update({w + "s": ("ordpl", v) for w, v in _ORD_DENOM.items()})
KIND.update({"halves": ("ordpl", 2.0), "first": ("ord0", 1.0), "second": ("ord0", 2.0)})
KIND.update({"a": ("a", 1.0), "an": ("a", 1.0), "and": ("and", 0.0), "point": ("point", 0.0),
              "over": ("over", 0.0), "of": ("of", 0.0)})

# Words that can open a number (articles and signs are attached by looking left).
_OPENERS = [w for w, (k, _) in KIND.items() if k in ("unit", "tens", "hundred", "scale", "group", "ord", "ordpl")
            and w not in ("a", "an") and k != "ord0"]
_OPENERS = [w for w in _OPENERS if w not in ("dz", "doz")]  # abbreviations only after a number
START_RE = re.compile(rf"(?<![\w\u00b7])(?:\d|\.\d|{VF})|\b{word_trie(case_variants(_OPENERS))}\b")

# The next token after a number: its separator, then digits, a vulgar fraction or a word.
NEXT_RE = re.compile(
    rf"(?P<sep>{SP}{{0,3}}-{SP}{{0,3}}|{SP}{{1,3}}|)"
    rf"(?:(?P<frac>(?<![\w/])\d{{1,3}}/\d{{1,3}}(?![/\d]))|(?P<num>{DIGIT_FORMS})|(?P<vf>{VF})|(?P<w>[A-Za-z]+))"
)
POWER_RE = re.compile(r"(?:\s?[x\u00d7*]\s?10\^?|\^)(?P<sign>[+-]*)(?P<exp>\d+)(?![\w.])")
SUFFIX_RE = re.compile(r"(?P<sp>[ ]{0,2})(?P<suf>MM|mln|mil|mn|bn|Bn|BN|tn|trn|[kKM])(?![\w])")
MONEY_SUFFIX_RE = re.compile(r"(?P<sp>[ ]?)(?P<suf>[mbtBT]|[Cc]r)(?![\w])")
SUFFIX_SCALE = {"cr": 1e7, "Cr": 1e7, "MM": 1e6, "mil": 1e6, "M": 1e6, "K": 1e3, "trn": 1e12, "Bn": 1e9, "BN": 1e9,
                 "B": 1e9, "T": 1e12, **SCALE_SUFFIXES}
# (searched up to the number's start, so no lookahead: what follows is the number)
SIGN_LEFT = re.compile(r"(?:(?<![\w)\]%.,-])[-\u2212]|(?:^|(?<=[\s(\[:=;]))[-\u2212][ ])$")
WORD_SIGN_LEFT = re.compile(r"\b(?:[Mm]inus|[Nn]egative|MINUS|NEGATIVE)\s+$")
ARTICLE_LEFT = re.compile(r"\b(?:[Aa]n?|AN?)\s+$")
PREV_TOKEN = re.compile(r"([\w.,]+)\s*$")
INT_RE = re.compile(r"\d+")
WORD_AFTER = re.compile(r"[ \t\u00a0-]{1,3}([A-Za-z]+)")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")


def word_kind(word: str) -> str | None:
    """The grammar class of a number word ("unit", "tens", "scale", "ord"...); None for other words."""
    k = KIND.get(word.lower())
    return k[0] if k and k[0] not in ("a", "and", "of", "over", "point") else None
