"""Text helpers shared by the stages: line numbers, sentence spans, normalization for comparison."""

from __future__ import annotations

import bisect
import re
import unicodedata


class LineIndex:
    """Maps character offsets to 1-based line numbers."""

    def __init__(self, text: str):
        self._starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def __len__(self) -> int:
        return len(self._starts)


# Sentence boundaries: a line break, or . ! ? (and closing quotes/brackets) followed by
# space and an upper-case letter, digit or opening quote; common abbreviations excepted.
_ABBREV = (
    r"Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|St|Jr|Sr|Inc|Ltd|Co|Corp|"
    r"U\.S|U\.K|U\.N|E\.U|No|Nos|Vol|vs|etc|e\.g|i\.e|approx|est|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|a\.m|p\.m|[A-Z]"
)
_FIXED_ABBREV = re.compile(rf"\b(?:{_ABBREV})\.$")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in `text`, in order, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        chunk_end = end
        # keep closing quotes with the sentence they close
        while chunk_end < m.end() and text[chunk_end] in "\"'\u201d\u2019)]":
            chunk_end += 1
        if m.group(0)[0] != "\n" and _FIXED_ABBREV.search(text, max(start, end - 8), end):
            continue
        _push(text, start, chunk_end, spans)
        start = m.end()
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_QUOTE_MAP = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ",
})


def normalize_for_compare(s: str) -> str:
    """Lower-case text with uniform quotes, dashes and spaces, for similarity measures."""
    s = unicodedata.normalize("NFKC", s).translate(_QUOTE_MAP).lower()
    s = _NOT_WORD.sub(" ", s)
    s = _LOOSE_DASH.sub(" ", s)  # "act —not it" -> "act not it"; "long-term" stays
    return _SPACES.sub(" ", s).strip()


_NOT_WORD = re.compile(r"[^\w\s'-]")
_LOOSE_DASH = re.compile(r"(?<!\w)-+|-+(?!\w)")
_SPACES = re.compile(r"\s+")
