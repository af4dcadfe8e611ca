"""An interrupted run exits with a clear message and leaves no partial report."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def test_sigterm_stops_cleanly_without_partial_files(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (Path("seeds") / "002_e4c44d0d936d87cd.txt").read_text(encoding="utf-8")
    for n in range(400):  # long enough to still be running when the signal comes
        (corpus / f"{n:04d}.txt").write_text(text, encoding="utf-8")
    report = tmp_path / "out" / "report.md"
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "check", str(corpus), "--report", str(report), "--jobs", "1",
         "--no-cache"] if _has_jobs() else
        [sys.executable, "-m", "factcheck", "check", str(corpus), "--report", str(report)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    _wait_for_handler(proc.pid, signal.SIGTERM)
    time.sleep(0.5)  # into the run, which takes far longer
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (proc.returncode, err)
    assert "interrupted" in err
    assert not report.exists()
    leftovers = [p for p in (tmp_path / "out").glob("*")] if (tmp_path / "out").exists() else []
    assert leftovers == []


def _wait_for_handler(pid: int, signum: int, limit: float = 30.0) -> None:
    """Until the process catches `signum` (Linux: its SigCgt mask), so a slow start is not a
    signal that arrives before the command line installs its handler; elsewhere, a pause."""
    status = Path(f"/proc/{pid}/status")
    if not status.exists():
        time.sleep(2.0)
        return
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        caught = next((line.split()[1] for line in status.read_text().splitlines() if line.startswith("SigCgt:")),
                      "0")
        if int(caught, 16) >> (signum - 1) & 1:
            return
        time.sleep(0.05)
    raise AssertionError("the command line never installed its signal handler")


def _has_jobs() -> bool:
    out = subprocess.run([sys.executable, "-m", "factcheck", "check", "--help"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "200"})
    return "--jobs" in out.stdout and "--no-cache" in out.stdout
