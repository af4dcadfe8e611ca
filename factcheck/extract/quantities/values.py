"""Figures, values: a read figure -> its QuantityValue, with the interval it stands for.

Input: a `Figure` (number, unit, qualifier, range end, counted noun, frame). Output: a Mention whose
QuantityValue keeps the value as written and adds the interval in canonical units
(see /work/shared/DESIGN.md, "Values are intervals"):
  exact          half a unit of the last significant digit, at most 2.5 % (1,000 -> ±25; 1,013 -> ±0.5)
  about, some    ±5 %
  under, below   [0, v)        nearly, almost   [95 %, v)
  more than      (v, ∞)        just over        (v, 105 %]
  at least       [v, ∞)        up to            [0, v]
  5 to 10        [5, 10]
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.extract import units as U
from factcheck.extract.mention import Mention
from factcheck.extract.quantities.sides import QUAL_BELOW, QUAL_JUST_ABOVE, QUALIFIERS
from factcheck.models import Comparator, FactKind, Frame, QuantityValue

_PRECISION_CAP = 0.025
_APPROX = 0.05


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    value: float
    ulp: float
    kind: FactKind | None = None
    unit: U.Unit | None = None
    qualifier: str | None = None
    high: float | None = None
    high_ulp: float = 0.0
    counted: str | None = None
    head: str | None = None
    alt_value: float | None = None
    alt_unit: U.Unit | None = None
    frame: Frame = Frame.CURRENT

    def settle_kind(self) -> FactKind | None:
        """The fact kind its unit (or counted noun) makes it."""
        if self.unit is None:
            self.kind = FactKind.COUNT if self.counted or self.frame is not Frame.CURRENT else None
        elif self.unit.money:
            self.kind = FactKind.MONEY
        elif self.unit.dimension == "ratio":
            self.kind = FactKind.PERCENT
        else:
            self.kind = FactKind.QUANTITY
        return self.kind


def _tolerance(value: float, ulp: float) -> float:
    return min(ulp / 2, _PRECISION_CAP * abs(value))


def written_interval(fig: Figure) -> tuple[float, float, bool, bool, Comparator]:
    """The interval in the written unit, and the comparator, from the qualifier and precision."""
    v = fig.value
    floor = 0.0 if v >= 0 and (fig.unit is None or fig.unit.dimension != "temperature") else -math.inf
    q = fig.qualifier
    comp = QUALIFIERS.get(q, Comparator.EQ) if q else Comparator.EQ
    if fig.high is not None:  # a range: its ends as written, widened if "about"
        if comp is Comparator.APPROX:
            return v * (1 - _APPROX), fig.high * (1 + _APPROX), False, False, comp
        return v, fig.high, False, False, Comparator.EQ
    if comp is Comparator.APPROX and q in QUAL_BELOW:
        comp = Comparator.LT
    tol = _tolerance(v, fig.ulp)
    if comp is Comparator.EQ:
        return v - tol, v + tol, False, False, comp
    if comp is Comparator.APPROX:
        d = max(_APPROX * abs(v), tol)
        return v - d, v + d, False, False, comp
    if comp is Comparator.LT:
        if q in QUAL_BELOW:
            return min(v * 0.95, v), v, False, True, comp
        return floor, v, False, True, comp
    if comp is Comparator.LE:
        return floor, v, False, False, comp
    if comp is Comparator.GT:
        if q in QUAL_JUST_ABOVE:
            return v, max(v * 1.05, v), True, False, comp
        return v, math.inf, True, False, comp
    return v, math.inf, False, False, comp  # GE


def to_mention(fig: Figure) -> Mention:
    lo, hi, lo_open, hi_open, comp = written_interval(fig)
    unit = fig.unit
    canonical, factor, offset = None, 1.0, 0.0
    if unit is not None:
        conv = U.to_canonical(unit.symbol)
        canonical, factor, offset = conv if conv is not None else (unit.symbol, 1.0, 0.0)
    dimension = unit.dimension if unit is not None else "count"
    value = QuantityValue(
        value=fig.value,
        unit=unit.symbol if unit is not None else None,
        dimension=dimension,
        comparator=comp,
        high=fig.high,
        canonical_unit=canonical,
        lo=lo * factor + offset if math.isfinite(lo) else lo,
        hi=hi * factor + offset if math.isfinite(hi) else hi,
        lo_open=lo_open,
        hi_open=hi_open,
        counted=fig.counted,
        alt_value=fig.alt_value,
        alt_unit=fig.alt_unit.symbol if fig.alt_unit is not None else None,
        frame=fig.frame,
    )
    assert fig.kind is not None
    return Mention(fig.start, fig.end, fig.kind, value, head=fig.head or fig.counted)
