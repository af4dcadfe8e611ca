"""Sources stage, plain text and what users write beside it: .txt/.md bytes -> Document; manifests; front matter.

Input: a text file's bytes, a `sources.yaml` manifest, or a text's leading YAML front matter.
Output: a Document (the decoded text as is), a Manifest (per-file date, title, outlet, url) and
the front matter's fields with the span it covers (marked boilerplate, never checked).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import SourceError
from factcheck.models import SourceFormat
from factcheck.sources.decode import decode
from factcheck.sources.document import Document

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
MANIFEST_NAME = "sources.yaml"

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_MAX = 64 * 1024  # front matter is a short header; a longer "---" block is text


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: dict[str, ManifestEntry]


class FrontMatter(BaseModel):
    fields: dict = {}
    end: int = 0  # where the body starts
    valid: bool = True


def load_text(data: bytes, *, where: str) -> Document:
    decoded = decode(data, where=where)
    return Document(text=decoded.text, format=SourceFormat.TEXT, encoding=decoded.encoding,
                    encoding_note=decoded.note)


def front_matter(text: str) -> FrontMatter | None:
    """The YAML block that opens a Markdown file (`---` ... `---`), if any."""
    if not text.startswith(("---", "\ufeff---")):
        return None
    m = _FRONT_MATTER.match(text[:_FRONT_MATTER_MAX])
    if not m:
        return None
    try:
        loaded = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        return FrontMatter(end=m.end(), valid=False)
    return FrontMatter(fields=loaded if isinstance(loaded, dict) else {}, end=m.end())


def load_manifest(path: Path) -> Manifest:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else None
        raise SourceError(f"invalid YAML ({getattr(exc, 'problem', exc)})", path=str(path), line=line) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read manifest ({getattr(exc, 'strerror', None) or exc})", path=str(path)) from exc
    try:
        return Manifest.model_validate(raw if isinstance(raw, dict) else {"sources": raw})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise SourceError(f"{where}: {err['msg']} (expected: sources: {{file: {{date, title, outlet, url}}}})",
                          path=str(path)) from exc


class Manifests:
    """The `sources.yaml` of each folder, read once, looked up by file."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Manifest | None] = {}

    def entry(self, path: Path) -> ManifestEntry | None:
        folder = path.parent
        if folder not in self._by_folder:
            candidate = folder / MANIFEST_NAME
            self._by_folder[folder] = load_manifest(candidate) if candidate.is_file() else None
        manifest = self._by_folder[folder]
        return manifest.sources.get(path.name) if manifest else None
