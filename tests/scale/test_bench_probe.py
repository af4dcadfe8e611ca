"""The scale benchmark's probe still runs the real command line: a change of a wrapped stage's
signature must fail here, not turn the benchmark's timings into those of a crashed run."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.scale.conftest import ROOT, SEEDS


def test_probe_times_every_stage_of_a_real_check(tmp_path):
    timings = tmp_path / "timings.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale_probe.py"), str(timings), "check", SEEDS,
                           "--no-report", "--format", "json", "--jobs", "1", "--no-cache"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert proc.returncode == 1, proc.stderr[-2000:]  # the seeds hold a contradiction
    data = json.loads(timings.read_text())
    assert json.loads(proc.stdout)["summary"]["facts"] == data["counts"]["facts"] > 0
    assert data["counts"]["candidate_pairs"] > 0 and data["counts"]["findings"] > 0
    assert {"load", "extract", "rules", "build_report"} <= set(data["stages"])
