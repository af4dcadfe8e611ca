"""Where things are in a document for quote attribution: sentences, lines, quotations.

Input: the text, its sentence spans and its quoted spans. Output: a `Layout` answering, by
bisection, which sentence or line holds an offset, which quotations lie in a range, and which
parts of a range lie outside every quotation (the narrator's words, where cues are read).
"""

from __future__ import annotations

import bisect

from factcheck.extract.quotes.marks import QuotedSpan


class Layout:
    def __init__(self, text: str, sentences: list[tuple[int, int]], spans: list[QuotedSpan]):
        self.text = text
        self.sentences = sentences or [(0, len(text))]
        self._sent_starts = [s for s, _ in self.sentences]
        self.spans = spans
        self._inline = [q for q in spans if not q.block]  # quotations set off by marks
        self._inline_starts = [q.start for q in self._inline]
        self._inline_ends = [q.end for q in self._inline]
        self._span_starts = [q.start for q in spans]
        self._bounds: dict[int, tuple[int, int]] = {}

    def sentence(self, offset: int) -> int:
        """Index of the sentence holding `offset` (or the last one before it)."""
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def line(self, offset: int) -> tuple[int, int]:
        lo = self.text.rfind("\n", 0, offset) + 1
        hi = self.text.find("\n", offset)
        return lo, (len(self.text) if hi == -1 else hi)

    def bounds(self, q: QuotedSpan) -> tuple[int, int]:
        """The sentence(s) a quotation sits in, within its line."""
        key = q.start
        if key not in self._bounds:
            self._bounds[key] = self._compute_bounds(q)
        return self._bounds[key]

    def _compute_bounds(self, q: QuotedSpan) -> tuple[int, int]:
        line_lo, line_hi = self.line(q.start)
        lo = max(self.sentences[self.sentence(q.start)][0], line_lo)
        hi = min(self.sentences[self.sentence(max(q.end - 1, q.start))][1], line_hi)
        return lo, max(hi, q.end)

    def outside(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Parts of [lo, hi) outside every quotation set off by marks."""
        out = []
        i = bisect.bisect_right(self._inline_ends, lo)
        while i < len(self._inline) and self._inline_starts[i] < hi:
            q = self._inline[i]
            if q.start > lo:
                out.append((lo, q.start))
            lo = max(lo, q.end)
            i += 1
        if lo < hi:
            out.append((lo, hi))
        return out

    def spans_in(self, lo: int, hi: int) -> range:
        """Indices (into `spans`) of the quotations that start in [lo, hi)."""
        return range(bisect.bisect_left(self._span_starts, lo), bisect.bisect_left(self._span_starts, hi))

    def last_quote_end(self, lo: int, pos: int) -> int:
        """End of the last quotation closed in [lo, pos], or lo."""
        i = bisect.bisect_right(self._inline_ends, pos) - 1
        if i >= 0 and self._inline_ends[i] >= lo:
            return self._inline_ends[i]
        return lo
