"""Evidence positions: where a reader finds a fact in the original, per kind of source."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from factcheck.models import Source, SourceFormat
from factcheck.sources import evidence_location
from factcheck.sources.locate import pdf_position, text_fragment

TEXT = "Putin spoke.\nThe front line, he said, is 1,000 km long - and 4 regions are contested.\n"


def fact(text: str, needle: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return SimpleNamespace(start=start, end=start + len(needle), line=text.count("\n", 0, start) + 1)


def test_text_files_cite_path_and_line():
    s = Source(id="a.txt", path="seeds/a.txt", text=TEXT)
    assert evidence_location(s, fact(TEXT, "1,000 km")) == "seeds/a.txt:2"


def test_fetched_pages_cite_the_final_url_with_a_text_fragment():
    s = Source(id="story", path="https://x.example/s", text=TEXT, format=SourceFormat.HTML,
               fetched_url="https://x.example/story?id=1")
    where = evidence_location(s, fact(TEXT, "1,000 km"))
    assert where == "https://x.example/story?id=1#:~:text=he%20said%2C%20is-,1%2C000%20km,-long%20%2D%20and"


@pytest.mark.parametrize("needle, expected", [
    # "-" and "," are syntax in a text directive and must be escaped
    ("4 regions", "long%20%2D%20and-,4%20regions,-are%20contested."),
    # no whitespace before: no prefix (a prefix must end at a word boundary before the match)
    ("Putin", "Putin,-spoke."),
    # no whitespace after: no suffix
    ("contested", "4%20regions%20are-,contested"),
])
def test_text_fragment_context_and_escaping(needle, expected):
    f = fact(TEXT, needle)
    assert text_fragment(TEXT, f.start, f.end) == expected


def test_a_long_quote_is_cited_by_its_first_and_last_words():
    quote = "We agree with the proposals to cease hostilities but this cessation must lead to lasting peace"
    text = f"He said: {quote} and left."
    f = fact(text, quote)
    assert text_fragment(text, f.start, f.end) == (
        "He%20said%3A-,We%20agree%20with%20the,lead%20to%20lasting%20peace,-and%20left.")


def test_pdf_position_counts_printed_lines_per_page():
    text = "Title\nline one wraps here\n\nPage two first\nsecond"
    s = Source(id="r.pdf", path="r.pdf", text=text, format=SourceFormat.PDF,
               pages=[0, text.index("Page two")],
               line_starts=[0, 6, text.index("here"), text.index("Page two"), text.index("second")])
    assert pdf_position(s, text.index("one")) == (1, 2)
    assert pdf_position(s, text.index("here")) == (1, 3)  # a wrapped line joined in the text is still line 3
    assert pdf_position(s, text.index("two")) == (2, 1)
    assert evidence_location(s, fact(text, "second")) == "r.pdf p.2:2"
