"""What a fact is about: its sentence, clause, head word, names and content words.

Input: the source text, its sentence spans and the mentions' spans. Output: a FactContext per
mention, the signature alignment compares. The document's words are found once (Tokens); each
fact's windows are slices of that list, and each sentence's names are worked out once.
"""

from __future__ import annotations

import bisect
import re

from factcheck.extract.lexicon import MONTHS, WEEKDAYS, is_past_verb
from factcheck.extract.terms import (
    STOPWORDS,
    WORD_RE,
    document_names,
    name_keys_of,
    term_of,
)
from factcheck.models import FactContext, Section

# Strong clause boundaries inside a sentence.
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:()\[\]\u2014\u2013]|\s-\s)\s*")
_MODIFIER_LEFT = re.compile(r"(?:\b(?:a|an|the|this|that|its|his|her|their|our|whose)|['\u2019]s)\s*$", re.I)
_WINDOW = 12  # words either side of the mention that count as its clause
NEAR = 8  # words either side that say whose value it is and of what (the value's own phrase)
_NOT_TOPIC = frozenset(MONTHS) | frozenset(WEEKDAYS)
_EDITION_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)[ \t]+$")
_AGE = re.compile(r"[-\s]old\b[\s,]*(?:(?:a|an|the)\s+)?([A-Za-z][a-z-]+)?")


class SentenceIndex:
    """Finds the sentence around an offset."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return (0, end)
        s, e = self.spans[i]
        # a mention that runs past its sentence (a quote over a sentence break) takes the next ones
        j = i
        while e < end and j + 1 < len(self.spans):
            j += 1
            e = self.spans[j][1]
        return (s, max(e, end))


class Tokens:
    """The words (WORD_RE) of one stretch of text: where each starts and ends, and its text."""

    def __init__(self, text: str, lo: int = 0, hi: int | None = None):
        matches = list(WORD_RE.finditer(text, lo, len(text) if hi is None else hi))
        self.words: list[str] = [m.group(0) for m in matches]
        self.starts: list[int] = [m.start() for m in matches]
        self.ends: list[int] = [m.end() for m in matches]

    def within(self, lo: int, hi: int) -> range:
        """Indices of the words that lie wholly inside [lo, hi)."""
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_right(self.ends, hi, lo=i)
        return range(i, max(i, j))


class ContextBuilder:
    """Builds the FactContext of each mention of one document. Only sentences that hold a
    fact are split into words, each once."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], title: str | None = None):
        self.text = text
        self.sentences = SentenceIndex(sentences)
        self.doc_names = document_names(text)
        self.topic = _topic(title) if title else []
        self._tokens: dict[tuple[int, int], Tokens] = {}
        self._sentence_names: dict[tuple[int, int], list[str]] = {}

    def build(self, start: int, end: int, head_hint: str | None, in_quote: bool, section: Section) -> FactContext:
        text = self.text
        s_start, s_end = self.sentences.around(start, end)
        tok = self.tokens = self._tokens_of(s_start, s_end)
        left_all = tok.within(s_start, start)
        right_all = tok.within(end, s_end)
        clause_start, clause_end, left, right = self._clause(s_start, s_end, start, end, left_all, right_all)
        head = head_hint.lower() if head_hint else self._head(clause_start, clause_end, start, end, left, right)
        near_left = left_all[-NEAR:] if len(left_all) >= NEAR else left_all
        near_right = right_all[:NEAR]
        near = [*near_left, *near_right]
        return FactContext(
            sentence=text[s_start:s_end],
            sentence_start=s_start,
            clause=text[clause_start:clause_end],
            head=head,
            # names from the whole sentence (who is involved), words from the clause (what happened)
            names=self._names_of_sentence(s_start, s_end),
            terms=self._terms([*left, *right]),
            near=self._terms(near),
            near_names=self._names_at(near),
            topic=self.topic,
            in_quote=in_quote,
            section=section,
        )

    def _tokens_of(self, s_start: int, s_end: int) -> Tokens:
        key = (s_start, s_end)
        tok = self._tokens.get(key)
        if tok is None:
            tok = self._tokens[key] = Tokens(self.text, s_start, s_end)
        return tok

    # ------------------------------------------------------------ words

    def _names_at(self, indices) -> list[str]:
        """Names of the words at `indices`; an event named with its year ("the 1989 Norwich Union
        Grand Prix") also gives the year as a name: each edition is a thing of its own."""
        tok, text = self.tokens, self.text
        names = self._names([tok.words[k] for k in indices])
        for k in indices:
            if tok.words[k][0].isupper():
                m = _EDITION_YEAR.search(text, max(0, tok.starts[k] - 6), tok.starts[k])
                if m and m.group(1) not in names:
                    names.append(m.group(1))
        return names

    def _names(self, words) -> list[str]:
        """Name keys of the capitalized words that the document uses as names, in order."""
        out: list[str] = []
        known = self.doc_names
        for w in words:
            if not w[0].isupper():
                continue
            for key in name_keys_of(w):
                if key in known and key not in out:
                    out.append(key)
        return out

    def _names_of_sentence(self, s_start: int, s_end: int) -> list[str]:
        key = (s_start, s_end)
        names = self._sentence_names.get(key)
        if names is None:
            names = self._sentence_names[key] = self._names_at(range(len(self.tokens.words)))
        return list(names)

    def _terms(self, indices) -> list[str]:
        """Stemmed content words, in order, without duplicates, leaving out the document's names."""
        out: list[str] = []
        seen: set[str] = set()
        words, known = self.tokens.words, self.doc_names
        for k in indices:
            w = words[k]
            term = term_of(w)
            if term is None or term in seen:
                continue
            if w[0].isupper() and all(n in known for n in name_keys_of(w)):
                continue
            seen.add(term)
            out.append(term)
        return out

    # ------------------------------------------------------------ clause and head

    def _clause(self, s_start, s_end, start, end, left_all: range, right_all: range):
        """The clause around the mention, cut to a window of words either side; a clause of a
        few words says too little, so it falls back to the sentence."""
        lo, hi = s_start, s_end
        for m in _CLAUSE_BREAK.finditer(self.text, s_start, s_end):
            if m.end() <= start:
                lo = m.end()
            elif m.start() >= end:
                hi = m.start()
                break
        tok = self.tokens
        left = range(max(left_all.start, bisect.bisect_left(tok.starts, lo, left_all.start, left_all.stop)),
                     left_all.stop)
        right = range(right_all.start, bisect.bisect_right(tok.ends, hi, right_all.start, right_all.stop))
        if len(left) > _WINDOW:
            left = left[-_WINDOW:]
            lo = tok.starts[left.start]
        if len(right) > _WINDOW:
            right = right[:_WINDOW]
            hi = tok.ends[right.stop - 1]
        if len(left) + len(right) < 4:
            return s_start, s_end, left_all, right_all
        return lo, hi, left, right

    def _head(self, lo: int, hi: int, start: int, end: int, left: range, right: range) -> str | None:
        """The word a date or figure attaches to: the noun it modifies ("a March 12 address"),
        else the nearest content word before it ("address on Thursday"), else after it.
        An age ("a 20-year-old daughter") is about the person."""
        text, words = self.text, self.tokens.words
        age = _AGE.match(text, end, min(hi, end + 40))
        if age:
            # the person it is the age of: "20-year-old daughter", "23-year-old Bush"
            who = age.group(1)
            return who.lower() if who and who.lower() not in STOPWORDS else "age"
        after = [words[k] for k in right]
        if _MODIFIER_LEFT.search(text[max(lo, start - 12):start]) or start == lo:
            lower = [w for w in after[:4] if not w[0].isupper()]
            # "Yesterday, the police explained ...": the verb, not its subject
            for w in lower[:3]:
                if _is_content(w) and is_past_verb(w.lower()):
                    return w.lower()
            for w in lower:
                if _is_content(w):
                    return w.lower()
                break
        before = [words[k] for k in left]
        # a verb just before the value is what it dates: "killed by police on Saturday"
        for w in reversed(before[-4:]):
            if _is_content(w) and is_past_verb(w.lower()):
                return w.lower()
        for w in reversed(before[-6:]):
            if _is_content(w):
                return w.lower()
        for w in after[:5]:
            if _is_content(w):
                return w.lower()
        return None


