"""Who the people of a document are: the names that can be a speaker or the antecedent of "he"/"she",
and the fullest form of each name the document gives.

Input: the document text and the speaker names found next to speech verbs. Output: a `People`
index answering `is_person(word)`, `mentions(ranges)` and `full_name(name)`. A capitalised word is
looked up only when a resolution needs it, by visiting its occurrences (plain string search, no
per-word pattern): it is a person if it speaks, follows or ends a title ("aide Yuri Ushakov",
"President Vladimir Putin"), has a role in apposition ("Taban Deng, the governor") or is the subject
of a verb ("Trump actually allowed"), unless the document treats it as a place or group ("in Kursk",
"the Kremlin said", a demonym "Russian" beside "Russia").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from factcheck.extract.lexicon import MONTHS, WEEKDAYS
from factcheck.extract.quotes.words import (
    AUXILIARIES,
    NAME_PARTICLES,
    PLACE_PREFIXES,
    ROLE_WORDS,
    UNAMBIGUOUS_FORMS,
    trie_pattern,
)
from factcheck.extract.terms import STOPWORDS, name_key

_VERB_AFTER_RE = re.compile(
    rf"\s+(?:(?:{trie_pattern(AUXILIARIES)}|[a-z]+ly)\s+){{0,2}}(?:({trie_pattern(UNAMBIGUOUS_FORMS)})|[a-z]+ed)\b"
)
_APPOSITION_RE = re.compile(
    rf",\s+(?:the|a|an|his|her)\s+(?:[\w-]+\s+){{0,3}}?(?i:{trie_pattern(ROLE_WORDS)})\b"
)
_ORG_AFTER_RE = re.compile(r"\s*[.,;:)]|\s+(?:said|says|has|had|is|was|would|will|could|[a-z]+ed)\b")
_CAP_RE = re.compile(r"\b[A-Z][\w'\u2019-]*")
_NOT_NAME = frozenset(MONTHS) | frozenset(WEEKDAYS) | STOPWORDS | ROLE_WORDS | PLACE_PREFIXES
_PLACE_PREPOSITIONS = frozenset("in into across throughout inside within near".split())
_DEMONYM_ENDINGS = ("n", "an", "ian", "ean", "ese", "i", "ish", "ns", "ans", "ians", "eans")
_MAX_VISITS = 12  # occurrences of one word looked at: enough evidence, bounded cost


@lru_cache(maxsize=65536)
def key_of(word: str) -> str:
    """The key a name is known by ("Putin's" -> "putin", "Zelenskyy" -> "zelensky")."""
    return name_key(word)


class People:
    def __init__(self, text: str, speakers: list[str]):
        self.text = text
        self._speakers = {key_of(n.split()[-1]) for n in speakers if person_like_name(n)}
        self._known: dict[str, bool] = {}
        self._forms: dict[str, Counter[str]] = {}
        for name in speakers:
            if person_like_name(name):
                self._forms.setdefault(key_of(name.split()[-1]), Counter())[name] += 1

    def is_person(self, word: str) -> bool:
        key = key_of(word)
        if key not in self._known:
            self._known[key] = self._visit(_bare(word), key)
        return self._known[key]

    def mentions(self, ranges: list[tuple[int, int]], only: set[str] | None = None) -> list[tuple[int, str]]:
        """Person mentions (offset, key) in the given character ranges, in order; with `only`, the
        mentions of those keys (no evidence to gather)."""
        out = []
        for lo, hi in ranges:
            for m in _CAP_RE.finditer(self.text, lo, hi):
                word = m.group(0)
                if only is not None:
                    if key_of(word) in only:
                        out.append((m.start(), key_of(word)))
                elif word.lower() not in _NOT_NAME and not word.isupper() and self.is_person(word):
                    out.append((m.start(), key_of(word)))  # acronyms ("MD", "NATO") are no one
        return out

    def full_name(self, name: str) -> str:
        """The fullest form of a person's name the document uses most ("Putin" -> "Vladimir Putin")."""
        if not person_like_name(name):
            return name
        last = name.split()[-1]
        self.is_person(last)  # visits the occurrences, which collects the forms
        forms = self._forms.get(key_of(last))
        if not forms:
            return name
        best = max(forms, key=lambda f: (forms[f], -len(f)))
        return best if len(best.split()) >= len(name.split()) else name

    # ------------------------------------------------------------ evidence

    def _visit(self, word: str, key: str) -> bool:
        """Read every occurrence of `word` for evidence that it names a person."""
        text = self.text
        trusted = key in self._speakers
        subject = placed = False
        forms = self._forms.setdefault(key, Counter())
        pos = text.find(word)
        visits = 0
        while pos != -1 and visits < _MAX_VISITS:
            end = pos + len(word)
            if (pos == 0 or not _is_word_char(text[pos - 1])) and (end == len(text) or not text[end].isalnum()):
                visits += 1
                run, prev, run_start = _run_before(text, pos)
                for i in range(len(run)):  # "Vladimir Putin"; "State Marco Rubio" and "Marco Rubio"
                    if run[i][0].isupper():
                        forms[" ".join(run[i:] + [word])] += 1
                after = end + 2 if text.startswith(("'s", "\u2019s"), end) else end
                possessive = after != end
                if prev in ROLE_WORDS and not _name_goes_on(text, after):
                    trusted = True  # "aide Yuri Ushakov" (but not "Deputy Public Defender Peter Lynch")
                if text.startswith(",", after) and _APPOSITION_RE.match(text, after):
                    trusted = True
                elif not possessive:
                    verb = _VERB_AFTER_RE.match(text, end)
                    # a word opening a sentence is capitalised anyway ("No-one was injured"): there
                    # only a speech verb shows a person ("Putin questioned ...")
                    if verb and (not _opens_sentence(text, run_start) or verb.group(1) is not None):
                        subject = True
                if not run and prev in _PLACE_PREPOSITIONS and not possessive:
                    placed = True
                elif not run and prev == "the" and _ORG_AFTER_RE.match(text, end):
                    placed = True  # "the Kremlin said", "at the Kremlin."
            pos = text.find(word, end)
        if trusted:
            return True
        return subject and not placed and not self._has_demonym(word)

    def _has_demonym(self, word: str) -> bool:
        """ "Russia" beside "Russian", "Ukraine" beside "Ukrainians": a place, not a person."""
        stem = word[:-1] if word[-1] in "aeiouy" else word
        for e in _DEMONYM_ENDINGS:
            pos = self.text.find(stem + e)
            while pos != -1:
                end = pos + len(stem) + len(e)
                if end == len(self.text) or not self.text[end].isalnum():
                    return True
                pos = self.text.find(stem + e, end)
        return False


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "-'\u2019"


