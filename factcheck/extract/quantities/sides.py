"""Figures, what stands beside a number: its qualifier, currency and range marker on the left,
its unit on the right.

Input: the text and a `Number` (factcheck.extract.numbers). Output: a `Left` (qualifier, currency,
"from"/"between"/"to" marker, where the figure starts) and a `Right` (the unit and where it ends).
Unit phrases are read as tokens and looked up in the unit lexicon (factcheck.extract.units),
longest first; context words settle the two ambiguous readings (degrees: temperature or angle;
pounds: money or mass).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract import units as U
from factcheck.extract.durations import QUALIFIERS as TIME_QUALIFIERS
from factcheck.extract.durations import TIME_UNITS
from factcheck.extract.numbers import Number, word_kind
from factcheck.models import Comparator

# The durations' qualifiers, plus those only figures take.
QUALIFIERS: dict[str, Comparator] = {
    **TIME_QUALIFIERS,
    "above": Comparator.GT, "below": Comparator.LT, "upwards of": Comparator.GT, "exceeding": Comparator.GT,
    "higher than": Comparator.GT, "lower than": Comparator.LT, "just under": Comparator.LT,
    "just below": Comparator.LT, "just shy of": Comparator.LT, "well under": Comparator.LT,
    "just over": Comparator.GT, "just above": Comparator.GT, "a little over": Comparator.GT,
    "a little more than": Comparator.GT, "slightly more than": Comparator.GT, "slightly over": Comparator.GT,
    "well over": Comparator.GT, "well above": Comparator.GT, "as many as": Comparator.LE,
    "as much as": Comparator.LE, "a maximum of": Comparator.LE, "a minimum of": Comparator.GE,
    "not more than": Comparator.LE, "close to": Comparator.APPROX, "approx.": Comparator.APPROX,
    "approx": Comparator.APPROX, "circa": Comparator.APPROX, "estimated": Comparator.APPROX,
    "an estimated": Comparator.APPROX, "a reported": Comparator.EQ, "exactly": Comparator.EQ,
    "precisely": Comparator.EQ, "only": Comparator.EQ, "just": Comparator.EQ,
}
# approximations from below, [95 %, value): "nearly 300"; and from above, (value, 105 %]: "just over 40"
QUAL_BELOW = frozenset({"nearly", "almost", "just under", "just below", "just shy of"})
QUAL_JUST_ABOVE = frozenset({"just over", "just above", "a little over", "a little more than",
                             "slightly more than", "slightly over"})


_SIGNS = "".join(s for s in U.CURRENCY_SIGNS if len(s) == 1) + "\u00a2"

# One token of a unit phrase, and the phrase: up to four tokens joined by a space, hyphen or slash.
_UTOK = (
    r"(?:[\u00b0\u00ba][ ]?[CFcf](?![A-Za-z])|[A-Za-z\u00b5\u03bc]+(?:[23\u00b2\u00b3](?!\d))?"
    rf"|[%\u2030\u00a2\u2033\"\u00b0\u00ba\u2103\u2109{re.escape(_SIGNS)}]|\u0bb0\u0bc2)"
)
_UNIT_RIGHT = re.compile(
    rf"(?P<glue>[ \u00a0]{{0,2}}-[ ]?|[ \u00a0]{{1,2}}|)(?P<open>[(\[{{<][ ]?)?"
    rf"(?P<u>{_UTOK}(?:(?:\.?[ \u00a0]|-|[ ]?/[ ]?|\.){_UTOK}){{0,3}})"
)
_TOKEN = re.compile(_UTOK)
_CLOSE = {"(": ")", "[": "]", "{": "}", "<": ">"}
_PER_TIME = re.compile(r"(?:[ ]?/[ ]?|[ ](?:per|an|a)[ ])(?P<t>[A-Za-z]+)\b")
_SCALE_AFTER = re.compile(r"[ ]?(?P<s>million|billion|trillion|bn|mn|m)\b")
_SCALE_OF = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6, "m": 1e6}
_SCALED_CODE = re.compile(r"(?P<s>M|MM|k|K|bn|B)(?P<c>[A-Z]{3})$")
_SCALE_PREFIX = {"M": 1e6, "MM": 1e6, "k": 1e3, "K": 1e3, "bn": 1e9, "B": 1e9}
_COORDINATE = re.compile(r"[ ]?[NSEW](?![A-Za-z])|[ ]?\d{1,2}[\u2032']")

# Words that tell a bare "degrees" is a temperature or an angle, "pounds" money.
_TEMPERATURE_CUES = re.compile(
    r"temperat|\bheat|\bhot\b|\bcold|\bwarm|\bcool|weather|fever|thermometer|\bfreez|\bboil|\bmelt"
    r"|\boven|\bclimate|\bdegrees? (?:above|below)|\bhigh of|\blow of|\bthermostat", re.IGNORECASE)
_ANGLE_CUES = re.compile(r"\bangle|\brotat|\bturn|\btilt|\bincline|\bslope|\blatitude|\blongitude|\barc\b"
                         r"|\bbearing|\bheading|\bdegree turn|\bpitch|\bspin", re.IGNORECASE)
_MONEY_CUES = re.compile(
    r"\bcost|\bpaid|\bpay|\bprice|\bworth|\bfine[ds]?\b|\bsalar|\bbudget|\bspen[dt]|\bsold|\bbought"
    r"|\braised?\b|\bdeal\b|\bearn|\bwage|\bfund|\bprofit|\bloss|\brevenue|\bsterling|\u00a3|\bdebt|\bloan"
    r"|\bbid\b|\bpence|\bshare|\bbillion|\bmillion|\bcharge|\bfee\b|\bprize|\bbonus|\btax", re.IGNORECASE)

_FEET_INCHES = re.compile(r"['\u2032][ ]?(?P<inches>\d{1,2}(?:\.\d+)?)[ ]?[\"\u2033]")
_OF_A = re.compile(r"[ ](?:of[ ])?an?(?=[ ])")
_LEFT_WINDOW = 40
_MINOR_GLUED = frozenset({"c", "p"})
_CONTEXT_WINDOW = 90


@dataclass(slots=True)
class Left:
    start: int  # where the figure starts: the qualifier, the currency sign, or the number
    qualifier: str | None = None
    currency: U.Unit | None = None
    unit: U.Unit | None = None  # a unit written before the number ("magnitude 6.1")
    marker: str | None = None  # from / between / to
    marker_start: int = -1
    prev: str = ""  # the word right before the number (after any space), as written
    prev_start: int = -1


@dataclass(slots=True)
class Right:
    end: int
    unit: U.Unit | None = None
    glue: str = ""
    scale: float = 1.0  # "75 USD million"
    add: float = 0.0  # the inches of 6'2"


_OPENING = "([{\"'\u201c\u2018"
_MARKERS = frozenset({"from", "between", "to", "by"})
_SIGN_CHARS = frozenset(_SIGNS) | {"\u0bb0\u0bc2"}
_QUAL_WORDS = max(len(q.split()) for q in QUALIFIERS)
_QUAL_LAST = frozenset(q.split()[-1] for q in QUALIFIERS)


def read_left(text: str, n: Number, floor: int) -> Left:
    """Currency, qualifier and marker left of `n`, not reaching back past `floor`: the words of a
    short window are read once and looked up in the tables, right to left."""
    toks = _tokens_left(text, max(floor, n.start - _LEFT_WINDOW), n.start)
    left = Left(n.start)
    i = len(toks) - 1
    if i < 0:
        return left
    left.prev_start, left.prev = toks[i]
    last = toks[i][1]
    if last[-1] in _SIGN_CHARS or len(last) <= 10 and last.rstrip("-.").isalpha() or last[-2:] in _SIGN_CHARS:
        i = _currency_left(text, n, toks, i, left)
    if i >= 1 and toks[i][1] == "of" and left.currency is None:
        i = _percent_of(toks, i, left)
    if i < 0 or toks[i][1].lower() not in _QUAL_LAST:
        if i >= 0 and toks[i][1].lstrip(_OPENING).lower() in _MARKERS:
            tok_start, tok = toks[i]
            bare = tok.lstrip(_OPENING).lower()
            left.marker, left.marker_start = bare, tok_start + len(tok) - len(bare)
        return left
    for k in range(min(_QUAL_WORDS, i + 1), 0, -1):
        first_start, first = toks[i - k + 1]
        bare = first.lstrip(_OPENING)
        phrase = " ".join([bare] + [t for _, t in toks[i - k + 2:i + 1]]).lower()
        if phrase in QUALIFIERS:
            left.qualifier = phrase
            left.start = first_start + len(first) - len(bare)
            i -= k
            break
    if i >= 0:
        tok_start, tok = toks[i]
        bare = tok.lstrip(_OPENING).lower()
        if bare in _MARKERS:
            left.marker, left.marker_start = bare, tok_start + len(tok) - len(bare)
    return left


def _tokens_left(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """The last few whitespace-separated tokens of text[lo:hi], with their offsets."""
    seg = text[lo:hi]
    words = seg.rsplit(None, 5)
    if words and lo > 0 and not seg[:1].isspace() and not text[lo - 1].isspace() and len(words) == len(seg.split()):
        words = words[1:]  # cut mid-word by the window
    out = []
    pos = len(seg)
    for w in reversed(words):
        pos = seg.rfind(w, 0, pos)
        out.append((lo + pos, w))
    out.reverse()
    return out


def _percent_of(toks: list[tuple[int, str]], i: int, left: Left) -> int:
    """The percent written before its number, "per cent of 210", when no number precedes it
    (in "20 per cent of 300 people" the 300 is not a percentage)."""
    words = [t.lower() for _, t in toks[max(0, i - 3):i]]
    k = 3 if words[-2:] == ["per", "cent"] else (2 if words[-1:] == ["percent"] else 0)
    if not k or i - k >= 0 and (toks[i - k][1][-1:].isdigit() or word_kind(toks[i - k][1]) in ("unit", "tens")):
        return i
    left.unit, left.start = U.UNITS["%"], toks[i - k + 1][0]
    return i - k


def _currency_left(text: str, n: Number, toks: list[tuple[int, str]], i: int, left: Left) -> int:
    """A currency sign or code in token `i` ("$", "US$", "(\u00a3", "USD", "Rs."): set it, return the next token."""
    tok_start, tok = toks[i]
    bare = tok.lstrip(_OPENING)
    start = tok_start + len(tok) - len(bare)
    glued = tok_start + len(tok) == n.start
    sign = bare[-1:] if bare[-1:] in _SIGN_CHARS else (bare[-2:] if bare[-2:] in _SIGN_CHARS else "")
    if sign:
        pre = bare[: len(bare) - len(sign)]
        code = U.CURRENCY_SIGNS.get(sign) if sign != "\u00a2" else None
        if code is None:
            return i
        if sign == "$" and pre:
            known = U.DOLLAR_PREFIXES.get(pre.lower())
            if known is None:
                return i
            code = known
        elif sign == "$" and i > 0:
            p_start, p_tok = toks[i - 1]
            known = U.DOLLAR_PREFIXES.get(p_tok.lstrip(_OPENING).lower())
            # "us $ 150", "hk $ 10": one letter only as the lower-case "c $" of tokenized text
            if known and p_start + len(p_tok) + 1 == tok_start and (len(p_tok.lstrip(_OPENING)) > 1 or p_tok == "c"):
                code, start, i = known, p_start + len(p_tok) - len(p_tok.lstrip(_OPENING)), i - 1
        left.currency, left.start = U.UNITS[code], start
        return i - 1
    if not glued and n.start - (tok_start + len(tok)) > 2:
        return i
    word = bare.rstrip(".") if bare.endswith(".") and bare.lower() != "rs." else bare.rstrip("-")
    code = word if word in U.CURRENCY_CODES else None
    low = word.lower()
    if code is None and (low.upper() in U.CODES_ANY_CASE or low == "rmb"):
        code = U.WORDS.get(low)
    if code is None:
        code = U.CURRENCY_WORD_PREFIXES.get(low) or U.CURRENCY_WORD_PREFIXES.get(bare.lower())
    if code is not None and code in U.UNITS:
        left.currency, left.start = U.UNITS[code], start
        return i - 1
    if low == "magnitude":
        left.unit, left.start = U.UNITS["Mw"], start
        return i - 1
    return i


def read_right(text: str, n: Number, money: bool) -> Right:
    """The unit right of `n` ("km", "square kilometres", "-mile", "(kg)"), or none."""
    m = _UNIT_RIGHT.match(text, n.end)
    if m is None:
        feet = _FEET_INCHES.match(text, n.end)  # 6'2"
        if feet is not None and n.value == int(n.value):
            return Right(feet.end(), U.UNITS["ft"], "", 1.0, float(feet.group("inches")) / 12)
        return Right(n.end)
    if n.value < 1 and m.group("glue") == " ":
        article = _OF_A.match(text, n.end)  # "half a mile", "three-quarters of a mile"
        if article is not None:
            inner = read_right(text, Number(n.start, article.end(), 1.0), money)
            if inner.unit is not None:
                return inner
    glue, opened = m.group("glue"), m.group("open")
    base = m.start("u")
    phrase = m.group("u")
    first = _TOKEN.match(phrase)
    word = first.group(0) if first else ""
    if word not in _FIRST and word.lower() not in _FIRST_LOWER and not _SCALED_CODE.match(word):
        return Right(n.end)  # the common case: an ordinary word follows
    ends = [t.end() for t in _TOKEN.finditer(phrase)]
    for k in range(len(ends), 0, -1):
        surface = phrase[: ends[k - 1]]
        end = base + ends[k - 1]
        if end < len(text) and text[end].isalnum():
            continue
        unit = _lookup(surface, glue, k, n.scaled)
        if unit is None:
            continue
        if surface == '"' and text.count('"', text.rfind("\n", 0, n.start) + 1, n.start) % 2:
            return Right(n.end)  # the quotation that closes: 'the "top 10" list'
        if surface in _MINOR_GLUED and not _MONEY_CUES.search(text, max(0, n.start - 60), min(len(text), end + 40)):
            return Right(n.end)  # "11c" and "470p" are cents and pence among prices, not in "1080p"
        if surface in ("C", "F") and not _TEMPERATURE_CUES.search(text, max(0, n.start - 60), min(len(text), end + 40)):
            return Right(n.end)  # "40C" is a temperature among temperatures, not in "14.7C/ per security"
        if opened:
            close = _CLOSE[opened[0]]
            rest = text[end:end + 2].lstrip(" ")
            if not rest.startswith(close):
                return Right(n.end)
            end = text.index(close, end) + 1
        right = Right(end, unit, glue)
        _refine(text, n, right, money)
        return right
    if not opened and len(ends) and glue.strip() == "":
        scaled = _SCALED_CODE.match(phrase[: ends[0]])  # "30 MUSD", "120 MEUR"
        if scaled and scaled.group("c") in U.CURRENCY_CODES:
            end = base + ends[0]
            return Right(end, U.UNITS[scaled.group("c")], glue, _SCALE_PREFIX[scaled.group("s")])
    return Right(n.end)


def _first_tokens(keys, lower: bool) -> frozenset[str]:
    out = set()
    for key in keys:
        m = _TOKEN.match(key.replace(".", ""))
        if m:
            out.add(m.group(0).lower() if lower else m.group(0))
    return frozenset(out)


# the first token of every unit surface: most words after a number start none, and stop there
_FIRST = _first_tokens(U.SYMBOLS, lower=False)
_FIRST_LOWER = _first_tokens(U.WORDS, lower=True)


def _lookup(surface: str, glue: str, k: int, scaled: bool) -> U.Unit | None:
    key = surface.replace(".", "")
    unit = U.lookup_symbol(key)
    if unit is not None:
        if glue and key in U.SPACED_FORBIDDEN:
            return None
        if glue.strip() == "-" and unit.money and not key.isalpha():
            return None  # "5-$" is not a price
        if k == 1 and len(key) == 1 and key.isalpha() and glue and key not in "mgltK":
            return None
        return unit
    low = " ".join(key.lower().split())
    unit = U.lookup_word(low) or U.lookup_word(low.replace("-", " "))
    if unit is None:
        return None
    if unit.money and low in U.SCALED_ONLY_CURRENCY and not scaled:
        return None  # "won", "real", "rand": English words unless a scale word came before
    return unit


def _refine(text: str, n: Number, right: Right, money: bool) -> None:
    """Settle what the unit alone does not: speeds, bare degrees, pounds, "USD million"."""
    unit = right.unit
    assert unit is not None
    if unit.dimension == "length":
        m = _PER_TIME.match(text, right.end)
        if m and m.group("t").lower() in TIME_UNITS or m and m.group("t").lower() in U.SPEED_TIME:
            speed = U.speed_unit(unit, m.group("t"))
            if speed is not None:
                right.unit, right.end = speed, m.end()
        return
    if unit.symbol == "deg":
        if _COORDINATE.match(text, right.end):
            right.unit = None  # 45°N, 12°30′: a coordinate
            right.end = n.end
            return
        lo = max(0, n.start - _CONTEXT_WINDOW)
        window = text[lo:right.end + 40]
        if _TEMPERATURE_CUES.search(window) and not _ANGLE_CUES.search(window):
            right.unit = U.UNITS["degree"]
        return
    if unit.symbol == "lb" and text[n.end:right.end].strip(" -").lower() in U.MONEY_READING and (
            money or n.scaled or _MONEY_CUES.search(text, max(0, n.start - 40), n.start)):
        right.unit = U.UNITS[U.MONEY_READING["pounds"]]
    if right.unit is not None and right.unit.money and not n.scaled:
        m = _SCALE_AFTER.match(text, right.end)
        if m:
            right.scale, right.end = _SCALE_OF[m.group("s")], m.end()

