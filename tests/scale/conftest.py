"""Fixtures for the scale tests: a small synthetic corpus, and a check run as the CLI would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.pipeline import CheckOptions, check
from factcheck.report import FORMATTERS
from factcheck.runner import RunSettings
from tests.scale.corpus import ROOT, write_corpus

PACKAGED_RULES = str(ROOT / "factcheck" / "data" / "rules")
SEEDS = str(ROOT / "seeds")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder, 30)
    return folder


def run_json(paths: list[str], run: RunSettings, *, keep_text: bool = True, rules: list[str] | None = None) -> str:
    """The JSON report of a check: what `--format json` prints."""
    report = check(CheckOptions(paths=paths, rules=rules or [PACKAGED_RULES], name="scale", run=run,
                                keep_text=keep_text))
    text = FORMATTERS["json"](report)
    json.loads(text)  # well-formed, so that equal strings mean equal reports
    return text
