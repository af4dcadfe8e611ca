"""Runner settings: how the extraction stage runs (engine, worker count, fact cache).

Input: what the CLI or a library caller chose. Output: a validated RunSettings that the
pipeline passes to `factcheck.runner.extract_sources`. The defaults are those of a library
call: in this process, no cache (nothing written beside the caller's files); the CLI's
defaults (every core, `.factcheck-cache/`) are set by `factcheck check`.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

from factcheck.errors import FactcheckError
from factcheck.models import StrEnum

DEFAULT_CACHE_DIR = ".factcheck-cache"  # shared with the fetched pages (.factcheck-cache/pages)
CACHE_FILE = "facts.sqlite"


class Engine(StrEnum):
    LOCAL = "local"  # this machine: in-process, or a pool of worker processes
    DASK = "dask"  # tasks on a dask.distributed cluster (factcheck[dask])


class RunError(FactcheckError):
    """The extraction engine cannot run: a scheduler that cannot be reached, dask not installed,
    a worker that died or runs another factcheck version."""


class RunSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    engine: Engine = Engine.LOCAL
    jobs: int = Field(1, ge=1, description="worker processes of the local engine (1: in this process), "
                      "or workers of the LocalCluster the dask engine starts without --scheduler")
    scheduler: str | None = Field(None, description="dask scheduler address (tcp://host:8786); None with "
                                  "the dask engine: a LocalCluster of `jobs` workers")
    cache_dir: str | None = Field(None, description="folder of the fact cache (facts.sqlite); None: no cache")
    chunk_chars: int = Field(262_144, ge=1, description="text per task: large enough that shipping it "
                             "costs little against extracting it, small enough to balance the workers "
                             "and to stop promptly on Ctrl-C")
    pool_min_chars: int = Field(200_000, ge=0, description="less text to extract than this runs in this "
                                "process: starting workers would cost more than it saves")


def available_cores() -> int:
    """Cores this process may use (the CPU affinity mask of a container, not the machine's count)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1
