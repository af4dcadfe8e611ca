"""Sources stage: paths and URLs -> list[Source] with text, metadata and a reference date.

Input: what the user gave — text and Markdown files, saved web pages (.html), PDFs, JSONL corpus
exports, folders of them, and http(s) URLs (fetched once, then cached). Output: one Source per
document, in a stable order, each with the text that is checked (`Fact.text == source.text[start:end]`),
what maps that text back to the original (`evidence_location`), and a reference date with its
provenance (see document.py for the order: manifest, front matter, page metadata, header line,
dateline, PDF metadata, caption, inference).

Files that cannot be used — empty, binary, unreadable, vanished, a failed download — are skipped:
`on_skip(path, reason)` is told and the run goes on. A path given that does not exist, a broken
manifest, or nothing left to read is a SourceError.

Modules: collect (what to read), decode (bytes -> text), text / html / pdf / jsonl (one per format),
fetch (URLs, cache), document (Document -> Source), refdate (dates stated in the text), locate
(evidence positions).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from factcheck.errors import SourceError
from factcheck.models import Source, SourceFormat
from factcheck.sources.collect import SOURCE_SUFFIXES, Input, InputKind, OnSkip, collect
from factcheck.sources.decode import SkipSource, read_bytes
from factcheck.sources.document import Document, build_source
from factcheck.sources.fetch import FetchSettings, fetch
from factcheck.sources.html import HTML_SUFFIXES, load_html, looks_like_html
from factcheck.sources.jsonl import JSONL_SUFFIXES, load_jsonl
from factcheck.sources.locate import evidence_location
from factcheck.sources.pdf import PDF_SUFFIXES, load_pdf, looks_like_pdf
from factcheck.sources.refdate import assign_inferred_dates, corpus_anchor
from factcheck.sources.text import (
    MANIFEST_NAME,
    TEXT_SUFFIXES,
    Manifests,
    front_matter,
    load_manifest,
    load_text,
)

__all__ = [
    "MANIFEST_NAME", "SOURCE_SUFFIXES", "TEXT_SUFFIXES", "FetchSettings", "SkipSource", "assign_inferred_dates",
    "corpus_anchor", "evidence_location", "load_manifest", "load_sources", "Mapper",
]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_SNIFF_TYPES = ("", "application/octet-stream", "binary/octet-stream")


# Many files are read by `mapper` (worker processes), in chunks of this many inputs
PARALLEL_MIN_INPUTS = 1000
_CHUNK = 200

Mapper = Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]  # map(fn, items), results in order
Loaded = tuple[list[tuple[list[str], Source]], list[tuple[str, str]]]  # (name parts, source), skipped


def load_sources(paths: list[str], *, on_skip: OnSkip | None = None,
                 fetch_settings: FetchSettings | None = None, infer_dates: bool = True,
                 progress: Callable[[str, int, int], None] | None = None, mapper: Mapper | None = None) -> list[Source]:
    """Read every source under `paths` (files, folders, URLs), give each a reference date.

    `infer_dates=False` leaves the sources that state no date undated, for the extraction stage
    to infer theirs in parallel and cache it (runner.extract_sources with `infer_dates`).
    `progress("load", done, total)` counts the inputs read (files, URLs).
    `mapper`, a `map` whose calls may run in other processes (runner.pool_map), reads the files of
    a large run (PARALLEL_MIN_INPUTS, no URL among them) in chunks: the same sources, in the same
    order, with the same ids and warnings.
    """
    skip = on_skip or (lambda path, reason: None)
    inputs = collect(paths, skip)
    if not inputs:
        raise SourceError(f"no sources found (expected {', '.join(SOURCE_SUFFIXES)} files, or http(s) URLs)",
                          path=", ".join(paths))
    settings = fetch_settings or FetchSettings()
    used_ids: set[str] = set()
    sources: list[Source] = []
    for done, (loaded, skipped) in enumerate(_read_all(inputs, settings, mapper)):
        if progress and done % 100 == 0:
            progress("load", done, len(inputs))
        for shown, reason in skipped:
            skip(shown, reason)
        for name_parts, source in loaded:
            source.id = _unique_id(name_parts, used_ids)  # in input order, whichever process read it
            sources.append(source)
    if not sources:
        raise SourceError("no source left to check (every one was skipped; see the warnings)",
                          path=", ".join(paths))
    if infer_dates:
        assign_inferred_dates(sources)
    return sources


def _read_all(inputs: list[Input], settings: FetchSettings, mapper: Mapper | None) -> Iterator[Loaded]:
    """What each input gives, in input order."""
    if mapper is None or len(inputs) < PARALLEL_MIN_INPUTS or any(i.kind is InputKind.URL for i in inputs):
        manifests = Manifests()
        for item in inputs:
            yield _read_input(item, settings, manifests)
        return
    chunks = [inputs[k:k + _CHUNK] for k in range(0, len(inputs), _CHUNK)]
    for results in mapper(_read_chunk, chunks):
        yield from results


def _read_chunk(items: list[Input]) -> list[Loaded]:
    """A worker's share: consecutive files (each worker reads the manifests it needs once)."""
    manifests = Manifests()
    return [_read_input(item, FetchSettings(), manifests) for item in items]


