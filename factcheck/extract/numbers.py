"""Numbers as written in prose: digits with separators, scales, number words, fractions.

`NUMBER` is the one pattern for a simple written number (dates and durations embed it in
their own patterns) and `parse_number` turns such a surface into a float. The figure
extractors use the fuller grammar below: `read_number` reads one number at an offset
("1,300", "1.2 million", "3.5bn", "12,34,567.89", "1.3x10^6", "10 1/2", "½", "twenty-one",
"three hundred and two dozens", "five and a half million", "two thirds of a million",
"nine point nought four") and reports its value and precision; `scan_numbers` finds every
number of a text in one pass of one compiled pattern; `extract_numbers` makes them mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from factcheck.extract.lexicon import (
    FRACTION_WORDS,
    GROUP_WORDS,
    MONTHS,
    ORDINAL_SCALE_WORDS,
    ORDINAL_WORDS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
)
from factcheck.extract.mention import Mention
from factcheck.models import FactKind, QuantityValue


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


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


_WORD = _alt(list(UNITS_WORDS) + list(TENS_WORDS) + list(SCALE_WORDS))
_SCALE = _alt(SCALE_WORDS)
_SUFFIX = _alt(SCALE_SUFFIXES)

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
WORDS = rf"(?:{_WORD})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{_WORD}))*"

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


# ---------------------------------------------------------------- the full grammar

_SP = "[ \t\u00a0\u202f\u2009]"
# One number in digits. Order matters: the most specific grouping first.
DIGIT_FORMS = (
    r"\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)(?:\.\d+(?!\d|\.\d))?"  # South Asian grouping: 12,34,567.89
    r"|\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+(?!\d|\.\d))?"  # 1,234,567.5
    r"|\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)"  # continental: 1.234,5
    rf"|\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d,.]?\d|/)"  # spaced groups: 1 234 567 (checked by _spaced_ok)
    r"|(?<!\d,)\d+,\d{1,2}(?!\d|,\d)"  # decimal comma: 5,00
    r"|\d+(?:\.\d+(?!\d|\.\d))?(?:[eE][+-]?\d+(?![\w.]))?"  # 12, 4.800, 1e10, 12.32e+14
    r"|\.\d+"
)
VULGAR_FRACTIONS: dict[str, float] = {
    "\u00bd": 1 / 2, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u00bc": 1 / 4, "\u00be": 3 / 4, "\u2155": 1 / 5,
    "\u2156": 2 / 5, "\u2157": 3 / 5, "\u2158": 4 / 5, "\u2159": 1 / 6, "\u215a": 5 / 6, "\u2150": 1 / 7,
    "\u215b": 1 / 8, "\u215c": 3 / 8, "\u215d": 5 / 8, "\u215e": 7 / 8, "\u2151": 1 / 9, "\u2152": 1 / 10,
}
_VF = "[" + "".join(VULGAR_FRACTIONS) + "]"

# Word classes of the grammar; built from the shared tables.
_ORD_DENOM: dict[str, float] = {w: float(v) for w, v in ORDINAL_WORDS.items() if v >= 3}
_ORD_DENOM.update(ORDINAL_SCALE_WORDS)
_ORD_DENOM.update({"half": 2.0, "quarter": 4.0})
_COMPOUND_ORD = {w: float(v) for w, v in ORDINAL_WORDS.items() if v < 10}  # "twenty-first"
_GROUP_ABBREV = {"dz": 12, "dzs": 12, "doz": 12, "dozs": 12}

_KIND: dict[str, tuple[str, float]] = {}
_KIND.update({w: ("unit", float(v)) for w, v in UNITS_WORDS.items()})
_KIND["nought"] = ("unit", 0.0)
_KIND.update({w: ("tens", float(v)) for w, v in TENS_WORDS.items()})
_KIND.update({w: ("scale", v) for w, v in SCALE_WORDS.items() if w != "hundred"})
_KIND["hundred"] = ("hundred", 100.0)
_KIND.update({w: ("group", float(v)) for w, v in {**GROUP_WORDS, **_GROUP_ABBREV}.items() if w != "score"})
_KIND.update({w: ("ord", v) for w, v in _ORD_DENOM.items()})
_KIND.update({w + "s": ("ordpl", v) for w, v in _ORD_DENOM.items()})
_KIND.update({"halves": ("ordpl", 2.0), "first": ("ord0", 1.0), "second": ("ord0", 2.0)})
_KIND.update({"a": ("a", 1.0), "an": ("a", 1.0), "and": ("and", 0.0), "point": ("point", 0.0),
              "over": ("over", 0.0), "of": ("of", 0.0)})

# Words that can open a number (articles and signs are attached by looking left).
_OPENERS = [w for w, (k, _) in _KIND.items() if k in ("unit", "tens", "hundred", "scale", "group", "ord", "ordpl")
            and w not in ("a", "an") and k != "ord0"]
_OPENERS = [w for w in _OPENERS if w not in ("dz", "doz")]  # abbreviations only after a number
_START_RE = re.compile(rf"(?<![\w\u00b7])(?:\d|\.\d|{_VF})|\b{word_trie(case_variants(_OPENERS))}\b")

# The next token after a number: its separator, then digits, a vulgar fraction or a word.
_NEXT_RE = re.compile(
    rf"(?P<sep>{_SP}{{0,3}}-{_SP}{{0,3}}|{_SP}{{1,3}}|)"
    rf"(?:(?P<frac>(?<![\w/])\d{{1,3}}/\d{{1,3}}(?![/\d]))|(?P<num>{DIGIT_FORMS})|(?P<vf>{_VF})|(?P<w>[A-Za-z]+))"
)
_POWER_RE = re.compile(r"(?:\s?[x\u00d7*]\s?10\^?|\^)(?P<sign>[+-]*)(?P<exp>\d+)(?![\w.])")
_SUFFIX_RE = re.compile(r"(?P<sp>[ ]{0,2})(?P<suf>MM|mln|mil|mn|bn|Bn|BN|tn|trn|[kKM])(?![\w])")
_MONEY_SUFFIX_RE = re.compile(r"(?P<sp>[ ]?)(?P<suf>[mbtBT]|[Cc]r)(?![\w])")
_SUFFIX_SCALE = {"cr": 1e7, "Cr": 1e7, "MM": 1e6, "mil": 1e6, "M": 1e6, "K": 1e3, "trn": 1e12, "Bn": 1e9, "BN": 1e9,
                 "B": 1e9, "T": 1e12, **SCALE_SUFFIXES}
# (searched up to the number's start, so no lookahead: what follows is the number)
_SIGN_LEFT = re.compile(r"(?:(?<![\w)\]%.,-])[-\u2212]|(?:^|(?<=[\s(\[:=;]))[-\u2212][ ])$")
_WORD_SIGN_LEFT = re.compile(r"\b(?:[Mm]inus|[Nn]egative|MINUS|NEGATIVE)\s+$")
_ARTICLE_LEFT = re.compile(r"\b(?:[Aa]n?|AN?)\s+$")
_PREV_TOKEN = re.compile(r"([\w.,]+)\s*$")
_INT_RE = re.compile(r"\d+")
_WORD_AFTER = re.compile(r"[ \t\u00a0-]{1,3}([A-Za-z]+)")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")


def word_kind(word: str) -> str | None:
    """The grammar class of a number word ("unit", "tens", "scale", "ord"...); None for other words."""
    k = _KIND.get(word.lower())
    return k[0] if k and k[0] not in ("a", "and", "of", "over", "point") else None


@dataclass(slots=True)
class Number:
    """One written number: its span, value and precision (the place of its last significant digit)."""

    start: int
    end: int
    value: float
    ulp: float = 1.0  # 1000 for "1,000", 0.1 for "1.2", 1e5 for "1.2 million"; 0 for exact fractions
    words: bool = False  # written (at least partly) in words
    scaled: bool = False  # carries a scale word or suffix ("million", "bn", "k")
    scale: float = 1.0  # the scale word or suffix it carries ("million": 1e6), for "5-10 million"


@dataclass(slots=True)
class _Tok:
    kind: str  # num, frac, vf, unit, tens, hundred, scale, group, ord, ordpl, ord0, a, and, point, over, of
    value: float
    start: int
    end: int
    sep: str
    ulp: float = 1.0
    text: str = ""


def _digits_value(s: str) -> tuple[float, float] | None:
    """Value and precision of one DIGIT_FORMS surface."""
    s = s.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "").replace("\t", "")
    if "," in s and "." in s and s.rfind(",") > s.rfind("."):  # continental 1.234,5
        s = s.replace(".", "").replace(",", ".")
    elif "," in s and "." not in s:
        head, _, tail = s.rpartition(",")
        s = s.replace(",", "") if len(tail) == 3 else head.replace(",", "") + "." + tail
    else:
        s = s.replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return None
    mantissa = s.split("e")[0].split("E")[0]
    exp = int(s[len(mantissa) + 1:]) if len(mantissa) < len(s) else 0
    if "." in mantissa:
        ulp = 10.0 ** -len(mantissa.split(".")[1])
    else:
        stripped = mantissa.rstrip("0")
        ulp = 10.0 ** (len(mantissa) - len(stripped)) if stripped else 1.0
    return value, ulp * 10.0**exp


def _tokens(text: str, pos: int, limit: int = 24) -> list[_Tok]:
    """The run of number-vocabulary tokens from `pos` (the first token has an empty separator)."""
    out: list[_Tok] = []
    while len(out) < limit:
        m = _NEXT_RE.match(text, pos)
        if m is None:
            break
        sep = m.group("sep")
        if not out and sep:
            break
        if "\n" in sep:
            break
        if m.group("num") is not None:
            if out and not sep:
                break
            parsed = _digits_value(m.group("num"))
            if parsed is None:
                break
            tok = _Tok("num", parsed[0], m.start("num"), m.end(), sep, parsed[1], m.group("num"))
        elif m.group("frac") is not None:
            n, d = m.group("frac").split("/")
            if float(d) == 0 or (out and not sep):
                break
            tok = _Tok("frac", float(n) / float(d), m.start("frac"), m.end(), sep, 0.0, m.group("frac"))
        elif m.group("vf") is not None:
            tok = _Tok("vf", VULGAR_FRACTIONS[m.group("vf")], m.start("vf"), m.end(), sep, 0.0, m.group("vf"))
        else:
            w = m.group("w")
            kind = _KIND.get(w.lower())
            if kind is None or not sep and out:
                break
            tok = _Tok(kind[0], kind[1], m.start("w"), m.end(), sep, 1.0, w)
        out.append(tok)
        pos = tok.end
    return out


class _Parser:
    """Reads one number from a token run; `i` is the next token, `end` the end of what was read."""

    def __init__(self, toks: list[_Tok], text: str):
        self.t = toks
        self.text = text
        self.i = 0
        self.words = False
        self.scaled = False
        self.scale = 1.0
        self.last_scale: float | None = None

    def kind(self, j: int) -> str:
        return self.t[j].kind if j < len(self.t) else ""

    def _joined(self, j: int) -> bool:
        """Token j is glued to the one before by a bare hyphen ("twenty-first")."""
        return j < len(self.t) and self.t[j].sep == "-"

    # a cardinal: "three hundred and two", "4 thousand 3 hundred", "twenty-one trillion three hundred"
    def cardinal(self) -> tuple[float, float] | None:
        total, cur, ulp, last_add = 0.0, None, 1.0, 0.0
        place = float("inf")  # what may still be added to the current group
        last_scale = float("inf")
        start_i = self.i
        while self.i < len(self.t):
            tok = self.t[self.i]
            k = tok.kind
            if k in ("num", "unit", "tens"):
                if k == "tens" and self.kind(self.i + 1) in ("ord", "ordpl", "ord0") and self._joined(self.i + 1) \
                        and self.i > start_i:
                    break  # "one hundred thirty-fifths": the tens belong to the denominator
                v = tok.value
                if k == "num" and self.i > start_i and self.t[self.i - 1].kind == "num":
                    break
                if cur is None and self.i > start_i and not (v < last_scale and v != 0):
                    break
                if cur is not None:
                    if not (v < place and v != 0 and v == int(v) and v < cur):
                        break
                    cur += v
                else:
                    cur = v
                last_add = v
                ulp = tok.ulp if k == "num" else (10.0 if k == "tens" else 1.0)
                place = 10.0 if k == "tens" else (ulp if k == "num" and v == int(v) and ulp > 1 else 1.0)
                self.words |= k != "num"
            elif k == "hundred":
                if cur is not None and cur >= 100:
                    break
                if cur is None and self.i > start_i and self.t[self.i - 1].kind != "a":
                    break
                cur = (1.0 if cur is None else cur) * 100
                ulp *= 100
                last_add = cur
                place = 100.0
                self.words = True
            elif k == "scale":
                s = tok.value
                if s >= last_scale:
                    break
                if cur is None and self.i > start_i and self.t[self.i - 1].kind != "a":
                    break
                total += (1.0 if cur is None else cur) * s
                ulp *= s
                cur, place, last_scale, last_add = None, s, s, 0.0
                self.words = self.scaled = True
                self.scale = max(self.scale, s)
            elif k == "group" and (cur is not None or self.i > start_i and self.t[self.i - 1].kind == "a"
                                   or self.i == start_i and tok.text.lower() != "dozens"):
                g = tok.value
                if cur is None:
                    cur = g
                else:
                    cur = cur - last_add + last_add * g
                last_add, place, ulp = cur, 0.0, g
                self.words = True
            elif k == "a" and cur is None and self.kind(self.i + 1) in ("hundred", "scale", "group"):
                pass
            elif k == "and" and (cur is not None or total):
                nxt = self.t[self.i + 1] if self.i + 1 < len(self.t) else None
                if nxt is None or nxt.kind not in ("num", "unit", "tens"):
                    break
                if self.kind(self.i + 2) in ("ordpl", "ord", "group") or nxt.value == 0 or nxt.value != int(nxt.value):
                    if self.kind(self.i + 2) != "group":
                        break  # "and three quarters": a fraction, read by the caller
                limit = place if cur is not None else last_scale
                if not nxt.value < limit:
                    break
            else:
                break
            self.i += 1
        if self.i == start_i or (cur is None and total == 0.0 and not any(
                t.kind in ("hundred", "scale", "group") for t in self.t[start_i:self.i])):
            self.i = start_i
            return None
        while self.i > start_i and self.t[self.i - 1].kind in ("and", "a"):
            self.i -= 1
        self.last_scale = last_scale if cur is None and last_scale != float("inf") else None
        return total + (cur or 0.0), ulp

    # a fraction: "a half", "three quarters", "two thirds", "one twenty-fifth", "a hundred trillionths"
    def fraction(self) -> float | None:
        save = self.i
        if self.kind(self.i) == "a":
            num = 1.0
            self.i += 1
            if self.kind(self.i) in ("hundred", "scale"):
                self.i = save
                got = self.cardinal()
                if got is None:
                    return None
                num = got[0]
        elif self.kind(self.i) in ("num", "unit", "tens"):
            got = self.cardinal()
            if got is None:
                return None
            num = got[0]
        else:
            num = 0.0  # a bare fraction word: only "half", or one before a scale ("quarter million")
        den = self.denominator(singular=num <= 1)
        if den is None:
            self.i = save
            return None
        word = self.t[self.i - 1].text.lower()
        if not num and word != "half" and self.kind(self.i) != "scale":
            self.i = save
            return None
        if num == 1 and word not in ("half", "quarter") and self._noun_follows():
            self.i = save
            return None  # "a third term", "one fifth grader": ordinals, not fractions
        self.words = True
        return (num or 1.0) / den

    def denominator(self, singular: bool) -> float | None:
        k = self.kind(self.i)
        save = self.i
        base = 0.0
        if k in ("tens", "unit", "hundred") and self.i + 1 < len(self.t):
            # a compound ordinal: "twenty-fifth", "one hundred fifth", "hundred and fifth"
            if k == "tens" and self.kind(self.i + 1) in ("ord", "ordpl", "ord0") and self._joined(self.i + 1):
                base = self.t[self.i].value
                self.i += 1
            else:
                got = self.cardinal()
                if got is not None and self.kind(self.i) == "and":
                    self.i += 1  # "one hundred and fifth"
                if got is None or self.kind(self.i) not in ("ord", "ordpl", "ord0"):
                    self.i = save
                    return None
                base = got[0]
        k = self.kind(self.i)
        if k not in ("ord", "ordpl", "ord0"):
            self.i = save
            return None
        if k == "ord0" and not base:
            self.i = save
            return None
        if k in ("ord", "ord0") and not singular:
            self.i = save
            return None
        v = self.t[self.i].value
        if k == "ord0":
            v = _COMPOUND_ORD.get(self.t[self.i].text.lower(), v)
        self.i += 1
        return base + v if base and v < base else (base * v if base and v >= base else v)

    def number(self) -> tuple[float, float] | None:
        got = None
        if self.kind(self.i) in ("frac", "vf"):
            got = (self.t[self.i].value, 0.0)
            self.i += 1
        elif self.kind(self.i) in ("num", "unit", "tens", "hundred", "scale", "group", "a"):
            save = self.i
            got = self.cardinal()
            if got is not None and self.kind(self.i) in ("ord", "ordpl", "ord0", "tens", "unit", "hundred"):
                # numerator + denominator: "three fifths", "twenty twenty fifths", "one one hundred fifth"
                j = self.i
                den = self.denominator(singular=got[0] == 1)
                if den is not None:
                    self.words = True
                    got = (got[0] / den, 0.0)
                else:
                    self.i = j
            elif got is None:
                self.i = save
        if got is None:
            frac = self.fraction()
            if frac is None:
                return None
            got = (frac, 0.0)
            self.words = True
        value, ulp = got
        value, ulp = self._tail(value, ulp)
        return value, ulp

    def _tail(self, value: float, ulp: float) -> tuple[float, float]:
        """What may follow a cardinal: mixed fractions, "and a half", "point five", scales after fractions."""
        k = self.kind(self.i)
        if k in ("frac", "vf") and value == int(value) and self.t[self.i].value < 1:
            value += self.t[self.i].value  # "10 1/2", "1½"
            ulp = 0.0
            self.i += 1
        elif k == "and":
            save = self.i
            last_scale = self.last_scale
            self.i += 1
            frac = self.fraction()
            self.last_scale = last_scale
            if frac is not None and frac < 1:
                if self.kind(self.i) == "scale":
                    scale = self.t[self.i].value
                    # "one billion and a half million" adds; "five and a half million" scales
                    value = value + frac * scale if self.scaled else (value + frac) * scale
                    self.i += 1
                    self.scaled, self.scale = True, max(self.scale, scale)
                elif self.last_scale:
                    value += frac * self.last_scale  # "one million and a half"
                else:
                    value += frac
                ulp = 0.0
            else:
                self.i = save
        elif k == "point" and self.kind(self.i + 1) in ("unit", "num"):
            digits = ""
            j = self.i + 1
            while j < len(self.t) and self.t[j].kind == "unit" and self.t[j].value < 10:
                digits += str(int(self.t[j].value))
                j += 1
            if not digits and self.t[j].kind == "num" and self.t[j].text.isdigit():
                digits = self.t[j].text
                j += 1
            if digits:
                value += float("0." + digits)
                ulp = 10.0 ** -len(digits)
                self.i = j
        k = self.kind(self.i)
        if k == "of" and self.kind(self.i + 1) == "a" and self.kind(self.i + 2) == "scale" and value < 1:
            value *= self.t[self.i + 2].value  # "two thirds of a million"
            self.scaled, self.scale = True, self.t[self.i + 2].value
            self.i += 3
        elif k == "a" and self.kind(self.i + 1) == "scale" and value < 1:
            value *= self.t[self.i + 1].value  # "half a million"
            self.scaled, self.scale = True, self.t[self.i + 1].value
            self.i += 2
        elif k == "scale" and value != int(value) and not self.scaled:
            value *= self.t[self.i].value  # "five and a half million", "half million"
            ulp *= self.t[self.i].value
            self.scaled, self.scale = True, self.t[self.i].value
            self.i += 1
        elif k == "over" and self.i + 1 < len(self.t):
            save = self.i
            self.i += 1
            den = self.cardinal()
            if den is not None and den[0] and not self._noun_follows():
                value, ulp = value / den[0], 0.0  # "2000 over 3", but not "$2000 over 3 years"
            else:
                self.i = save
        return value, ulp

    def _noun_follows(self) -> bool:
        """A word follows what was read so far (the number then modifies it, it is not a ratio)."""
        m = _WORD_AFTER.match(self.text, self.t[self.i - 1].end)
        return bool(m) and m.group(1).lower() not in ("of", "and", "or", "to", "is", "are", "was", "were")


def read_number(text: str, pos: int, money: bool = False) -> Number | None:
    """The number written at `pos` (no sign), or None. `money` reads "4m"/"3b" as scales."""
    toks = _tokens(text, pos)
    if not toks:
        return None
    p = _Parser(toks, text)
    got = p.number()
    if got is None or p.i == 0:
        return None
    value, ulp = got
    last = toks[p.i - 1]
    end = last.end
    if last.kind == "num" and p.i == 1 and last.sep == "" and not _spaced_ok(text, last):
        first = re.match(r"\d+", last.text)
        assert first is not None
        end = last.start + first.end()
        value = float(first.group(0))
        stripped = first.group(0).rstrip("0")
        ulp = 10.0 ** (len(first.group(0)) - len(stripped)) if stripped else 1.0
    number = Number(pos, end, value, ulp, words=p.words, scaled=p.scaled, scale=p.scale)
    if toks[p.i - 1].kind in ("num", "frac", "vf"):
        _digit_tail(text, number, money)
    return number


def _spaced_ok(text: str, tok: _Tok) -> bool:
    """Digits grouped by plain spaces ("40 000") unless the groups are two numbers ("March 13 500")."""
    s = tok.text
    if " " not in s and "\t" not in s:
        return True
    groups = s.split()
    if len(groups) > 2:
        return True
    if len(groups[0]) == 1:
        return False
    prev = _PREV_TOKEN.search(text, max(0, tok.start - 12), tok.start)
    return not (prev and prev.group(1).lower().rstrip(".,") in MONTHS)


def _digit_tail(text: str, n: Number, money: bool) -> None:
    """Powers and scale suffixes glued to digits: "1.3x10^6", "2.5^-1", "3.5bn", "10k", "$4m"."""
    m = _POWER_RE.match(text, n.end)
    if m:
        exp = int(m.group("exp")) * (-1 if m.group("sign").count("-") % 2 else 1)
        if m.group(0).lstrip()[0] == "^":
            n.value = n.value**exp if n.value > 0 else -((-n.value) ** exp)
        else:
            n.value *= 10.0**exp
        n.ulp, n.end = 0.0, m.end()
        return
    m = _SUFFIX_RE.match(text, n.end)
    if m is None and money:
        m = _MONEY_SUFFIX_RE.match(text, n.end)
    if m is None:
        return
    if m.group("sp") and m.group("suf") in ("K", "M") and text[m.end():m.end() + 1].isalnum():
        return
    scale = _SUFFIX_SCALE[m.group("suf")]
    n.value *= scale
    n.ulp *= scale
    n.end = m.end()
    n.scaled, n.scale = True, scale


def _plain(text: str, start: int) -> Number | None:
    """The common case read fast: bare digits ("1990", "38") not followed by anything that could
    continue the number (a separator, a fraction, a scale word or suffix)."""
    m = _INT_RE.match(text, start)
    assert m is not None
    end = m.end()
    c = text[end:end + 1]
    if c and (c in _CONTINUES or c in VULGAR_FRACTIONS):
        if c.isalpha():
            letters = _LETTERS.match(text, end)
            if letters is not None and letters.group(0) in _SUFFIX_SCALE or _POWER_RE.match(text, end) \
                    or c in "eE" and _EXPONENT.match(text, end):
                return None  # "10k", "3.5bn", "$4m", "1e10", "1.3x10^6"
        elif c not in ",." or text[end + 1:end + 2].isdigit():
            return None  # "1,300", "4.5"; but "in 1990," and "2015." end here
    if c == " " or c == "\t":
        if _SPACED_DIGIT.match(text, end) or _continues_in_words(text, end):
            return None
    digits = m.group(0)
    stripped = digits.rstrip("0")
    ulp = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    return Number(start, end, float(digits), ulp)


def _continues_in_words(text: str, end: int) -> bool:
    """A number word after digits that carries the number on ("3 hundred", "5 million", "2 and a half")."""
    w = _WORD_AFTER.match(text, end)
    if w is None:
        return False
    kind = _KIND.get(w.group(1).lower())
    if kind is None or kind[0] in ("a", "of", "unit", "tens", "ord0"):
        return False
    if kind[0] in ("and", "over", "point"):
        nxt = _WORD_AFTER.match(text, w.end())
        return bool(nxt and nxt.group(1).lower() in _KIND) or bool(_SPACED_DIGIT.match(text, w.end()))
    return True


def _plain_word(text: str, start: int, match: str) -> Number | None:
    """A lone number word ("four regions") read fast: the next word does not continue it."""
    kind = _KIND.get(match.lower())
    if kind is None or kind[0] not in ("unit", "tens"):
        return None
    end = start + len(match)
    if text[end:end + 1] == "-" or _continues_in_words(text, end):
        return None
    nxt = _WORD_AFTER.match(text, end)
    if nxt is not None and _KIND.get(nxt.group(1).lower(), ("a",))[0] not in ("a", "of", "and", "over", "point"):
        return None  # "twenty one", "one one hundred fifth"
    return Number(start, end, kind[1], 10.0 if kind[0] == "tens" else 1.0, words=True)


_LETTERS = re.compile(r"[A-Za-z]+")
_EXPONENT = re.compile(r"[eE][+-]?\d")
_CONTINUES = frozenset(",./^eExX\u00d7kKMmbBtT\u00a0\u202f\u2009")
_SPACED_DIGIT = re.compile(rf"{_SP}{{1,3}}(?:\d|{_VF}|[kKM]\b|MM\b|bn\b|mn\b)")


def number_left(text: str, n: Number) -> Number:
    """Attach a sign on a number's left: "-5", "- 20", "minus five", "negative one"."""
    c = text[n.start - 1:n.start] if n.start else ""
    if c not in ("-", "\u2212", " "):
        return n
    lo = max(0, n.start - 12)
    dash = c != " " or text[n.start - 2:n.start - 1] in ("-", "\u2212") and n.start > 1
    m = _SIGN_LEFT.search(text, lo, n.start) if dash else None
    if m and not _numeric_before(text, m.start()):
        n.start, n.value = m.start(), -n.value
        return n
    m = _WORD_SIGN_LEFT.search(text, lo, n.start) if c == " " and text[n.start - 2:n.start - 1] in "seES" else None
    if m:
        n.start, n.value = m.start(), -n.value
    return n