def _run_before(text: str, pos: int) -> tuple[list[str], str, int]:
    """Capitalised words right before `pos` (at most four: "Vladimir" before "Putin"), the
    lower-cased word before them, and where the run (or the word at `pos`) starts."""
    run: list[str] = []
    i = pos
    while len(run) < 4:
        word, start = _word_before(text, i)
        if not word:
            return run, "", i
        if word.endswith(("'s", "\u2019s")):
            prev = ""  # "Intel's Waxman": the possessor is not part of the name
        elif word[0].isupper() and word.lower().rstrip(".") not in _NOT_NAME and not word.isupper():
            run.insert(0, word)
            i = start
            continue
        elif word.lower() in NAME_PARTICLES and run:
            run.insert(0, word)
            i = start
            continue
        else:
            prev = word.lower().rstrip(".")
        while run and not run[0][0].isupper():
            run.pop(0)
        return run, prev, i
    return run, "", i


def _name_goes_on(text: str, end: int) -> bool:
    """Does another capitalised word follow (the word at hand is a first name or part of a title)?"""
    return end + 1 < len(text) and text[end] == " " and text[end + 1].isupper()


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word ending just before `start` (across spaces only) and where it starts."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in ".-'\u2019"):
        j -= 1
    return text[j + 1:i + 1], j + 1


def _opens_sentence(text: str, start: int) -> bool:
    """Is the word at `start` capitalised only because it opens a sentence ("No-one was injured")?"""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\"'\u201c\u2018":
        i -= 1
    return i < 0 or text[i] in ".!?\n"


def person_like_name(name: str) -> bool:
    """A personal name rather than an organisation or group ("the Kremlin", "Ukrainian media", "NATO")."""
    parts = name.split()
    if not parts or parts[0].lower() == "the" or len(parts) > 4 or name.isupper():
        return False
    return all(p[0].isupper() or p.lower() in NAME_PARTICLES for p in parts)
