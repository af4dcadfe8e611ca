"""Sources stage, Document -> Source: one place decides titles, sections and the reference date.

Input: a Document (the text a format loader extracted, with the metadata it found), the manifest
entry for its file, an id and the path shown to users. Output: a Source.

Reference date, first found wins: the manifest (`sources.yaml`); YAML front matter; the document's
metadata (a web page's published date in its markup or address, a corpus record's `date`); a header
line; a dateline; a PDF's creation date (the day the file was made, which for a saved article may
be later than the day it was written, so the text's own header and dateline go first); a photo
caption with a full date. Sources with none of these are dated by inference later
(`refdate.assign_inferred_dates`), with the run's explicit dates as context.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from factcheck.extract.dates import parse_date_text
from factcheck.extract.sections import detect_sections
from factcheck.models import Granularity, RefDateOrigin, Section, Source, SourceFormat
from factcheck.sources import refdate

if TYPE_CHECKING:
    from factcheck.sources.text import ManifestEntry


class DatedBy(BaseModel):
    day: dt.date
    origin: RefDateOrigin
    confidence: str  # high | medium | low
    note: str


class Document(BaseModel):
    """What a format loader read: the text to check and what the original says about itself."""

    model_config = ConfigDict(extra="forbid")

    text: str
    format: SourceFormat
    encoding: str = "utf-8"
    encoding_note: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None  # where the loader placed the headline in `text`
    outlet: str | None = None
    author: str | None = None
    url: str | None = None  # the original's address as the document states it (canonical link)
    fetched_url: str | None = None
    published: DatedBy | None = None
    updated: dt.date | None = None
    pages: list[int] = Field(default_factory=list)
    line_starts: list[int] = Field(default_factory=list)
    record_line: int | None = None
    notes: list[str] = Field(default_factory=list)


# Metadata origins that outrank the text's own header and dateline.
_STRONG_METADATA = (RefDateOrigin.HTML_META, RefDateOrigin.URL, RefDateOrigin.METADATA)


def build_source(doc: Document, *, source_id: str, path: str, entry: ManifestEntry | None = None,
                 front: dict | None = None, body_from: int = 0) -> Source:
    """The Source for `doc`; `front` is its front matter's fields, ending at `body_from`."""
    text = doc.text
    front = front or {}
    source = Source(id=source_id, path=path, text=text, encoding=doc.encoding, encoding_note=doc.encoding_note,
                    format=doc.format, author=doc.author, updated_date=doc.updated, fetched_url=doc.fetched_url,
                    pages=doc.pages, line_starts=doc.line_starts, record_line=doc.record_line,
                    notes=list(doc.notes))
    source.sections = _sections(text, body_from, doc.title_span)
    source.title = (entry and entry.title) or _str(front.get("title")) or doc.title \
        or _title_from_sections(text, source.sections)
    source.outlet = (entry and entry.outlet) or _str(front.get("outlet") or front.get("source")) or doc.outlet
    source.url = (entry and entry.url) or _str(front.get("url")) or doc.url
    source.author = _str(front.get("author")) or doc.author
    dated = _reference(doc, entry, front, body_from)
    if dated:
        source.reference_date = dated.day
        source.reference_date_from = dated.origin
        source.reference_date_confidence = dated.confidence
        source.reference_date_note = dated.note
    return source


def _reference(doc: Document, entry: ManifestEntry | None, front: dict, body_from: int) -> DatedBy | None:
    if entry and entry.date:
        return DatedBy(day=entry.date, origin=RefDateOrigin.MANIFEST, confidence="high", note="sources.yaml")
    if front.get("date") is not None:
        value = front["date"]
        day = value if isinstance(value, dt.date) else parse_day(str(value))
        if isinstance(day, dt.datetime):
            day = day.date()
        if day:
            return DatedBy(day=day, origin=RefDateOrigin.FRONT_MATTER, confidence="high",
                           note=f"front matter date: {value}")
    if doc.published and doc.published.origin in _STRONG_METADATA:
        return doc.published
    text = doc.text
    for finder, origin in ((refdate.header_date, RefDateOrigin.HEADER), (refdate.dateline_date, RefDateOrigin.DATELINE)):
        found = finder(text, body_from)
        if found:
            return DatedBy(day=found[0], origin=origin, confidence="high", note=found[1])
    if doc.published:
        return doc.published
    found = refdate.caption_date(text, body_from)
    if found:
        return DatedBy(day=found[0], origin=RefDateOrigin.CAPTION, confidence="medium", note=found[1])
    return None


def _sections(text: str, body_from: int, title_span: tuple[int, int] | None) -> list[tuple[int, int, Section]]:
    sections = detect_sections(text)
    if body_from:
        sections = [(0, body_from, Section.BOILERPLATE)] + [s for s in sections if s[0] >= body_from]
    if title_span:
        start, end = title_span
        sections = sorted([s for s in sections if s[1] <= start or s[0] >= end] + [(start, end, Section.TITLE)])
    return sections


def parse_day(s: str) -> dt.date | None:
    """A day written in metadata: ISO (`2025-03-13`, `2025-03-13T18:20:00Z`) or prose (`March 13, 2025`)."""
    s = s.strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    value = parse_date_text(s)
    if value is None or value.granularity is not Granularity.DAY or value.start is None:
        return None
    return value.start


def _str(value) -> str | None:
    return str(value).strip() or None if value not in (None, "") else None


def _title_from_sections(text: str, sections) -> str | None:
    for start, end, section in sections:
        if section is Section.TITLE:
            return text[start:end].strip() or None
    return None
