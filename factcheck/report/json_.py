"""Machine-readable outputs: the check result as JSON (README "Output contracts", schema in
`factcheck/data/report.schema.json`), facts as JSON Lines.

Input: a Report, or facts. Output: JSON text; deterministic (findings sorted, no timestamps).
"""

from __future__ import annotations

import json
from typing import Any

from factcheck import __version__
from factcheck.models import BaselineStatus, Fact, Report


def report_document(report: Report) -> dict[str, Any]:
    """The documented contract, extended with the report name, the tool, the rules run and the baseline."""
    doc = report.contract()
    doc["name"] = report.name
    doc["tool"] = {"name": "factcheck", "version": __version__}
    doc["rules"] = [r.model_dump(mode="json") for r in report.rules]
    doc["baseline"] = _baseline(report.baseline)
    return doc


def _baseline(status: BaselineStatus | None) -> dict[str, Any] | None:
    if status is None:
        return None
    return {
        "path": status.path,
        "baselined": [{"fingerprint": f.fingerprint(), "rule": f.rule, "reason": status.reasons.get(f.fingerprint())}
                      for f in status.findings],
        "stale": [e.model_dump(mode="json") for e in status.stale],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"


def render_jsonl(facts: list[Fact]) -> str:
    return "".join(json.dumps(f.contract(), ensure_ascii=False) + "\n" for f in facts)
