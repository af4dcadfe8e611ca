"""Runner, the Dask engine: Jobs -> encoded facts, as tasks on a dask.distributed cluster.

Input: the Jobs the cache could not answer, and RunSettings (`scheduler`: the address of a
running scheduler; without one, a LocalCluster of `jobs` worker processes is started for the
run). Output: `on_chunk(...)` per finished task, as the local engine. Only extraction runs on
the cluster; alignment and rules run here on the gathered facts. Every worker must have the
same factcheck installed: a task reports the key of the extraction code it ran, and a worker
with another one stops the run (its facts could differ).

Needs the optional dependency: `pip install 'factcheck[dask]'`.
"""

from __future__ import annotations

import itertools
import logging

from factcheck.runner.local import OnChunk, plan_chunks
from factcheck.runner.settings import RunError, RunSettings
from factcheck.runner.work import Job, extractor_key, run_chunk

IN_FLIGHT = 3  # tasks per worker sent ahead
CONNECT_TIMEOUT_S = 10  # a scheduler that does not answer by then is reported, not waited for


def run_dask(jobs: list[Job], settings: RunSettings, on_chunk: OnChunk) -> int:
    """Extract the jobs on the cluster; returns the number of workers it had."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RunError("--engine dask needs dask.distributed, which is not installed "
                       "(expected: pip install 'factcheck[dask]')") from None
    if not jobs:
        return 0
    cluster = None
    try:
        if settings.scheduler:
            client = Client(settings.scheduler, timeout=CONNECT_TIMEOUT_S)
        else:
            cluster = LocalCluster(n_workers=settings.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        where = settings.scheduler or "LocalCluster"
        raise RunError(f"cannot reach the dask scheduler ({exc}) (expected: the address of a running "
                       "scheduler, e.g. tcp://host:8786)", path=where) from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = plan_chunks(jobs, settings.chunk_chars, workers)
        queue = iter(chunks)
        # a few tasks per worker in flight, the next one sent as one finishes: the texts of an
        # archive are never all on the scheduler at once. pure=False: no hashing of megabytes of text
        running = as_completed([client.submit(run_chunk, chunk, pure=False)
                                for chunk in itertools.islice(queue, workers * IN_FLIGHT)])
        for future in running:
            try:
                key, results = future.result()
            except ModuleNotFoundError as exc:
                raise RunError(f"a dask worker cannot import {exc.name} (expected: factcheck installed on "
                               "every worker)", path=settings.scheduler) from None
            if key != extractor_key():
                raise RunError(f"a dask worker runs other extraction code ({key}; this run: {extractor_key()}) "
                               "(expected: the same factcheck on every worker)", path=settings.scheduler)
            on_chunk(results)
            future.release()  # its facts are ours now; let the cluster forget them
            nxt = next(queue, None)
            if nxt is not None:
                running.add(client.submit(run_chunk, nxt, pure=False))
        return workers
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
