#!/usr/bin/env python3
"""Regenerate `factcheck/data/report.schema.json`, the JSON Schema of `factcheck check --format json`,
from the pydantic models in `factcheck/report/schema.py`. A test fails while the two differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from factcheck.fsutil import write_atomic
    from factcheck.report.schema import SCHEMA_PATH, schema_text

    write_atomic(SCHEMA_PATH, schema_text())
    print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
