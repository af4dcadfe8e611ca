"""The fact cache: a warm run extracts nothing, a change extracts again, damage is repaired."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import app
from factcheck.pipeline import CheckOptions, check
from factcheck.report import FORMATTERS
from factcheck.runner import RunSettings, extract_sources, work
from factcheck.runner.cache import FactCache
from factcheck.sources import corpus_anchor, load_sources
from tests.scale.conftest import PACKAGED_RULES, ROOT, SEEDS


@pytest.fixture
def calls(monkeypatch) -> list[int]:
    """Count the extractor's calls (in this process: jobs=1)."""
    counted: list[int] = []
    real = work.extract_facts

    def counting(source):
        counted.append(1)
        return real(source)

    monkeypatch.setattr(work, "extract_facts", counting)
    return counted


def _run(paths, cache_dir, **kw):
    return extract_sources(load_sources(paths), RunSettings(jobs=1, cache_dir=str(cache_dir)), **kw)


def test_warm_run_extracts_nothing(tmp_path, corpus, calls):
    cold = _run([str(corpus)], tmp_path)
    assert len(calls) == cold.stats.sources == cold.stats.extracted == 30
    calls.clear()
    warm = _run([str(corpus)], tmp_path)
    assert calls == [] and warm.stats.cached == 30 and warm.stats.extracted == 0
    assert [f.model_dump() for f in warm.facts] == [f.model_dump() for f in cold.facts]


def test_only_changed_sources_are_extracted_again(tmp_path, calls):
    folder = tmp_path / "src"
    shutil.copytree(SEEDS, folder)
    _run([str(folder)], tmp_path / "cache")
    target = sorted(folder.glob("*.txt"))[2]
    target.write_text(target.read_text(encoding="utf-8") + "\nOn Friday, 40 villages were retaken.\n",
                      encoding="utf-8")
    renamed = sorted(folder.glob("*.txt"))[0]
    renamed.rename(folder / "zz_renamed.txt")  # same text under another name: still cached
    calls.clear()
    again = _run([str(folder)], tmp_path / "cache")
    assert len(calls) == 1 and again.stats.cached == 4
    moved = [f for f in again.facts if f.source_id == "zz_renamed.txt"]
    assert moved and all(f.source == str(folder / "zz_renamed.txt") for f in moved)


def test_reference_date_and_extractor_version_are_part_of_the_key(tmp_path, calls, monkeypatch):
    sources = load_sources([SEEDS])
    settings = RunSettings(jobs=1, cache_dir=str(tmp_path))
    extract_sources(sources, settings)
    sources[0].reference_date = (sources[0].reference_date or dt.date(2025, 1, 1)) + dt.timedelta(days=1)
    calls.clear()
    extract_sources(sources, settings)
    assert len(calls) == 1  # "on Thursday" may now be another day
    monkeypatch.setattr(work, "extractor_key", lambda: "0.0.0+other-code")
    calls.clear()
    extract_sources(sources, settings)
    assert len(calls) == 5
    with sqlite3.connect(tmp_path / "facts.sqlite") as conn:  # the other version's entries are gone
        assert {row[0] for row in conn.execute("SELECT extractor FROM facts")} == {"0.0.0+other-code"}


def test_garbage_cache_file_is_rebuilt_and_said_on_stderr(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "facts.sqlite").write_bytes(b"this is not a database\x00" * 500)
    runner = CliRunner()
    args = ["check", SEEDS, "--no-report", "--format", "json", "--jobs", "1", "--cache-dir", str(cache)]
    first = runner.invoke(app, args)
    assert first.exit_code == 1, first.output
    assert "damaged" in first.stderr and "rebuilt" in first.stderr and "facts.sqlite" in first.stderr
    second = runner.invoke(app, args)
    assert second.exit_code == 1 and "damaged" not in second.stderr
    assert second.stdout == first.stdout
    clean = runner.invoke(app, ["check", SEEDS, "--no-report", "--format", "json", "--no-cache"])
    assert clean.stdout == first.stdout


