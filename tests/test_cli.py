"""The command line: exit codes, outputs and error messages."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_check_seeds_exits_1_and_writes_the_report(tmp_path):
    out = tmp_path / "seeds.md"
    result = run("check", "seeds", "--report", str(out), "--no-color")
    assert result.exit_code == 1, result.output
    text = out.read_text()
    assert text.startswith("# Fact check: seeds")
    assert text.index("## Contradictions") < text.index("## Agreements") < text.index("## Appendix")
    assert "002_e4c44d0d936d87cd.txt:10" in text


def test_fail_on_never_exits_0(tmp_path):
    result = run("check", "seeds", "--no-report", "--fail-on", "never")
    assert result.exit_code == 0


def test_json_output_follows_the_contract():
    result = run("check", "seeds", "--no-report", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) >= {"sources", "findings", "summary"}
    assert {"id", "path", "reference_date", "reference_date_from"} <= set(data["sources"][0])
    finding = data["findings"][0]
    assert {"rule", "verdict", "severity", "title", "message", "facts"} <= set(finding)
    assert finding["verdict"] == "contradict"
    assert data["summary"]["contradictions"] >= 1


def test_extract_jsonl_spans_are_exact():
    result = run("extract", "seeds", "--format", "jsonl")
    assert result.exit_code == 0
    texts = {}
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert lines
    kinds = {x["kind"] for x in lines}
    assert {"date", "duration", "quantity", "quote"} <= kinds
    for fact in lines:
        src = fact["source"]
        if src not in texts:
            texts[src] = open(src, encoding="utf-8").read()
        assert texts[src][fact["start"]:fact["end"]] == fact["text"]
        assert texts[src].count("\n", 0, fact["start"]) + 1 == fact["line"]


def test_missing_source_is_exit_2_with_the_path(tmp_path):
    result = run("check", str(tmp_path / "nope"), "--no-report")
    assert result.exit_code == 2
    assert "nope: no such file or folder" in result.output


def test_bad_rule_file_is_exit_2_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - id: x\n    check: same_date\n    tolerence: 1\n")
    report = tmp_path / "r.md"
    result = run("check", "seeds", "--rules", str(bad), "--report", str(report))
    assert result.exit_code == 2
    assert f"{bad}:4: unknown key" in result.output
    assert not report.exists()  # nothing half-written


def test_unknown_format_is_a_usage_error():
    result = run("check", "seeds", "--format", "pdf")
    assert result.exit_code == 2


def test_rules_validate_lists_rules():
    result = run("rules", "validate", "rules")
    assert result.exit_code == 0
    assert "rules OK" in result.output
