"""Baselines: known contradictions recorded by fingerprint, so CI fails only on new ones.

Input: a Report (to create a baseline) or a baseline file and a Report (to apply one). Output: the
baseline file's text (YAML, or JSON for a `.json` name; sorted, no timestamps), or the Report with the
accepted contradictions moved out of `findings` into `report.baseline`, and stale entries listed.

An entry matches a contradiction by fingerprint (rule + the facts' sources, kinds and normalized values;
never line numbers, so edits elsewhere in a file do not unbaseline it). A contradiction whose facts are
all among one entry's facts (a source dropped out, the rest still disagree) matches that entry too;
a new source or a new value makes a new contradiction.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.describe import describe_value, event_label
from factcheck.errors import ConfigError
from factcheck.models import (
    BaselineEntry,
    BaselineFact,
    BaselineStatus,
    Fact,
    Finding,
    Report,
    Verdict,
)

BASELINE_VERSION = 1
HEADER = ("# factcheck baseline: contradictions known and accepted; `factcheck check --baseline FILE`\n"
          "# reports only the others. Matched by fingerprint (rule + facts' sources, kinds and values),\n"
          "# not by line. Add a `reason:` to any entry; `factcheck baseline create` keeps reasons.\n")


class BaselineFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = Field(BASELINE_VERSION, ge=1, le=BASELINE_VERSION)
    findings: list[BaselineEntry] = Field(default_factory=list)


def fact_signature(fact: Fact) -> str:
    """Source, kind and normalized value of one fact (the pieces of Finding.fingerprint), hashed."""
    payload = f"{fact.source_id}|{fact.kind}|{fact.value.contract()}"
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]


def entry_for(finding: Finding, reason: str | None = None) -> BaselineEntry:
    facts = sorted({fact_signature(f): f for f in finding.facts}.items())
    return BaselineEntry(
        fingerprint=finding.fingerprint(),
        rule=finding.rule,
        title=finding.title,
        subject=event_label(finding.facts),
        facts=[BaselineFact(source=f.source_id, kind=f.kind, value=describe_value(f), text=f.text, signature=sig)
               for sig, f in facts],
        reason=reason,
    )


def create_baseline(report: Report, previous: BaselineFile | None = None) -> BaselineFile:
    """Every contradiction of the report (any severity), sorted; reasons kept from `previous`."""
    reasons = {e.fingerprint: e.reason for e in (previous.findings if previous else []) if e.reason}
    found = [f for f in report.findings if f.verdict is Verdict.CONTRADICT]
    if report.baseline:  # a report already filtered by a baseline still knows the accepted ones
        found += report.baseline.findings
    entries = {f.fingerprint(): entry_for(f, reasons.get(f.fingerprint())) for f in found}
    return BaselineFile(findings=[entries[k] for k in sorted(entries)])


def apply_baseline(report: Report, baseline: BaselineFile, path: str) -> Report:
    """The report with baselined contradictions set aside (in `report.baseline`), counts updated."""
    by_fingerprint = {e.fingerprint: e for e in baseline.findings}
    used: set[str] = set()
    kept: list[Finding] = []
    accepted: list[Finding] = []
    reasons: dict[str, str] = {}
    for finding in report.findings:
        entry = None
        if finding.verdict is Verdict.CONTRADICT:
            entry = by_fingerprint.get(finding.fingerprint()) or _covering_entry(finding, baseline.findings)
        if entry is None:
            kept.append(finding)
            continue
        used.add(entry.fingerprint)
        accepted.append(finding)
        if entry.reason:
            reasons[finding.fingerprint()] = entry.reason
    stale = [e for e in baseline.findings if e.fingerprint not in used]
    summary = report.summary.model_copy(update={
        "contradictions": report.summary.contradictions - len(accepted),
        "baselined": len(accepted),
    })
    status = BaselineStatus(path=path, findings=accepted, reasons=reasons, stale=stale)
    return report.model_copy(update={"findings": kept, "summary": summary, "baseline": status})


def _covering_entry(finding: Finding, entries: list[BaselineEntry]) -> BaselineEntry | None:
    signatures = {fact_signature(f) for f in finding.facts}
    for entry in entries:
        known = {x.signature for x in entry.facts}
        if entry.rule == finding.rule and known and signatures <= known:
            return entry
    return None


# ---------------------------------------------------------------- files


def baseline_format(path: str | Path) -> str:
    return "json" if str(path).lower().endswith(".json") else "yaml"


def render_baseline(baseline: BaselineFile, fmt: str = "yaml") -> str:
    data = baseline.model_dump(mode="json", exclude_none=True)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def load_baseline(path: str | Path) -> BaselineFile:
    """Read and validate a baseline file; errors name the file and, where known, the line."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("no such baseline file (create one with `factcheck baseline create`)", path=shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read baseline file ({exc})", path=shown) from exc
    if baseline_format(path) == "json":
        root = None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"invalid JSON ({exc.msg})", path=shown, line=exc.lineno) from exc
    else:
        root, data = _parse_yaml(text, shown)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("a baseline file is a mapping with a `findings:` list", path=shown, line=1)
    try:
        return BaselineFile.model_validate(data)
    except ValidationError as exc:
        err = min(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        loc = tuple(err["loc"])
        where = ".".join(str(x) for x in loc)
        what = f'unknown key "{loc[-1]}"' if err["type"] == "extra_forbidden" else err["msg"].lower()
        raise ConfigError(f"{where}: {what} (expected entries with fingerprint, rule, facts, reason)",
                          path=shown, line=_yaml_line(root, loc)) from exc


def _parse_yaml(text: str, shown: str) -> tuple[yaml.Node | None, Any]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ConfigError(f"YAML error: {exc.problem or exc.context or 'invalid YAML'}", path=shown,
                          line=mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"YAML error: {exc}", path=shown) from exc
    return root, data


def _yaml_line(root: yaml.Node | None, loc: tuple) -> int | None:
    """Line of the deepest node along `loc` (mapping keys and list indexes)."""
    node, line = root, None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)),
                         None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
