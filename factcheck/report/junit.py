"""JUnit XML output, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

Input: a Report. Output: XML text: one test suite per rule that ran, one test case per rule x fact
group (a finding): failed for a contradiction, skipped when unclear or baselined, passed otherwise.
Deterministic: no timestamps, no host name, no timings.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

import regex

from factcheck.describe import describe_value, event_label
from factcheck.models import Finding, Report, Verdict
from factcheck.report.common import evidence_snippet

# XML 1.0 cannot carry most control characters, even escaped
_XML_INVALID = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(report: Report) -> str:
    root = ET.Element("testsuites", name=f"factcheck: {_clean(report.name)}")
    by_rule: dict[str, list[tuple[Finding, str | None]]] = defaultdict(list)
    for f in report.findings:
        by_rule[f.rule].append((f, None))
    if report.baseline:
        for f in report.baseline.findings:
            by_rule[f.rule].append((f, report.baseline.reasons.get(f.fingerprint(), "")))
    order = [r.id for r in report.rules] + sorted(set(by_rule) - {r.id for r in report.rules})
    infos = {r.id: r for r in report.rules}
    totals = defaultdict(int)
    for rule_id in order:
        cases = by_rule.get(rule_id, [])
        suite = ET.SubElement(root, "testsuite", name=rule_id)
        counts = defaultdict(int)
        info = infos.get(rule_id)
        if info is not None:
            props = ET.SubElement(suite, "properties")
            for key, value in (("title", info.title), ("check", info.check), ("severity", info.severity.value)):
                ET.SubElement(props, "property", name=key, value=_clean(value))
        keyed = sorted(((f.sort_key(), f, baselined) for f, baselined in cases), key=lambda c: c[0])
        for key, finding, baselined in keyed:  # the sort key ends with the fingerprint: hashed once
            counts[_testcase(suite, finding, baselined, key[-1])] += 1
        counts["tests"] = len(cases)
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
            totals[key] += counts[key]
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _testcase(suite: ET.Element, finding: Finding, baselined: str | None, fingerprint: str) -> str:
    """Adds the test case; returns what it counts as: failures, skipped or passed."""
    label = event_label(finding.facts) or finding.subject or finding.title
    case = ET.SubElement(suite, "testcase", classname=f"factcheck.{finding.rule}",
                         name=_clean(f"{label} [{fingerprint[:8]}]"))
    if finding.facts:
        first = min(finding.facts, key=lambda x: (x.source, x.start))
        case.set("file", first.source)
        case.set("line", str(first.line))
    if baselined is not None:
        ET.SubElement(case, "skipped", message=_clean(f"baselined: {baselined}" if baselined else "baselined"))
        return "skipped"
    if finding.verdict is Verdict.CONTRADICT:
        failure = ET.SubElement(case, "failure", type=finding.severity.value, message=_clean(finding.message))
        failure.text = _clean(_details(finding))
        return "failures"
    if finding.verdict is Verdict.UNCLEAR:
        ET.SubElement(case, "skipped", message=_clean(finding.message))
        return "skipped"
    out = ET.SubElement(case, "system-out")
    out.text = _clean(_details(finding))
    return "passed"


def _details(finding: Finding) -> str:
    lines = [f"{finding.title} [{finding.rule}, {finding.severity.value}]", finding.message, ""]
    for fact in finding.facts:
        before, span, after = evidence_snippet(fact)
        lines.append(f"{fact.source}:{fact.line}: {describe_value(fact)}")
        lines.append(f"    {before}«{span}»{after}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)
