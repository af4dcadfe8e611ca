"""Short human descriptions shared by the rules and the reports: values, and what a group of facts is about."""

from __future__ import annotations

from collections import Counter

import regex

from factcheck.extract.terms import name_key
from factcheck.models import DateRangeValue, DateValue, Fact, QuantityValue, QuoteValue

MAX_LABEL_NAMES = 3  # names shown in an event label: more make a label unreadable
_CAPITALIZED = regex.compile(r"\b\p{Lu}[\p{L}'\u2019-]*")
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




def display_names(fact: Fact) -> dict[str, str]:
    """The fact's name keys mapped to how its sentence writes them: 'zelensk' -> 'Zelensky'; the keys of
    a full name written as one run of capitalized words map to the whole run ('Vladimir Putin')."""
    wanted = set(fact.context.names)
    out: dict[str, str] = {}
    run: list[tuple[str, str]] = []  # (key, word) of consecutive name words
    last_end = -2

    def flush() -> None:
        surface = " ".join(word for _, word in run)
        for key, _ in run:
            out.setdefault(key, surface)
        run.clear()

    for m in _CAPITALIZED.finditer(fact.context.sentence):
        word = m.group().rstrip("'\u2019-")
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]
        key = name_key(word)
        if key not in wanted:
            flush()
            continue
        if run and m.start() != last_end + 1:
            flush()
        run.append((key, word))
        last_end = m.start() + len(word)
    flush()
    return out


def event_label(facts: list[Fact]) -> str:
    """What a group of facts is about, readable: the quote's speaker and opening, or the head word and the
    names most of the facts share, as their sentences write them (`address (Zelensky, Putin)`)."""
    if not facts:
        return ""
    speakers = Counter(f.value.speaker for f in facts if isinstance(f.value, QuoteValue) and f.value.speaker)
    if speakers:
        longest = max(facts, key=lambda f: (len(f.text), f.source_id))
        words = longest.text.split()
        opening = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return f"{speakers.most_common(1)[0][0]}: “{opening}”"
    heads = Counter(f.context.head for f in facts if f.context.head)
    head = min(heads.items(), key=lambda kv: (-kv[1], kv[0]))[0] if heads else "event"
    counts = Counter(n for f in facts for n in set(f.context.names))
    quorum = max(1, (len(facts) + 1) // 2) if len(facts) > 1 else 1
    candidates = [k for k in counts if counts[k] >= quorum]
    surfaces = written_names(facts, candidates)
    # order: most shared first, then as the first fact's sentence names them
    first_order = {k: i for i, k in enumerate(facts[0].context.names)}
    shared = [k for k in candidates if k in surfaces]
    shared.sort(key=lambda k: (-counts[k], first_order.get(k, 99), k))
    names: list[str] = []
    for key in shared:
        word = surfaces[key]
        if word.lower() == head.lower() or any(word in n or n in word for n in names):
            continue
        names.append(word)
        if len(names) == MAX_LABEL_NAMES:
            break
    return f"{head} ({', '.join(names)})" if names else head


def written_names(facts: list[Fact], wanted: list[str]) -> dict[str, str]:
    """How the facts' sentences write the wanted name keys: each as the first fact that writes it
    does. A fact whose names are all found (or not wanted) cannot change that, so its sentence is
    not scanned (keys not wanted may come along; the caller picks)."""
    surfaces: dict[str, str] = {}
    missing = set(wanted)
    for f in facts:
        if not missing:
            break
        if missing.isdisjoint(f.context.names):
            continue
        for key, word in display_names(f).items():
            surfaces.setdefault(key, word)
        missing.difference_update(surfaces)
    return surfaces


def subject_label(facts: list[Fact]) -> str:
    """What a group of facts is about, for messages (the same label the reports show)."""
    return event_label(facts)
