"""Block quotations: paragraphs quoted without quotation marks.

Input: the text and the quoted spans found from marks. Output: extra `QuotedSpan`s (block=True) for
paragraphs that follow a line ending with a colon ("On Wednesday, Rubio said the issue comes down to
deterrence:") when the case is unambiguous: the introduction has a speech verb or the paragraph
speaks in the first person, and the paragraph is prose without quotation marks of its own.
"""

from __future__ import annotations

import re

from factcheck.extract.quotes.marks import ALL_MARKS, QuotedSpan
from factcheck.extract.quotes.words import VERB_FORMS, trie_pattern

_INTRO_RE = re.compile(r":[ \t]*\n")
_FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
_SPEECH_WORD_RE = re.compile(rf"\b(?:{trie_pattern(VERB_FORMS)})\b")
_MIN_WORDS = 8


def find_block_quotes(text: str, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    out = []
    for m in _INTRO_RE.finditer(text):
        lo = m.end()
        while lo < len(text) and text[lo] in " \t\n":
            lo += 1
        hi = text.find("\n", lo)
        hi = len(text) if hi == -1 else hi
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        para = text[lo:hi]
        if len(para.split()) < _MIN_WORDS or para[0] in ALL_MARKS or para[-1] not in ".?!\u2026" + ALL_MARKS:
            continue
        if any(q.start < hi and lo < q.end and (q.end - q.start) > (hi - lo) // 2 for q in spans):
            continue  # mostly quoted already
        intro_lo = text.rfind("\n", 0, m.start()) + 1
        intro = text[intro_lo:m.start()]
        if not (_SPEECH_WORD_RE.search(intro) or _FIRST_PERSON_RE.search(para)):
            continue
        out.append(QuotedSpan(lo, hi, lo, hi, closed=True, block=True))
    return out
