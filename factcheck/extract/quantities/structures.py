"""Figures, two numbers that belong together.

Input: two `Single`s in text order. Output: the figures they make together, or None:
  range        "30 to 40 shots", "5-10 km", "between 5 and 10", "$5-10 million"   -> one figure with `high`
  change       "from 1,300 square kilometers to under 200", "rose from 120 to 298" -> two figures,
               frames CHANGE_FROM and CHANGE_TO, the unit carried to the bare end
  conversion   "1,000km (620-mile)", "10 kilometres (6 miles)"                      -> one figure with `alt`
  compound     "5 feet 2 inches", "12 ft 2 in", "3 lb 4 oz"                          -> one figure
  minor units  "13 dollars and 45 cents", "15 USD 50"                                -> one figure
"""

from __future__ import annotations

import re

from factcheck.extract import units as U
from factcheck.extract.lexicon import CHANGE_WORDS
from factcheck.extract.quantities.counts import counted_noun
from factcheck.extract.quantities.single import Single, year_like
from factcheck.extract.quantities.values import Figure
from factcheck.extract.terms import STOPWORDS
from factcheck.models import Frame

# "5-10", "5 to 10", "between 5 and 10", and the suspended hyphen of "24- to 30-foot"
_RANGE_GAP = re.compile(r"(?P<h>-[ ]?)?(?P<a>[ \u00a0]*)(?P<sep>-|\u2013|\u2014|to|and|through|or)(?P<b>[ \u00a0]*)$")
_OPEN_GAP = re.compile(r"[ \u00a0]*[(\[][ \u00a0]*$")
_CLOSE_AFTER = re.compile(r"[ \u00a0]*[)\]]")
_JOIN_GAP = re.compile(r"(?:[ \u00a0]+(?:and[ \u00a0]+)?|,[ \u00a0]*)$")
_MINOR_AFTER = re.compile(r"[ \u00a0]*(?:cents?|pence|c\b|p\b)")
_AFTER_MINOR = re.compile(r"[ \u00a0]*(?:$|[^\w\s]|(?:and|or|more|less|only)\b)")
_CLAUSE_LEFT = re.compile(r"[^.;:!?\n]{0,80}$")
_WORD = re.compile(r"[A-Za-z][a-z'\u2019-]*")
_IN_SUB = re.compile(r"[ ]?(?:in\b\.?|\"|\u2033)")
# a unit, the smaller unit written after it, and how many of those make one
_COMPOUND = {"ft": ("in", 12.0), "lb": ("oz", 16.0), "st": ("lb", 14.0), "yd": ("ft", 3.0), "m": ("cm", 100.0)}


def _same_kind(a: U.Unit | None, b: U.Unit | None) -> bool:
    return a is None or b is None or a.dimension == b.dimension


def pair(text: str, a: Single, b: Single) -> list[Figure] | None:
    """The figures `a` and `b` make together, or None if they stand apart."""
    gap = text[a.end:b.start]
    if _OPEN_GAP.fullmatch(gap) and a.unit is not None and b.unit is not None:
        return _conversion(text, a, b)
    if a.unit is not None and b.left.qualifier is None and _JOIN_GAP.fullmatch(gap):
        joined = _compound(text, a, b) or _minor(text, a, b)
        if joined is not None:
            return [joined]
    m = _RANGE_GAP.fullmatch(gap)
    if m is None:
        return None
    sep = m.group("sep")
    if m.group("h") and sep in ("-", "\u2013", "\u2014"):
        return None
    if sep in ("-", "\u2013", "\u2014") and bool(m.group("a")) != bool(m.group("b")):
        return None  # "75 -300mm": a minus or a typo, not a range
    if sep == "and" and a.left.marker != "between" or sep == "or" and not a.number.words:
        return None
    if sep == "to" and (a.left.marker == "by" or a.left.prev.lower() in CHANGE_WORDS and a.start == a.number.start):
        return None  # "rose by 11c to 17c", "shares rose 4p to 470p": the change and the new value
    if not _same_kind(a.unit, b.unit) or year_like(text, a.number) and year_like(text, b.number):
        return None
    if a.left.marker == "from" and sep == "to" and _is_change(text, a, b):
        return _change(text, a, b, m.start("sep") + a.end)
    return _range(text, a, b)


