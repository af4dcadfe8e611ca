"""Short human descriptions of values and of what a group of facts is about, for messages."""

from __future__ import annotations

from collections import Counter

from factcheck.models import DateRangeValue, DateValue, Fact, QuantityValue, QuoteValue

_COMPARATOR_WORDS = {"<": "under ", "<=": "at most ", ">": "over ", ">=": "at least ", "~": "about ", "=": ""}


def describe_value(fact: Fact) -> str:
    """The normalized value, compactly: `2025-03-13`, `under 200 km2`, `30 day`, `"We agree…" (Putin)`."""
    v = fact.value
    if isinstance(v, DateValue):
        return v.date or f"unresolved {v.relative or fact.text}"
    if isinstance(v, DateRangeValue):
        return f"{v.start or '…'}..{v.end or '…'}"
    if isinstance(v, QuantityValue):
        number = f"{v.value:,.10g}"
        if v.high is not None:
            number += f"–{v.high:,.10g}"
        unit = v.unit or (v.counted or "")
        text = f"{_COMPARATOR_WORDS.get(v.comparator.value, '')}{number} {unit}".strip()
        if v.alt_value is not None:
            text += f" ({v.alt_value:,.10g} {v.alt_unit})"
        return text
    if isinstance(v, QuoteValue):
        quote = v.quote if len(v.quote) <= 60 else v.quote[:57] + "…"
        return f"“{quote}”" + (f" ({v.speaker})" if v.speaker else "")
    return fact.text


def subject_label(facts: list[Fact]) -> str:
    """What a group is about: its most common head word, with the names most of its facts share."""
    speakers = Counter(f.value.speaker for f in facts if isinstance(f.value, QuoteValue) and f.value.speaker)
    if speakers:
        longest = max(facts, key=lambda f: len(f.text))
        words = longest.text.split()
        opening = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return f"{speakers.most_common(1)[0][0]}: “{opening}”"
    heads = Counter(f.context.head for f in facts if f.context.head)
    names = Counter(n for f in facts for n in set(f.context.names))
    quorum = max(2, (len(facts) + 1) // 2)
    shared = [n for n, c in sorted(names.items(), key=lambda kv: (-kv[1], kv[0])) if c >= quorum][:3]
    head = heads.most_common(1)[0][0] if heads else facts[0].kind.value
    label = f"“{head}”"
    if shared:
        label += f" ({', '.join(n.title() for n in shared)})"
    return label
