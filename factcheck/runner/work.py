"""Runner, the unit of work: what extraction reads of a source -> its facts, encoded.

Input: a Job per source (its text, reference date, non-body sections, format and title: everything
extraction reads besides the labels `id` and `path`). Output: (index, encoded facts) per job.
A source that states no date is dated here, by inference from its text and the run's corpus
anchor (`infer`), so the inference runs on every core and is cached with the facts; the
payload then starts with what was inferred (codec.with_inference).
Every engine runs `run_chunk` — in this process, in a worker process, in a Dask task — on the
same Jobs, and the fact cache is keyed by the same fields, so a source gives the same facts
whichever way it was extracted. `extractor_key()` names the extraction code: a cached entry or
a Dask worker with another key is not used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from functools import cache
from pathlib import Path
from typing import NamedTuple

from factcheck import __version__
from factcheck.extract import extract_facts
from factcheck.extract.refdate import infer_reference_date
from factcheck.models import Section, Source, SourceFormat
from factcheck.runner.codec import CODEC_VERSION, encode, with_inference

_PACKAGE = Path(__file__).resolve().parent.parent
# The code whose change changes what is extracted: the extractors, and the models and text
# helpers they build on. Hashing it (not only the version number) keeps a cache valid across
# releases and invalid across edits, which a version constant bumped by hand would not.
_EXTRACTION_CODE = ("extract", "text.py", "models", "runner/codec.py", "runner/work.py")


class Job(NamedTuple):
    index: int  # position of the source in the run
    text: str
    reference_date: dt.date | None
    sections: list[tuple[int, int, Section]]
    format: SourceFormat
    title: str | None  # what the document is about: facts' context names its topic from it
    infer: bool = False  # no reference date: infer one from the text before extracting
    anchor: dt.date | None = None  # the run's corpus anchor, which the inference may fall back on


def job_of(index: int, source: Source, infer: bool = False, anchor: dt.date | None = None) -> Job:
    infer = infer and source.reference_date is None
    return Job(index, source.text, source.reference_date, list(source.sections), source.format, source.title,
               infer, anchor if infer else None)


def input_key(job: Job) -> str:
    """The cache key of a job: the extractor's key and everything extraction reads."""
    h = hashlib.sha256()
    for part in (extractor_key(), job.reference_date.isoformat() if job.reference_date else "-",
                 job.format.value, repr([(s, e, sec.value) for s, e, sec in job.sections]), job.title or "-",
                 f"infer {job.anchor}" if job.infer else "-"):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    h.update(job.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def run_job(job: Job) -> str:
    found = infer_reference_date(job.text, job.anchor) if job.infer else None
    source = Source(id="", path="", text=job.text, reference_date=found.date if found else job.reference_date,
                    sections=job.sections, format=job.format, title=job.title)
    facts = encode(extract_facts(source))
    return with_inference(found, facts) if job.infer else facts


def run_chunk(jobs: list[Job]) -> tuple[str, list[tuple[int, str]]]:
    """Extract a chunk of sources; also say which extraction code ran (Dask workers may differ)."""
    return extractor_key(), [(job.index, run_job(job)) for job in jobs]


@cache
def extractor_key() -> str:
    h = hashlib.sha256(f"{__version__}|codec {CODEC_VERSION}|python {sys.version_info[:2]}".encode())
    files: list[Path] = []
    for name in _EXTRACTION_CODE:
        path = _PACKAGE / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    for path in files:
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return f"{__version__}+{h.hexdigest()[:16]}"
