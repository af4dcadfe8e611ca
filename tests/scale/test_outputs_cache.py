"""The outputs cache: a re-run that would write the same files and print the same text reads
them back, and anything a report shows that changed makes the run compute again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck.cli.check as cli_check
from factcheck.cli import app
from tests.scale.conftest import PACKAGED_RULES, SEEDS

runner = CliRunner()


@pytest.fixture
def story(tmp_path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def runs(monkeypatch) -> list[int]:
    """Count the runs that computed their result (pipeline.run) rather than read it back."""
    counted: list[int] = []
    real = cli_check.run_prepared

    def counting(*args, **kwargs):
        counted.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(cli_check, "run_prepared", counting)
    return counted


def _check(folder: Path, tmp_path: Path, *extra: str):
    args = ["check", str(folder), "--rules", PACKAGED_RULES, "--jobs", "1", "--cache-dir", str(tmp_path / "cache"),
            "--report", str(tmp_path / "report.md"), "--output", f"sarif={tmp_path / 'out.sarif'}", *extra]
    result = runner.invoke(app, args)
    files = {name: (tmp_path / name).read_text(encoding="utf-8") for name in ("report.md", "out.sarif")}
    return result, files


def test_an_unchanged_run_reads_its_outputs_back(story, tmp_path, runs):
    first, first_files = _check(story, tmp_path, "--format", "json")
    assert first.exit_code == 1 and len(runs) == 1
    for name in ("report.md", "out.sarif"):
        (tmp_path / name).unlink()
    again, again_files = _check(story, tmp_path, "--format", "json")
    assert len(runs) == 1  # nothing computed
    assert again.exit_code == 1 and again.stdout == first.stdout and again_files == first_files
    # the same as a run without any cache
    clean = runner.invoke(app, ["check", str(story), "--rules", PACKAGED_RULES, "--jobs", "1", "--no-cache",
                                "--no-report", "--format", "json"])
    assert clean.stdout == first.stdout


def test_other_outputs_asked_for_are_computed(story, tmp_path, runs):
    as_json, _ = _check(story, tmp_path, "--format", "json")
    as_text, _ = _check(story, tmp_path, "--format", "terminal")
    assert len(runs) == 2 and as_text.stdout != as_json.stdout and "contradiction" in as_text.stdout
    never, _ = _check(story, tmp_path, "--format", "terminal", "--fail-on", "never")
    assert len(runs) == 3 and never.exit_code == 0 and as_text.exit_code == 1
    again, _ = _check(story, tmp_path, "--format", "terminal", "--fail-on", "never")
    assert len(runs) == 3 and again.exit_code == 0 and again.stdout == never.stdout


def test_what_only_the_report_shows_of_a_source_is_part_of_the_key(story, tmp_path, runs):
    """An outlet named in the manifest changes no fact and no finding, but the report shows it."""
    _check(story, tmp_path, "--format", "json")
    name = sorted(p.name for p in story.iterdir() if p.suffix in (".txt", ".md"))[0]
    (story / "sources.yaml").write_text(f"sources:\n  {name}: {{outlet: Renamed Gazette}}\n", encoding="utf-8")
    renamed, _ = _check(story, tmp_path, "--format", "json")
    assert len(runs) == 2
    assert "Renamed Gazette" in {s["outlet"] for s in json.loads(renamed.stdout)["sources"]}


def test_a_changed_baseline_is_part_of_the_key(story, tmp_path, runs):
    known = tmp_path / "known.yaml"
    created = runner.invoke(app, ["baseline", "create", str(story), "--rules", PACKAGED_RULES, "--output", str(known)])
    assert created.exit_code == 0, created.output
    quiet, _ = _check(story, tmp_path, "--format", "json", "--baseline", str(known))
    assert quiet.exit_code == 0 and len(runs) == 1
    known.write_text("version: 1\nfindings: []\n", encoding="utf-8")
    loud, _ = _check(story, tmp_path, "--format", "json", "--baseline", str(known))
    assert len(runs) == 2 and loud.exit_code == 1
    known.unlink()  # a baseline that cannot be read is reported, never answered from the cache
    gone, _ = _check(story, tmp_path, "--format", "json", "--baseline", str(known))
    assert gone.exit_code == 2 and "known.yaml" in gone.stderr


def test_a_damaged_entry_is_computed_again(story, tmp_path, runs):
    first, _ = _check(story, tmp_path, "--format", "json")
    with sqlite3.connect(tmp_path / "cache" / "facts.sqlite") as conn:
        assert conn.execute("SELECT COUNT(*) FROM outputs").fetchone()[0] == 1
        conn.execute("UPDATE outputs SET payload = ?", (b"\x78\x01garbage",))
    again, _ = _check(story, tmp_path, "--format", "json")
    assert len(runs) == 2 and again.stdout == first.stdout and again.exit_code == 1
    third, _ = _check(story, tmp_path, "--format", "json")  # stored over the damage
    assert len(runs) == 2 and third.stdout == first.stdout
