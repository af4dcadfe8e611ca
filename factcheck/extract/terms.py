"""Content words and names: the vocabulary alignment compares (stopwords, stemming, name keys)."""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from factcheck.extract.lexicon import MONTHS, WEEKDAYS

STOPWORDS = frozenset("""
a about above after again against ago all almost also although am among an and another any are
around as at be became because been before being below between both but by can could did do does
doing done down during each either else even ever every few for from further had has have having he
her here hers herself him himself his how however i if in into is it its itself just last least less
let like made make many may me might more most much must my myself near nearly neither never next no
nor not now of off on once one only onto or other others our ours ourselves out over own per quite
rather really said same say says saying see seems several shall she should since so some such than
that the their theirs them themselves then there these they this those though through thus till to
too toward towards under until up upon us very via was we were what whatever when where whether which
while who whom whose why will with within without would yet you your yours yourself yourselves
according told tell telling added adding stated stating noted noting asked asking
day days week weeks month months year years time times today yesterday tomorrow night morning
evening afternoon earlier later early late mid first second third
mr mrs ms dr
""".split())

_NOT_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS) | STOPWORDS | frozenset(
    "the a an this that these those it he she they we i you his her their its our my your "
    "president minister secretary ambassador chancellor prime envoy aide spokesman spokeswoman "
    "spokesperson official officials".split()
)

# A word: letters of any script, with inner apostrophes and hyphens ("Jäger", "O'Brien", "long-term").
WORD_RE = re.compile(r"[^\W\d_](?:(?:[^\W\d_]|['\u2019-])*[^\W\d_])?")
# A capitalized word as WORD_RE finds it (not the tail of a word: "McKnight" is one word).
_NEXT_CAPITALIZED = regex.compile(r"[ \t]+\p{Lu}\p{Ll}")
_CAPITALIZED_WORD = regex.compile(r"(?<!\p{L})(?<!\p{L}['\u2019-])\p{Lu}(?:[\p{L}'\u2019-]*\p{L})?")

_SUFFIXES = (
    "izations", "ization", "ational", "ations", "ation", "atives", "ative", "ating", "ated",
    "ates", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s", "e",
)


@lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """A light suffix-stripping stem: enough that 'prolongs'/'prolonging' and 'manipulative'/
    'manipulating' meet, cheap enough for millions of words."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            if suf == "s" and w[-2] in "su":
                continue
            base = w[: -len(suf)]
            if suf in ("ies", "ied"):
                base += "y"
            return base
    return w


@lru_cache(maxsize=1 << 18)
def name_key(word: str) -> str:
    """Lower-cased name with possessive and a doubled final letter removed ('Zelenskyy' ~ 'Zelensky')."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2]:
        w = w[:-1]
    # country and demonym meet: russia/russian, ukraine/ukrainian, europe/european
    for suffix in _DEMONYM_ENDINGS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


_DEMONYM_ENDINGS = ("ians", "ian", "eans", "ean", "ans", "ese", "an", "ia", "e", "a", "y")


_NOT_TERMS = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS)


def content_terms(text: str, names: frozenset[str] = frozenset()) -> list[str]:
    """Stemmed content words of `text`, in order, without duplicates: no month or weekday names
    (a date is the value being compared, not what it is about) and no words that are `names`."""
    out: list[str] = []
    seen: set[str] = set()
    for w in WORD_RE.findall(text):
        term = term_of(w)
        if term is None or term in seen:
            continue
        if names and w[0].isupper() and all(k in names for k in name_keys_of(w)):
            continue
        seen.add(term)
        out.append(term)
    return out


@lru_cache(maxsize=1 << 18)
def term_of(word: str) -> str | None:
    """The stem a word contributes as a content word, or None (stopword, month, too short)."""
    w = word.lower()
    if w in _NOT_TERMS or len(w) < 3:
        return None
    return stem(w)


@lru_cache(maxsize=1 << 18)
def name_keys_of(word: str) -> tuple[str, ...]:
    """The name keys a capitalized word stands for ('Trump-Zelenskyy' -> trump, zelensky)."""
    return tuple(name_key(p) for p in _name_parts(word))


def document_names(text: str) -> frozenset[str]:
    """Name keys of the words a document capitalizes in mid-sentence, outside title-case lines.

    A capitalized word at a sentence start is a name only if the document also capitalizes it
    elsewhere, or the next word is capitalized too; this tells "Trump, branding himself" and
    "Ute Nestler (born ...)" from "Visiting a Kursk command post".
    Linear in the text: only capitalized words are visited, each looks back a few characters."""
    found: set[str] = set()
    line_start = 0
    line_end = -1
    skip_line = False
    for m in _CAPITALIZED_WORD.finditer(text):
        w, start = m.group(0), m.start()
        if start > line_end:  # a new line: find its bounds, and whether it is a title-case headline
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = len(text) if line_end == -1 else line_end
            skip_line = _title_case(text[line_start:line_end])
        if skip_line:
            continue
        before = text[max(line_start, start - 8):start].rstrip(" \t\"'\u201c\u2018(")
        if (not before or before[-1] in ".!?:\u2013\u2014-") and not _NEXT_CAPITALIZED.match(text, m.end()):
            # at a sentence start only a run of capitalized words ("Ute Nestler (born ...") is
            # taken for a name; "Visiting a Kursk command post" is not
            continue
        for part in _name_parts(w):
            key = name_key(part)
            if part.lower() not in _NOT_NAMES and key not in _NOT_NAMES and len(key) > 1:
                found.add(key)
    return frozenset(found)


def _title_case(line: str) -> bool:
    if len(line) > 300:
        return False  # headlines are short; long lines are prose (and not worth a second pass)
    long_words = [w for w in WORD_RE.findall(line) if len(w) > 3]
    return len(long_words) > 2 and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def names_in(text: str, known: frozenset[str]) -> list[str]:
    """Name keys of the capitalized words in `text` that the document uses as names, in order."""
    out: list[str] = []
    seen: set[str] = set()
    for w in WORD_RE.findall(text):
        if not w[0].isupper():
            continue
        for key in name_keys_of(w):
            if key in known and key not in seen:
                seen.add(key)
                out.append(key)
    return out


def _name_parts(word: str) -> list[str]:
    """'Trump-Zelenskyy' names two people; 'Biden-era' names one."""
    if "-" not in word:
        return [word]
    return [p for p in word.split("-") if p and p[0].isupper()]
