"""The corpus anchor: the run's explicit dates are context for its undated sources only when they
cluster and are more than a stray one among many undated sources."""

from __future__ import annotations

import datetime as dt

from factcheck.models import RefDateOrigin, Source
from factcheck.sources import corpus_anchor


def _sources(dated: list[dt.date], undated: int) -> list[Source]:
    out = [Source(id=f"d{i}", path=f"d{i}", text="x", reference_date=day, reference_date_from=RefDateOrigin.HEADER)
           for i, day in enumerate(dated)]
    return out + [Source(id=f"u{i}", path=f"u{i}", text="x") for i in range(undated)]


def test_a_story_s_dated_sources_anchor_its_undated_ones():
    days = [dt.date(2025, 3, 13), dt.date(2025, 3, 14), dt.date(2025, 3, 14)]
    assert corpus_anchor(_sources(days, 2)) == dt.date(2025, 3, 14)


def test_one_dated_page_in_an_archive_anchors_nothing():
    assert corpus_anchor(_sources([dt.date(2025, 3, 14)], 30)) is None
    assert corpus_anchor(_sources([dt.date(2025, 3, 14)] * 4, 30)) == dt.date(2025, 3, 14)


def test_scattered_dates_anchor_nothing():
    assert corpus_anchor(_sources([dt.date(2025, 3, 1), dt.date(2025, 5, 1)], 1)) is None
