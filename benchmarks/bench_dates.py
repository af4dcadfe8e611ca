"""Throughput of the temporal extractor on the Wikipedia sample, beside dateparser's search_dates.

    tar xzf ../shared/corpora/wikipedia_en_sample.tar.gz -C /tmp      # once
    python benchmarks/bench_dates.py [--docs /tmp/wikipedia_en_sample/docs] [--mb 8] [--baseline-kb 300]

Reports MB/s (one core) for extract_dates, extract_durations and both, over the first --mb
megabytes of documents, and dateparser.search.search_dates(text, languages=['en']) over the
first --baseline-kb kilobytes of the same documents, in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from factcheck.extract.dates import extract_dates  # noqa: E402
from factcheck.extract.durations import extract_durations  # noqa: E402

REFERENCE = dt.date(2025, 3, 14)


def load(docs: str, limit_bytes: int) -> list[str]:
    texts, size = [], 0
    for path in sorted(glob.glob(os.path.join(docs, "*", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            t = f.read()
        texts.append(t)
        size += len(t.encode("utf-8"))
        if size >= limit_bytes:
            break
    return texts


def rate(fn, texts: list[str]) -> tuple[float, int, float]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    t0 = time.perf_counter()
    n = 0
    for t in texts:
        n += len(fn(t))
    secs = time.perf_counter() - t0
    return size / secs / 1e6, n, secs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="/tmp/wikipedia_en_sample/docs")
    ap.add_argument("--mb", type=float, default=8.0, help="megabytes of documents for the extractor")
    ap.add_argument("--baseline-kb", type=float, default=300.0, help="kilobytes for dateparser (slow)")
    args = ap.parse_args(argv)
    texts = load(args.docs, int(args.mb * 1e6))
    if not texts:
        print(f"no documents under {args.docs}; unpack the sample first (see the docstring)", file=sys.stderr)
        return 2
    print(f"{len(texts)} documents, {sum(len(t.encode()) for t in texts) / 1e6:.1f} MB")
    rows = [
        ("extract_dates", lambda t: extract_dates(t, REFERENCE)),
        ("extract_durations", extract_durations),
        ("dates + durations", lambda t: extract_dates(t, REFERENCE) + extract_durations(t)),
    ]
    results = {}
    for name, fn in rows:
        mbs, n, secs = rate(fn, texts)
        results[name] = mbs
        print(f"{name:22s} {mbs:8.2f} MB/s  {n:8d} mentions  {secs:7.2f} s")
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    base = load(args.docs, int(args.baseline_kb * 1e3))
    mbs_dp, n_dp, secs_dp = rate(lambda t: search_dates(t, languages=["en"]) or [], base)
    mbs_ours, n_ours, _ = rate(lambda t: extract_dates(t, REFERENCE), base)
    print(f"{'search_dates':22s} {mbs_dp:8.3f} MB/s  {n_dp:8d} mentions  {secs_dp:7.2f} s  (first {args.baseline_kb:.0f} KB)")
    print(f"{'extract_dates (same)':22s} {mbs_ours:8.2f} MB/s  {n_ours:8d} mentions")
    print(f"speed-up over search_dates: {mbs_ours / mbs_dp:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
