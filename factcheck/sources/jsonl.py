"""Sources stage, corpus exports: a JSONL file -> one Document per line.

Input: the file's bytes; each line a JSON object `{"id", "text", "title"?, "date"?, "outlet"?,
"url"?, "author"?}` (other fields are ignored: exports carry many). Output: `(id, line, Document)`
for each usable record, and a skip `(file:line, reason)` for each line that is not one: invalid
JSON, not an object, no id or text, empty text, an id used before. Blank lines are allowed.
A record's `date` is its reference date (origin `metadata`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from factcheck.models import RefDateOrigin, SourceFormat
from factcheck.sources.decode import decode
from factcheck.sources.document import DatedBy, Document, parse_day

JSONL_SUFFIXES = (".jsonl", ".ndjson")


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None

    @field_validator("id", "date", mode="before")
    @classmethod
    def _scalar_to_str(cls, v: Any) -> Any:
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


def load_jsonl(data: bytes, *, where: str,
               on_skip: Callable[[str, str], None]) -> list[tuple[str, int, Document]]:
    decoded = decode(data, where=where)
    out: list[tuple[str, int, Document]] = []
    seen: dict[str, int] = {}
    for n, line in enumerate(decoded.text.split("\n"), 1):
        if not line.strip():
            continue
        record = _record(line, f"{where}:{n}", on_skip)
        if record is None:
            continue
        if record.id in seen:
            on_skip(f"{where}:{n}", f'id "{record.id}" is used before, on line {seen[record.id]} (ids must be unique)')
            continue
        seen[record.id] = n
        if not record.text.strip():
            on_skip(f"{where}:{n}", f'record "{record.id}" has empty text')
            continue
        out.append((record.id, n, _document(record, n, decoded)))
    return out


def _record(line: str, where: str, on_skip) -> Record | None:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        on_skip(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
        return None
    if not isinstance(raw, dict):
        on_skip(where, f"not a JSON object (expected: {{\"id\", \"text\", ...}}, got {type(raw).__name__})")
        return None
    try:
        return Record.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        on_skip(where, f"{field}: {err['msg'].lower()} (expected: id and text strings; title, date, outlet, url)")
        return None


def _document(record: Record, line: int, decoded) -> Document:
    notes = []
    published = None
    if record.date:
        day = parse_day(record.date)
        if day:
            published = DatedBy(day=day, origin=RefDateOrigin.METADATA, confidence="high",
                                note=f"record date: {record.date}")
        else:
            notes.append(f'record date "{record.date}" is not a day; ignored')
    return Document(text=record.text, format=SourceFormat.JSONL, encoding=decoded.encoding,
                    encoding_note=decoded.note, title=_str(record.title), outlet=_str(record.outlet),
                    url=_str(record.url), author=_str(record.author), published=published, record_line=line,
                    notes=notes)


def _str(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
