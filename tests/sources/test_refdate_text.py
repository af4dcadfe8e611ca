"""Reference dates stated in the text: the photo-caption finder against a line-by-line reading."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.sources.refdate import (
    _CAPTION_CREDIT,
    _CAPTION_WINDOW,
    _first_full_date,
    caption_date,
)


def _line_by_line(text: str, body_from: int):
    pos = body_from
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        if end - pos <= _CAPTION_WINDOW and _CAPTION_CREDIT.search(text, pos, end):
            v = _first_full_date(text, pos, end, end - pos)
            if v:
                return v.start
        pos = end + 1
    return None


TEXTS = [
    ("Kyiv, Ukraine. (AP Photo/Efrem Lukatsky) March 12, 2025\nBody text.", dt.date(2025, 3, 12)),
    ("Body.\nA man walks past. Photo: Reuters, 13 March 2025\nMore.", dt.date(2025, 3, 13)),
    ("Photo by Jane Doe\nMarch 14, 2025 was a Friday.", None),  # the date is not on the credit's line
    ("A Photo\nby March 14, 2025 someone", None),  # a credit broken over two lines is none
    ("Photo: no date here\nGetty Images, 1 April 2024", dt.date(2024, 4, 1)),
    ("(AFP) " + "x" * (_CAPTION_WINDOW + 10) + " March 1, 2025", None),  # a paragraph, not a caption
    ("no credit at all, March 3, 2025", None),
    ("Body.\nA man. (REUTERS) March 12, 2025\n", dt.date(2025, 3, 12)),  # any case, as the expression
    ("Body.\nA man. (Reuter\u017f) March 12, 2025\n", dt.date(2025, 3, 12)),  # its IGNORECASE folds long s
]


@pytest.mark.parametrize("text,day", TEXTS)
def test_caption_date_reads_the_first_credited_line(text, day):
    found = caption_date(text, 0)
    assert (found[0] if found else None) == day == _line_by_line(text, 0)


def test_caption_date_starts_after_front_matter():
    text = "(AP Photo) March 12, 2025\n---\nBody. (AP Photo) May 2, 2024"
    assert caption_date(text, text.index("Body"))[0] == dt.date(2024, 5, 2) == _line_by_line(text, text.index("Body"))
