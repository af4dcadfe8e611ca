"""Throughput of figure extraction (quantities, counts, money, percentages) on Wikipedia text,
beside quantulum3 on the same text in the same run.

    python benchmarks/bench_quantities.py [--mb 8] [--quantulum-kb 200] [--workers 1]

Reads the Wikipedia sample (../shared/corpora/wikipedia_en_sample.tar.gz, unpacked once to /tmp),
takes every k-th article until the sample size is reached, and times `extract_quantities` per
article (as the pipeline calls it). quantulum3 is slow, so it runs on the first ~200 KB of the same
articles only; the ratio compares MB/s. `--workers N` also times N processes over the sample.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import tarfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.extract.quantities import extract_quantities

CORPUS = ROOT.parent / "shared" / "corpora" / "wikipedia_en_sample.tar.gz"
UNPACKED = Path("/tmp/wikipedia_en_sample")


def load_sample(megabytes: float, stride: int = 7) -> tuple[list[Path], list[str]]:
    if not UNPACKED.exists():
        with tarfile.open(CORPUS) as tar:
            tar.extractall("/tmp")  # our own corpus
    files = sorted(UNPACKED.glob("docs/*/*.txt"))
    paths: list[Path] = []
    docs: list[str] = []
    size = 0
    for offset in range(stride):
        for f in files[offset::stride]:
            text = f.read_text(encoding="utf-8")
            paths.append(f)
            docs.append(text)
            size += len(text.encode("utf-8"))
            if size >= megabytes * 1e6:
                return paths, docs
    return paths, docs


def _mb(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def time_ours(docs: list[str]) -> tuple[float, int]:
    extract_quantities("warm up: 5 km and $3")  # the pint registry is built lazily
    t0 = time.perf_counter()
    n = sum(len(extract_quantities(d)) for d in docs)
    return time.perf_counter() - t0, n


def _count(paths: list[Path]) -> int:
    """One worker's share: it reads its own files, so no text crosses the process boundary."""
    return sum(len(extract_quantities(p.read_text(encoding="utf-8"))) for p in paths)


def time_workers(paths: list[Path], workers: int) -> tuple[float, int]:
    chunks = [paths[i::workers * 8] for i in range(workers * 8)]
    with mp.Pool(workers) as pool:
        pool.map(_count, [[]] * workers)
        t0 = time.perf_counter()
        n = sum(pool.map(_count, chunks, chunksize=1))
        return time.perf_counter() - t0, n


def time_quantulum(docs: list[str], kilobytes: float) -> tuple[float, int, float] | None:
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        return None
    classifier.USE_CLF = False  # its shipped classifier does not load with current scikit-learn
    warnings.filterwarnings("ignore")
    part: list[str] = []
    size = 0
    for d in docs:
        part.append(d)
        size += len(d.encode("utf-8"))
        if size >= kilobytes * 1e3:
            break
    parser.parse("warm up: 5 km")
    t0 = time.perf_counter()
    n = sum(len(parser.parse(d)) for d in part)
    return time.perf_counter() - t0, n, size / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=8.0, help="sample size in MB (default 8)")
    ap.add_argument("--quantulum-kb", type=float, default=200.0, help="quantulum3's share in KB (default 200)")
    ap.add_argument("--workers", type=int, default=1, help="also time N processes (default: 1 = skip)")
    args = ap.parse_args(argv)

    paths, docs = load_sample(args.mb)
    mb = _mb(docs)
    secs, n = time_ours(docs)
    rows = [("factcheck (1 core)", mb, secs, n)]
    if args.workers > 1:
        wsecs, wn = time_workers(paths, args.workers)
        rows.append((f"factcheck ({args.workers} processes)", mb, wsecs, wn))
    q = time_quantulum(docs, args.quantulum_kb)
    if q is not None:
        qsecs, qn, qmb = q
        rows.append(("quantulum3 (1 core)", qmb, qsecs, qn))

    print(f"{'extractor':28} {'MB':>7} {'seconds':>8} {'MB/s':>7} {'mentions':>9} {'per MB':>7}")
    for name, size, s, count in rows:
        print(f"{name:28} {size:7.2f} {s:8.2f} {size / s:7.2f} {count:9d} {count / size:7.0f}")
    if q is not None:
        ratio = (mb / secs) / (qmb / qsecs)
        print(f"speed-up over quantulum3: {ratio:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
