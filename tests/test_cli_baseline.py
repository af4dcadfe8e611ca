"""Baselines: create one, re-run clean, add a contradicting source and fail on exactly the new
contradiction; stale entries are reported; reasons survive re-creation; bad files are exit 2."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from tests.report.corpus import add_c, write_corpus

runner = CliRunner()
BASE = ("sources", "--rules", "rules.yaml", "--no-config", "--no-report")


def invoke(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path)
    monkeypatch.chdir(folder)
    return folder


def check_json(*args) -> tuple[int, dict]:
    result = invoke("check", *BASE, "--format", "json", *args)
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("name", ["known.yaml", "known.json"])
def test_create_rerun_clean_then_fail_on_exactly_the_new_one(corpus, name):
    code, before = check_json()
    assert code == 1 and before["summary"]["contradictions"] == 1
    created = invoke("baseline", "create", *BASE[:4], "--output", name)
    assert created.exit_code == 0, created.output
    entries = (json.loads if name.endswith(".json") else yaml.safe_load)((corpus / name).read_text())["findings"]
    assert [e["fingerprint"] for e in entries] == [before["findings"][0]["fingerprint"]]
    assert all("line" not in fact for e in entries for fact in e["facts"])  # fingerprints, not lines

    code, clean = check_json("--baseline", name)
    assert code == 0
    assert clean["summary"]["contradictions"] == 0 and clean["summary"]["baselined"] == 1
    assert "1 known contradiction baselined" in invoke("check", *BASE, "--baseline", name).stdout

    add_c(corpus)  # C contradicts A on the cost: a new contradiction, the length one is unchanged
    code, after = check_json("--baseline", name, "--severity", "bridge-cost=error")
    assert code == 1
    new = [f for f in after["findings"] if f["verdict"] == "contradict"]
    assert [f["rule"] for f in new] == ["bridge-cost"]
    assert [b["rule"] for b in after["baseline"]["baselined"]] == ["bridge-length"]
    assert after["baseline"]["stale"] == []


def test_baselined_contradiction_survives_moved_lines(corpus):
    invoke("baseline", "create", *BASE[:4], "-o", "known.yaml")
    b = corpus / "sources" / "b.txt"
    header, body = b.read_text().split("\n\n", 1)
    b.write_text(header + "\n\nNew first paragraph.\n\n" + body)
    code, doc = check_json("--baseline", "known.yaml")
    assert code == 0 and doc["summary"]["baselined"] == 1


def test_stale_entries_are_reported(corpus):
    invoke("baseline", "create", *BASE[:4], "-o", "known.yaml")
    (corpus / "sources" / "b.txt").unlink()  # the length contradiction is gone
    code, doc = check_json("--baseline", "known.yaml")
    assert code == 0
    assert [e["rule"] for e in doc["baseline"]["stale"]] == ["bridge-length"]
    assert "1 stale baseline entry" in invoke("check", *BASE, "--baseline", "known.yaml").stdout


def test_reasons_are_kept_when_the_baseline_is_recreated(corpus):
    invoke("baseline", "create", *BASE[:4], "-o", "known.yaml")
    data = yaml.safe_load((corpus / "known.yaml").read_text())
    data["findings"][0]["reason"] = "B rounds up; confirmed with the city"
    (corpus / "known.yaml").write_text(yaml.safe_dump(data))
    add_c(corpus)
    result = invoke("baseline", "create", *BASE[:4], "-o", "known.yaml")
    assert "1 with reasons kept" in result.stderr
    entries = yaml.safe_load((corpus / "known.yaml").read_text())["findings"]
    assert len(entries) == 2
    assert [e.get("reason") for e in entries if e["rule"] == "bridge-length"] == ["B rounds up; confirmed with the city"]
    _, doc = check_json("--baseline", "known.yaml")
    reasons = {b["rule"]: b["reason"] for b in doc["baseline"]["baselined"]}
    assert reasons == {"bridge-length": "B rounds up; confirmed with the city", "bridge-cost": None}


def test_baseline_file_is_sorted_and_deterministic(corpus):
    add_c(corpus)
    invoke("baseline", "create", *BASE[:4], "-o", "one.yaml")
    invoke("baseline", "create", *BASE[:4], "-o", "two.yaml")
    one = (corpus / "one.yaml").read_bytes()
    assert one == (corpus / "two.yaml").read_bytes()
    prints = [e["fingerprint"] for e in yaml.safe_load(one)["findings"]]
    assert prints == sorted(prints) and len(prints) == 2


@pytest.mark.parametrize("text, where", [
    ("findings:\n  - fingerprint: abc\n    rule: x\n    colour: red\n", "known.yaml:4: findings.0.colour: unknown key"),
    ("findings: [\n", "known.yaml:2: YAML error"),
    ("- just a list\n", "known.yaml:1: a baseline file is a mapping"),
])
def test_bad_baseline_file_is_exit_2_with_file_and_line(corpus, text, where):
    (corpus / "known.yaml").write_text(text)
    result = invoke("check", *BASE, "--baseline", "known.yaml")
    assert result.exit_code == 2
    assert where in result.output, result.output


def test_create_needs_an_output(corpus):
    result = invoke("baseline", "create", *BASE[:4])
    assert result.exit_code == 2 and "--output" in result.output
