"""Texts set aside after extraction (keep_text=False, as `factcheck check` runs): every report
format is unchanged, cited sources get their text back, the others do not hold it."""

from __future__ import annotations

import shutil

import pytest

from factcheck.models import Source
from factcheck.pipeline import CheckOptions, check
from factcheck.report import FORMATTERS
from factcheck.runner import RunSettings, TextStore
from tests.scale.conftest import PACKAGED_RULES, SEEDS
from tests.sources.makers import news_page


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, corpus):
    """Seeds, synthetic articles and a saved web page (whose evidence is a text fragment of its text)."""
    folder = tmp_path_factory.mktemp("mixed")
    shutil.copytree(SEEDS, folder / "seeds")
    for path in sorted(corpus.glob("*.txt"))[:8]:
        shutil.copy(path, folder / path.name)
    page = news_page("Putin rejects truce", [
        "On Thursday, Putin rejected the US-Ukrainian proposal for an immediate 30-day ceasefire.",
        "Russian forces advanced along a 1,200 km front line, the ministry said on March 13, 2025.",
    ], published="2025-03-14T08:00:00Z")
    (folder / "page.html").write_text(page, encoding="utf-8")
    (folder / "unrelated.txt").write_text("date 2024-06-02\nThe orchid show at the botanic garden drew "
                                          "3 beekeepers in 1987, its curator recalled.\n", encoding="utf-8")
    return folder


def test_every_format_is_unchanged_when_texts_are_set_aside(mixed):
    kept = check(CheckOptions(paths=[str(mixed)], rules=[PACKAGED_RULES], keep_text=True))
    lean = check(CheckOptions(paths=[str(mixed)], rules=[PACKAGED_RULES], keep_text=False,
                              run=RunSettings(jobs=1)))
    for name, render in FORMATTERS.items():
        assert render(lean) == render(kept), name
    cited = {f.source_id for finding in lean.findings for f in finding.facts}
    assert cited and len(cited) < len(lean.sources)  # some sources are cited, some are not
    for source in lean.sources:
        original = next(s for s in kept.sources if s.id == source.id)
        assert source.text == (original.text if source.id in cited else "")
    assert any(s.format.value == "html" and s.id in cited for s in lean.sources)  # text fragments checked too


def test_text_store_round_trip_keeps_any_text():
    texts = ["plain", "Zelenskyy’s “truce” — 30 km²", "lone surrogate \udcff kept", ""]
    sources = [Source(id=f"s{i}", path=f"s{i}", text=t) for i, t in enumerate(texts)]
    store = TextStore()
    for i, s in enumerate(sources):
        store.release(i, s)
    assert [s.text for s in sources] == [""] * 4 and len(store) == 4
    store.restore(sources, {"s1"})
    assert sources[1].text == texts[1] and sources[0].text == ""
    store.restore(sources)
    assert [s.text for s in sources] == texts and len(store) == 0
