"""Word lists shared by the extractors: months, weekdays, number words, scales.

Each list lives here once; extractors build their patterns from these tables.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}

TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}

SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # South Asian scales: "35 lakh rupees", "6 crore"
    "crore": 1e7,
}

# Abbreviated scales written after digits: "3.5bn", "$4m", "20k".
SCALE_SUFFIXES: dict[str, float] = {
    "k": 1e3, "thousand": 1e3,
    "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9,
    "t": 1e12, "tn": 1e12, "trillion": 1e12,
}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}

# Ordinals of scales, read as fraction denominators: "a hundredth", "three thousandths".
ORDINAL_SCALE_WORDS: dict[str, float] = {
    "hundredth": 1e2, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}

FRACTION_WORDS: dict[str, float] = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fourth": 0.25, "fourths": 0.25, "fifth": 0.2, "fifths": 0.2,
    "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 0.125, "eighths": 0.125, "tenth": 0.1, "tenths": 0.1,
}

# "a dozen", "two dozen", "a score of"
GROUP_WORDS: dict[str, int] = {"dozen": 12, "dozens": 12, "score": 20}

# Verbs and nouns of change: "slashed ... from 1,300 to under 200" is two figures, before and after.
CHANGE_WORDS = frozenset("""
rose risen rise rises rising fell fallen fall falls falling increased increase increases increasing
decreased decrease decreases decreasing declined decline declines declining dropped drop drops dropping
grew grown grow grows growing climbed climb climbs climbing jumped jump jumps jumping soared soar soaring
surged surge surging plunged plunge plunging plummeted slumped slipped shrank shrunk shrink shrinking
expanded expand expanding reduced reduce reduces reducing cut cuts cutting slashed slash slashing
raised raise raises raising lowered lower lowering boosted boost doubled tripled halved revised
upgraded downgraded narrowed widened swelled swollen spiked tumbled dipped sank sunk went gone moved
changed change shifted up down
""".split())

# Words after which a number is a name or a reference, not a figure: "Article 5", "section 3.2".
NUMBER_NAME_WORDS = frozenset("""
article articles section sections chapter chapters clause clauses paragraph paragraphs page pages p pp
no nos number vol volume issue figure fig table appendix annex route highway interstate flight room
suite platform gate terminal level phase stage grade class type model version season episode part rule
resolution amendment item line track bus unit squad apartment building block lot plot district ward zone
sector precinct channel act scene verse psalm step round game match hole lap pier exit row seat bay
code size box pillar protocol regulation directive category division league series mark tier batch
""".split())

# Past participles and adjectives that name the people counted: "seven injured", "12 dead".
CASUALTY_WORDS = frozenset("""
injured wounded dead killed missing hurt displaced detained arrested evacuated rescued
hospitalised hospitalized infected sick homeless captured abducted kidnapped survivors
""".split())

# Plurals without a final s, so "298 people" and "40 police" count.
IRREGULAR_PLURALS = frozenset("""
people children men women police personnel staff cattle sheep fish aircraft deer crew militia
livestock youth clergy offspring headquarters species series media data criteria phenomena
""".split())

# Irregular past-tense verbs: with the regular "-ed" forms, the words a date most often dates
# ("met on Monday", "died Saturday").
IRREGULAR_PAST = frozenset("""
said told met held went came began took made gave found left led won lost fell rose hit struck
shot sent spent paid sold bought built brought thought saw knew wrote spoke broke ran fought
caught kept felt stood sat put set cut flew drove threw grew drew chose stole became withdrew
began sought taught swore wore woke forgot arose overcame undertook bore beat bit hid slid
""".split())


def is_past_verb(word: str) -> bool:
    """A lowercase word that reads as a past-tense verb: "-ed" (longer than "used") or irregular."""
    return (word.endswith("ed") and len(word) > 4) or word in IRREGULAR_PAST


# Verbs that report speech or news: a date attached to one of them dates the report, not the
# event reported ("Yesterday, police explained that officers shot ...").
REPORTING_VERBS = frozenset("""
said says told tells explained explains announced announces reported reports confirmed confirms
stated states added adds wrote writes tweeted tweets posted posts claimed claims noted notes
revealed reveals disclosed discloses insisted insists acknowledged acknowledges
""".split())
