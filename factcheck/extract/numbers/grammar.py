"""Numbers, the grammar: one written number read at an offset, as a `Number` with its value and
precision. Digits with any grouping, scientific notation and powers, fractions, number words with
"and", "point", fraction words and scales ("three hundred and two dozens", "five and a half million",
"two thirds of a million", "one twenty-fifth", "2000 over 3")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.lexicon import MONTHS
from factcheck.extract.numbers.patterns import (
    COMPOUND_ORD,
    KIND,
    MONEY_SUFFIX_RE,
    NEXT_RE,
    POWER_RE,
    PREV_TOKEN,
    SUFFIX_RE,
    SUFFIX_SCALE,
    VULGAR_FRACTIONS,
    WORD_AFTER,
)


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


def _tokens(text: str, pos: int, limit: int = 24, money: bool = False) -> list[_Tok]:
    """The run of number-vocabulary tokens from `pos` (the first token has an empty separator)."""
    out: list[_Tok] = []
    while len(out) < limit:
        m = NEXT_RE.match(text, pos)
        if m is None:
            break
        sep = m.group("sep")
        if not out and sep:
            break
        if "\n" in sep:
            break
        if m.group("num") is not None:
            if out and (not sep or out[-1].kind == "num"):
                break  # digits right after digits never continue a number ("1, 000 1, 000 ...")
            digits, end = m.group("num"), m.end()
            if ", " in digits and not (money or ", 0" in digits):
                # "In 2011, 300 people": two numbers; only a group no number starts with ("2, 000")
                # or an amount of money ("$1, 199") is a tokenizer's split thousands
                digits = digits[:digits.index(",")]
                end = m.start("num") + len(digits)
            parsed = _digits_value(digits.replace(", ", ","))
            if parsed is None:
                break
            tok = _Tok("num", parsed[0], m.start("num"), end, sep, parsed[1], digits)
            out.append(tok)
            if end < m.end():
                break
            pos = end
            continue
        elif m.group("frac") is not None:
            n, d = m.group("frac").split("/")
            if float(d) == 0 or (out and not sep):
                break
            tok = _Tok("frac", float(n) / float(d), m.start("frac"), m.end(), sep, 0.0, m.group("frac"))
        elif m.group("vf") is not None:
            tok = _Tok("vf", VULGAR_FRACTIONS[m.group("vf")], m.start("vf"), m.end(), sep, 0.0, m.group("vf"))
        else:
            w = m.group("w")
            kind = KIND.get(w.lower())
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
            elif k == "group" and (cur is not None or self.i > start_i and self.t[self.i - 1].kind == "a"):
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
                fraction_next = self.kind(self.i + 2) in ("ordpl", "ord")
                if fraction_next or nxt.value == 0 or nxt.value != int(nxt.value) and self.kind(self.i + 2) != "group":
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
            v = COMPOUND_ORD.get(self.t[self.i].text.lower(), v)
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
            got = (frac, frac)  # "half a mile": a word fraction is as precise as 2.5 % of it
            self.words = True
        value, ulp = got
        value, ulp = self._tail(value, ulp)
        return value, ulp

    def _tail(self, value: float, ulp: float) -> tuple[float, float]:
        """What may follow a cardinal: mixed fractions, "and a half", "point five", scales after fractions."""
        k = self.kind(self.i)
        if k in ("frac", "vf") and value == int(value) and self.t[self.i].value < 1:
            ulp = self.t[self.i].value
            value += ulp  # "10 1/2", "1½"
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
        m = WORD_AFTER.match(self.text, self.t[self.i - 1].end)
        return bool(m) and m.group(1).lower() not in ("of", "and", "or", "to", "is", "are", "was", "were")


def read_number(text: str, pos: int, money: bool = False) -> Number | None:
    """The number written at `pos` (no sign), or None. `money` reads "4m"/"3b" as scales."""
    toks = _tokens(text, pos, money=money)
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
    prev = PREV_TOKEN.search(text, max(0, tok.start - 12), tok.start)
    return not (prev and prev.group(1).lower().rstrip(".,") in MONTHS)


def _digit_tail(text: str, n: Number, money: bool) -> None:
    """Powers and scale suffixes glued to digits: "1.3x10^6", "2.5^-1", "3.5bn", "10k", "$4m"."""
    m = POWER_RE.match(text, n.end)
    if m:
        exp = int(m.group("exp")) * (-1 if m.group("sign").count("-") % 2 else 1)
        if m.group(0).lstrip()[0] == "^":
            n.value = n.value**exp if n.value > 0 else -((-n.value) ** exp)
        else:
            n.value *= 10.0**exp
        n.ulp, n.end = 0.0, m.end()
        return
    m = SUFFIX_RE.match(text, n.end)
    if m is None and money:
        m = MONEY_SUFFIX_RE.match(text, n.end)
    if m is None:
        return
    if m.group("sp") and m.group("suf") in ("K", "M") and text[m.end():m.end() + 1].isalnum():
        return
    scale = SUFFIX_SCALE[m.group("suf")]
    n.value *= scale
    n.ulp *= scale
    n.end = m.end()
    n.scaled, n.scale = True, scale
