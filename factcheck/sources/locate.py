"""Evidence positions: a fact of a source -> where a reader finds it in the original.

Input: a Source and a fact (or any object with `start`, `end` and `line`: offsets into source.text).
Output: one string for reports to show or link:

- text file: `seeds/a.txt:12` (line in the file)
- PDF: `report.pdf p.3:12` (page, and printed line on that page)
- web page: `https://host/story#:~:text=…` for a fetched URL, `page.html#:~:text=…` for a saved page:
  a text fragment browsers scroll to and highlight (the extracted text has no lines of the page)
- corpus record: `corpus.jsonl#doc-17:3` (the record's id, and line in its text)
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol
from urllib.parse import quote

from factcheck.models import Source, SourceFormat

_FRAGMENT_WORDS = 3  # words of context either side, to tell repeated phrases apart
_FRAGMENT_MAX = 80  # longer facts (quotes) are cited by their first and last words
_WORD = re.compile(r"\S+")


class Located(Protocol):
    start: int
    end: int
    line: int


def evidence_location(source: Source, fact: Located) -> str:
    fmt = source.format
    if fmt is SourceFormat.PDF and source.pages:
        page, line = pdf_position(source, fact.start)
        return f"{source.path} p.{page}:{line}"
    if fmt is SourceFormat.HTML:
        base = source.fetched_url or source.path
        return f"{base}#:~:text={text_fragment(source.text, fact.start, fact.end)}"
    return f"{source.path}:{fact.line}"


def pdf_position(source: Source, offset: int) -> tuple[int, int]:
    """1-based page and printed line on that page of a text offset."""
    page_index = max(bisect.bisect_right(source.pages, offset) - 1, 0)
    page_start = source.pages[page_index]
    first = bisect.bisect_left(source.line_starts, page_start)
    upto = bisect.bisect_right(source.line_starts, offset)
    return page_index + 1, max(upto - first, 1)


def text_fragment(text: str, start: int, end: int) -> str:
    """`[prefix-,]textStart[,textEnd][,-suffix]`, percent-encoded as the Text Fragments spec asks."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    target = " ".join(text[start:end].split())
    before = _WORD.findall(text[max(line_start, start - 200):start])[-_FRAGMENT_WORDS:]
    after = _WORD.findall(text[end:min(line_end, end + 200)])[:_FRAGMENT_WORDS]
    if len(target) > _FRAGMENT_MAX:
        words = target.split()
        head, tail = " ".join(words[:4]), " ".join(words[-4:])
        core = f"{_enc(head)},{_enc(tail)}" if len(words) > 8 else _enc(target)
    else:
        core = _enc(target)
    prefix = f"{_enc(' '.join(before))}-," if before and text[start - 1:start].isspace() else ""
    suffix = f",-{_enc(' '.join(after))}" if after and text[end:end + 1].isspace() else ""
    return f"{prefix}{core}{suffix}"


def _enc(s: str) -> str:
    # quote() leaves "-" alone, but in a text directive "-" and "," are syntax
    return quote(s, safe="").replace("-", "%2D")
