#!/usr/bin/env python3
"""Regenerate the golden Markdown report `reports/seeds.md` from `seeds/` with the rules in `rules/`.

Run from anywhere: `python scripts/regen_report.py` (or `--out DIR` to write DIR/seeds.md instead;
the test suite does that and compares). The file is generated, never edited by hand.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "seeds"


def render() -> str:
    """The report text, computed from the working directory (which must be the repository root, so the
    report shows the same relative paths as `factcheck check seeds/` run there)."""
    from factcheck.pipeline import CheckOptions, check
    from factcheck.report.markdown import render_markdown

    return render_markdown(check(CheckOptions(paths=[NAME], name=NAME)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="folder to write seeds.md to")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from factcheck.fsutil import write_atomic

    write_atomic(out / f"{NAME}.md", render())
    print(f"wrote {out / f'{NAME}.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
