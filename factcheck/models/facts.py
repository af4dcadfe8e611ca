"""Facts as extracted, with their context, and the sources they come from."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.models.values import (
    VALUE_CLASS,
    DateRangeValue,
    DateValue,
    FactKind,
    FactValue,
    RefDateOrigin,
    Section,
    SourceFormat,
)


class FactContext(BaseModel):
    """What a fact is about: taken from its sentence and clause, used by alignment and rules."""

    model_config = ConfigDict(extra="forbid")

    sentence: str = ""
    sentence_start: int = 0  # offset of the sentence in the source text
    clause: str = ""
    head: str | None = None  # the noun or event word the fact measures or dates (lower-cased)
    names: list[str] = Field(default_factory=list)  # lower-cased proper names in the clause
    terms: list[str] = Field(default_factory=list)  # lower-cased, stemmed content words of the clause
    near: list[str] = Field(default_factory=list)  # stemmed content words right around the fact
    near_names: list[str] = Field(default_factory=list)  # names right around the fact (whose value it is)
    topic: list[str] = Field(default_factory=list)  # names in the document's title (what it is about)
    in_quote: bool = False
    section: Section = Section.BODY


class Fact(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: FactKind
    source: str  # the source's path as given
    source_id: str = ""
    text: str  # verbatim surface: source.text[start:end]
    start: int
    end: int
    line: int
    value: FactValue
    context: FactContext = Field(default_factory=FactContext)

    @field_validator("value", mode="before")
    @classmethod
    def _value_for_kind(cls, v: Any, info: Any) -> Any:
        if isinstance(v, dict):
            kind = info.data.get("kind")
            if kind is not None:
                return VALUE_CLASS[FactKind(kind)].model_validate(v)
        return v

    @property
    def key(self) -> str:
        """Stable identity inside one run: source, kind and span."""
        # kind.value: the same text as formatting the enum, without Enum.__format__ (reports ask
        # for the keys of every fact, several times)
        return f"{self.source_id or self.source}:{self.kind.value}:{self.start}-{self.end}"

    def fingerprint(self) -> str:
        """Identity that survives edits elsewhere in the file: source, kind, surface and value."""
        payload = f"{self.source_id}|{self.kind}|{self.text}|{self.value.contract()}"
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]

    def contract(self) -> dict[str, Any]:
        """The documented JSON object for one fact (`extract --format jsonl`)."""
        return {
            "source": self.source,
            "kind": self.kind.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "value": _contract_value(self),
        }


def _contract_value(fact: Fact) -> dict[str, Any]:
    out = fact.value.contract()
    if isinstance(fact.value, (DateValue, DateRangeValue)):
        for name in ("start_date", "end_date", "anchor"):
            if name in out and out[name] is not None:
                out[name] = str(out[name])
    return out


# ---------------------------------------------------------------- sources


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str  # file name, unique within a run
    path: str  # path as given on the command line (or joined with the folder given)
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    reference_date: dt.date | None = None
    reference_date_from: RefDateOrigin = RefDateOrigin.NONE
    reference_date_confidence: str | None = None  # high | medium | low
    reference_date_note: str | None = None
    encoding: str = "utf-8"
    sections: list[tuple[int, int, Section]] = Field(default_factory=list)  # non-body regions
    notes: list[str] = Field(default_factory=list)
    # Where the text came from and how to point back into the original (see factcheck.sources.locate).
    format: SourceFormat = SourceFormat.TEXT
    encoding_note: str | None = None  # how the encoding was decided (BOM, declared, detected)
    author: str | None = None
    updated_date: dt.date | None = None  # last update stated in the page's metadata
    fetched_url: str | None = None  # the address the text was fetched from (after redirects)
    pages: list[int] = Field(default_factory=list)  # PDF: offset in `text` where each page starts
    line_starts: list[int] = Field(default_factory=list)  # PDF: offset where each printed line starts
    record_line: int | None = None  # JSONL: line of the record in the corpus file

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "outlet": self.outlet,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
            "reference_date_from": self.reference_date_from.value,
            "reference_date_confidence": self.reference_date_confidence,
            "format": self.format.value,
            "url": self.fetched_url or self.url,
        }