_LEADS_A = frozenset(w for w, (k, _) in _KIND.items() if k in ("hundred", "scale", "group", "ord", "tens"))


def _numeric_before(text: str, pos: int) -> bool:
    """The token before `pos` is a number ("10 - 20" is a range, not minus twenty)."""
    m = _PREV_TOKEN.search(text, max(0, pos - 24), pos)
    if not m:
        return False
    w = m.group(1).rstrip(".,")
    return bool(w) and (w[-1].isdigit() or w.lower() in _KIND and _KIND[w.lower()][0] in ("unit", "tens"))


def scan_numbers(text: str, money_at=None) -> Iterator[Number]:
    """Every number of `text`, left to right, each read as far as the grammar goes."""
    pos = 0
    search = _START_RE.search
    while True:
        m = search(text, pos)
        if m is None:
            return
        start = m.start()
        n = None
        if not text[start].isdigit() and text[start] != ".":
            head = _ARTICLE_LEFT.search(text, max(0, start - 4), start)
            if head and m.group(0).lower() in _LEADS_A:
                n = read_number(text, head.start())  # "a dozen", "a fifth", "a twenty-first"
        elif start > 1 and text[start - 1] == "." and text[start - 2].isdigit():
            d = _INT_RE.match(text, start)  # "192.168.1.2": a dotted sequence, not decimals
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
        if not n.words and _ORDINAL_SUFFIX.match(text, n.end):
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
