"""Quote extraction: text -> QUOTE mentions, each with its speaker.

Input: a document's text and its sentence spans (`factcheck.text.sentence_spans`). Output: one
Mention per quotation, kind QUOTE, spanning the quoted words without the quotation marks (and without
a comma inside the closing mark), valued `QuoteValue(speaker, quote, normalized)`.

Modules: `marks` pairs the quotation marks; `blocks` adds paragraphs quoted without marks after a
colon; `speakers` reads the cue of each quotation (`phrases`: the words around a speech verb;
`layout`: sentences, lines and quotations by offset) and `resolve` follows pronouns and uncued
quotations to the person the text is about (`people`: which names are persons, their full forms);
`words` holds the word tables.
"""

from __future__ import annotations

from factcheck.extract.mention import Mention
from factcheck.extract.quotes.blocks import find_block_quotes
from factcheck.extract.quotes.marks import QuotedSpan, find_quoted_spans
from factcheck.extract.quotes.speakers import Attributor
from factcheck.extract.sections import author_name
from factcheck.models import FactKind, QuoteValue
from factcheck.text import normalize_for_compare

__all__ = ["extract_quotes", "QuotedSpan"]


def extract_quotes(text: str, sentences: list[tuple[int, int]]) -> list[Mention]:
    """Every quotation of `text` with its speaker (None when nobody is named)."""
    spans = find_quoted_spans(text)
    if ":" in text:
        blocks = find_block_quotes(text, spans)
        if blocks:
            spans = sorted(spans + blocks, key=lambda q: q.start)
    if not spans:
        return []
    speakers = Attributor(text, sentences, spans, author=lambda: _author(text)).run()
    out = []
    for q, speaker in zip(spans, speakers, strict=True):
        if q.block and speaker is None:
            continue  # a paragraph after a colon is only a quotation when we know whose
        inner = text[q.inner_start:q.inner_end]
        value = QuoteValue(speaker=speaker, quote=inner, normalized=normalize_for_compare(inner))
        out.append(Mention(q.inner_start, q.inner_end, FactKind.QUOTE, value))
    return out


def _author(text: str) -> str | None:
    """The writer, for quotes the text attributes to "I" ("as I wrote the other day")."""
    return author_name(text)
