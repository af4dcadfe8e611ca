"""Speaker phrases around a speech verb: tokens, the subject to its left, the phrase to its right,
the main subject of a clause, and the display name a phrase stands for.

Input: the text and offsets of a small window (never the whole document). Output: `Phrase`s, whose
`name` is the speaker to show ("Russian presidential aide Yuri Ushakov" -> "Yuri Ushakov") or a
pronoun to resolve later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.lexicon import MONTHS, WEEKDAYS
from factcheck.extract.quotes.words import (
    AUXILIARIES,
    NAME_PARTICLES,
    NP_STOP,
    ORG_HEADS,
    POSSESSIVE_PRONOUNS,
    ROLE_WORDS,
    SUBJECT_PRONOUNS,
    TITLE_ABBREVIATIONS,
    UNNAMED_HEADS,
)
from factcheck.extract.terms import STOPWORDS

_TOKEN_RE = re.compile(
    rf"(?:[A-Z]\.){{2,}}|(?:{'|'.join(TITLE_ABBREVIATIONS)})\.|\w+(?:['\u2019\-]\w+)*|[^\w\s]"
)

_TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    "day night morning evening afternoon today yesterday tonight week weekend month year".split()
)
_TIME_PREPS = frozenset("on in at this last late early earlier the other that next previous same".split())
_DETERMINERS = frozenset({"the", "a", "an"})
_LINKS = frozenset({"of", "to", "for"})
_COORDINATORS = frozenset({"and", "but", "then", "or", "yet", "so"})
# A sentence that opens with one of these has a fronted phrase before its subject.
_FRONTED = frozenset("""
in on at after before when while as despite although though regarding during since until following
meanwhile however earlier later also asked speaking visiting addressing writing
responding according with without under over from for by among amid if once because
""".split())
_DASHES = frozenset("\u2014\u2013-")
_WINDOW = 120  # characters read either side of a verb: a subject with its asides fits
# Words after which a speech-verb form is a noun ("those claims", "his remarks").
_NOUN_MARKERS = frozenset("the a an this that these those his her its their our my your whose any every no".split())


class Token:
    """A word or punctuation mark of a small window, with what the phrase readers ask of it."""

    __slots__ = ("start", "end", "text", "low", "cap", "word", "possessive")

    def __init__(self, start: int, end: int, text: str):
        self.start = start
        self.end = end
        self.text = text
        self.low, self.cap, self.word, self.possessive = _word_traits(text)


@lru_cache(maxsize=65536)
def _word_traits(text: str) -> tuple[str, bool, bool, bool]:
    """Lower-case form, capitalised, a word (not punctuation), possessive: the same for every
    occurrence of a word, so computed once."""
    return (text.lower().rstrip("."), text[0].isupper(), text[0].isalnum(),
            text.endswith(("'s", "\u2019s", "s'", "s\u2019")))


@dataclass(slots=True)
class Phrase:
    """A subject or object phrase: its span, and the speaker it names or the pronoun it is."""

    start: int
    end: int
    name: str | None = None  # display name ("Yuri Ushakov", "the Kremlin")
    pronoun: str | None = None  # "he", "she", "i", ... to resolve
    elided: bool = False  # "..., and said": the subject is the clause's
    titled: bool = False  # the phrase gives a title or role ("aide", "President"): a person


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    return [Token(*m.span(), m.group(0)) for m in _TOKEN_RE.finditer(text, lo, hi)]


def is_role(tok: Token) -> bool:
    return tok.low in ROLE_WORDS


def subject_before(text: str, lo: int, pos: int) -> Phrase | None:
    """The subject of a verb at `pos`, read leftwards no further than `lo`."""
    toks = tokens(text, max(lo, pos - _WINDOW), pos)
    j = _skip_adjuncts(toks, len(toks) - 1)
    asides: list[list[Token]] = []
    while j >= 0 and toks[j].text == ",":
        k = j - 1
        while k >= 0 and toks[k].text not in (",", "(", ")") and toks[k].text not in _DASHES:
            k -= 1
        if k < 0 or j - k > 14:
            return Phrase(toks[j].start, toks[j].end, elided=True)  # "Before X ..., said": no subject
        asides.append(toks[k + 1:j])
        j = _skip_adjuncts(toks, k - 1)  # an aside between commas: "Trump, branding himself ..., hailed"
    if j < 0:
        return None
    t = toks[j]
    if t.low in _COORDINATORS:
        return Phrase(t.start, t.end, elided=True)
    if t.low == "who":
        j -= 1
        if j >= 0 and toks[j].text == ",":
            j -= 1
        if j < 0:
            return None
        t = toks[j]
    if t.low in SUBJECT_PRONOUNS:
        return Phrase(t.start, t.end, pronoun=t.low)
    if not t.word or t.possessive or t.low in _NOUN_MARKERS:
        return None  # "Putin's remarks", "those claims": a noun, not a verb after its subject
    k = _np_left(toks, j)
    if k is None:
        return None
    phrase = make_phrase(text, toks[k:j + 1])
    if phrase.name is None:
        for aside in asides:  # "His sister, Mahnefah Gray, told ..."
            if aside and all(a.cap or is_role(a) or a.low in NAME_PARTICLES for a in aside):
                named = make_phrase(text, aside)
                if named.name:
                    return named
    return phrase


def _skip_adjuncts(toks: list[Token], j: int) -> int:
    """Step left over auxiliaries, adverbs and a time phrase between a subject and its verb."""
    while j >= 0:
        t = toks[j]
        low = t.low
        if low in AUXILIARIES or (low.endswith("ly") and not t.cap and len(low) > 4):
            j -= 1
        elif low in _TIME_WORDS or low.isdigit():
            i = j
            while i >= 0 and (toks[i].low in _TIME_WORDS or toks[i].low.isdigit() or toks[i].text == ","):
                i -= 1
            if i < 0 or toks[i].low not in _TIME_PREPS:
                return j
            while i >= 0 and toks[i].low in _TIME_PREPS:
                i -= 1
            j = i
        else:
            return j
    return j


def _np_left(toks: list[Token], j: int) -> int | None:
    """Index of the first token of the noun phrase that ends at j (inclusive)."""
    k = j
    lower_head = 0
    seen_cap = False
    while k >= 0:
        t = toks[k]
        low = t.low
        if not t.word:
            if t.text == "." and k > 0 and toks[k - 1].cap:  # "U.S" tokenised oddly
                k -= 1
                continue
            break
        if t.cap:
            if low in _DETERMINERS:
                return k
            if low in SUBJECT_PRONOUNS or low in POSSESSIVE_PRONOUNS or _common(t):
                break
            seen_cap = True
            if t.possessive and k < j:
                return k  # "Russia's defence ministry"
        elif low in _DETERMINERS or low in POSSESSIVE_PRONOUNS:
            return k
        elif low in ROLE_WORDS or (low in NAME_PARTICLES and seen_cap):
            pass
        elif low == "the" or (low in _LINKS and seen_cap and k > 0 and _role_chain(toks, k - 1)):
            pass
        elif (not seen_cap and lower_head < 2 and low not in NP_STOP and low not in AUXILIARIES
              and low not in _NOUN_MARKERS and not low.endswith("ed")):
            lower_head += 1
        else:
            break
        k -= 1
    k += 1
    return k if k <= j else None


def _common(tok: Token) -> bool:
    """A function word capitalised at a sentence start ("Other", "Many"), not a name."""
    return tok.low in STOPWORDS and not tok.text.isupper() and tok.low not in _DETERMINERS


def _demonym(tok: Token) -> bool:
    """ "Ukrainian", "Chinese", "Israeli", "British": an adjective of a people, not a name."""
    return tok.cap and tok.low.endswith(("an", "ese", "ish", "i", "ch"))


def _role_chain(toks: list[Token], i: int) -> bool:
    """Is the word at i (or the one before a "the") a role word ("ambassador to the UK")?"""
    if i >= 0 and toks[i].low == "the":
        i -= 1
    return i >= 0 and is_role(toks[i])


def phrase_after(text: str, pos: int, hi: int) -> Phrase | None:
    """The phrase right of `pos` ("said Russian presidential aide Yuri Ushakov", "according to X")."""
    toks = tokens(text, pos, min(hi, pos + _WINDOW // 2))
    if not toks:
        return None
    t = toks[0]
    if t.low in SUBJECT_PRONOUNS:
        return Phrase(t.start, t.end, pronoun=t.low)
    out: list[Token] = []
    lowers = 0
    for i, t in enumerate(toks):
        low = t.low
        if not t.word:
            break
        if (low in _DETERMINERS or low in POSSESSIVE_PRONOUNS) and not out:
            out.append(t)
        elif t.cap and low not in NP_STOP and not _common(t):
            out.append(t)
            if t.possessive:
                break
        elif low in ROLE_WORDS or (low in NAME_PARTICLES and out and out[-1].cap):
            out.append(t)
        elif low in _LINKS and out and i + 1 < len(toks) and (toks[i + 1].cap or toks[i + 1].low == "the"):
            out.append(t)
        elif low == "the" and out and out[-1].low in _LINKS:
            out.append(t)
        elif lowers < 3 and low not in NP_STOP and low not in AUXILIARIES and (
            not any(o.cap for o in out)
            or (len(out) == 1 and _demonym(out[0]))
            or _bridges_to_role(toks, i)
        ):
            out.append(t)  # "a senior official", "pro-Kremlin war bloggers"
            lowers += 1
        else:
            break
    while out and (out[-1].low in _LINKS or out[-1].low in _DETERMINERS):
        out.pop()
    if not out:
        return None
    return make_phrase(text, out)


def _bridges_to_role(toks: list[Token], i: int) -> bool:
    """Do a few lower-case words lead to a role ("Trend Micro advanced threat researcher Paul ...")?"""
    for t in toks[i:i + 4]:
        if is_role(t):
            return True
        if t.cap or not t.word or t.low in NP_STOP or t.low in AUXILIARIES:
            return False
    return False


def main_subject(text: str, lo: int, pos: int) -> Phrase | None:
    """The subject of the clause that starts at `lo` (a sentence start), read before `pos`."""
    toks = tokens(text, lo, min(pos, lo + _WINDOW))
    i = 0
    while i < len(toks) and not toks[i].word:
        i += 1
    # fronted phrases and clauses end with a comma: "Later, while Woodward ..., the man ..."
    while i < len(toks) and (toks[i].low in _FRONTED or (toks[i].low.endswith(("ing", "ed")) and not toks[i].cap)):
        comma = next((k for k in range(i, len(toks)) if toks[k].text == ","), None)
        if comma is None:
            return None  # "According to reports in a newspaper": no subject before pos
        i = comma + 1
    while i < len(toks) and toks[i].low in _COORDINATORS:
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    if t.low in SUBJECT_PRONOUNS:
        return Phrase(t.start, t.end, pronoun=t.low)
    if not t.word:
        return None
    return phrase_after(text, t.start, pos)


def make_phrase(text: str, toks: list[Token]) -> Phrase:
    return Phrase(toks[0].start, toks[-1].end, name=display_name(text, toks), titled=any(is_role(t) for t in toks))


def display_name(text: str, toks: list[Token]) -> str | None:
    """The speaker a phrase names: the name after the last title or role; an organisation keeps its
    article ("the Wall Street Journal"); nobody named (only roles or common nouns) gives None."""
    roles = [i for i, t in enumerate(toks) if is_role(t)]
    if roles:
        rest = toks[roles[-1] + 1:]
        if rest and rest[0].low in _LINKS:  # "ambassador to the UK Andrey Kelin", "Secretary of State Rubio"
            rest = rest[1:]
            article = bool(rest) and rest[0].low == "the"
            if article:
                rest = rest[1:]
            caps = [t for t in rest if t.cap]
            if article and len(caps) < 3:
                return _org(text, rest)  # "a spokesman for the Kremlin"
            rest = rest[rest.index(caps[-2]):] if article else rest[1:]
        while len(rest) > 1 and rest[0].text.isupper() and len(rest[0].text.rstrip(".")) > 1:
            rest = rest[1:]  # an acronym before the name: "UK Andrey Kelin"
        return _join(text, rest) if any(t.cap for t in rest) else None
    while len(toks) > 1 and (toks[0].low in POSSESSIVE_PRONOUNS or toks[0].low in ("a", "an")):
        toks = toks[1:]
    if toks[-1].low in UNNAMED_HEADS or toks[-1].low in SUBJECT_PRONOUNS or toks[-1].low in POSSESSIVE_PRONOUNS:
        return None
    toks = _before_affiliation(toks)
    owners = [i for i, t in enumerate(toks[:-1]) if t.possessive]
    if owners and any(t.cap for t in toks[owners[-1] + 1:]):
        toks = toks[owners[-1] + 1:]  # "Intel's Waxman" (but "Russia's defence ministry" stays)
    if not any(any(c.isupper() for c in t.text) for t in toks if t.low not in _DETERMINERS):
        return None  # "The company": nobody named
    return _join(text, toks)


def _before_affiliation(toks: list[Token]) -> list[Token]:
    """ "Stephen Thomas Erlewine of AllMusic" -> "Stephen Thomas Erlewine" (but "Bank of England")."""
    for i, t in enumerate(toks):
        if t.low == "of" and i >= 2:
            left = toks[:i]
            if all(x.cap for x in left) and left[-1].low not in ORG_HEADS and left[0].low not in _DETERMINERS:
                return left
            break
    return toks


def _org(text: str, rest: list[Token]) -> str | None:
    """ "a spokesman for the Kremlin" -> "the Kremlin"; "secretary of state" -> None."""
    if not rest or not rest[0].cap:
        return None
    name = _join(text, rest)
    return f"the {name}" if name and not rest[0].text.isupper() else name


def _join(text: str, toks: list[Token]) -> str | None:
    if not toks:
        return None
    s = text[toks[0].start:toks[-1].end]
    if s.endswith(("'s", "\u2019s")):
        s = s[:-2]
    elif s.endswith(("s'", "s\u2019")):
        s = s[:-1]
    return s.strip() or None
