#!/usr/bin/env python3
"""Regenerate `factcheck/extract/units_si.py`, the SI factors of every unit in the lexicon, with
pint. Run it after changing the unit lexicon (factcheck/extract/units.py); a test fails while
the table and pint differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract.units import si_table_text  # noqa: E402
from factcheck.fsutil import write_atomic  # noqa: E402

if __name__ == "__main__":
    table = ROOT / "factcheck" / "extract" / "units_si.py"
    write_atomic(table, si_table_text())
    print(f"wrote {table.relative_to(ROOT)}")
