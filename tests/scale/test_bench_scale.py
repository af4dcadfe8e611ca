"""The scale benchmark runs end to end on small sizes (slow: it needs the shared corpora)."""

from __future__ import annotations

import importlib.util
import re

import pytest

from tests.scale.corpus import ROOT

WIKI_TAR = ROOT.parent / "shared" / "corpora" / "wikipedia_en_sample.tar.gz"


@pytest.mark.slow
@pytest.mark.skipif(not WIKI_TAR.exists(), reason="needs ../shared/corpora")
def test_benchmark_tables(tmp_path):
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "benchmarks" / "bench_scale.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path / "scale.md"
    assert bench.main(["--sizes", "100,200", "--sample-mb", "0.2", "--baseline-seconds", "1", "--no-ecb",
                       "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "| wikipedia sample | extract_facts (all kinds + context), 1 core |" in text
    assert "baseline dateparser.search_dates" in text and "x the baseline pipeline" in text
    rows = re.findall(r"^\| (100|200) \| ([\d.]+) \| ([\d,]+) \| ([\d,]+) \|", text, re.M)
    assert [r[0] for r in rows] == ["100", "200"]
    facts = [int(r[2].replace(",", "")) for r in rows]
    assert 0 < facts[0] < facts[1]  # twice the articles, more facts
    assert "doubling the input" in text
