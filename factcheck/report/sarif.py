"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

Input: a Report. Output: one SARIF run as JSON text: the rules that ran (with help text) in
tool.driver.rules, one result per contradiction with a location at each evidence span (line, column,
snippet), and `partialFingerprints` from the finding's fingerprint (rule + facts' sources, kinds and
values), so an alert follows the contradiction, not a line number. Deterministic: no timestamps.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.describe import describe_value, event_label
from factcheck.models import Fact, Finding, Report, RuleInfo, Severity, Source, Verdict
from factcheck.report.common import source_index, span_at, span_of

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factFingerprint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: Report) -> dict[str, Any]:
    sources = source_index(report)
    rules = _rules(report)
    rule_index = {r["id"]: n for n, r in enumerate(rules)}
    artifacts = [_artifact(s) for s in report.sources]
    artifact_index = {s.id: n for n, s in enumerate(report.sources)}
    results = [_result(f, sources, rule_index, artifact_index, report.baseline is not None)
               for f in report.findings if f.verdict is Verdict.CONTRADICT]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "factcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "fullName": f"factcheck {__version__}",
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",  # columns count code points, as Python offsets do
        "artifacts": artifacts,
        "results": results,
        "invocations": [{"executionSuccessful": True}],
        "properties": {"report": report.name, "summary": report.summary.model_dump()},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def _rules(report: Report) -> list[dict[str, Any]]:
    infos = list(report.rules)
    known = {r.id for r in infos}
    for f in report.findings:  # a report built without rule metadata still names its rules
        if f.rule not in known:
            infos.append(RuleInfo(id=f.rule, title=f.title, check="", severity=f.severity))
            known.add(f.rule)
    return [_rule(r) for r in infos]


def _rule(info: RuleInfo) -> dict[str, Any]:
    what = info.description or info.check_help or info.title
    where = f" Defined in {info.path}:{info.line}." if info.path and info.line else ""
    help_text = (f"{info.title}. {what} A contradiction means sources that report the same fact give "
                 f"incompatible values: check each source's wording at the locations shown, and correct the "
                 f"source that is wrong (or record the contradiction in a baseline file).{where}")
    help_md = (f"**{info.title}** (check `{info.check}`)\n\n{what}\n\n"
               "A contradiction means sources that report the same fact give incompatible values. Check each "
               "source's wording at the locations shown and correct the one that is wrong, or accept it with "
               "`factcheck baseline create`." + (f"\n\nDefined in `{info.path}:{info.line}`." if where else ""))
    rule: dict[str, Any] = {
        "id": info.id,
        "name": info.title,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": what},
        "help": {"text": help_text, "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[info.severity]},
        "properties": {"tags": ["factcheck"] + ([info.check] if info.check else []), "check": info.check},
    }
    return rule


def _artifact(source: Source) -> dict[str, Any]:
    return {"location": _artifact_location(source.path), "encoding": source.encoding or "utf-8"}


def _artifact_location(path: str) -> dict[str, Any]:
    """A relative URI against %SRCROOT% (the checkout GitHub resolves it in), else a file: URI."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return {"uri": p.as_uri()}
    rel = Path(os.path.normpath(p)).as_posix()
    if rel.startswith("../"):
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}


def _result(finding: Finding, sources: dict[str, Source], rule_index: dict[str, int],
            artifact_index: dict[str, int], with_baseline: bool) -> dict[str, Any]:
    fingerprint = finding.fingerprint()
    locations = [_location(n, fact, sources.get(fact.source_id), artifact_index)
                 for n, fact in enumerate(finding.facts)]
    values = {}
    for fact in finding.facts:
        values.setdefault(fact.source_id, [])
        if describe_value(fact) not in values[fact.source_id]:
            values[fact.source_id].append(describe_value(fact))
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "kind": "fail",
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.title}: {finding.message}"},
        "locations": locations,
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "fingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"subject": event_label(finding.facts), "internal": finding.internal,
                       "values": dict(sorted(values.items()))},
    }
    if with_baseline:
        result["baselineState"] = "new"  # baselined contradictions are left out of the log
    return result


def _location(n: int, fact: Fact, source: Source | None, artifact_index: dict[str, int]) -> dict[str, Any]:
    span = span_of(fact, source)
    artifact = dict(_artifact_location(fact.source))
    if fact.source_id in artifact_index:
        artifact["index"] = artifact_index[fact.source_id]
    region: dict[str, Any] = {"startLine": span.line, "startColumn": span.column,
                              "endLine": span.end_line, "endColumn": span.end_column,
                              "snippet": {"text": fact.text}}
    physical: dict[str, Any] = {"artifactLocation": artifact, "region": region}
    context = _context_region(fact, source)
    if context:
        physical["contextRegion"] = context
    return {"id": n, "physicalLocation": physical,
            "message": {"text": f"{fact.source_id} gives {describe_value(fact)} (“{fact.text}”)"}}


def _context_region(fact: Fact, source: Source | None) -> dict[str, Any] | None:
    """The whole sentence around the span, when it can be found in the source text."""
    sentence = fact.context.sentence
    start = fact.context.sentence_start
    if source is None or not sentence or source.text[start:start + len(sentence)] != sentence:
        return None
    if not (start <= fact.start and fact.end <= start + len(sentence)):
        return None
    span = span_at(source.text, start, start + len(sentence))
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line,
            "endColumn": span.end_column, "snippet": {"text": sentence}}
