"""Configuration: [tool.factcheck] in pyproject.toml or factcheck.toml, found upward; flags win;
unknown keys and bad values are errors with file:line; `factcheck config` says where values come from."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import find_config, key_line, resolve
from tests.report.corpus import write_corpus

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with the corpus, a pyproject.toml configuring it, and a subfolder to run from."""
    write_corpus(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "newsroom"\n\n'
        "[tool.factcheck]\n"
        'paths = ["sources"]\n'
        'rules = ["rules.yaml"]\n'
        'fail-on = "never"\n'
        "no_report = true\n"
        "\n[tool.factcheck.severity]\n"
        'bridge-length = "warning"\n'
    )
    (tmp_path / "work" / "deep").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work" / "deep")
    return tmp_path


def test_found_upward_and_paths_resolved_from_the_file(project):
    assert find_config() == project / "pyproject.toml"
    eff = resolve({})
    assert eff.settings.paths == ["../../sources"]
    assert eff.settings.fail_on.value == "never"
    result = invoke("check")
    assert result.exit_code == 0, result.output  # fail_on = never
    assert "Length of the bridge" in result.stdout and "WARNING" in result.stdout  # severity from the file


def test_flags_win_over_the_file(project):
    assert invoke("check", "--fail-on", "warning").exit_code == 1
    assert invoke("check", "--fail-on", "error").exit_code == 0  # the file made the contradiction a warning
    assert invoke("check", "--fail-on", "error", "--severity", "bridge-length=error").exit_code == 1


def test_factcheck_toml_wins_over_pyproject_in_the_same_folder(project):
    (project / "factcheck.toml").write_text('paths = ["sources"]\nrules = ["rules.yaml"]\nno_report = true\n')
    assert find_config() == project / "factcheck.toml"
    assert invoke("check").exit_code == 1  # default fail_on = error, default severity


def test_pyproject_without_the_table_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(tmp_path)
    assert find_config() is None or find_config().parent != tmp_path


def test_no_config_ignores_the_file(project):
    result = invoke("check", "--no-config")
    assert result.exit_code == 2 and "give at least one source" in result.output


@pytest.mark.parametrize("text, line, message", [
    ('paths = ["s"]\nfail_onn = "never"\n', 2, 'unknown key "fail_onn" (did you mean "fail_on"?'),
    ('\n\nformat = "pdf"\n', 3, "format: invalid value \"pdf\" (expected 'terminal', 'markdown'"),
    ('[severity]\nquote = "fatal"\n', 2, 'severity.quote: invalid value "fatal"'),
    ('[outputs]\nsarif = 3\n', 2, "outputs.sarif: input should be a valid string"),
    ('paths = [\n', 1, "invalid TOML (Invalid value)"),
    ('a = 1\nb = = 2\n', 2, "invalid TOML (Invalid value)"),
])
def test_bad_config_is_exit_2_with_file_and_line(tmp_path, monkeypatch, text, line, message):
    (tmp_path / "factcheck.toml").write_text(text)
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "x")
    assert result.exit_code == 2
    assert f"factcheck.toml:{line}: " in result.output, result.output
    assert message in result.output


def test_config_command_shows_values_and_origins(project):
    result = invoke("config", "--fail-on", "warning", "--output", "sarif=f.sarif")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(x.startswith('fail_on = "warning"') and x.endswith("# command line") for x in lines)
    assert any(x.startswith("no_report = true") and "pyproject.toml:8" in x for x in lines)
    assert any(x.startswith('paths = ["../../sources"]') and "pyproject.toml:5" in x for x in lines)
    assert any(x.startswith('bridge-length = "warning"') and "pyproject.toml:11" in x for x in lines)
    assert any(x.startswith('sarif = "f.sarif"') and x.endswith("# command line") for x in lines)
    assert any(x.startswith('format = "terminal"') and x.endswith("# default") for x in lines)


def test_outputs_from_the_config_are_written(project):
    with open(project / "pyproject.toml", "a") as fh:
        fh.write('\n[tool.factcheck.outputs]\nsarif = "out/factcheck.sarif"\n')
    assert invoke("check").exit_code == 0
    assert (project / "out" / "factcheck.sarif").is_file()  # relative to the config file, not the cwd


@pytest.mark.parametrize("text, table, keys, line", [
    ('[tool.factcheck]\nfail_on = "x"\n', "tool.factcheck", ("fail_on",), 2),
    ('[tool.factcheck]\nseverity = {a = "x"}\n', "tool.factcheck", ("severity", "a"), 2),
    ('[tool.factcheck.severity]\n\na = "x"\n', "tool.factcheck", ("severity", "a"), 3),
    ('[tool.other]\nfail_on = 1\n[tool.factcheck]\n"fail-on" = 1\n', "tool.factcheck", ("fail_on",), 4),
    ("[tool.factcheck]\n", "tool.factcheck", ("fail_on",), None),
])
def test_key_lines(text, table, keys, line):
    assert key_line(text, table, keys) == line