def _range(text: str, a: Single, b: Single) -> list[Figure] | None:
    lo, hi = a.value, b.value
    if b.number.scaled and not a.number.scaled and lo * b.number.scale < hi:
        lo *= b.number.scale  # "$5-10 million"
    if not lo < hi or b.left.qualifier:
        return None
    unit = b.unit or a.unit
    start = a.left.marker_start if a.left.marker in ("between", "from") else a.start
    fig = Figure(start, b.end, lo, a.number.ulp, unit=unit, high=hi, high_ulp=b.number.ulp,
                 qualifier=a.left.qualifier)
    if unit is None:
        noun = counted_noun(text, b.end, hi)
        if noun is None:
            return None
        fig.counted, fig.end = noun[0].lower(), noun[1]
    return [fig]


def _is_change(text: str, a: Single, b: Single) -> bool:
    """"from X to Y" is a change (two figures) after a verb of change, or when the end is qualified;
    otherwise a range ("prices ranging from $500 to $550")."""
    if b.left.qualifier is not None:
        return True
    clause = _CLAUSE_LEFT.search(text, max(0, a.left.marker_start - 80), a.left.marker_start)
    words = _WORD.findall(clause.group(0).lower()) if clause else []
    return any(w in CHANGE_WORDS for w in words[-8:])


def _change(text: str, a: Single, b: Single, to_start: int) -> list[Figure]:
    unit = a.unit or b.unit
    noun = counted_noun(text, b.end, b.value) if unit is None else None
    head = _head_before(text, a.left.marker_start)
    out = []
    for s, start, frame in ((a, a.left.marker_start, Frame.CHANGE_FROM), (b, to_start, Frame.CHANGE_TO)):
        fig = Figure(start, s.end, s.value, s.number.ulp, unit=s.unit or unit, qualifier=s.left.qualifier,
                     counted=noun[0] if noun else None, head=head, frame=frame)
        out.append(fig)
    return out


def _head_before(text: str, pos: int) -> str | None:
    """The noun a change is of: "Ukraine's hold from 1,300 ..." -> "hold", "the toll rose from" -> "toll"."""
    clause = _CLAUSE_LEFT.search(text, max(0, pos - 50), pos)
    words = _WORD.findall(clause.group(0)) if clause else []
    for w in reversed(words[-4:]):
        low = w.lower()
        if low in CHANGE_WORDS or low.endswith("ly") or low in ("has", "have", "had", "was", "were", "is", "are"):
            continue
        if low in STOPWORDS or low.endswith("ed") or w[0].isupper() and not low.endswith("s"):
            return None
        return low
    return None


def _conversion(text: str, a: Single, b: Single) -> list[Figure] | None:
    close = _CLOSE_AFTER.match(text, b.end)
    assert a.unit is not None and b.unit is not None
    if close is None or a.unit.dimension != b.unit.dimension or a.unit.symbol == b.unit.symbol:
        return None
    fig = Figure(a.start, close.end(), a.value, a.number.ulp, unit=a.unit, qualifier=a.left.qualifier,
                 alt_value=b.value, alt_unit=b.unit)
    return [fig]


def _compound(text: str, a: Single, b: Single) -> Figure | None:
    assert a.unit is not None
    sub = _COMPOUND.get(a.unit.symbol)
    if sub is None or b.left.currency is not None:
        return None
    end = b.end
    if b.unit is None:
        m = _IN_SUB.match(text, b.end) if sub[0] == "in" else None
        if m is None:
            return None
        end = m.end()
    elif b.unit.symbol != sub[0]:
        return None
    if not 0 <= b.value < sub[1]:
        return None
    return Figure(a.start, end, a.value + b.value / sub[1], 1 / sub[1], unit=a.unit, qualifier=a.left.qualifier)


def _minor(text: str, a: Single, b: Single) -> Figure | None:
    """Money and its minor unit: "13 dollars and 45 cents", "15 USD 50", "c $ 100 and fifty"."""
    unit = a.unit
    assert unit is not None
    if not unit.money or unit.factor != 1 or a.value != int(a.value) or b.number.scaled:
        return None
    if not (1 <= b.value < 100 and b.value == int(b.value)) or b.left.currency is not None:
        return None
    end = b.end
    if b.unit is not None:
        if b.unit.factor != 0.01:
            return None
    else:
        m = _MINOR_AFTER.match(text, b.end)
        if m:
            end = m.end()
        elif not _AFTER_MINOR.match(text, b.end):
            return None
    return Figure(a.start, end, a.value + b.value / 100, 0.01, unit=unit, qualifier=a.left.qualifier)
