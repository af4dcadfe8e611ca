"""`factcheck check` with stage timers: what bench_scale.py runs as a child process.

    python benchmarks/scale_probe.py TIMINGS.json check PATH... [check options]

Runs the real command line (factcheck.cli.main) with thin wrappers around the pipeline's
stages — load_sources, extract_sources, cached_findings (alignment and rules, or their cache),
build_report, writing and printing the outputs — and around alignment's candidate pairs (counted as they are streamed), then writes
the wall time of each stage, the counts and the peak RSS of this process to TIMINGS.json.
The wrappers call through unchanged: the output is what `factcheck check` prints. Counting the
pairs costs one generator step per pair (about 0.1 us).
"""

from __future__ import annotations

import atexit
import json
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import factcheck.align as align  # noqa: E402
import factcheck.cli.check as cli_check  # noqa: E402
import factcheck.pipeline as pipeline  # noqa: E402

stages: dict[str, float] = defaultdict(float)
counts: dict[str, int] = defaultdict(int)
started = time.perf_counter()


def timed(module, name: str, stage: str, after=None) -> None:
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            result = real(*args, **kwargs)
        finally:
            stages[stage] += time.perf_counter() - t
        if after is not None:
            after(result, *args)
        return result

    setattr(module, name, wrapper)


def _count_sources(sources, *_) -> None:
    counts["sources"] += len(sources)
    counts["text_chars"] += sum(len(s.text) for s in sources)
    counts["text_bytes"] += sum(len(s.text.encode("utf-8", "surrogatepass")) for s in sources)


def _count_extraction(extraction, *_) -> None:
    counts["facts"] += len(extraction.facts)
    counts["extracted"] += extraction.stats.extracted
    counts["cached"] += extraction.stats.cached
    counts["workers"] = max(counts["workers"], extraction.stats.workers)


def _count_findings(findings, extraction, *_) -> None:
    counts["findings"] += len(findings)
    counts["findings_cached"] += int(extraction.stats.findings_cached)


real_pairs = align.iter_candidate_pairs


def counted_pairs(facts, *args, **kwargs):
    n = 0
    for pair in real_pairs(facts, *args, **kwargs):
        n += 1
        yield pair
    counts["candidate_pairs"] += n
    counts["aligned_facts"] += len(facts)


def dump(path: str) -> None:
    stages["total_in_process"] = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    Path(path).write_text(json.dumps({"stages": stages, "counts": counts, "peak_rss_mb": peak_kb / 1024},
                                     indent=1), encoding="utf-8")


def main() -> None:
    out = sys.argv[1]
    timed(pipeline, "load_sources", "load", _count_sources)
    timed(pipeline, "extract_sources", "extract", _count_extraction)
    timed(pipeline, "cached_findings", "rules", _count_findings)  # alignment and rules, or their cache
    timed(pipeline, "build_report", "build_report")
    timed(cli_check, "write_outputs", "write_outputs")
    timed(cli_check, "emit", "print_output")
    align.iter_candidate_pairs = counted_pairs
    atexit.register(dump, out)
    sys.argv = ["factcheck", *sys.argv[2:]]
    from factcheck.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