def test_damaged_pages_and_entries_are_extracted_again(tmp_path, calls):
    _run([SEEDS], tmp_path)
    with sqlite3.connect(tmp_path / "facts.sqlite") as conn:
        conn.execute("UPDATE facts SET payload = ? WHERE rowid = 1", (b"\x78\x01garbage",))
        conn.execute("UPDATE facts SET payload = ? WHERE rowid = 2",
                     (__import__("zlib").compress(b'[{"kind": "nonsense"}]'),))
    calls.clear()
    again = _run([SEEDS], tmp_path)
    assert len(calls) == 2 and again.stats.cached == 3
    # a file cut short, as a crash in the middle of a copy would leave it
    data = (tmp_path / "facts.sqlite").read_bytes()
    (tmp_path / "facts.sqlite").write_bytes(data[: len(data) // 3] + b"\xff" * 4096)
    notes: list[str] = []
    calls.clear()
    third = _run([SEEDS], tmp_path, on_note=notes.append)
    assert [f.model_dump() for f in third.facts] == [f.model_dump() for f in again.facts]
    assert len(calls) + third.stats.cached == 5
    if len(calls):  # SQLite noticed the damage (it may not, if only unread pages were cut)
        assert all("fact cache" in n for n in notes)


def test_unusable_cache_folder_is_a_warning_not_a_failure(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    notes: list[str] = []
    result = _run([SEEDS], blocker, on_note=notes.append)
    assert result.stats.extracted == 5 and len(notes) == 1 and "running without it" in notes[0]


def test_cache_rows_are_written_once_per_batch(tmp_path):
    with FactCache(tmp_path, "v1") as cache:
        cache.put_many([(f"k{i}", f"[{i}]") for i in range(1200)])
        found = cache.get_many([f"k{i}" for i in range(0, 1200, 7)] + ["missing"])
    assert len(found) == len(range(0, 1200, 7)) and found["k7"] == "[7]" and "missing" not in found


def test_runs_opening_a_new_cache_at_once_all_use_it(tmp_path):
    # SQLite skips the busy handler when a new file is switched to WAL: without a retry, one of
    # several runs that create the cache together got "database is locked" and ran uncached
    notes: list[str] = []
    for round_ in range(150):
        folder = tmp_path / str(round_)
        barrier = threading.Barrier(4)

        def run(folder=folder, barrier=barrier) -> None:
            barrier.wait()
            with FactCache(folder, "v1", on_note=notes.append) as cache:
                cache.put_many([("k", "[]")])

        threads = [threading.Thread(target=run) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert notes == []


_CONCURRENT = """
import sys
from factcheck.cli import main
sys.argv = ["factcheck", "check", *sys.argv[1:]]
main()
"""


def test_two_concurrent_runs_share_one_cache(tmp_path):
    cache = tmp_path / "cache"
    args = [SEEDS, "--no-report", "--format", "json", "--jobs", "1", "--cache-dir", str(cache)]
    procs = [subprocess.Popen([sys.executable, "-c", _CONCURRENT, *args], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [1, 1], [err for _, err in results]
    assert results[0][0] == results[1][0]
    assert all("fact cache" not in err for _, err in results)  # no lock error, no rebuild
    with sqlite3.connect(cache / "facts.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM facts").fetchone()[0] == 5
    assert Path(cache / "facts.sqlite").stat().st_size > 0


def test_findings_are_cached_for_the_same_facts_and_rules(tmp_path, monkeypatch):
    folder = tmp_path / "src"
    shutil.copytree(SEEDS, folder)
    calls: list[int] = []
    real = pipeline.apply_rules

    def counting(rules, facts, progress=None):
        calls.append(1)
        return real(rules, facts, progress)

    monkeypatch.setattr(pipeline, "apply_rules", counting)

    def run(**kw):
        return check(CheckOptions(paths=[str(folder)], rules=[PACKAGED_RULES], keep_text=False,
                                  run=RunSettings(jobs=1, cache_dir=str(tmp_path / "cache")), **kw))

    cold = run()
    warm = run()
    assert len(calls) == 1  # the warm run skipped alignment and rules
    for name, render in FORMATTERS.items():
        assert render(warm) == render(cold), name
    run(severity={"event-date": "warning"})  # another rule set: computed
    run(disable=["quote"])
    assert len(calls) == 3
    target = sorted(folder.glob("*.txt"))[1]
    target.write_text(target.read_text(encoding="utf-8") + "\nOn Friday, 40 villages were retaken.\n",
                      encoding="utf-8")
    run()  # one source changed: computed
    assert len(calls) == 4
    run()
    assert len(calls) == 4


def test_the_extractor_key_hashes_code_that_exists():
    """A renamed module left in the list would be hashed as "unreadable": edits to it would no
    longer invalidate cached facts."""
    for name in work._EXTRACTION_CODE:
        path = work._PACKAGE / name
        assert path.exists(), name
        assert path.is_file() or any(path.rglob("*.py")), name


def _dated(sources):
    return [(s.id, s.reference_date, s.reference_date_from, s.reference_date_confidence, s.reference_date_note,
             s.notes) for s in sources]


def test_extraction_jobs_date_undated_sources_as_loading_does_and_cache_it(tmp_path, monkeypatch):
    loaded = load_sources([SEEDS])  # inference while loading
    inferred = [s for s in loaded if s.reference_date_from.value == "inferred"]
    assert inferred, "the seeds have an undated source"
    counted: list[int] = []
    real = work.infer_reference_date
    monkeypatch.setattr(work, "infer_reference_date", lambda *a: counted.append(1) or real(*a))
    settings = RunSettings(jobs=1, cache_dir=str(tmp_path))
    runs = []
    for _ in range(2):
        sources = load_sources([SEEDS], infer_dates=False)
        assert all(s.reference_date is None for s in sources if s.id in {i.id for i in inferred})
        runs.append(extract_sources(sources, settings, infer_dates=True, anchor=corpus_anchor(sources)))
        assert _dated(sources) == _dated(loaded)
    assert len(counted) == len(inferred)  # the warm run read the inference from the cache
    assert [f.model_dump() for f in runs[1].facts] == [f.model_dump() for f in runs[0].facts]
    plain = extract_sources(load_sources([SEEDS]), RunSettings(jobs=1))
    assert [f.model_dump() for f in runs[0].facts] == [f.model_dump() for f in plain.facts]


def test_a_damaged_inference_in_the_cache_is_extracted_again(tmp_path):
    settings = RunSettings(jobs=1, cache_dir=str(tmp_path))
    sources = load_sources([SEEDS], infer_dates=False)
    extract_sources(sources, settings, infer_dates=True, anchor=corpus_anchor(sources))
    with sqlite3.connect(tmp_path / "facts.sqlite") as conn:
        rows = conn.execute("SELECT key, payload FROM facts").fetchall()
        damaged = [(zlib.compress(b'{"reference":[1,2]}\n[]'), key) for key, payload in rows
                   if zlib.decompress(payload).startswith(b"{")]
        assert damaged
        conn.executemany("UPDATE facts SET payload = ? WHERE key = ?", damaged)
    again = load_sources([SEEDS], infer_dates=False)
    run = extract_sources(again, settings, infer_dates=True, anchor=corpus_anchor(again))
    assert run.stats.extracted == len(damaged) and _dated(again) == _dated(load_sources([SEEDS]))
