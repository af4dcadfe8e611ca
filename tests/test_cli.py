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


def test_extract_tables_say_where_each_reference_date_came_from(tmp_path):
    (tmp_path / "dated.md").write_text("---\ndate: 2025-03-13\n---\nTalks [sic] were held on March 11.\n",
                                       encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    # as the other reports show it: words, and the confidence
    assert "reference date 2025-03-13, front matter (high)" in shown
    # brackets are shown as written, not taken for rich markup
    assert "[boilerplate]" in shown


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


def test_explain_shows_the_chain_of_a_contradiction():
    result = run("explain", "seeds", "--finding", "C1")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "contradict" in out and "zelensky-address-date" in out
    assert "“Thursday night”" in out and "“March 12”" in out
    assert "days: 2025-03-13 .. 2025-03-13" in out
    assert "score" in out and "shared" in out and "same claim yes" in out


def test_explain_unknown_finding_is_exit_2():
    result = run("explain", "seeds", "--finding", "C99")
    assert result.exit_code == 2
    assert "no finding" in result.output


def test_rules_test_command_passes_on_the_shipped_cases():
    result = run("rules", "test", "rules")
    assert result.exit_code == 0, result.output
    assert "0 failed" in result.output


def test_rules_test_reports_a_failing_case(tmp_path):
    folder = tmp_path / "cases" / "event-date"
    folder.mkdir(parents=True)
    (folder / "cases.yaml").write_text(
        "cases:\n  - name: impossible\n    sources:\n      a.txt: 'date 2025-03-14\\nNothing dated here.'\n"
        "    expect:\n      - {verdict: contradict}\n")
    result = run("rules", "test", "rules/default.yaml", "--cases", str(tmp_path / "cases"))
    assert result.exit_code == 1
    assert "FAIL event-date: impossible" in result.output
