"""Every pattern of the date grammar, built once from the word tables.

`RULES` lists the atom patterns in priority order (at one position the first rule that
matches wins); dispatch.py builds, per first character, the alternation of the rules that can
start there, so one match finds the rule and `RULES[name].match` re-reads its parts.
The prefix/suffix patterns around atoms (modifiers, range connectors) are used by compose.
"""

from __future__ import annotations

import re

from factcheck.extract.dates.holidays import FORM_MARKS, HOLIDAY_FORMS
from factcheck.extract.dates.vocab import (
    DAY_WORDS,
    DECADE_2000_WORDS,
    DECADE_WORDS,
    ORDINAL_DAY_WORDS,
    PERIOD_UNIT,
    PERIOD_UNITS,
    SEASONS,
    SHIFT,
    SMALL_ORDINALS,
    TIME_OF_DAY,
    YEAR_WORDS,
    alt,
)
from factcheck.extract.durations import AMOUNT, PARTS, TIME_UNITS, UNIT
from factcheck.extract.lexicon import (
    MONTH_NAMES,
    MONTHS,
    TENS_WORDS,
    UNITS_WORDS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)
from factcheck.extract.numbers import WORDS

# ---------------------------------------------------------------- building blocks

# abbreviations may carry a full stop ("Sept.", "Wed."); full names never take it into the span
MON = rf"(?<![a-z])(?:{alt(MONTH_NAMES)}|(?:{alt(set(MONTHS) - {w.lower() for w in MONTH_NAMES})})\.?)(?![a-z])"
WD = rf"(?<![a-z])(?:{alt(WEEKDAY_NAMES)}|(?:{alt(set(WEEKDAYS) - {w.lower() for w in WEEKDAY_NAMES})})\.?)(?![a-z])"
TOD = TIME_OF_DAY
_DAY_NUM = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
_ORD_NUM = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?!\w)"
# cardinal words alone are too common ("may one day"): only compounds and teens count as days
_DAY_WORD = rf"(?:{alt(w for w, n in DAY_WORDS.items() if w in ORDINAL_DAY_WORDS or n >= 10)})(?![a-z-])"
DAY = rf"(?:{_DAY_NUM}|{_DAY_WORD})"
ORD_DAY = rf"(?:{_ORD_NUM}|(?:{alt(ORDINAL_DAY_WORDS)})(?![a-z-]))"
YEAR4 = r"(?:1\d{3}|20\d\d|21\d\d)(?![\d])"
YEAR = rf"(?:{YEAR4}(?![.,]\d)|'\d\d(?!\d)|{YEAR_WORDS}(?![a-z]))"
_YSEP = r"(?:\s*,\s*|\s+of\s+|\s*[-/]\s*|\s+)"
_YEAR_AFTER = rf"(?:{_YSEP}(?P<y>{YEAR})|(?:\s*,\s*|\s+of\s+|\s*[-/]\s*)(?P<yy>\d\d)(?![\d:.]))"
_NOT_TIME = r"(?!\s*(?:%|percent|per\s+cent|am\b|pm\b|a\.m|p\.m|:\d|h\b))"
_LEFT = r"(?<![\w.,/$£€¥#@])(?<!\d:)"  # not inside a number, a time ("12:30 december"), an amount
_TO = r"(?:-|\u2013|\u2014|~|to|through|thru|till|until|and|into)"
SMALL_ORD = alt(SMALL_ORDINALS)
UNIT_NAMES = [w for w in TIME_UNITS if len(w) > 1]
_REL_WORD = r"(?:this|next|last|previous|past|coming|current|the\s+following|following|the\s+next)"
HOLIDAY = alt(HOLIDAY_FORMS, FORM_MARKS)
SEASON = alt(SEASONS)
# the year a named day or season is written with: "Christmas 2016", "father's day of 2015", "of this year"
_NAMED_YEAR = (rf"(?:\s*,?\s*(?:of\s+)?(?:the\s+year\s+)?(?P<y>{YEAR4})(?![\w%]|[.,]\d)"
               rf"|\s+of\s+(?:the\s+)?(?P<rel>this|next|last|the\s+following|following|the\s+previous|previous)\s+year(?!\w)"
               rf"|\s+(?P<rel2>this|next|last)\s+year(?!\w))")

RULES: dict[str, re.Pattern[str]] = {}