_NAME_TITLE_WORDS = 3  # a title this short that starts with a capital and has no small words is a name


_TITLE_YEAR = re.compile(r"(?<![\d.,])(?:1[0-9]|20)[0-9]{2}(?![\d.,]\d)")


def _topic(title: str) -> list[str]:
    """Name keys of the capitalized words of a title: what the document is about ("Ute
    Nestler", "Putin Rejects Immediate Ceasefire in Ukraine"). A short title of name words is
    a name as a whole, its small words too: the binomial "Erechthias hemiclistra" is about
    something else than "Erechthias macrozyga"."""
    words = Tokens(title).words
    whole = 1 < len(words) <= _NAME_TITLE_WORDS and words[0][0].isupper() \
        and not any(w.lower() in STOPWORDS or w.lower() in _NOT_TOPIC for w in words)
    # a year in the title ("1989 Norwich Union Grand Prix", "UCLA Bruins men's basketball 1928–29")
    # is a name of the subject too: each edition, each season is a thing of its own
    out: list[str] = list(dict.fromkeys(_TITLE_YEAR.findall(title)))
    for w in words:
        if (whole or w[0].isupper()) and w.lower() not in STOPWORDS and w.lower() not in _NOT_TOPIC:
            for key in name_keys_of(w):
                if key not in out:
                    out.append(key)
    return out


def _is_content(word: str) -> bool:
    lw = word.lower()
    return len(lw) > 2 and lw not in STOPWORDS and not word[0].isupper()
