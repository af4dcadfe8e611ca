"""Parallel extraction gives the same result as extraction in one process, byte for byte."""

from __future__ import annotations

import json
import multiprocessing

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.extract import extract_facts
from factcheck.pipeline import CheckOptions, check
from factcheck.report import FORMATTERS
from factcheck.report.json_ import render_jsonl
from factcheck.runner import RunSettings, extract_sources, local
from factcheck.runner.local import plan_chunks
from factcheck.runner.work import job_of
from factcheck.sources import load_sources
from tests.scale.conftest import PACKAGED_RULES, SEEDS

# pool_min_chars=0 and small chunks: the pool runs even on small inputs, several chunks per worker
POOL = RunSettings(jobs=2, pool_min_chars=0, chunk_chars=4_000)


@pytest.mark.parametrize("start", ["fork", "forkserver"])
def test_pool_equals_one_process(start, corpus, monkeypatch):
    """Both ways workers start (fork without threads; forkserver when a progress bar runs)."""
    if start not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {start} on this platform")
    monkeypatch.setattr(local, "_context", lambda: multiprocessing.get_context(start))
    pools = []

    class SpiedPool(local.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(local, "ProcessPoolExecutor", SpiedPool)
    paths = [SEEDS, str(corpus)]
    one = check(CheckOptions(paths=paths, rules=[PACKAGED_RULES], run=RunSettings(jobs=1)))
    assert pools == []
    pool = check(CheckOptions(paths=paths, rules=[PACKAGED_RULES], run=POOL))
    assert pools == [2]  # the pool really ran
    assert FORMATTERS["json"](pool) == FORMATTERS["json"](one)
    assert render_jsonl(pool.facts) == render_jsonl(one.facts)
    assert [f.model_dump() for f in pool.facts] == [f.model_dump() for f in one.facts]  # context too
    assert one.summary.contradictions > 0 and one.summary.agreements > 0  # something to get wrong


def test_runner_facts_equal_the_extractors_own(corpus):
    """Going through the codec (as every engine does) changes nothing: same facts as calling the
    extractor directly, with the source's labels."""
    sources = load_sources([SEEDS, str(corpus)])
    direct = [f for s in sources for f in extract_facts(s)]
    assert extract_sources(sources).facts == direct


def test_chunks_keep_order_and_cover_every_source(corpus):
    jobs = [job_of(i, s) for i, s in enumerate(load_sources([str(corpus)]))]
    chunks = plan_chunks(jobs, chunk_chars=10_000, workers=2)
    assert [j.index for c in chunks for j in c] == list(range(len(jobs)))
    assert len(chunks) > 2 and all(chunks)
    assert all(sum(len(j.text) for j in c[:-1]) < 10_000 for c in chunks)  # only the last job crosses


def test_cli_jobs_option_gives_the_same_json(tmp_path):
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["check", SEEDS, "--no-report", "--format", "json", "--jobs", jobs,
                                     "--cache-dir", str(tmp_path / f"cache{jobs}")])
        assert result.exit_code == 1, result.output  # the seeds hold real contradictions
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["summary"]["contradictions"] >= 1


@pytest.mark.parametrize("args, message", [
    (["--jobs", "0"], "--jobs"),
    (["--scheduler", "tcp://127.0.0.1:1"], "--engine dask"),
    (["--engine", "spark"], "--engine"),
])
def test_bad_runner_options_exit_2(args, message):
    result = CliRunner().invoke(app, ["check", SEEDS, "--no-report", "--no-cache", *args])
    assert result.exit_code == 2
    assert message in result.output
