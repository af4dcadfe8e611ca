"""The baseline pipeline bench_scale.py compares extraction with: dateparser's `search_dates` for
dates and quantulum3's `parser.parse` for quantities, one document after the other.

Both are slow (tens of KB/s), so each is time-boxed: it runs on the sample's documents in
order until its time is up, and its throughput is the text it finished divided by the CPU time
it took. Their first call (models and tables loading: seconds) is made before timing starts.
"""

from __future__ import annotations

import datetime as dt
import time
import warnings
from collections.abc import Callable


def _search_dates() -> Callable[[str], int]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": dt.datetime(2025, 3, 14)}

    def run(text: str) -> int:
        return len(search_dates(text, languages=["en"], settings=settings) or [])

    return run


def _quantulum() -> Callable[[str], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed": the plain parser is the baseline
        from quantulum3 import parser

    def run(text: str) -> int:
        return len(parser.parse(text))

    return run


BASELINE_STAGES: dict[str, Callable[[], Callable[[str], int]]] = {
    "dateparser.search_dates": _search_dates,
    "quantulum3.parse": _quantulum,
}


def time_boxed(fn: Callable[[str], int], docs: list[str], seconds: float) -> tuple[float, float, int, int]:
    """(MB done, CPU seconds, documents done, mentions found) within about `seconds` of CPU time."""
    fn("Warm-up: on 13 March 2025 the 1,000 km front was 30 km long.")
    done_bytes = found = n = 0
    cpu = 0.0
    for text in docs:
        t = time.process_time()
        found += fn(text)
        cpu += time.process_time() - t
        done_bytes += len(text.encode("utf-8"))
        n += 1
        if cpu >= seconds:
            break
    return done_bytes / 1e6, cpu, n, found


def baseline_rates(docs: list[str], seconds: float) -> dict[str, tuple[float, float, int, int]]:
    """Per stage: (MB/s, MB measured, documents, mentions); None when the library is missing."""
    out = {}
    for name, make in BASELINE_STAGES.items():
        try:
            fn = make()
        except ImportError:
            continue
        mb, cpu, n, found = time_boxed(fn, docs, seconds)
        out[name] = (mb / cpu if cpu else float("inf"), mb, n, found)
    return out
