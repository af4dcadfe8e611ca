"""Fixtures for the report tests: the seeds' report, computed once (the pipeline takes a second)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.models import Report
from factcheck.pipeline import CheckOptions, check

ROOT = Path(__file__).resolve().parents[2]


def in_root(fn):
    """Run `fn` with the repository root as working directory (reports show paths relative to it)."""
    before = os.getcwd()
    os.chdir(ROOT)
    try:
        return fn()
    finally:
        os.chdir(before)


@pytest.fixture(scope="session")
def seeds_report() -> Report:
    return in_root(lambda: check(CheckOptions(paths=["seeds"], name="seeds")))
