"""SARIF output: valid against the official 2.1.0 schema, one result per contradiction, regions at the
evidence spans, fingerprints that follow the facts rather than the lines."""

from __future__ import annotations

import json

import jsonschema
import pytest

from factcheck.models import Verdict
from factcheck.pipeline import CheckOptions, check
from factcheck.report.sarif import FINGERPRINT_KEY, render_sarif
from tests.report.conftest import ROOT
from tests.report.corpus import write_corpus

SCHEMA = json.loads((ROOT / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text())


def _run(report) -> dict:
    return json.loads(render_sarif(report))["runs"][0]


def test_validates_against_the_official_schema(seeds_report):
    log = json.loads(render_sarif(seeds_report))
    jsonschema.validate(log, SCHEMA)
    assert log["version"] == "2.1.0"


def test_schema_check_can_fail(seeds_report):
    log = json.loads(render_sarif(seeds_report))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)


def test_one_result_per_contradiction_with_its_fingerprint(seeds_report):
    run = _run(seeds_report)
    contradictions = [f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT]
    assert len(run["results"]) == len(contradictions) >= 1
    for result, finding in zip(run["results"], contradictions):
        assert result["ruleId"] == finding.rule
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["partialFingerprints"][FINGERPRINT_KEY] == finding.fingerprint()
        assert len(result["locations"]) == len(finding.facts)


def test_regions_point_at_the_evidence(seeds_report):
    run = _run(seeds_report)
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            lines = (ROOT / phys["artifactLocation"]["uri"]).read_text(encoding="utf-8").split("\n")
            r = phys["region"]
            assert r["startLine"] == r["endLine"]
            assert lines[r["startLine"] - 1][r["startColumn"] - 1:r["endColumn"] - 1] == r["snippet"]["text"]
            assert r["snippet"]["text"] in phys["contextRegion"]["snippet"]["text"]


def test_rules_carry_help_text(seeds_report):
    rules = _run(seeds_report)["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {f.rule for f in seeds_report.findings}
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_fingerprint_survives_lines_moving(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path)
    monkeypatch.chdir(folder)
    before = _run(check(CheckOptions(paths=["sources"], rules=["rules.yaml"])))["results"]
    b = folder / "sources" / "b.txt"
    header, body = b.read_text().split("\n\n", 1)
    b.write_text(header + "\n\nA paragraph added above.\n\nAnother one.\n\n" + body)
    after = _run(check(CheckOptions(paths=["sources"], rules=["rules.yaml"])))["results"]
    assert len(before) == len(after) == 1
    lines = lambda res: sorted(loc["physicalLocation"]["region"]["startLine"] for loc in res[0]["locations"])
    assert lines(before) != lines(after)
    assert before[0]["partialFingerprints"] == after[0]["partialFingerprints"]
