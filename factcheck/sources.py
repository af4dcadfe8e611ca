"""Sources stage: paths -> list[Source] with text, metadata and a reference date.

A reference date comes from, in order: a manifest (`sources.yaml` beside the files),
YAML front matter, a header line (`date 2025-03-14`, `Published: ...`), a dateline
(`MOSCOW, March 13, 2025 –`), a photo caption with a full date, and otherwise inference
from the dates in the text (with the other sources' dates as context).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import SourceError
from factcheck.extract.dates import extract_dates, parse_date_text
from factcheck.extract.refdate import infer_reference_date
from factcheck.extract.sections import detect_sections
from factcheck.models import DateValue, FactKind, Granularity, RefDateOrigin, Section, Source

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MANIFEST_NAME = "sources.yaml"

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADER_LINE = re.compile(
    r"^[ \t]*(?:date|dated|published|publication date|posted|updated|last updated)\b[ \t]*(?:on\b)?[:\-]?[ \t]*",
    re.I | re.M,
)
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z.'\u2019 -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.' -]{1,30})?,[ \t]+", re.M)
_DATELINE_END = re.compile(r"[ \t]*(?:[\u2013\u2014-]{1,2}|\(\w+\)[ \t]*[\u2013\u2014-])")
_CAPTION_CREDIT = re.compile(
    r"\((?:[A-Z]{2,5}\s+)?Photo\b|\bPhoto(?:graph)?\s*(?:by|:)|\bGetty Images\b|\((?:AP|AFP|Reuters|EPA)\)",
    re.I,
)
_HEAD_LINES = 8  # header lines and datelines are looked for near the top only
_CORPUS_WINDOW_DAYS = 14  # explicit dates of the other sources must cluster this tightly to act as context


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: dict[str, ManifestEntry]


def load_sources(paths: list[str], *, on_skip=None) -> list[Source]:
    """Read every source under `paths` (files or folders), give each a reference date.

    `on_skip(path, reason)` is told about files that are left out (binary, empty)."""
    files = _collect(paths)
    if not files:
        raise SourceError("no .txt or .md sources found", path=", ".join(paths))
    manifests: dict[Path, Manifest] = {}
    sources: list[Source] = []
    used_ids: set[str] = set()
    for given, path in files:
        text, encoding = read_text(path)
        if not text.strip():
            if on_skip:
                on_skip(given, "empty file")
            continue
        source = Source(id=_unique_id(path, used_ids), path=given, text=text, encoding=encoding)
        manifest = manifests.get(path.parent)
        if manifest is None and (path.parent / MANIFEST_NAME).is_file():
            manifest = manifests[path.parent] = load_manifest(path.parent / MANIFEST_NAME)
        entry = manifest.sources.get(path.name) if manifest else None
        describe(source, entry)
        sources.append(source)
    assign_inferred_dates(sources)
    return sources


def _collect(paths: list[str]) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if not p.exists():
            raise SourceError("no such file or folder", path=given)
        if p.is_dir():
            found = sorted(
                q for q in p.rglob("*")
                if q.is_file() and q.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in q.relative_to(p).parts)
            )
            items = [(str(Path(given) / q.relative_to(p)), q) for q in found]
        else:
            items = [(given, p)]
        for shown, q in items:
            key = q.resolve()
            if key not in seen:
                seen.add(key)
                out.append((shown, q))
    return out


def _unique_id(path: Path, used: set[str]) -> str:
    candidate = path.name
    parent = path.parent
    while candidate in used and parent.name:
        candidate = f"{parent.name}/{candidate}"
        parent = parent.parent
    used.add(candidate)
    return candidate


def read_text(path: Path) -> tuple[str, str]:
    """Decoded text and the encoding used: UTF-8 (BOM stripped), else Windows-1252."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror or exc})", path=str(path)) from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("binary file, not text", path=str(path))
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"


def load_manifest(path: Path) -> Manifest:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise SourceError(f"invalid YAML ({getattr(exc, 'problem', exc)})", path=str(path), line=line) from exc
    try:
        return Manifest.model_validate(raw if isinstance(raw, dict) else {"sources": raw})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise SourceError(f"{where}: {err['msg']} (expected: sources: {{file: {{date, title, outlet, url}}}})",
                          path=str(path)) from exc


