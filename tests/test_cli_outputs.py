"""`factcheck check` outputs and exit codes: every format on stdout and to files, byte-identical reruns,
one exit status per --fail-on threshold, usage errors."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import OutputFormat
from factcheck.report import FORMATTERS
from tests.report.corpus import add_c, write_corpus

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["check", *args], catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A: 1,200 m, B: 1,500 m (an error); with C, A and C disagree on the cost (a warning)."""
    folder = write_corpus(tmp_path / "corpus")
    monkeypatch.chdir(folder)
    return folder


BASE = ("sources", "--rules", "rules.yaml", "--no-config")


def test_every_format_is_registered():
    assert set(FORMATTERS) == {f.value for f in OutputFormat}


@pytest.mark.parametrize("fmt, parse", [
    ("json", json.loads),
    ("sarif", json.loads),
    ("junit", ET.fromstring),
    ("markdown", lambda t: t if t.startswith("# Fact check: sources\n") else None),
    ("github", lambda t: t if all(x.startswith("::error ") for x in t.splitlines()) and t else None),
    ("terminal", lambda t: t if t.startswith("factcheck · sources\n") else None),
])
def test_format_on_stdout(corpus, fmt, parse):
    result = run(*BASE, "--no-report", "--format", fmt)
    assert result.exit_code == 1, result.output
    assert parse(result.stdout) is not None


def test_outputs_are_written_to_files(corpus):
    result = run(*BASE, "--format", "json", "--output", "sarif=out/f.sarif", "-o", "junit=out/f.xml",
                 "--output", "markdown=out/f.md")
    assert result.exit_code == 1
    assert json.loads((corpus / "out" / "f.sarif").read_text())["version"] == "2.1.0"
    assert ET.parse(corpus / "out" / "f.xml").getroot().tag == "testsuites"
    assert (corpus / "out" / "f.md").read_text().startswith("# Fact check")
    assert not (corpus / "reports").exists()  # --output markdown= is the report


def test_same_inputs_give_byte_identical_outputs(corpus):
    names = [f.value for f in OutputFormat]
    for run_dir in ("one", "two"):
        args = [x for n in names for x in ("--output", f"{n}={run_dir}/report.{n}")]
        assert run(*BASE, *args, "--format", "json").exit_code == 1
    for n in names:
        one, two = (corpus / "one" / f"report.{n}").read_bytes(), (corpus / "two" / f"report.{n}").read_bytes()
        assert one == two and one, n


@pytest.mark.parametrize("fail_on, with_error, status", [
    ("error", True, 1),      # an error contradiction fails at the default threshold
    ("error", False, 0),     # a warning alone does not
    ("warning", False, 1),   # ...unless the threshold is warning
    ("warning", True, 1),
    ("never", True, 0),      # never fails
])
def test_exit_status_per_threshold(corpus, fail_on, with_error, status):
    add_c(corpus)  # a warning (cost); the length contradiction is the error
    extra = () if with_error else ("--disable", "bridge-length")
    result = run(*BASE, "--no-report", "--fail-on", fail_on, *extra)
    assert result.exit_code == status, result.output


def test_clean_run_exits_0(corpus):
    result = run(*BASE, "--no-report", "--disable", "bridge-length")
    assert result.exit_code == 0
    assert "No contradictions" in result.stdout


@pytest.mark.parametrize("args, message", [
    (("--output", "sarif"), "NAME=PATH"),
    (("--output", "pdf=x.pdf"), "unknown format 'pdf'"),
    (("--severity", "bridge-length=fatal"), "RULE=error|warning|info"),
    (("--fail-on", "sometimes"), "sometimes"),
    (("--baseline", "missing.yaml"), "missing.yaml: no such baseline file"),
])
def test_usage_errors_exit_2(corpus, args, message):
    result = run(*BASE, "--no-report", *args)
    assert result.exit_code == 2
    assert message in result.output


def test_no_paths_is_a_usage_error(corpus):
    result = run("--no-config", "--no-report")
    assert result.exit_code == 2
    assert "give at least one source" in result.output


def test_progress_bar_stays_off_a_non_tty(corpus):
    result = run(*BASE, "--no-report")
    assert result.stderr == ""


def test_help_documents_exit_codes():
    result = runner.invoke(app, ["check", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())  # rich wraps the help to the terminal's width
    assert "Exit status: 0" in text and "2 bad input or usage" in text
