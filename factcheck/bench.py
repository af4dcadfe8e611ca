"""The extractor protocol of the external benchmark suites (`extract --protocol bench`).

Reads JSONL `{"id", "text", "reference_datetime"}` and writes one JSONL line per input,
`{"id", "mentions": [{"text", "start", "end", "kind", "value"}]}`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import IO, Any

from factcheck.extract import resolve_overlaps
from factcheck.extract.dates import extract_dates
from factcheck.extract.durations import extract_durations
from factcheck.extract.mention import Mention
from factcheck.extract.numbers import extract_numbers
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.units import protocol_unit
from factcheck.models import DateRangeValue, DateValue, FactKind, QuantityValue


def serve(stdin: IO[str], stdout: IO[str]) -> int:
    """Answer every request line; a case that fails yields no mentions, never a crash."""
    n = 0
    for line in stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        try:
            mentions = bench_mentions(request["text"], _reference(request.get("reference_datetime")))
        except Exception:  # noqa: BLE001 - one bad case must not stop the benchmark
            mentions = []
        stdout.write(json.dumps({"id": request["id"], "mentions": mentions}, ensure_ascii=False) + "\n")
        n += 1
    stdout.flush()
    return n


def _reference(value: str | None) -> dt.date | None:
    if not value:
        return None
    return dt.datetime.fromisoformat(value).date()


def bench_mentions(text: str, reference: dt.date | None) -> list[dict[str, Any]]:
    figures = resolve_overlaps(
        extract_dates(text, reference) + extract_durations(text) + extract_quantities(text)
    )
    # a number inside a physical quantity is part of it ("29km"); amounts of money and time still count
    taken = [(m.start, m.end) for m in figures if m.kind in (FactKind.QUANTITY, FactKind.PERCENT, FactKind.COUNT)]
    numbers = [n for n in extract_numbers(text) if not any(n.start < e and s < n.end for s, e in taken)]
    out = []
    for m in sorted(figures + numbers, key=lambda m: (m.start, m.end)):
        item = _protocol_item(m)
        if item is not None:
            item.update(text=text[m.start:m.end], start=m.start, end=m.end)
            out.append(item)
    return out


def _protocol_item(m: Mention) -> dict[str, Any] | None:
    v = m.value
    if m.kind is FactKind.DATE and isinstance(v, DateValue):
        if v.date is None:
            return None
        if not v.date[:4].isdigit() or v.date.endswith("s"):
            # a decade ("1990s") has no protocol date: give its years as a range
            if v.start is None or v.end is None:
                return None
            return {"kind": "daterange", "value": {"start": f"{v.start.year:04d}", "end": f"{v.end.year:04d}"}}
        return {"kind": "date", "value": v.date}
    if m.kind is FactKind.DATE_RANGE and isinstance(v, DateRangeValue):
        return {"kind": "daterange", "value": {"start": v.start, "end": v.end}}
    if not isinstance(v, QuantityValue):
        return None
    if m.kind is FactKind.DURATION:
        return {"kind": "duration", "value": {"value": v.value, "unit": v.unit}}
    if m.kind is FactKind.MONEY:
        return {"kind": "money", "value": {"value": v.value, "unit": protocol_unit(v.unit)}}
    if m.kind is FactKind.COUNT:
        return {"kind": "number", "value": v.value}
    item: dict[str, Any] = {"value": v.value, "unit": protocol_unit(v.unit), "dimension": v.dimension}
    if v.high is not None:
        item["range"] = [v.value, v.high]
    return {"kind": "quantity", "value": item}


if __name__ == "__main__":
    import sys

    serve(sys.stdin, sys.stdout)
