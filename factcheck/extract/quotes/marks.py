"""Quotation marks -> quoted spans: the first step of quote extraction.

Input: a document's text. Output: `QuotedSpan`s for the top-level quotations, in text order.
One compiled pattern finds every candidate mark and line break in a single pass; the side
of each mark (opening or closing) comes from what flanks it, the glyph only breaks ties, so
straight quotes, curly quotes used the wrong way round and «guillemets» all pair up.
Nested quotations stay part of the quotation around them.

A quotation left open at the end of a line ends there (news style: a quote that continues in
the next paragraph reopens it and leaves the first one unclosed), unless the next line closes
it first (text wrapped inside a paragraph, one sentence per line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018\u201a\u2039"  # ‘ ‚ ‹
SINGLE_CLOSE = "\u2019\u203a"  # ’ ›
ALL_MARKS = '"\'' + DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE
_DOUBLE = '"' + DOUBLE_OPEN + DOUBLE_CLOSE
_SINGLE_MARKS = "'" + SINGLE_OPEN + SINGLE_CLOSE

# Every mark; a plain character class keeps the scan fast (lookarounds here cost a factor of seven),
# and `_apostrophe` drops the single marks inside words ("Russia’s", "don't") afterwards.
_MARK_RE = re.compile(f"[{re.escape(ALL_MARKS)}]")

# What may stand before an opening mark and after a closing one.
_OPEN_BEFORE = frozenset(" \t\r\n\u00a0([{<\u2014\u2013-/:;,") | frozenset(ALL_MARKS)
_CLOSE_AFTER = frozenset(" \t\r\n\u00a0.,;:!?)]}>\u2014\u2013-/\u2026") | frozenset(ALL_MARKS)

OPEN, CLOSE, EITHER, NEITHER = 1, 2, 3, 0

_ALNUM_RE = re.compile(r"[^\W_]")
_MAX_CARRY = 6  # lines a quotation may run over before we give up on its closing mark
_MIN_WORDS_UNCLOSED = 3


@dataclass(slots=True)
class QuotedSpan:
    start: int  # the opening mark
    end: int  # after the closing mark, or the end of the line for an unclosed quotation
    inner_start: int  # the quoted words, without marks, surrounding spaces or a trailing comma
    inner_end: int
    closed: bool
    reopened: bool = False  # the next paragraph reopens the quotation (same speaker goes on)
    block: bool = False  # a paragraph quoted without marks after an introduction ending with ":"


def _side(text: str, i: int, n: int) -> int:
    """OPEN, CLOSE or EITHER from the characters around the mark at i; NEITHER for an apostrophe."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < n else " "
    open_ok = before in _OPEN_BEFORE
    close_ok = after in _CLOSE_AFTER
    if open_ok and not close_ok:
        return OPEN
    if close_ok and not open_ok:
        return CLOSE
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        return OPEN
    if ch in DOUBLE_CLOSE or ch in SINGLE_CLOSE:
        return CLOSE
    if ch == '"':
        return EITHER
    return NEITHER  # a single mark with the same on both sides: too weak to pair


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Top-level quotations of `text`, in order."""
    n = len(text)
    out: list[QuotedSpan] = []
    stack: list[tuple[bool, int]] = []  # (is_double, position) of open marks, innermost last
    # double quotations closed above single marks only: top-level unless those singles close
    pending: list[tuple[int, int]] = []
    carried = 0
    line_end = -1  # the end of the line where the open quotation stands
    for m in _MARK_RE.finditer(text):
        i = m.start()
        if _apostrophe(text, i, n):
            continue
        while stack and i > line_end:  # line ends crossed since the last mark
            if stack[0][0] and carried < _MAX_CARRY and _next_line_closes(text, line_end + 1, n):
                carried += 1
                line_end = _line_end(text, line_end + 1, n)
                continue
            for start, end in pending:
                _push(out, text, start, end, closed=True)
            if stack[0][0]:
                _push(out, text, stack[0][1], line_end, closed=False, reopened=_reopens(text, line_end + 1, n))
            stack.clear()
            pending.clear()
            carried = 0
        ch = text[i]
        double = ch in _DOUBLE
        side = _side(text, i, n)
        if side == EITHER:
            side = CLOSE if any(d for d, _ in stack) else OPEN
        if side == OPEN:
            if double or _single_can_open(text, i, n):
                if not stack:
                    line_end = _line_end(text, i, n)
                stack.append((double, i))
        elif side == CLOSE:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] != double:
                    continue
                if depth == 0:
                    _push(out, text, stack[0][1], i + 1, closed=True)
                    pending.clear()  # doubles inside a closed single quotation were nested
                    carried = 0
                elif double and not any(d for d, _ in stack[:depth]):
                    pending.append((stack[depth][1], i + 1))
                del stack[depth:]
                break
    if stack:
        for start, end in pending:
            _push(out, text, start, end, closed=True)
        if stack[0][0]:
            _push(out, text, stack[0][1], line_end, closed=False,
                  reopened=line_end < n and _reopens(text, line_end + 1, n))
    out.sort(key=lambda q: q.start)
    return out


def _line_end(text: str, i: int, n: int) -> int:
    end = text.find("\n", i)
    return n if end == -1 else end


def _apostrophe(text: str, i: int, n: int) -> bool:
    """A single mark with a letter or digit on both sides sits inside a word."""
    return (
        text[i] in _SINGLE_MARKS
        and 0 < i < n - 1
        and (text[i - 1].isalnum() or text[i - 1] == "_")
        and (text[i + 1].isalnum() or text[i + 1] == "_")
    )


def _single_can_open(text: str, i: int, n: int) -> bool:
    """A single mark opens a quotation only before a word ("‘red lines’"), not before a digit
    ("’90s") or a space."""
    return i + 1 < n and text[i + 1].isalpha()


def _next_line_closes(text: str, start: int, n: int) -> bool:
    """Do the next lines of the paragraph close a quotation left open (their first double mark is a
    closing one)? Text with one sentence per line carries a quotation over several lines."""
    for _ in range(_MAX_CARRY):
        end = text.find("\n", start)
        if end == -1:
            end = n
        if end == start or not text[start:end].strip():
            return False  # a blank line ends the paragraph
        for m in _MARK_RE.finditer(text, start, end):
            if text[m.start()] in _DOUBLE:  # apostrophes are single marks: never looked at here
                return _side(text, m.start(), n) in (CLOSE, EITHER)
        if end >= n:
            return False
        start = end + 1
    return False


def _reopens(text: str, start: int, n: int) -> bool:
    """Does the next non-blank line start with an opening double mark?"""
    i = start
    while i < n and text[i].isspace():
        i += 1
    return i < n and text[i] in _DOUBLE and _side(text, i, n) in (OPEN, EITHER)


def _push(out: list[QuotedSpan], text: str, open_pos: int, end: int, closed: bool, reopened: bool = False) -> None:
    lo = open_pos + 1
    hi = end - 1 if closed else end
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] == ","):
        hi -= 1  # a comma inside the closing mark belongs to the attribution that follows
    if not _ALNUM_RE.search(text, lo, hi):
        return  # marks around nothing readable
    if not closed and len(text[lo:hi].split()) < _MIN_WORDS_UNCLOSED:
        return
    out.append(QuotedSpan(open_pos, end, lo, hi, closed, reopened))
