"""Speaker attribution: quoted spans -> who said each of them.

Input: the text, its sentence spans and the quoted spans (with block quotes). Output: one speaker
(display name or None) per span. Cues, strongest first:

1. right after the closing mark: `”, Putin said`, `,” said Russian aide Yuri Ushakov`, `”, as Putin
   said`, `,” he started` (a pronoun right after a comma-closed quote is its speaker);
2. a colon introduction: `Kelin reinforced this view: “...”`, `Putin: “...”`;
3. the nearest speech verb of the sentence outside quotes, before the quote then after it, and its
   subject (`Rubio said that if “...”`, `he described X as “...”`, `..., stating, “...”`);
4. without a cue: the speaker of the quotation this one continues or of another quotation in the
   sentence; for a whole-sentence quotation, the person the text before it is about; for a fragment
   ("Putin's response, nodding to the “correct” intent"), a speaker of the text named before it.
   A text that reports no speech at all has terms, titles and nicknames in quotes: no speaker.

Pronouns resolve to the person the text was last about: the first person named in the current
sentence before the pronoun, else the speaker or first person of each earlier sentence in turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.extract.quotes.layout import Layout
from factcheck.extract.quotes.marks import ALL_MARKS, QuotedSpan
from factcheck.extract.quotes.people import People, person_like_name
from factcheck.extract.quotes.phrases import (
    Phrase,
    Token,
    main_subject,
    phrase_after,
    subject_before,
    tokens,
)
from factcheck.extract.quotes.resolve import Resolver
from factcheck.extract.quotes.words import (
    ADDRESSEE_FORMS,
    PERSON_PRONOUNS,
    SPEECH_FORMS,
    VERB_FORMS,
    trie_pattern,
)

_SPEECH_RE = re.compile(rf"\b(?:[Aa]ccording to|{trie_pattern(VERB_FORMS)})\b")
_AUX_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|been|be|am|keeps|kept)$|['\u2019]s$")
_WORD_RE = re.compile(r"[A-Za-z][\w'\u2019-]*")
_FRAGMENT = "\x00fragment"  # marks a quotation whose speaker is decided once all others are known
_INVERSION_AFTER = ",\u2014\u2013(" + ALL_MARKS  # "..., says Vladimir Putin", "”, added Rubio"
_COLON_BEFORE_RE = re.compile(r":\s*$")
_PRONOUN_START_RE = re.compile(r"[\s,\u2014\u2013-]*(?:he|she)\b")
_TITLE_SMALL_WORDS = frozenset("a an the of in on to for and at by with from as or but vs".split())
_AS_SAYING_RE = re.compile(r"\s*,?\s+as\s+(?:saying|telling|writing|stating|adding)\b")
_AFTER_WINDOW = 160  # characters read after a quotation for its attribution
_AFTER_REACH = 90  # the speech verb of an attribution after a quotation stands within these
_AFTER_TOKENS = 9
_MAX_VERBS = 3  # speech verbs of a sentence tried for a quotation, nearest first


def _title_case(s: str) -> bool:
    words = [w for w in _WORD_RE.findall(s) if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _possessive_end(text: str, end: int) -> bool:
    return text[end - 2:end] in ("'s", "\u2019s")


def _ends_soon(rest: list[Token]) -> bool:
    """Does an attribution end within a few words ("Putin asked." / "Putin said on Thursday,")?"""
    for t in rest[:6]:
        if t.low == "that" or t.text[0] in ALL_MARKS:
            return False
        if not t.word:
            return True
    return len(rest) == 0


class Attributor:
    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        spans: list[QuotedSpan],
        author: Callable[[], str | None] = lambda: None,
    ):
        self.text = text
        self.spans = spans
        self.layout = Layout(text, sentences, spans)
        self._author = author
        self._resolver: Resolver | None = None
        self.cues: list[Phrase | None] = []
        self.speakers: list[str | None] = []
        self._headlines: dict[int, bool] = {}
        self._reports_speech = False

    # ------------------------------------------------------------ driver

    def run(self) -> list[str | None]:
        if not self._may_report_speech():
            self.speakers = [None] * len(self.spans)
            return self.speakers
        self.cues = [self._cue(i, q) for i, q in enumerate(self.spans)]
        self._reports_speech = any(c is not None for c in self.cues)
        fragments = []
        for i, q in enumerate(self.spans):
            cue = self.cues[i]
            name = self._name_of(cue) if cue is not None else self._fallback(i, q)
            if name is _FRAGMENT:
                fragments.append(i)
                name = None
            self.speakers.append(name)
        # a fragment ("Putin's response, nodding to the ceasefire's “correct” intent") is the wording of
        # the person the sentence names before it, if that person speaks somewhere in the text: known
        # once all other quotations are attributed
        for i in fragments:
            lo, _ = self.layout.bounds(self.spans[i])
            self.speakers[i] = self.resolver.speaker_in(self.layout.outside(lo, self.spans[i].start))
        return self.speakers

    def _may_report_speech(self) -> bool:
        """Could any quotation have a cue? Not in a text without a speech verb, a colon before a
        quotation or a pronoun after one (titles and terms in quotes): one scan decides."""
        text = self.text
        if _SPEECH_RE.search(text):
            return True
        return any(
            q.block
            or _PRONOUN_START_RE.match(text, q.end)
            or _COLON_BEFORE_RE.search(text, max(0, q.start - 8), q.start)
            for q in self.spans
        )

    def _name_of(self, phrase: Phrase) -> str | None:
        if phrase.name:
            return self.resolver.people.full_name(phrase.name)
        if phrase.pronoun in PERSON_PRONOUNS:
            return self.resolver.pronoun(phrase.start)
        if phrase.pronoun == "i":
            return self._author()
        return None

    @property
    def resolver(self) -> Resolver:
        """Built on first use, once every cue is known: most documents never need it."""
        if self._resolver is None:
            people = People(self.text, [c.name for c in self.cues if c is not None and c.name])
            self._resolver = Resolver(self.layout, people, self.speakers)
        return self._resolver

    # ------------------------------------------------------------ cues

    def _cue(self, i: int, q: QuotedSpan) -> Phrase | None:
        if q.block:
            return self._intro_cue(q)
        layout = self.layout
        lo, hi = layout.bounds(q)
        line_hi = layout.line(q.start)[1]
        nxt = self.spans[i + 1].start if i + 1 < len(self.spans) else len(self.text)
        if q.closed:
            cue = self._after(q, min(nxt, line_hi, q.end + _AFTER_WINDOW))
            if cue is not None:
                return cue
        if self._headline(line_hi):
            return None  # a title-case headline has no narrator to attribute anything
        prev_end = layout.last_quote_end(lo, q.start)
        before = self.text[prev_end:q.start].rstrip()
        if before.endswith(":"):
            return self._clause_cue(prev_end, prev_end + len(before) - 1)
        return self._sentence_cue(lo, hi, q)

    def _headline(self, line_hi: int) -> bool:
        """Is the line ending at `line_hi` a title-case headline? (Most lines end a sentence.)"""
        text = self.text
        end = line_hi
        while end > 0 and text[end - 1] in " \t\r":
            end -= 1
        if end == 0 or text[end - 1] == "." or text[end - 2:end] in (".\u201d", '."'):
            return False
        if line_hi not in self._headlines:
            lo = text.rfind("\n", 0, end) + 1
            words = [w for a, b in self.layout.outside(lo, end) for w in _WORD_RE.findall(text, a, b)]
            content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
            self._headlines[line_hi] = len(content) >= 4 and sum(w[0].isupper() for w in content) >= 0.7 * len(content)
        return self._headlines[line_hi]

    def _after(self, q: QuotedSpan, hi: int) -> Phrase | None:
        """Attribution right after the closing mark."""
        text = self.text
        reach = min(hi, q.end + _AFTER_REACH)
        if not _SPEECH_RE.search(text, q.end, reach) and not _PRONOUN_START_RE.match(text, q.end):
            return None  # no speech verb and no "he"/"she" right after the quotation: nothing to read
        toks = tokens(text, q.end, hi)
        inner_tail = text[q.inner_end:q.end]
        k = 0
        if toks and toks[0].text in (",", "\u2014", "\u2013", "-"):
            k = 1
        if k < len(toks) and toks[k].low == "as":
            k += 1
        if k >= len(toks):
            return None
        first = toks[k]
        if first.low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
            return phrase_after(text, toks[k + 1].end, hi)
        if first.text in VERB_FORMS and not first.text.endswith("ing"):
            return phrase_after(text, first.end, hi)  # "said Putin"
        hard_stop = text[q.inner_end - 1:q.inner_end] in ".?!\u2026" and first.cap
        for n, t in enumerate(toks[k:k + _AFTER_TOKENS]):
            if not t.word:
                break
            if t.text in VERB_FORMS and not t.text.endswith("ing"):
                quoted = self._quoted_as(t.text, t.end, hi)
                if quoted is not None:
                    return quoted
                phrase = subject_before(text, first.start, t.start)
                if phrase is None or phrase.start != first.start or not (phrase.name or phrase.pronoun):
                    break  # no subject right after the quotation ("... for peace talks")
                if hard_stop and not _ends_soon(toks[k + n + 1:]):
                    break  # a new sentence that reports something else
                return phrase
        soft_close = "," in inner_tail or k == 1 or text[q.inner_end - 1:q.inner_end] in "?!"
        if first.low in PERSON_PRONOUNS and soft_close and k + 1 < len(toks):
            nxt = toks[k + 1]
            if nxt.word and not nxt.cap:
                return Phrase(first.start, first.end, pronoun=first.low)  # ",” he started positively"
        return None

    def _clause_cue(self, lo: int, colon: int) -> Phrase | None:
        """A colon introduction: the speech verb of the clause before the colon, else its subject."""
        matches = [m for a, b in self.layout.outside(lo, colon) for m in _SPEECH_RE.finditer(self.text, a, b)]
        for m in reversed(matches):
            phrase = self._verb_subject(m, lo, colon + 1)
            if phrase is not None:
                return phrase
        text = self.text
        if text.rfind("(", lo, colon) > text.rfind(")", lo, colon):
            return None  # "(Azerbaijani Cyrillic: “...”)": a gloss, not speech
        phrase = main_subject(text, lo, colon)
        if phrase is None or phrase.pronoun:
            return phrase
        if phrase.name and (not text[phrase.end:colon].strip() or phrase.titled or self._named_person(phrase.name)):
            return phrase  # "Putin: “...”", "The ambassador Andrey Kelin reinforced this view: “...”"
        return None

    def _named_person(self, name: str) -> bool:
        """Is a name without a speech verb a person ("Andrey Kelin"), not a term ("Azerbaijani Cyrillic")?"""
        words = name.split()
        if not person_like_name(name):
            return False
        people = People(self.text, [c.name for c in self.cues if c is not None and c.name])
        return people.is_person(words[-1])

    def _intro_cue(self, q: QuotedSpan) -> Phrase | None:
        """A block quotation: the sentence before it, which ends with a colon, says who speaks."""
        colon = self.text.rfind(":", 0, q.start)
        lo = self.layout.sentences[self.layout.sentence(colon)][0]
        return self._clause_cue(lo, colon)

    def _sentence_cue(self, lo: int, hi: int, q: QuotedSpan) -> Phrase | None:
        outside = self.layout.outside
        before = [m for a, b in outside(lo, q.start) for m in _SPEECH_RE.finditer(self.text, a, b)]
        after = [m for a, b in outside(q.end, hi) for m in _SPEECH_RE.finditer(self.text, a, b)]
        for m in (before[::-1] + after)[:_MAX_VERBS]:
            phrase = self._verb_subject(m, lo, hi)
            if phrase is not None:
                return phrase
        return None

    def _verb_subject(self, m: re.Match, lo: int, hi: int) -> Phrase | None:
        """Who does the speaking of the speech verb `m` in the clause [lo, hi)."""
        text = self.text
        word = m.group(0)
        if word.endswith("ccording to"):
            return phrase_after(text, m.end(), hi)
        prev_end = self.layout.last_quote_end(lo, m.start())
        quoted = self._quoted_as(word, m.end(), hi)
        if quoted is not None:
            return quoted
        left = text[prev_end:m.start()].rstrip()
        if word.endswith("ing"):  # "..., stating, “...”": the main clause's subject speaks
            if _AUX_BEFORE_RE.search(left):
                return subject_before(text, prev_end, m.start())
            if not left or left[-1] in ",\u2014\u2013(":
                return self._clause_subject(lo, m.start())
            return None  # a gerund ("in reporting on Watergate")
        phrase = subject_before(text, prev_end, m.start())
        if phrase is not None and (phrase.name or phrase.pronoun):
            return phrase
        if word not in ADDRESSEE_FORMS and (not left or left[-1] in _INVERSION_AFTER):
            after = phrase_after(text, m.end(), hi)  # "..., says Vladimir Putin, but ..."
            if after is not None and after.name and not _possessive_end(text, after.end):
                return after
        if phrase is not None and phrase.elided:
            return main_subject(text, lo, m.start())
        return None

    def _clause_subject(self, lo: int, pos: int) -> Phrase | None:
        """Who a participle clause at `pos` belongs to: the subject of the nearest speech verb before
        it ("..., Pickell said, describing the suspect as ..."), else of the sentence."""
        for m in reversed([m for a, b in self.layout.outside(lo, pos) for m in _SPEECH_RE.finditer(self.text, a, b)]):
            if not m.group(0).endswith("ing"):
                phrase = subject_before(self.text, self.layout.last_quote_end(lo, m.start()), m.start())
                if phrase is not None and (phrase.name or phrase.pronoun):
                    return phrase
                break
        return main_subject(self.text, lo, pos)

    def _quoted_as(self, verb: str, end: int, hi: int) -> Phrase | None:
        """ "the Daily News quoted witness Devonte Brown as saying": the one quoted speaks."""
        if SPEECH_FORMS.get(verb) != "quote":
            return None
        phrase = phrase_after(self.text, end, hi)
        if phrase is not None and _AS_SAYING_RE.match(self.text, phrase.end):
            return phrase
        return None

    # ------------------------------------------------------------ without a cue

    def _fallback(self, i: int, q: QuotedSpan) -> str | None:
        """A speaker for a quotation without a cue; _FRAGMENT for a fragment, decided last."""
        if i > 0 and self.spans[i - 1].reopened and not self.spans[i - 1].closed:
            return self.speakers[i - 1]  # a quotation that goes on in this paragraph
        layout = self.layout
        lo, hi = layout.bounds(q)
        for j in layout.spans_in(lo, hi):  # another quotation of the sentence has a cue
            if j != i and self.cues[j] is not None and not self.spans[j].block:
                return self.speakers[j] if j < i else self._name_of(self.cues[j])
        if not self._reports_speech:
            return None  # a text that reports no speech: terms, titles, nicknames, list items
        outside = layout.outside(lo, hi)
        if not any(self.text[a:b].strip(" \t,.;:!?\u2014\u2013-()[]") for a, b in outside):
            return self.resolver.about(layout.sentence(lo) - 1)  # a whole-sentence quotation
        if _title_case(self.text[q.inner_start:q.inner_end]):
            return None  # a title or a name ("A Man for All Seasons"), not anyone's words
        return _FRAGMENT
