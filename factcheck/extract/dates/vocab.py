"""Word tables of the date grammar, derived from the shared lexicon (never retyped).

Day numbers in words ("twenty-first", "the ninth"), written years ("nineteen seventy
eight", "two thousand and five"), decades in words ("the nineties"), times of day and
the relative words ("next", "last", "coming") with what they mean, and the seasons.
"""

from __future__ import annotations

import re

from factcheck.extract.lexicon import ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS


def alt(words, marks: dict[str, str] | None = None) -> str:
    """Regex alternation of literal words as a trie (fast to reject); spaces match any whitespace.

    Longer words win over their prefixes ("twenty-first" before "twenty"), as in a longest-first list.
    `marks` maps a character to the pattern it stands for (an optional apostrophe, say).
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie, marks or {})


def _trie_regex(node: dict, marks: dict[str, str]) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        piece = marks.get(ch) or (r"\s+" if ch == " " else re.escape(ch))
        sub = node[ch]
        rest = _trie_regex(sub, marks) if any(k for k in sub) else ""
        if rest and "" in sub:
            rest = f"(?:{rest})?"
        branches.append(piece + rest)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# ---------------------------------------------------------------- days of the month in words

def _day_words() -> dict[str, int]:
    out: dict[str, int] = {}
    for word, n in ORDINAL_WORDS.items():
        if n <= 31:
            out[word] = n
    for word, n in UNITS_WORDS.items():
        if 1 <= n <= 31:
            out[word] = n
    for tens_word in ("twenty", "thirty"):
        tens = TENS_WORDS[tens_word]
        out[tens_word] = tens
        for unit_table in (ORDINAL_WORDS, UNITS_WORDS):
            for word, n in unit_table.items():
                if 1 <= n <= 9 and tens + n <= 31:
                    for sep in (" ", "-"):
                        out[f"{tens_word}{sep}{word}"] = tens + n
    return out


DAY_WORDS: dict[str, int] = _day_words()
ORDINAL_DAY_WORDS = frozenset(w for w in DAY_WORDS if w.split()[-1].split("-")[-1] in ORDINAL_WORDS)


def day_of(word: str) -> int | None:
    """"21st" -> 21, "twenty-first" -> 21, "the ninth" -> 9."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w.startswith("the "):
        w = w[4:]
    m = re.fullmatch(r"0?(\d{1,2})(?:st|nd|rd|th)?", w)
    if m:
        n = int(m.group(1))
        return n if 1 <= n <= 31 else None
    return DAY_WORDS.get(w)


# ---------------------------------------------------------------- ordinals for "the third week", "first Monday"

SMALL_ORDINALS: dict[str, int] = {
    **{w: n for w, n in ORDINAL_WORDS.items() if n <= 12},
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
    "10th": 10, "11th": 11, "12th": 12, "last": -1,
}


# ---------------------------------------------------------------- years in words

_TEEN_TENS = {**{w: n for w, n in UNITS_WORDS.items() if 10 <= n <= 19}, **TENS_WORDS}


def _two_digit_words() -> dict[str, int]:
    """"seventy eight" -> 78, "nineteen" -> 19, "oh five" -> 5."""
    out: dict[str, int] = {}
    for w, n in UNITS_WORDS.items():
        if n >= 10:
            out[w] = n
    for tw, t in TENS_WORDS.items():
        out[tw] = t
        for uw, u in UNITS_WORDS.items():
            if 1 <= u <= 9:
                out[f"{tw} {uw}"] = t + u
                out[f"{tw}-{uw}"] = t + u
    for lead in ("zero", "oh", "o"):
        for uw, u in UNITS_WORDS.items():
            if 1 <= u <= 9:
                out[f"{lead} {uw}"] = u
    return out


TWO_DIGIT_WORDS: dict[str, int] = _two_digit_words()
_BELOW_100 = alt(TWO_DIGIT_WORDS | {w: n for w, n in UNITS_WORDS.items() if n >= 1})
_CENTURY_LEAD = alt({w: n for w, n in _TEEN_TENS.items() if 10 <= n <= 20})