def _read_input(item: Input, settings: FetchSettings, manifests: Manifests) -> Loaded:
    """The sources of one input (without their ids, which depend on the run's other sources)
    and the warnings for what was skipped, in the order they arose."""
    skipped: list[tuple[str, str]] = []
    try:
        loaded = _load(item, settings, lambda path, reason: skipped.append((path, reason)))
    except SkipSource as exc:
        skipped.append((item.shown, exc.bare))
        return [], skipped
    out = []
    for name_parts, shown, doc in loaded:
        entry = manifests.entry(item.path) if item.path is not None and doc.format is not SourceFormat.JSONL \
            else None
        fm = front_matter(doc.text) if doc.format in (SourceFormat.TEXT, SourceFormat.JSONL) else None
        if fm is not None and not fm.valid:
            doc.notes.append("front matter is not valid YAML; ignored")
        out.append((name_parts, build_source(doc, source_id="", path=shown, entry=entry,
                                             front=fm.fields if fm else None, body_from=fm.end if fm else 0)))
    return out, skipped


def _load(item: Input, settings: FetchSettings, skip: OnSkip) -> list[tuple[list[str], str, Document]]:
    """The documents of one input: (name parts for its id, path shown, Document)."""
    if item.kind is InputKind.URL:
        page = fetch(item.shown, settings)
        fmt = _format_of_page(page.content_type, page.body, page.final_url)
        doc = _read(fmt, page.body, where=item.shown, url=page.final_url, charset=page.charset)
        doc.fetched_url = page.final_url
        if doc.format is not SourceFormat.HTML and not doc.url:
            doc.url = page.final_url
        return [(_url_parts(page.url), item.shown, doc)]
    assert item.path is not None
    data = read_bytes(item.path)
    fmt = _format_of_file(item.path, data)
    if fmt is SourceFormat.JSONL:
        records = load_jsonl(data, where=item.shown, on_skip=skip)
        if not records:
            raise SkipSource("no usable records", path=item.shown)
        parts = list(Path(item.shown).parts)
        return [(parts + [rid], f"{item.shown}#{rid}", doc) for rid, _, doc in records]
    return [(list(Path(item.shown).parts), item.shown, _read(fmt, data, where=item.shown))]


def _read(fmt: SourceFormat, data: bytes, *, where: str, url: str | None = None,
          charset: str | None = None) -> Document:
    if fmt is SourceFormat.HTML:
        return load_html(data, where=where, url=url, charset=charset)
    if fmt is SourceFormat.PDF:
        return load_pdf(data, where=where)
    if fmt is SourceFormat.TEXT:
        doc = load_text(data, where=where)
        if not doc.text.strip():
            raise SkipSource("empty file", path=where)
        return doc
    raise SkipSource(f"cannot read {fmt.value} here", path=where)


def _format_of_file(path: Path, data: bytes) -> SourceFormat:
    name = path.name.lower()
    if looks_like_pdf(data):
        return SourceFormat.PDF
    for suffixes, fmt in ((PDF_SUFFIXES, SourceFormat.PDF), (HTML_SUFFIXES, SourceFormat.HTML),
                          (JSONL_SUFFIXES, SourceFormat.JSONL), (TEXT_SUFFIXES, SourceFormat.TEXT)):
        if name.endswith(suffixes):
            return fmt
    return SourceFormat.HTML if looks_like_html(data) else SourceFormat.TEXT


def _format_of_page(content_type: str, body: bytes, url: str) -> SourceFormat:
    if content_type in _HTML_TYPES:
        return SourceFormat.HTML
    if content_type == "application/pdf" or looks_like_pdf(body):
        return SourceFormat.PDF
    if content_type in _TEXT_TYPES:
        return SourceFormat.HTML if looks_like_html(body) else SourceFormat.TEXT
    if content_type in _SNIFF_TYPES:
        return _format_of_file(Path(urlsplit(url).path or "page"), body)
    raise SkipSource(f"unsupported content type {content_type} (expected: HTML, PDF or plain text)", path=url)


def _url_parts(url: str) -> list[str]:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.query and segments:
        segments[-1] += f"?{parts.query}"
    return [parts.hostname or "page"] + segments


def _unique_id(parts: list[str], used: set[str]) -> str:
    """The last name part, prefixed with parent parts until unique, then numbered."""
    parts = [p for p in parts if p not in ("", "/")] or ["source"]
    candidate = parts[-1]
    i = len(parts) - 2
    while candidate in used and i >= 0:
        candidate = f"{parts[i]}/{candidate}"
        i -= 1
    base, n = candidate, 2
    while candidate in used:
        candidate = f"{base}~{n}"
        n += 1
    used.add(candidate)
    return candidate
