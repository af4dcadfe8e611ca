"""GitHub workflow annotations: one per evidence span of each contradiction, escaped."""

from __future__ import annotations

import re

import pytest

from factcheck.models import Verdict
from factcheck.report.github import escape_data, escape_property, render_github
from tests.report.conftest import ROOT

ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


@pytest.mark.parametrize("raw, data, prop", [
    ("plain", "plain", "plain"),
    ("100% sure", "100%25 sure", "100%25 sure"),
    ("two\nlines\r", "two%0Alines%0D", "two%0Alines%0D"),
    ("a: b, c", "a: b, c", "a%3A b%2C c"),
])
def test_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_one_annotation_per_evidence_span(seeds_report):
    lines = render_github(seeds_report).splitlines()
    contradictions = [f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT]
    assert len(lines) == sum(len(f.facts) for f in contradictions) >= 2
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    expected = sorted(levels[f.severity.value] for f in contradictions for _ in f.facts)
    assert sorted(ANNOTATION.match(line).group(1) for line in lines) == expected


def test_annotations_point_at_the_text(seeds_report):
    for line in render_github(seeds_report).splitlines():
        m = ANNOTATION.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        text = (ROOT / props["file"]).read_text(encoding="utf-8").split("\n")[int(props["line"]) - 1]
        span = text[int(props["col"]) - 1:int(props["endColumn"]) - 1]
        assert span and f"“{span}”" in m.group(3)
        assert "\n" not in m.group(3) and "%0A" in m.group(3)
