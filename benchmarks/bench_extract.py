"""Throughput of every extraction stage on the Wikipedia sample, in MB/s, as one table.

    tar xzf ../shared/corpora/wikipedia_en_sample.tar.gz -C /tmp      # once (done for you if missing)
    python benchmarks/bench_extract.py [--mb 8] [--workers 2] [--profile dates]

Stages: dates, durations, quantities, quotes, sections, and `extract_facts` end to end (the
pipeline's extraction: quotes, dates, durations, figures, overlap resolution, context building).
Each stage is timed on one core (CPU time of the process, so other work on the machine does not
skew it) over the same documents (every k-th article until --mb megabytes,
so the sample spans the whole corpus). `--workers N` also times `extract_facts` in N processes,
the figure issue 7 sets a target for (>= 2 MB/s on 2 cores). `--profile STAGE` prints the hottest
functions of one stage (cProfile, by own time) instead of the table.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import multiprocessing as mp
import pstats
import sys
import tarfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.extract import extract_facts  # noqa: E402
from factcheck.extract.dates import extract_dates  # noqa: E402
from factcheck.extract.durations import extract_durations  # noqa: E402
from factcheck.extract.quantities import extract_quantities  # noqa: E402
from factcheck.extract.quotes import extract_quotes  # noqa: E402
from factcheck.extract.sections import detect_sections  # noqa: E402
from factcheck.models import Source  # noqa: E402
from factcheck.text import sentence_spans  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "wikipedia_en_sample.tar.gz"
UNPACKED = Path("/tmp/wikipedia_en_sample")
REFERENCE = dt.date(2025, 3, 14)


def load_sample(megabytes: float, stride: int = 7) -> list[str]:
    """Every `stride`-th article (then the next offset...) until `megabytes` of UTF-8 text."""
    if not UNPACKED.exists():
        with tarfile.open(CORPUS) as tar:
            tar.extractall("/tmp")  # our own corpus, unpacked once
    files = sorted(UNPACKED.glob("docs/*/*.txt"))
    docs: list[str] = []
    size = 0
    for offset in range(stride):
        for f in files[offset::stride]:
            text = f.read_text(encoding="utf-8")
            docs.append(text)
            size += len(text.encode("utf-8"))
            if size >= megabytes * 1e6:
                return docs
    return docs


def _facts(text: str) -> int:
    return len(extract_facts(Source(id="doc", path="doc", text=text, reference_date=REFERENCE)))


STAGES: dict[str, Callable[[str], int]] = {
    "dates": lambda t: len(extract_dates(t, REFERENCE)),
    "durations": lambda t: len(extract_durations(t)),
    "quantities": lambda t: len(extract_quantities(t)),
    "quotes": lambda t: len(extract_quotes(t, sentence_spans(t))),
    "sections": lambda t: len(detect_sections(t)),
    "extract_facts": _facts,
}


def time_stage(fn: Callable[[str], int], docs: list[str]) -> tuple[float, int]:
    """CPU seconds of this process (other work on the machine does not count) and mentions found."""
    t0 = time.process_time()
    n = sum(fn(d) for d in docs)
    return time.process_time() - t0, n


def _facts_chunk(docs: list[str]) -> int:
    return sum(_facts(d) for d in docs)


def time_parallel(docs: list[str], workers: int) -> float:
    chunks = [docs[i::workers * 8] for i in range(workers * 8)]
    with mp.get_context("fork").Pool(workers) as pool:
        pool.map(_facts_chunk, [docs[:2]] * workers)  # warm the workers (imports, compiled patterns)
        t0 = time.perf_counter()
        pool.map(_facts_chunk, chunks)
        return time.perf_counter() - t0


def profile(stage: str, docs: list[str], top: int) -> None:
    fn = STAGES[stage]
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        fn(d)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=8.0, help="megabytes of articles to time")
    ap.add_argument("--workers", type=int, default=2, help="processes for the end-to-end parallel row (0: skip)")
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated subset of: " + ", ".join(STAGES))
    ap.add_argument("--profile", choices=sorted(STAGES), help="profile one stage instead of timing all")
    ap.add_argument("--top", type=int, default=15, help="functions to list with --profile")
    args = ap.parse_args(argv)
    docs = load_sample(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    for d in docs[:20]:  # warm up: imports, compiled patterns, caches
        for name in STAGES:
            STAGES[name](d)
    if args.profile:
        profile(args.profile, docs, args.top)
        return 0
    print(f"{len(docs)} documents, {mb:.1f} MB")
    print(f"{'stage':24s} {'MB/s':>8s} {'seconds':>8s} {'mentions':>9s}")
    for name in args.stages.split(","):
        secs, n = time_stage(STAGES[name], docs)
        print(f"{name:24s} {mb / secs:8.2f} {secs:8.2f} {n:9d}")
    if args.workers > 1:
        secs = time_parallel(docs, args.workers)
        print(f"{f'extract_facts x{args.workers} procs':24s} {mb / secs:8.2f} {secs:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
