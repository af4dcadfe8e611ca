"""Extraction stage, figures: text -> Mentions of kind QUANTITY, COUNT, MONEY and PERCENT.

One pass: `scan_numbers` finds every written number with one compiled pattern; for each, the
words beside it are read (single.py, sides.py: qualifier, currency, unit), neighbouring numbers
are joined into ranges, changes, conversions and compound values (structures.py), a number
without a unit counts the noun after it if there is one (counts.py), and each figure becomes a
QuantityValue with its interval in canonical units (values.py). Time units are left to the
durations extractor.
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import MONTHS
from factcheck.extract.mention import Mention
from factcheck.extract.numbers import extract_numbers, scan_numbers
from factcheck.extract.quantities.counts import counted_noun
from factcheck.extract.quantities.single import (
    Single,
    bare_one,
    money_before,
    read_single,
)
from factcheck.extract.quantities.structures import pair
from factcheck.extract.quantities.values import Figure, to_mention
from factcheck.extract.terms import STOPWORDS

__all__ = ["extract_numbers", "extract_quantities"]

_PAIR_REACH = 40  # characters between two numbers that may still form one figure
_HEAD_AFTER = re.compile(r"[ \u00a0]+(?:(?:of|in|for)[ \u00a0]+)?(?:(?:the|its|their|all)[ \u00a0]+)?"
                         r"(?P<w>[a-z][a-z-]+)\b")


def extract_quantities(text: str) -> list[Mention]:
    """Every figure of `text` with a unit, a currency, a percent sign or a counted noun."""
    nums = list(scan_numbers(text, money_at=lambda pos: money_before(text, pos)))
    out: list[Mention] = []
    floor, i = 0, 0
    ahead: tuple[int, int, Single | None] | None = None  # the next number, read while pairing
    while i < len(nums):
        if nums[i].start < floor:  # read already, inside the figure before ("6'2\"")
            i += 1
            continue
        if ahead is not None and ahead[0] == i and ahead[1] == floor:
            a = ahead[2]
        else:
            a = read_single(text, nums[i], floor)
        if a is None:
            i += 1
            continue
        figs = None
        if i + 1 < len(nums) and 0 <= nums[i + 1].start - a.end <= _PAIR_REACH:
            b = read_single(text, nums[i + 1], a.end)
            ahead = (i + 1, a.end, b)
            if b is not None:
                figs = pair(text, a, b)
        step = 2 if figs else 1
        if not figs:
            alone = _alone(text, a)
            figs = [alone] if alone is not None else []
        for fig in figs:
            if fig.settle_kind() is None:
                continue
            if fig.head is None and fig.kind is not None and fig.counted is None:
                fig.head = _head_after(text, fig.end)
            out.append(to_mention(fig))
            floor = fig.end
        i += step
    return out


def _alone(text: str, s: Single) -> Figure | None:
    n = s.number
    ulp = n.ulp * s.right.scale
    if s.right.add:
        ulp = 1 / 12  # 6'2": precise to the inch
    if s.unit is not None:
        return Figure(s.start, s.end, s.value, ulp, unit=s.unit, qualifier=s.left.qualifier)
    if bare_one(text, s) or not n.scaled and (n.value != int(n.value) or "." in text[n.start:n.end]) or n.value < 0:
        return None
    noun = counted_noun(text, n.end, n.value)
    if noun is None:
        return None
    return Figure(s.start, noun[1], s.value, ulp, qualifier=s.left.qualifier, counted=noun[0].lower())


def _head_after(text: str, end: int) -> str | None:
    """The noun a figure modifies or measures: "a 1,000-kilometer front", "12% of voters"."""
    m = _HEAD_AFTER.match(text, end)
    if m is None or m.group("w") in STOPWORDS or m.group("w") in MONTHS:
        return None
    return m.group("w")
