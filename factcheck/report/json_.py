"""Machine-readable outputs: the check result as JSON, facts as JSON Lines."""

from __future__ import annotations

import json

from factcheck.models import Fact, Report


def render_json(report: Report) -> str:
    return json.dumps(report.contract(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def render_jsonl(facts: list[Fact]) -> str:
    return "".join(json.dumps(f.contract(), ensure_ascii=False) + "\n" for f in facts)
