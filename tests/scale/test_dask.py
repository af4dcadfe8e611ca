"""The Dask engine: extraction as tasks on a dask.distributed cluster gives the local result.

Runs against a LocalCluster of worker processes (what a real cluster's workers are); skipped
when dask.distributed is not installed (`pip install 'factcheck[dask]'`).
"""

from __future__ import annotations

import logging

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.runner import RunSettings, dask_engine
from tests.scale.conftest import SEEDS, run_json

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_engine_equals_local_engine(scheduler, corpus):
    paths = [SEEDS, str(corpus)]
    on_dask = run_json(paths, RunSettings(engine="dask", scheduler=scheduler, chunk_chars=20_000))
    assert on_dask == run_json(paths, RunSettings(jobs=1))


def test_cli_engine_dask_with_scheduler(scheduler, tmp_path):
    runner = CliRunner()
    base = ["check", SEEDS, "--no-report", "--format", "json", "--cache-dir", str(tmp_path)]
    on_dask = runner.invoke(app, [*base, "--engine", "dask", "--scheduler", scheduler])
    assert on_dask.exit_code == 1, on_dask.output
    local = runner.invoke(app, [*base, "--no-cache"])
    assert on_dask.stdout == local.stdout


def test_unreachable_scheduler_is_one_line_and_exit_2(monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT_S", 1)
    result = CliRunner().invoke(app, ["check", SEEDS, "--no-report", "--no-cache", "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcheck: error: tcp://127.0.0.1:9: cannot reach")
