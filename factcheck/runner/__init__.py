"""Runner: how the extraction stage runs — list[Source] -> list[Fact], at any scale.

Input: the run's Sources and RunSettings (engine, jobs, cache folder). Output: an Extraction:
the facts of every source in source order (the same, byte for byte, whichever engine ran and
whether they came from the cache), counts of what was extracted and what was cached, and — when
the caller does not keep texts — the texts set aside until a report needs them.

1. Each source becomes a Job (work.py): what extraction reads of it, keyed by content and
   extractor code.
2. The fact cache (cache.py, SQLite) answers the jobs it has seen; a warm run of an unchanged
   corpus extracts nothing.
3. The rest runs on an engine: `local` (in this process, or a pool of worker processes:
   local.py) or `dask` (a dask.distributed cluster: dask_engine.py), in chunks, as a stream:
   each source's facts are decoded (codec.py), cached and counted on the progress bar as they
   arrive.

4. With a cache, the findings of a run are cached too (results.py): a re-run of an unchanged
   corpus with unchanged rules skips alignment as well.

Modules: settings, work, codec, cache, local, dask_engine, texts, results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

try:
    from typing import assert_never
except ImportError:  # Python 3.10
    from typing_extensions import assert_never

from factcheck.extract.refdate import apply_inference
from factcheck.models import Fact, Source
from factcheck.runner import work
from factcheck.runner.cache import FactCache
from factcheck.runner.codec import decode, paused_gc, split_inference
from factcheck.runner.local import pool_map, run_local
from factcheck.runner.results import (
    cached_findings,
    outputs_key,
    reuse_outputs,
    store_outputs,
)
from factcheck.runner.settings import (
    DEFAULT_CACHE_DIR,
    Engine,
    RunError,
    RunSettings,
    available_cores,
)
from factcheck.runner.texts import TextStore
from factcheck.runner.work import Job, extractor_key, input_key, job_of

__all__ = [
    "DEFAULT_CACHE_DIR", "Engine", "Extraction", "RunError", "RunSettings", "RunStats", "TextStore",
    "available_cores", "cached_findings", "extract_sources", "extractor_key", "input_keys", "outputs_key",
    "paused_gc", "pool_map", "reuse_outputs", "store_outputs",
]

Progress = Callable[[str, int, int], None]  # (stage, done, total), as pipeline.Progress
Note = Callable[[str], None]


@dataclass
class RunStats:
    sources: int = 0
    extracted: int = 0  # sources whose facts were extracted in this run
    cached: int = 0  # sources whose facts came from the cache
    workers: int = 0  # worker processes or Dask workers used (0: this process)
    engine: str = Engine.LOCAL.value
    findings_cached: bool = False  # the rules stage was answered by the cache (results.py)


@dataclass
class Extraction:
    facts: list[Fact]
    stats: RunStats
    texts: TextStore | None = None  # set when texts were released (keep_text=False)
    notes: list[str] = field(default_factory=list)
    cache_dir: str | None = None  # the fact cache used, if any
    input_keys: list[str] | None = None  # per source, with a cache: what its facts depend on


def input_keys(sources: list[Source], infer_dates: bool = False, anchor: dt.date | None = None) -> list[str]:
    """Each source's fact cache key, as `extract_sources` with these arguments computes it."""
    return [input_key(job_of(i, s, infer_dates, anchor)) for i, s in enumerate(sources)]


def extract_sources(sources: list[Source], settings: RunSettings | None = None, *,
                    progress: Progress | None = None, on_note: Note | None = None,
                    keep_text: bool = True, infer_dates: bool = False,
                    anchor: dt.date | None = None, known_keys: list[str] | None = None) -> Extraction:
    """Extract every source's facts; with `infer_dates`, first date the sources that state no date
    (by their text, falling back on `anchor`, the run's corpus anchor), as `load_sources` would.
    `known_keys`: the sources' `input_keys` for these arguments, when the caller has them already."""
    settings = settings or RunSettings()
    notes: list[str] = []

    def note(message: str) -> None:
        notes.append(message)
        if on_note:
            on_note(message)

    total = len(sources)
    per_source: list[list[Fact] | None] = [None] * total
    texts = None if keep_text else TextStore()
    stats = RunStats(sources=total, engine=settings.engine.value)
    done = 0

    def accept(index: int, payload: str) -> None:
        nonlocal done
        source = sources[index]
        inferred, found, payload = split_inference(payload)
        per_source[index] = decode(payload, source.path, source.id)
        if inferred:
            apply_inference(source, found)
        if texts is not None:
            texts.release(index, source)
        done += 1
        if progress:
            progress("extract", done, total)

    jobs = [job_of(i, s, infer_dates, anchor) for i, s in enumerate(sources)]
    cache = FactCache(settings.cache_dir, work.extractor_key(), note) if settings.cache_dir else None
    try:
        with paused_gc():
            keys = ({job.index: known_keys[job.index] if known_keys is not None else input_key(job) for job in jobs}
                    if cache else {})
            todo = _answer_from_cache(jobs, keys, cache, accept, stats) if cache else jobs

            def on_chunk(results: list[tuple[int, str]]) -> None:
                if cache is not None:
                    cache.put_many([(keys[index], payload) for index, payload in results])
                for index, payload in results:
                    accept(index, payload)
                stats.extracted += len(results)

            if todo:
                stats.workers = _run(todo, settings, on_chunk)
    finally:
        usable = cache is not None and cache.conn is not None  # not turned off by a failure
        if cache is not None:
            cache.close()
    facts = [f for chunk in per_source if chunk is not None for f in chunk]
    return Extraction(facts=facts, stats=stats, texts=texts, notes=notes,
                      cache_dir=settings.cache_dir if usable else None,
                      input_keys=[keys[i] for i in range(total)] if usable else None)


def _answer_from_cache(jobs: list[Job], keys: dict[int, str], cache: FactCache,
                       accept: Callable[[int, str], None], stats: RunStats) -> list[Job]:
    """Accept what the cache holds; return the jobs left to extract."""
    found = cache.get_many(keys.values())
    todo = []
    for job in jobs:
        payload = found.get(keys[job.index])
        if payload is None:
            todo.append(job)
            continue
        try:
            accept(job.index, payload)
        except ValueError:  # a damaged entry (pydantic's ValidationError is a ValueError too)
            todo.append(job)
            continue
        stats.cached += 1
    return todo


def _run(jobs: list[Job], settings: RunSettings, on_chunk) -> int:
    if settings.engine is Engine.LOCAL:
        return run_local(jobs, settings, on_chunk)
    if settings.engine is Engine.DASK:
        from factcheck.runner.dask_engine import (
            run_dask,  # imports dask only when asked for
        )

        return run_dask(jobs, settings, on_chunk)
    assert_never(settings.engine)
