"""Who a pronoun or an unattributed quotation points to: the person the text is about.

Input: the document `Layout`, its `People` and the speakers found so far (in text order). Output:
display names. A pronoun ("he", "his") goes to the first person named in its sentence before it,
else to each earlier sentence's speaker or first person in turn, skipping people whose gender the
document contradicts ("she" never goes to someone the text calls "he" or "Mr"). A whole-sentence
quotation without a cue belongs to the person the text was about before it.
"""

from __future__ import annotations

import re

from factcheck.extract.quotes.layout import Layout
from factcheck.extract.quotes.people import People, key_of, person_like_name

_LOOK_BACK = 6  # sentences a pronoun or an unattributed quotation looks back for its person
_MAX_LINES_BACK = 2
_PRONOUN_RE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")
# Subject pronouns only: objects and possessives ("her", "his", "its") point at others as often as
# at the one person a sentence names.
_GENDER_WORDS = {"he": "m", "himself": "m", "she": "f", "herself": "f"}
_GENDER_RE = re.compile(rf"\b(?:{'|'.join(_GENDER_WORDS)})\b", re.I)
_HONORIFIC_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+(?:[A-Z][\w-]*\s+)?$")
_HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f"}


class Resolver:
    def __init__(self, layout: Layout, people: People, speakers: list[str | None]):
        self.layout = layout
        self.text = layout.text
        self.people = people
        self.speakers = speakers  # filled in text order by the caller
        self._genders: dict[str, str | None] = {}
        self._speaker_keys: set[str] = set()
        self._keyed = 0

    def pronoun(self, pos: int, only: set[str] | None = None) -> str | None:
        """The person "he"/"she"/"his"/"her" at `pos` refers to (among the keys `only`, if given)."""
        word = self.text[pos:pos + 3].lower()
        want = "f" if word.startswith(("she", "her")) else "m"
        s = self.layout.sentence(pos)
        name = self._first(self.layout.outside(self.layout.sentences[s][0], pos), want, only)
        return name if name is not None else self.about(s - 1, want, only)

    def about(self, s: int, want: str | None = None, only: set[str] | None = None) -> str | None:
        """The person sentences s, s-1, ... are about: each one's speaker, else its first person."""
        layout = self.layout
        lines = 0
        for k in range(s, max(-1, s - _LOOK_BACK), -1):
            lo, hi = layout.sentences[k]
            if k < s and "\n" in self.text[hi:layout.sentences[k + 1][0]]:
                lines += 1
                if lines > _MAX_LINES_BACK:
                    break
            for j in layout.spans_in(lo, hi):
                name = self.speakers[j] if j < len(self.speakers) else None
                if name and person_like_name(name) and self._fits(key_of(name.split()[-1]), want):
                    return name
            name = self._first(layout.outside(lo, hi), want, only)
            if name is not None:
                return name
        return None

    def speaker_in(self, ranges: list[tuple[int, int]]) -> str | None:
        """The first speaker of the text named or referred to ("his portrayal") in the ranges: whose
        wording a fragment in scare quotes is."""
        only = self.speaker_keys()
        found = self.people.mentions(ranges, only)
        first_name = found[0] if found else None
        for a, b in ranges:
            m = _PRONOUN_RE.search(self.text, a, b)
            if m:
                if first_name is None or m.start() < first_name[0]:
                    return self.pronoun(m.start(), only)
                break
        return self._name_at(first_name[0]) if first_name else None

    def speaker_keys(self) -> set[str]:
        """Keys of the people quoted so far (kept up to date as the caller appends speakers)."""
        while self._keyed < len(self.speakers):
            name = self.speakers[self._keyed]
            if name and person_like_name(name):
                self._speaker_keys.add(key_of(name.split()[-1]))
            self._keyed += 1
        return self._speaker_keys

    def _first(self, ranges: list[tuple[int, int]], want: str | None, only: set[str] | None) -> str | None:
        for pos, key in self.people.mentions(ranges, only):
            if self._fits(key, want):
                return self._name_at(pos)
        return None

    def _fits(self, key: str, want: str | None) -> bool:
        if want is None:
            return True
        have = self.gender(key)
        return have is None or have == want

    def gender(self, key: str) -> str | None:
        """Gender the document gives a person: honorifics ("Mr Wright"), and the subject pronouns of
        the sentences that name only that person."""
        if key in self._genders:
            return self._genders[key]
        votes = {"m": 0, "f": 0}
        layout = self.layout
        seen: set[int] = set()
        for pos in self._occurrences(key):
            m = _HONORIFIC_RE.search(self.text, max(0, pos - 24), pos)
            if m:
                votes[_HONORIFIC_GENDER[m.group(1).lower()]] += 3
            s = layout.sentence(pos)
            if s in seen:
                continue
            seen.add(s)
            ranges = layout.outside(*layout.sentences[s])
            if {k for _, k in self.people.mentions(ranges, self.speaker_keys() | {key})} - {key}:
                continue  # another speaker in the sentence: its pronouns may be theirs
            for a, b in ranges:
                for g in _GENDER_RE.findall(self.text, a, b):
                    votes[_GENDER_WORDS[g.lower()]] += 1
        best = max(votes, key=votes.get)
        self._genders[key] = best if votes[best] > 0 and votes["m"] != votes["f"] else None
        return self._genders[key]

    def _occurrences(self, key: str) -> list[int]:
        """Where the name with this key occurs (its first letter upper-cased, as written)."""
        out: list[int] = []
        word = key[:1].upper() + key[1:]
        pos = self.text.find(word)
        while pos != -1 and len(out) < 40:
            if pos == 0 or not self.text[pos - 1].isalnum():
                out.append(pos)
            pos = self.text.find(word, pos + len(word))
        return out

    def _name_at(self, pos: int) -> str:
        m = re.match(r"[\w'\u2019-]+", self.text[pos:pos + 60])
        word = m.group(0) if m else self.text[pos:pos + 1]
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]
        return self.people.full_name(word)
