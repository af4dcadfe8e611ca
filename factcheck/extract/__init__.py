"""Extraction stage: Source -> list[Fact].

Each extractor finds typed mentions in the text (dates, durations, figures, quotes);
this module resolves overlaps between them, attaches line numbers and the context
signature (sentence, clause, head, names, terms) and returns Facts in text order.
"""

from __future__ import annotations

import re

from factcheck.extract.context import ContextBuilder
from factcheck.extract.dates import extract_dates
from factcheck.extract.durations import extract_durations
from factcheck.extract.mention import Mention
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.quotes import extract_quotes
from factcheck.models import Fact, FactKind, QuoteValue, Section, Source
from factcheck.text import LineIndex, normalize_for_compare, sentence_spans

# Which extractor wins when two claim overlapping text of the same length.
_PRIORITY = {
    FactKind.DATE: 0,
    FactKind.DATE_RANGE: 0,
    FactKind.DURATION: 1,
    FactKind.MONEY: 2,
    FactKind.PERCENT: 2,
    FactKind.QUANTITY: 3,
    FactKind.COUNT: 4,
}


def extract_facts(source: Source) -> list[Fact]:
    """All facts of one source, in text order."""
    text = source.text
    sentences = sentence_spans(text)
    quotations = extract_quotes(text, sentences)
    quoted = [(q.start, q.end) for q in quotations]
    quotes = [unit for q in quotations for unit in split_quote(text, q)]
    figures = resolve_overlaps(
        extract_dates(text, source.reference_date, quoted=quoted)
        + extract_durations(text)
        + extract_quantities(text)
    )
    return build_facts(source, sentences, sorted(figures + quotes, key=lambda m: (m.start, m.end)), quoted)


def split_quote(text: str, quote: Mention) -> list[Mention]:
    """One fact per quoted sentence: sources quote different parts of a statement, and a
    sentence is the unit a reader compares. The speaker carries over to every sentence."""
    inner = text[quote.start:quote.end]
    spans = sentence_spans(inner)
    if len(spans) <= 1 or not isinstance(quote.value, QuoteValue):
        return [quote]
    out = []
    for s, e in spans:
        piece = inner[s:e]
        value = quote.value.model_copy(update={"quote": piece, "normalized": normalize_for_compare(piece)})
        out.append(Mention(quote.start + s, quote.start + e, FactKind.QUOTE, value, quote.head))
    return out


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest mention where several overlap; ties go to the more specific kind."""
    ranked = sorted(mentions, key=lambda m: (-m.length, _PRIORITY.get(m.kind, 9), m.start))
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in ranked:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        kept.append(m)
        taken.append((m.start, m.end))
    return sorted(kept, key=lambda m: (m.start, m.end))


def build_facts(
    source: Source,
    sentences: list[tuple[int, int]],
    mentions: list[Mention],
    quoted: list[tuple[int, int]],
) -> list[Fact]:
    text = source.text
    lines = LineIndex(text)
    contexts = ContextBuilder(text, sentences, source.title)
    facts: list[Fact] = []
    for m in mentions:
        in_quote = m.kind is not FactKind.QUOTE and any(s <= m.start and m.end <= e for s, e in quoted)
        section = section_at(source, m.start)
        if m.kind is FactKind.DATE and section is Section.BODY and is_metadata_line(text, m.start, m.end):
            section = Section.BYLINE
        context = contexts.build(m.start, m.end, m.head, in_quote, section)
        facts.append(
            Fact(
                kind=m.kind,
                source=source.path,
                source_id=source.id,
                text=text[m.start:m.end],
                start=m.start,
                end=m.end,
                line=lines.line(m.start),
                value=m.value,
                context=context,
            )
        )
    return facts


_METADATA_WORDS = re.compile(
    r"(?:(?:\b|(?<=\d))(?:first\s+)?(?:published|updated|posted|date|dated|last|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|[a-z]{2,4}t)\b"
    r"|\d{1,2}\s*:\s*\d\d|[\s\W\d])+",
    re.I,
)


def is_metadata_line(text: str, start: int, end: int) -> bool:
    """A line that holds nothing but this date (and a time, "Published:"...): a timestamp, not a fact."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    rest = text[line_start:start] + " " + text[end:line_end]
    return len(rest) < 80 and _METADATA_WORDS.fullmatch(rest) is not None


def section_at(source: Source, offset: int) -> Section:
    for start, end, section in source.sections:
        if start <= offset < end:
            return section
    return Section.BODY
