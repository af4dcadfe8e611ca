"""JUnit XML: one test case per rule x fact group, failed for contradictions, parsed by a real parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.models import Verdict
from factcheck.report.junit import render_junit


def test_parses_with_one_case_per_finding(seeds_report):
    root = ET.fromstring(render_junit(seeds_report))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(seeds_report.findings) == int(root.get("tests"))
    failures = [c for c in cases if c.find("failure") is not None]
    contradictions = [f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT]
    assert len(failures) == len(contradictions) == int(root.get("failures")) >= 1


def test_failures_carry_severity_message_and_evidence(seeds_report):
    root = ET.fromstring(render_junit(seeds_report))
    for finding in (f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT):
        suite = root.find(f"./testsuite[@name='{finding.rule}']")
        failure = next(c.find("failure") for c in suite.findall("testcase")
                       if c.get("name").endswith(f"[{finding.fingerprint()[:8]}]"))
        assert failure.get("type") == finding.severity.value
        assert failure.get("message") == finding.message
        for fact in finding.facts:
            assert f"{fact.source}:{fact.line}" in failure.text


def test_suite_counts_add_up(seeds_report):
    root = ET.fromstring(render_junit(seeds_report))
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("skipped")) == sum(c.find("skipped") is not None for c in cases)
    assert len({s.get("name") for s in root.findall("testsuite")}) == len(root.findall("testsuite"))
