"""GitHub Actions workflow annotations: `::error file=…,line=…,col=…,title=…::message`.

Input: a Report. Output: one annotation per evidence span of each contradiction (so every source
involved is marked in the pull request), `error` / `warning` / `notice` by severity, escaped as the
workflow-command syntax requires (%, CR, LF in the message; also : and , in properties).
"""

from __future__ import annotations

from factcheck.describe import describe_value, event_label
from factcheck.models import Fact, Finding, Report, Severity
from factcheck.report.common import contradictions, source_index, span_of

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    sources = source_index(report)
    lines = []
    for finding in contradictions(report):
        title = f"{finding.title}: {event_label(finding.facts)} [{finding.rule}]"  # once: the label is costly
        for fact in finding.facts:
            lines.append(_annotation(finding, fact, sources, title))
    return "".join(line + "\n" for line in lines)


def _annotation(finding: Finding, fact: Fact, sources, title: str) -> str:
    span = span_of(fact, sources.get(fact.source_id))
    props = [("file", fact.source), ("line", str(span.line)), ("col", str(span.column))]
    if span.end_line == span.line:
        props += [("endLine", str(span.end_line)), ("endColumn", str(span.end_column))]
    props.append(("title", title))
    others = "; ".join(f"{o.source_id}:{o.line} gives {describe_value(o)}"
                       for o in finding.facts if o is not fact)
    message = f"This source gives {describe_value(fact)} (“{fact.text}”)"
    message += f"; {others}." if others else "."
    message += f"\n{finding.message}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(message)}"
