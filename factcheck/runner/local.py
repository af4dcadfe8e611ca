"""Runner, the local engine: Jobs -> encoded facts, in this process or in a pool of worker processes.

Input: the Jobs the cache could not answer, and RunSettings. Output: `on_chunk([(index,
encoded facts), ...])` per chunk, in completion order (the caller puts them back in source
order). Small runs stay in this process (starting workers costs more than it saves); larger
ones are cut into chunks of about `chunk_chars` characters, so shipping a chunk costs little
against extracting it and the workers stay evenly loaded.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from factcheck.runner.settings import RunError, RunSettings
from factcheck.runner.work import Job, run_chunk, run_job

OnChunk = Callable[[list[tuple[int, str]]], None]
# chunks in flight per worker: enough that no worker waits for the next, few enough that the
# texts shipped but not yet extracted stay a small part of the run
_IN_FLIGHT = 3


def plan_chunks(jobs: list[Job], chunk_chars: int, workers: int) -> list[list[Job]]:
    """Consecutive jobs grouped up to `chunk_chars` of text (at least one job each); smaller chunks
    when the run is small, so that every worker gets several."""
    total = sum(len(j.text) for j in jobs)
    target = max(1, min(chunk_chars, total // max(1, workers * 4)))
    chunks: list[list[Job]] = []
    current: list[Job] = []
    size = 0
    for job in jobs:
        current.append(job)
        size += len(job.text)
        if size >= target:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def run_local(jobs: list[Job], settings: RunSettings, on_chunk: OnChunk) -> int:
    """Extract the jobs; returns the number of worker processes used (0: in this process)."""
    total = sum(len(j.text) for j in jobs)
    workers = min(settings.jobs, len(jobs))
    if workers <= 1 or total < settings.pool_min_chars:
        for job in jobs:
            on_chunk([(job.index, run_job(job))])
        return 0
    chunks = plan_chunks(jobs, settings.chunk_chars, workers)
    workers = min(workers, len(chunks))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_worker_init)
    try:
        pending: set[Future] = set()
        queue = iter(chunks)
        for chunk in queue:
            pending.add(pool.submit(run_chunk, chunk))
            if len(pending) >= workers * _IN_FLIGHT:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                _, results = future.result()  # same installation: the extractor key is ours
                on_chunk(results)
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(pool.submit(run_chunk, nxt))
    except BrokenProcessPool as exc:
        raise _died(exc) from None
    finally:
        # on Ctrl-C or an error: drop the chunks not started; the running ones end on their own
        pool.shutdown(wait=False, cancel_futures=True)
    return workers


def pool_map(fn: Callable[[Any], Any], items: list[Any], jobs: int) -> Iterator[Any]:
    """fn(item) for each item in up to `jobs` worker processes, the results in the items' order
    (the loading stage's files: `load_sources(mapper=...)`). An error raised by fn is raised here
    when its item's turn comes, as it would have been in a loop."""
    pool = ProcessPoolExecutor(max_workers=max(1, min(jobs, len(items))), mp_context=_context(),
                               initializer=_worker_init)
    try:
        yield from pool.map(fn, items)
    except BrokenProcessPool as exc:
        raise _died(exc) from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _died(exc: BrokenProcessPool) -> RunError:
    return RunError(f"a worker process died ({exc}) (expected: memory for --jobs workers, or --jobs 1; a "
                    "script that runs workers needs the `if __name__ == '__main__':` guard)")


def _context():
    """How worker processes start. On Linux, with no other thread in this process: fork —
    immediate, and nothing is re-imported (a script without the `__main__` guard, code read
    from stdin, a notebook all work). With a thread running (a progress bar), a fork could copy
    a lock that thread holds: workers then start from a clean server process (forkserver),
    which imports the extractors once; spawn where neither exists."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["factcheck.runner.work"])
        return ctx
    return multiprocessing.get_context("spawn")


def _worker_init() -> None:
    # Ctrl-C reaches every process of the terminal's group: the main process stops the run,
    # a worker must neither print a traceback nor die in the middle of a chunk. A forked worker
    # also drops the command line's SIGTERM handler (it would report an interruption of its own).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # A forked worker inherits the collector paused while the main process decodes, and the main
    # process's heap (every source): frozen, the collector never walks those objects again (which
    # cost a worker a third of its time, and copied their pages).
    gc.freeze()
    gc.enable()