def describe(source: Source, entry: ManifestEntry | None) -> None:
    """Fill title, outlet, sections and an explicit reference date where the text or manifest has one."""
    text = source.text
    sections = detect_sections(text)
    fm = _FRONT_MATTER.match(text)
    front: dict = {}
    if fm:
        try:
            loaded = yaml.safe_load(fm.group(1))
            front = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            source.notes.append("front matter is not valid YAML; ignored")
        sections = [(0, fm.end(), Section.BOILERPLATE)] + [s for s in sections if s[0] >= fm.end()]
    source.sections = sections
    source.title = (entry and entry.title) or _str(front.get("title")) or _title_from_sections(text, sections)
    source.outlet = (entry and entry.outlet) or _str(front.get("outlet") or front.get("source"))
    source.url = (entry and entry.url) or _str(front.get("url"))

    if entry and entry.date:
        _set_reference(source, entry.date, RefDateOrigin.MANIFEST, "high", "sources.yaml")
        return
    if front.get("date") is not None:
        value = front["date"]
        day = value if isinstance(value, dt.date) else _parse_day(str(value))
        if isinstance(day, dt.datetime):
            day = day.date()
        if day:
            _set_reference(source, day, RefDateOrigin.FRONT_MATTER, "high", f"front matter date: {value}")
            return
    body_from = fm.end() if fm else 0
    for finder, origin in ((_header_date, RefDateOrigin.HEADER), (_dateline_date, RefDateOrigin.DATELINE),
                           (_caption_date, RefDateOrigin.CAPTION)):
        found = finder(text, body_from)
        if found:
            day, note = found
            confidence = "medium" if origin is RefDateOrigin.CAPTION else "high"
            _set_reference(source, day, origin, confidence, note)
            return


def _str(value) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _title_from_sections(text: str, sections) -> str | None:
    for start, end, section in sections:
        if section is Section.TITLE:
            return text[start:end].strip() or None
    return None


def _set_reference(source: Source, day: dt.date, origin: RefDateOrigin, confidence: str, note: str) -> None:
    source.reference_date = day
    source.reference_date_from = origin
    source.reference_date_confidence = confidence
    source.reference_date_note = note


def _parse_day(s: str) -> dt.date | None:
    value = parse_date_text(s)
    if value is None or value.granularity is not Granularity.DAY or value.start is None:
        return None
    return value.start


def _first_full_date(text: str, start: int, end: int, max_offset: int) -> DateValue | None:
    """The first explicit day with a year within text[start:end], if it begins within max_offset."""
    for m in extract_dates(text[start:end], None):
        if m.start > max_offset:
            break
        v = m.value
        if (m.kind is FactKind.DATE and isinstance(v, DateValue) and v.granularity is Granularity.DAY
                and v.relative is None and v.start is not None):
            return v
    return None


def _head_lines(text: str, body_from: int):
    pos = body_from
    for _ in range(_HEAD_LINES):
        if pos >= len(text):
            return
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        yield pos, end
        pos = end + 1


def _header_date(text: str, body_from: int):
    for start, end in _head_lines(text, body_from):
        m = _HEADER_LINE.match(text, start, end)
        if m:
            v = _first_full_date(text, m.end(), end, 2)
            if v:
                return v.start, f"header line: {text[start:end].strip()[:80]}"
    return None


def _dateline_date(text: str, body_from: int):
    for start, end in _head_lines(text, body_from):
        m = _DATELINE.match(text, start, end)
        if not m:
            continue
        found = None
        for mention in extract_dates(text[m.end():end], None):
            v = mention.value
            if mention.start == 0 and isinstance(v, DateValue) and v.granularity is Granularity.DAY \
                    and v.relative is None and v.start is not None:
                found = (mention, v)
            break
        if found and _DATELINE_END.match(text, m.end() + found[0].end, end):
            return found[1].start, f"dateline: {text[start:m.end() + found[0].end].strip()}"
    return None


def _caption_date(text: str, body_from: int):
    for start, end in _lines(text, body_from):
        if not _CAPTION_CREDIT.search(text, start, end):
            continue
        v = _first_full_date(text, start, end, end - start)
        if v:
            return v.start, f"photo caption: {text[start:end].strip()[:100]}"
    return None


def _lines(text: str, body_from: int):
    pos = body_from
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        yield pos, end
        pos = end + 1


def corpus_anchor(sources: list[Source]) -> dt.date | None:
    """The median explicit reference date of the run, if the explicit dates cluster tightly."""
    days = sorted(s.reference_date for s in sources
                  if s.reference_date and s.reference_date_from not in (RefDateOrigin.INFERRED, RefDateOrigin.NONE))
    if not days or (days[-1] - days[0]).days > _CORPUS_WINDOW_DAYS:
        return None
    return dt.date.fromordinal(int(statistics.median_low(d.toordinal() for d in days)))


def assign_inferred_dates(sources: list[Source]) -> None:
    """Infer a reference date for the sources that state none, using their own text and the run's dates."""
    anchor = corpus_anchor(sources)
    for source in sources:
        if source.reference_date is not None:
            continue
        found = infer_reference_date(source.text, anchor)
        if found is None:
            source.notes.append("no reference date found or inferable; relative dates stay unresolved")
            continue
        source.reference_date = found.date
        source.reference_date_from = RefDateOrigin.INFERRED
        source.reference_date_confidence = found.confidence
        source.reference_date_note = found.note
