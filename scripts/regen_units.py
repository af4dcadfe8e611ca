#!/usr/bin/env python3
"""Regenerate `factcheck/extract/units_si.py`, the SI factors of every unit in the lexicon, with
pint. Run it after changing the unit lexicon (factcheck/extract/units.py); a test fails while
the table and pint differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "factcheck" / "extract" / "units_si.py"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from factcheck.extract.units import si_table_text
    from factcheck.fsutil import write_atomic

    write_atomic(TABLE, si_table_text())
    print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
