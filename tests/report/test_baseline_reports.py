"""Every format under a baseline: accepted contradictions leave the failures but stay visible."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from factcheck.baseline import BaselineFile, apply_baseline, create_baseline
from factcheck.models import Verdict
from factcheck.pipeline import CheckOptions, check
from factcheck.report.github import render_github
from factcheck.report.junit import render_junit
from factcheck.report.markdown import render_markdown
from factcheck.report.sarif import render_sarif
from tests.report.conftest import ROOT
from tests.report.corpus import add_c, write_corpus

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text())


@pytest.fixture
def reports(tmp_path, monkeypatch):
    """(report with a baseline of the A-B contradiction, after C added a new one)."""
    folder = write_corpus(tmp_path)
    monkeypatch.chdir(folder)
    options = CheckOptions(paths=["sources"], rules=["rules.yaml"])
    baseline = create_baseline(check(options))
    add_c(folder)
    baseline.findings[0].reason = "known"
    return apply_baseline(check(options), BaselineFile.model_validate(baseline.model_dump()), "known.yaml")


def test_counts_move_to_baselined(reports):
    assert reports.summary.contradictions == 1 and reports.summary.baselined == 1
    assert [f.rule for f in reports.baseline.findings] == ["bridge-length"]
    assert [f.rule for f in reports.findings if f.verdict is Verdict.CONTRADICT] == ["bridge-cost"]


def test_sarif_has_only_the_new_result(reports):
    log = json.loads(render_sarif(reports))
    jsonschema.validate(log, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["baselineState"]) for r in results] == [("bridge-cost", "new")]


def test_junit_skips_the_baselined_case(reports):
    root = ET.fromstring(render_junit(reports))
    suite = root.find("./testsuite[@name='bridge-length']")
    assert suite.get("skipped") == "1" and suite.get("failures") == "0"
    assert suite.find("./testcase/skipped").get("message") == "baselined: known"
    assert root.get("failures") == "1"


def test_markdown_lists_known_contradictions_with_reasons(reports):
    md = render_markdown(reports)
    assert "1 new contradiction" in md.splitlines()[2] and "1 known contradiction baselined" in md.splitlines()[2]
    known = md[md.index("## Known contradictions"):]
    assert "`bridge-length`" in known and "| known |" in known


def test_github_annotates_only_new_contradictions(reports):
    lines = render_github(reports).splitlines()
    assert lines and all("[bridge-cost]" in line for line in lines)