# "nineteen seventy eight", "two thousand and five", "one thousand seven hundred and eighty nine"
YEAR_WORDS = (
    rf"(?:(?:{_CENTURY_LEAD})[\s-]+(?:{_BELOW_100}|hundred)"
    rf"|(?:one|two)\s+thousand(?:[\s,]+(?:(?:{alt(UNITS_WORDS)})\s+hundred)?(?:\s*(?:and\s+)?(?:{_BELOW_100}))?)?)"
)


def year_of_words(surface: str) -> int | None:
    """Value of a year in words ("nineteen seventy eight" -> 1978)."""
    s = re.sub(r"[\s,-]+", " ", surface.strip().lower())
    m = re.fullmatch(r"(one|two) thousand(?: (\w+) hundred)?(?: (?:and )?(.+))?", s)
    if m:
        total = {"one": 1000, "two": 2000}[m.group(1)]
        if m.group(2):
            total += 100 * UNITS_WORDS.get(m.group(2), 0)
        if m.group(3):
            rest = TWO_DIGIT_WORDS.get(m.group(3), UNITS_WORDS.get(m.group(3)))
            if rest is None:
                return None
            total += rest
        return total
    first, _, rest = s.partition(" ")
    lead = _TEEN_TENS.get(first)
    if lead is None:
        return None
    if rest == "hundred":
        return lead * 100
    tail = TWO_DIGIT_WORDS.get(rest)
    return None if tail is None else lead * 100 + tail


# ---------------------------------------------------------------- decades in words

DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}
# decades of the 2000s written as words
DECADE_2000_WORDS: dict[str, int] = {
    "noughties": 2000, "aughts": 2000, "naughties": 2000, "twenty-tens": 2010, "twenty tens": 2010,
    "two thousand and tens": 2010, "twenty-twenties": 2020, "twenty twenties": 2020,
}

# ---------------------------------------------------------------- months and weekdays

# Month and weekday words that are also common English words: need more evidence.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "apr", "feb"})
AMBIGUOUS_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon", "tue", "thu", "fri", "thur", "thurs", "tues"})

# ---------------------------------------------------------------- seasons

# season word -> first month of its meteorological season (northern hemisphere); a winter named
# by a year is the one whose January falls in it ("winter 2019": December 2018 - February 2019)
SEASONS: dict[str, int] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# season words that are also verbs or common nouns: need a strong cue ("this fall", "fall 2019")
AMBIGUOUS_SEASONS = frozenset({"fall", "spring"})

# ---------------------------------------------------------------- times of day

TIMES_OF_DAY = ("morning", "afternoon", "evening", "night", "noon", "midday", "midnight", "overnight", "lunchtime")
TIME_OF_DAY = rf"(?:{alt(TIMES_OF_DAY)})"

# ---------------------------------------------------------------- relative words

# word before a period or weekday -> which one: -1 previous, 0 current, +1 next
SHIFT_WORDS: dict[str, int] = {
    "this": 0, "current": 0, "the current": 0, "present": 0,
    "next": 1, "coming": 1, "upcoming": 1, "following": 1, "the following": 1, "the coming": 1,
    "this coming": 1, "this upcoming": 1, "the upcoming": 1, "the next": 1,
    "last": -1, "previous": -1, "past": -1, "the previous": -1, "prior": -1, "the prior": -1,
    "this past": -1, "the last": -1, "the past": -1,
}
SHIFT = rf"(?:{alt(SHIFT_WORDS)})"
# "the past week" / "the last week" mean the seven days up to now, not the previous calendar week
ROLLING_SHIFTS = frozenset({"the past", "the last", "the next", "the coming"})

PERIOD_UNITS: dict[str, str] = {
    "day": "day", "days": "day", "business day": "bday", "business days": "bday",
    "working day": "bday", "working days": "bday",
    "week": "week", "weeks": "week", "workweek": "week", "work week": "week",
    "weekend": "weekend", "weekends": "weekend", "fortnight": "fortnight", "fortnights": "fortnight",
    "month": "month", "months": "month", "quarter": "quarter", "quarters": "quarter",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century",
    "hour": "hour", "hours": "hour", "minute": "minute", "minutes": "minute",
}
PERIOD_UNIT = rf"(?:{alt(PERIOD_UNITS)})"