def _strip_names(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _rule(name: str, pattern: str) -> None:
    RULES[name] = re.compile(pattern, re.IGNORECASE)


# numeric dates: 2025-03-14, 2019-aug-1, 20200701, 3/14/2025, 14/03/25, 4/22, 2015-3, 11/2016
_rule("ymd", r"(?<![0-9A-Za-z./])(?P<y>[12]\d{3})(?P<s1>[-/.])(?P<m>0?[1-9]|1[0-2])(?P<s2>[-/.])"
      r"(?P<d>0?[1-9]|[12]\d|3[01])(?!(?!T\d)[\w/]|[.-]\d)")
_rule("ymd_mon", rf"(?<![\w./-])(?P<y>[12]\d{{3}})[-/](?:(?P<mon>{MON})[-/](?P<d>{_DAY_NUM})|(?P<d2>{_DAY_NUM})[-/](?P<mon2>{MON}))(?![\w/])")
_rule("ymd8", r"(?<![\w.,/])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\w)")
_rule("yrange", rf"(?<![\w.,$£€/-])(?P<y1>{YEAR4})\s*(?P<sep>-|\u2013|\u2014|~|/|to|through|thru|until|till|and)\s*"
      rf"(?P<y2>{YEAR4}|\d\d?(?!\d))(?![\w%/]|[.,]\d|\s*[-/]\s*\d)")
# "05 / 02 / 2013": a numeric date spaced out (headers of news pages)
_rule("mdy_spaced", r"(?<![\w./:-])(?P<a>\d{1,2})[ \t]/[ \t](?P<b>\d{1,2})[ \t]/[ \t](?P<y>\d{4})(?![\w/]|[.,]\d)")
_rule("my_num", r"(?<![\w./-])(?<!/\s)(?P<m>0?[1-9]|1[0-2])\s*[-/]\s*(?P<y>[12]\d{3})(?![\w/]|[.-]\d)")
_rule("num_range", r"(?<![\w./:-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y1>\d{4}|\d\d))?\s*[-\u2013]\s*(?P<c>\d{1,2})/(?P<d>\d{1,2})"
      r"(?:(?:/|,\s*)(?P<y2>\d{4}|\d\d))?(?![\w/:%]|[.,-]\d)")
_rule("mdy_num", r"(?<![\w./:-])(?P<a>\d{1,2})(?P<s1>[/.-])(?P<b>\d{1,2})(?:(?P<s2>[/.-]|,\s?(?=\d{4})|,(?=\d\d))(?P<y>\d{4}|\d{2}))?"
      r"(?![\w/:%]|[.,-]\d)")
# named days: Christmas 2016, last Easter, Labor Day 2021 weekend, independence day of this year
_rule("holiday", rf"(?<![\w])(?:(?P<q>{SHIFT})\s+)?(?P<h>{HOLIDAY})(?![\w'\u2019])(?P<wkend>\s+weekend(?!\w))?"
      rf"(?:{_NAMED_YEAR})?(?P<wkend2>\s+weekend(?!\w))?")
# ranges of days inside one month: "March 11-13", "4-22 January, 1995", "between 3 and 12 of Sept"
_rule("mdrange", rf"{_LEFT}(?P<mon>{MON})\s*(?:between\s+)?(?:the\s+)?(?P<d1>{DAY})\s*{_TO}\s*"
      rf"(?:the\s+)?(?P<d2>{DAY}){_NOT_TIME}(?![/.]\d)(?:{_YSEP}(?P<y>{YEAR}))?")
_rule("dmrange", rf"{_LEFT}(?P<d1>{DAY})\s*{_TO}\s*(?:the\s+)?(?P<d2>{DAY})"
      rf"(?:\s+of\s+|\s*[-/]\s*|\s+)(?P<mon>{MON})(?:{_YSEP}(?P<y>{YEAR}))?")
# a day coordinated with a day-month: "on 18 and 19 June" (the second is read by dmy)
_rule("dm_coord", rf"{_LEFT}(?P<d>{_DAY_NUM})(?=\s*(?:,|and|or|&)\s*{_DAY_NUM}(?:\s+of)?\s+(?P<mon>{MON})(?:{_YSEP}(?P<y>{YEAR}))?)")
_rule("dayrange_rel", rf"{_LEFT}(?P<d1>{DAY})\s*{_TO}\s*(?P<d2>{DAY})\s+(?:of\s+|in\s+)?(?:the\s+)?"
      rf"(?P<rel>{_REL_WORD})\s+month")
# month-name dates in every order
_rule("dmy", rf"{_LEFT}(?P<d>{DAY})(?:\s+day)?(?:\s+of\s+|\s*[-/.]\s*|\s*)(?P<mon>{MON})(?:{_YEAR_AFTER})?")
_rule("mdy", rf"{_LEFT}(?P<mon>{MON})(?:\s*[-/.]\s*|\s*,\s*(?={_ORD_NUM})|\s*)(?:the\s+)?(?P<d>{DAY}){_NOT_TIME}(?![/.]\d)(?:{_YEAR_AFTER})?")
_rule("ym", rf"{_LEFT}(?P<y>{YEAR4})\s*,?\s*(?P<mon>{MON})(?!\s*\d)")
_rule("my", rf"{_LEFT}(?P<mon>{MON})(?:\s*,\s*|\s+of\s+|\s*[-/]\s*|\s+)(?:(?P<y>{YEAR4}(?![.,]\d)|{YEAR_WORDS}(?![a-z])|'\d\d(?!\d))"
      rf"|(?P<yy>\d\d)(?![\d:.]))")
# quarters and halves: Q1 2017, 2017-q1, 2019 H2, the third quarter of 2016, next year's first quarter
_rule("quarter", rf"(?<![\w-])(?:(?P<y1>{YEAR4})\s*[-\s]?\s*)?(?P<qh>[QH])(?P<n>[1-4])(?!\w)(?:(?:\s+of\s+|\s*[-\s]?\s*)(?P<y2>{YEAR4}))?")
_rule("ord_quarter", rf"(?<![\w])(?:the\s+)?(?:(?P<y0>{YEAR4})\s+the\s+|(?P<rel0>this|next|last)\s+year's\s+)?"
      rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?P<u>quarter|half)(?:(?:\s+of)?\s+(?:(?P<y>{YEAR})|"
      rf"(?P<rel>this|next|last|the)\s+year))?(?!\w)")
# decades and centuries: the 1990s, the '90s, the nineties, the 15th century
_rule("decade", r"(?<![\w'])(?:(?P<d4>1\d\d0|20\d0)\s?'?s|"
      r"(?P<ap>')(?P<d2a>\d0)s|(?P<d2>[1-9]0)'?s)(?![\w'])")
_rule("decade_words", rf"(?<![\w])(?:(?P<cent>eighteen|nineteen|twenty)[\s-]+)?"
      rf"(?:(?P<dw>{alt(DECADE_WORDS)})|(?P<d2k>{alt(DECADE_2000_WORDS)}))(?!\w)")
_rule("century", rf"(?<![\w])(?P<cn>{ORD_DAY})[\s-]+century(?!\w)")
# weeks: week 10, week 27 of last year, the third week of July, the last week of 2015, first 2 weeks of 2021
_rule("week_n", rf"(?<![\w])week\s+(?P<wn>\d{{1,2}})(?![\d:.])(?:\s+of\s+(?:(?P<wy>{YEAR4})|(?P<wrel>this|last|next|the)\s+year))?")
_rule("nth_of", rf"(?<![\w])(?:the\s+)?(?P<ord>{SMALL_ORD})\s+(?P<u>week|weekend|month)\s+(?:(?:of|in)\s+(?:the\s+)?)?"
      rf"(?:(?P<mon>{MON})(?:\s*,?\s*(?P<my>{YEAR4}))?|(?P<y>{YEAR4}|{YEAR_WORDS})|(?P<rel>{_REL_WORD})\s+(?P<ru>month|year)|"
      rf"(?P<the_u>month|year))(?!\w)")
_rule("first_n_of", rf"(?<![\w])(?:the\s+)?(?P<fl>first|last)\s+(?P<n>\d+|{WORDS})\s+(?P<u>days|weeks|months)\s+of\s+(?:the\s+)?"
      rf"(?:(?P<y>{YEAR4})|(?P<rel>this|next|last)\s+(?P<ru>year|month)|(?P<mon>{MON}))(?!\w)")
# counted weekdays from today: "two Sundays from now", "3 Fridays ago"
_rule("n_wd", rf"(?<![\w])(?P<n>\d{{1,2}}|{WORDS})\s+(?P<wd>{alt(WEEKDAY_NAMES)})s?\s+"
      rf"(?P<dir>from\s+now|from\s+today|hence|ago)(?!\w)")
# weekdays: the first Monday of next month, next Sunday, Thursday night, Friday the 13th, Tuesday next week
_rule("ord_wd", rf"(?<![\w])(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WD})"
      rf"(?:\s+(?P<tod>{TOD}))?(?:\s+(?:of|in)\s+(?:the\s+)?(?:(?P<mon>{MON})(?:\s*,?\s*(?P<y>{YEAR4}))?|"
      rf"(?P<rel>{_REL_WORD})\s+month|(?P<the_m>month)))?")
_rule("weekday", rf"(?<![\w])(?:(?P<q>{SHIFT})\s+)?(?:(?P<wkpre>{_REL_WORD}\s+week)\s*[-,]?\s*(?:on\s+)?)?(?P<wd>{WD})"
      rf"(?:(?:\s+of)?\s+(?P<wkpost>(?:the\s+)?{_REL_WORD}\s+week)(?!\w)|\s+(?:(?P<the>the)\s+)?(?P<dd>{DAY}){_NOT_TIME}(?![\d/.-]))?"
      rf"(?:\s+(?P<tod>{TOD}))?")
# days relative to now or to the last date written
_rule("relday", rf"(?<![\w])(?:(?P<dby>the\s+day\s+(?:before|after)\s+(?P<dbw>yesterday|tomorrow))"
      rf"|(?P<rw>yesterday|today|tomorrow|tonight|tonite)(?:\s+(?P<tod>{TOD}))?"
      rf"|(?P<tq>this|last|tomorrow|yesterday)\s+(?P<tod2>{TOD})"
      rf"|(?P<nd>(?:the\s+)?(?:next|following|previous|prior)\s+day)"
      rf"|(?P<db>the\s+day\s+(?:before|after))"
      rf"|(?P<that>(?:(?P<ea>earlier|later)\s+)?(?:that|the\s+same)\s+(?P<thatu>day|morning|afternoon|evening|night))"
      rf"|(?P<todate>(?<!up\s)to\s+date))(?![\w-])")
# periods relative to now: this week, last month, next year, the week after next, in recent days
_rule("relperiod", rf"(?<![\w])(?:(?P<q>{SHIFT})\s+(?P<fy>(?:fiscal|financial|school|academic|calendar)\s+)?(?P<u>week|weekend|work\s?week|month|year|quarter|decade|century|fortnight|hour)(?!\w)(?!'s\s+(?:first|second|third|fourth|last)\s)"
      rf"|(?:the\s+)?(?P<au>week|weekend|month|year)\s+after\s+(?:the\s+)?next"
      rf"|(?:the\s+)?rest\s+(?:of\s+)?(?:the|my|this|current)\s+(?P<ru>week|month|year)"
      rf"|(?P<rec>recent\s+(?P<recu>days|weeks|months|years))"
      rf"|(?:the\s+)?(?P<eo>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?P<eou>week|month|year)(?!\s+(?:of|in)\b)"
      rf"|(?P<bare>(?:the\s+)?weekend)(?!\s+(?:of|beginning|starting|commencing)\b)"
      rf"|(?:the\s+)?same\s+(?P<sameu>week|month|year|quarter|decade)(?!-)"
      rf"|(?P<thep>(?:the|my)\s+(?P<thepu>day|week|month|year|fortnight))(?!-))(?!\w)")
# seasons: this summer, winter 2019, the fall of 2008, next spring
_rule("season", rf"(?<![\w])(?:(?P<q>{SHIFT})\s+)?(?:(?P<the>the)\s+)?(?P<s>{SEASON})(?![\w'\u2019-])(?:{_NAMED_YEAR})?")
# windows: next 3 days, the past two decades, within 5 days, the 5 upcoming years
_rule("window", rf"(?<![\w])(?:(?P<w>within)\s+(?:the\s+)?(?:(?:next|coming|following)\s+)?|(?P<q>(?:the\s+)?(?:next|past|last|previous|coming|upcoming|following))\s+)"
      rf"(?P<n>{AMOUNT})\s+(?P<u>{PERIOD_UNIT})(?!\w)(?:(?P<more>(?:\s*,\s*|\s+and\s+|\s+)(?:{PARTS})))?"
      rf"|(?<![\w])(?:the\s+)?(?P<n2>{AMOUNT})\s+(?P<q2>upcoming|coming|next|past|last|previous)\s+(?P<u2>{PERIOD_UNIT})(?<=s)(?!\w)")
# offsets: 3 weeks ago, two days earlier, in 2 weeks, 1 month 21 days ago, 2 weeks from (a date)
_rule("offset", rf"(?<![\w])(?P<parts>{PARTS})(?:['\u2019]s?\s+time)?"
      rf"(?:\s+(?P<dir>ago|earlier|later|before|after|from\s+now|from\s+today|from\s+tomorrow|from\s+yesterday|hence|prior|from))?(?!\w)")
# years: in 2022, the 2024 election, calendar year 2008, year 247
_rule("year", rf"(?<![\w.,$£€¥#@/'-])(?P<pre>(?:(?:the\s+)?(?:calendar\s+|fiscal\s+|financial\s+|school\s+)?year(?:\s+of)?|cy|fy|sy)\s*)?"
      rf"(?P<y>{YEAR4})(?![\w%]|[.,]\d|\s*(?:%|percent|per\s+cent))|(?<![\w])(?P<pre3>cy|fy|sy)(?P<yy>\d\d)(?!\w)")
_rule("year_words", rf"(?<![\w])(?P<yw>{YEAR_WORDS})(?![\w])"
      rf"|(?<![\w])(?P<pre2>year)\s+(?P<yn>\d{{1,3}}|{WORDS})(?![\w])")
# months alone: in February, this September, last sept, june next year
_rule("month", rf"(?<![\w])(?:(?P<q>{SHIFT})\s+)?(?:(?P<the>the)\s+)?(?P<mon>{MON})(?:\s+(?P<rel>next|last|this)\s+year)?(?![\w])")
# a day of the month alone: on the 4th, 31st of this month
_DAY_OF_MONTH = rf"(?:\s+day)?(?:\s+(?P<rel>{_REL_WORD})\s+month|\s+of\s+(?:the\s+)?(?:(?P<rel2>{_REL_WORD})\s+)?(?P<mo>month))"
_END_OF_DAY = r"(?=\s*(?:[!?;:)]|[.,](?!\d)|$|\s(?:(?:and|or|to|at|through|till|until|between|this|next|last)\b|[-\u2013\u2014]\s)))"
_rule("dayonly", rf"(?<![\w])(?:the\s+(?P<d>(?:{ORD_DAY}|\d{{1,2}}){_END_OF_DAY}|{ORD_DAY}(?=\s+(?:day\s+)?of\s+(?:the\s+)?(?:{_REL_WORD}\s+)?month))"
      rf"|(?P<d3>{_ORD_NUM}){_END_OF_DAY}"
      rf"|(?P<d2>{ORD_DAY})(?={_strip_names(_DAY_OF_MONTH)}))(?:{_DAY_OF_MONTH})?(?![\w])")



# Where an atom can start: digits or a lead word, each with a cheap look at what follows
# ("first" only before "of", "week", a month...). Run on an ASCII-lowered copy of the text,
# case-sensitively: one C-level pass, so the rules are tried at few positions.
_UNIT_WORDS = alt(set(PERIOD_UNITS) | set(UNIT_NAMES) | {"weekend", "weekends", "fortnight", "fortnights"})
_MON_L, _WD_L = alt(MONTHS), alt(WEEKDAYS)
_NUM_WORDS = alt(set(UNITS_WORDS) | set(TENS_WORDS))
_ORD_WORDS = alt(ORDINAL_DAY_WORDS | {"1st", "2nd", "3rd", "4th", "5th"})
_DEC_WORDS = alt(set(DECADE_WORDS) | {w.split()[0].split("-")[0] for w in DECADE_2000_WORDS})
_NEXT_PERIOD = rf"(?:{_UNIT_WORDS}|{_MON_L}|{_WD_L}|{HOLIDAY}|{SEASON}|{TOD}|(?:\d+|{_NUM_WORDS}|few|couple)\s)"
_ORD_NEXT = (rf"[\s-]+(?:of\b|day\b|week|month|quarter|half|centur|{_MON_L}|{_WD_L}|\d|(?:and|to|through|till|until)\b"
             rf"|(?:{_NUM_WORDS}|\d+)\s+(?:days|weeks|months))")
_PART_OF = r"(?:end|beginning|start|middle)\s+of\s+(?:the\s+)?(?:week|month|year)\b"
TOD_OR_DAY = rf"(?:day|{TOD})\b"
# "for the week.", "in the year": a unit that closes a clause (the relperiod rule reads them only there)
_PERIOD_AT_END = r"(?:day|week|month|year|fortnight)\s*(?:[.!?,;:)\]\"\u201d]|$)"
_START_BODY = (
    rf"(?:"
    rf"\d{{4}}|\d{{1,3}}(?=(?:st|nd|rd|th)\b|\s?'?s\b|\s?[/.\-\u2013~]\s?\d|[,.]\d|\s*(?:-|\u2013|to|and|through|till|until)\s*\d"
    rf"|[\s/.-]*(?:(?:of|the|day|of\s+the)\s+)?(?:{_MON_L}|{_UNIT_WORDS})(?![a-z])|[hdwy]\b|\s+(?:next|past|last|previous|upcoming|coming)\b)"
    rf"|'\d\d|(?:{_MON_L}|{_WD_L}|{HOLIDAY}|{SEASON}|yesterday|today|tomorrow|tonight|tonite|weekend|fortnight|recent|{_DEC_WORDS})(?![a-z])"
    rf"|(?:this|next|last|past|previous|coming|current|upcoming|following|prior)(?=[\s-]+(?:(?:past|coming|upcoming|week)\s+)?{_NEXT_PERIOD})"
    rf"|(?:{_ORD_WORDS})(?={_ORD_NEXT})"
    rf"|(?:\d{{1,2}}|{_NUM_WORDS})(?=\s+(?:{_WD_L})s?\s+(?:from|hence|ago)\b)"
    rf"|(?:{_NUM_WORDS})(?=(?:[\s-]+(?:and\s+)?(?:a\s+)?[a-z]+){{0,3}}?[\s-]+(?:{_UNIT_WORDS}|thousand|hundred|half|{_MON_L}|{_DEC_WORDS}"
    rf"|upcoming|coming|next|past|last|previous|(?:{_NUM_WORDS})\s+(?:{_NUM_WORDS}))(?![a-z]))"
    rf"|(?:a|an|half|few|couple|several)(?=\s+(?:(?:few|couple|of|an?)\s+)*(?:{UNIT}))"
    # "the" only before what a rule reads with it: "the 4th", "the first week of", "the same day"...
    rf"|the(?=\s+(?:\d(?![a-z])(?!\d{{3}})|'\d|(?:week|month|year)\s+after\b|weekend|year(?:\s+of)?\s+\d|day\s+(?:before|after)\b"
    rf"|rest\b|same\s+(?:{TOD_OR_DAY}|week|month|year|quarter|decade)|{SEASON}\b|{_PERIOD_AT_END}|{_PART_OF}|(?:following|next|last|past|previous|coming|current|upcoming)\s(?![a-z])"
    rf"|(?:{_ORD_WORDS})(?:{_ORD_NEXT}|\s*[.,;:!?)])|(?:{_MON_L}|{_DEC_WORDS})(?![a-z])"
    rf"|(?:{_NUM_WORDS})\s+(?:upcoming|coming|next|past|last|previous)\b))"
    rf"|(?={_PART_OF})|week(?=\s+\d)|(?:calendar|fiscal|year|cy|fy|sy)(?=\s*(?:year\s+)?\d)|year(?=\s+(?:(?:{_NUM_WORDS})(?![a-z])|after\b))"
    rf"|within(?=\s)|rest(?=\s+(?:of\s+)?(?:the|my|this|current)\s)|my(?=\s+{_PERIOD_AT_END})"
    rf"|same(?=\s+(?:week|month|year|quarter|decade)\b)|that(?=\s+{TOD}|\s+day)|(?:earlier|later)(?=\s+that\b)|to(?=\s+date\b)|w/c\b|[qh](?=[1-4]\b))"
)
# The character before an atom, then the atom ahead: a pattern that opens with a character class
# lets the regex engine skip to candidate positions in C (a leading lookbehind would not). Run it
# on " " + the lowered text: the match's start is then the atom's offset in the text.
START = re.compile(rf"[^\w'](?={_START_BODY})")
# a 4-digit number that nothing date-like continues: only the year rule can read it
PLAIN_YEAR = re.compile(
    rf"\d{{4}}(?![\d./\-\u2013\u2014~'\u2019]|s\b|\s+[-/\u2013]\s*\d|\s*,?\s*(?:{_MON_L}|[qh][1-4]\b|s\b|to\b|and\b|through\b|thru\b|till\b|until\b|the\s))"
)
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def lowered(text: str) -> str:
    """A lowered copy with the same offsets (str.lower may change lengths: then ASCII only)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


# ---------------------------------------------------------------- around atoms (used by compose)

# a modifier right before an atom: "since", "until", "by", "after", "as early as"...
MODIFIER_BEFORE = re.compile(
    r"(?<![\w])(?P<mod>since|until|till|up\s+until|up\s+to|by|before|after|prior\s+to|as\s+of|as\s+early\s+as|"
    r"as\s+late\s+as|no\s+later\s+than|not\s+later\s+than|later\s+than|earlier\s+than|greater\s+than|"
    r"starting(?:\s+(?:on|from|in))?|beginning(?:\s+(?:on|in))?|from|around|about|circa)\s+(?:the\s+)?(?:year\s+)?$",
    re.IGNORECASE,
)
# a position inside the period: "early", "mid-", "the end of", "the first half of"
POSITION_BEFORE = re.compile(
    r"(?<![\w])(?P<pos>early|mid|late|earlier|later|the\s+(?:very\s+)?(?:end|beginning|start|middle)\s+of|"
    r"(?:end|beginning|start|middle)\s+of|the\s+(?:first|second|latter)\s+half\s+of|(?:first|second)\s+half\s+of|"
    r"the\s+early|the\s+mid|the\s+late)(?:\s*-\s*|\s+)(?:in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
MODIFIER_AFTER = re.compile(  # used with .match(text, pos): no "^", which would only hold at 0
    # "and later" only where the clause ends: "in 2004 and later in 2009" goes on to another event
    r"\s*(?P<mod>(?:or|and)\s+(?:later|after|afterwards?|beyond|onwards?|thereafter)(?=\s*(?:[.,;:!?)]|$))|onwards?(?!\w)"
    r"|(?:or|and)\s+(?:earlier|before)(?=\s*(?:[.,;:!?)]|$)))",
    re.IGNORECASE,
)
# what joins two atoms into a range, and what opens one
RANGE_GAP = re.compile(r"^\s*(?:-|\u2013|\u2014|~|to|through|thru|till|until|into|and|to\s+the|until\s+the|through\s+the)\s*$", re.IGNORECASE)
RANGE_OPEN = re.compile(r"(?<![\w])(?P<open>from|between|in)\s+(?:the\s+)?$", re.IGNORECASE)
# "between now and May 21", "from March to date", "from 2019-aug-01 to today"
NOW_BEFORE = re.compile(r"(?<![\w])between\s+now\s+and\s+$", re.IGNORECASE)
NOW_AFTER = re.compile(r"\s*(?:and|to|till|until|through)\s+(?:now|date|the\s+present)(?!\w)", re.IGNORECASE)
# a weekday written before a full date: "Thursday, March 13, 2025", "Friday 7/6"
WEEKDAY_GAP = re.compile(r"^\s*[,(]?\s*(?:the\s+)?$")
# "the week of March 10", "w/c Feb 4", "the weekend of Halloween"
WEEK_OF_BEFORE = re.compile(
    r"(?<![\w])(?P<u>week|weekend)\s+(?:of|beginning|starting|commencing)(?:\s+on)?\s+(?:the\s+)?$|(?<![\w])w/c\s+$",
    re.IGNORECASE,
)
WEEK_OF_THE = re.compile(r"(?<![\w])the\s+$", re.IGNORECASE)
# "for 3 days from today", "a week starting tomorrow", "2 weeks starting May 20th"
SPAN_FROM_BEFORE = re.compile(
    rf"(?<![\w])(?:for\s+)?(?P<parts>{PARTS})\s*,?\s+(?:starting|beginning|commencing)?\s*(?:from|on)?\s*$",
    re.IGNORECASE,
)
# the words of a clause that say it is about the future or the past
FUTURE_WORDS = re.compile(
    r"(?:['\u2019]ll|(?<![\w])(?:will|won't|shall|going\s+to|plans?\s+to|planned|scheduled|expected|due\s+to|set\s+to|"
    r"upcoming|coming|next|intends?\s+to|would\s+be\s+held|is\s+to|are\s+to|hopes?\s+to))(?![\w])",  # "I'll": after a word
    re.IGNORECASE,
)
PAST_WORDS = re.compile(r"(?<![\w])(?:was|were|had|did|said|told|\w{3,}ed|ago|last|went|came|took|met|began|made|gave)(?![\w])", re.IGNORECASE)
SENTENCE_STOP = re.compile(r"[.!?;\n][\"'\u201d\u2019)]*\s")
