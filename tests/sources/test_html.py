"""Saved web pages: only the article's text is checked, and its dates come from the page's metadata."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import RefDateOrigin, Section, SourceFormat
from factcheck.pipeline import extract_all
from factcheck.sources import evidence_location, load_sources
from tests.sources.makers import news_page

PARAGRAPHS = [
    "Russian President Vladimir Putin said on Thursday that Moscow backs a 30-day ceasefire in principle.",
    "The front line is more than 1,000 km long, and 4 regions remain contested.",
    "\u201cWe agree with the proposal to stop the hostilities,\u201d Putin said.",
]
COMMENTS = ["Nonsense, the truce was 90 days and the front is 3,000 km long.", "Posted on March 20, 2025 by a reader."]
RELATED = ["Ceasefire collapsed after 45 days in 2023", "Kremlin: 7 regions will vote"]


def load_page(tmp_path, html: str, name: str = "story.html"):
    (tmp_path / name).write_text(html, encoding="utf-8")
    skipped = []
    sources = load_sources([str(tmp_path / name)], on_skip=lambda p, why: skipped.append((p, why)))
    assert skipped == []
    return sources[0]


def test_only_the_article_text_is_checked(tmp_path):
    page = news_page("Putin backs truce in principle", PARAGRAPHS, published="2025-03-14T07:30:00+00:00",
                     comments=COMMENTS, related=RELATED, canonical="https://news.example.com/world/truce")
    source = load_page(tmp_path, page)
    assert source.format is SourceFormat.HTML
    lines = source.text.split("\n")
    assert lines == ["Putin backs truce in principle"] + PARAGRAPHS
    facts = extract_all([source])
    texts = {f.text for f in facts}
    assert {"30-day", "more than 1,000 km", "4 regions"} <= texts
    # navigation, ticker, byline, related teasers, comments and footer are not article text
    for furniture in ("Home", "Markets", "3.5%", "By Jane", "45 days", "7 regions", "90 days", "3,000 km",
                      "March 20", "All rights reserved", "Privacy"):
        assert furniture not in source.text
    assert all(source.text[f.start:f.end] == f.text for f in facts)


def test_metadata_gives_title_outlet_author_url_and_dates(tmp_path):
    page = news_page("Putin backs truce in principle", PARAGRAPHS, published="2025-03-14T07:30:00+00:00",
                     modified="2025-03-15T10:00:00+00:00", canonical="https://news.example.com/world/truce",
                     site="Example News", author="Jane Reporter")
    source = load_page(tmp_path, page)
    assert source.title == "Putin backs truce in principle"
    assert source.outlet == "Example News" and source.author == "Jane Reporter"
    assert source.url == "https://news.example.com/world/truce"
    assert source.reference_date == dt.date(2025, 3, 14)
    assert source.reference_date_from is RefDateOrigin.HTML_META and source.reference_date_confidence == "high"
    assert source.updated_date == dt.date(2025, 3, 15)
    assert source.sections[0] == (0, len(source.title), Section.TITLE)


def test_json_ld_date_published_is_read(tmp_path):
    page = news_page("Truce talks", PARAGRAPHS, json_ld_date="2025-03-12T18:00:00Z")
    source = load_page(tmp_path, page)
    assert source.reference_date == dt.date(2025, 3, 12)
    assert source.reference_date_from is RefDateOrigin.HTML_META


def test_a_date_in_a_comment_or_the_prose_is_not_the_publication_date(tmp_path):
    page = news_page("Truce talks", ["MOSCOW, March 13, 2025 \u2013 Putin spoke on Thursday about the 30-day plan."],
                     comments=["Posted on March 20, 2025: wrong again."])
    source = load_page(tmp_path, page)
    # no metadata date: the text's own dateline dates the page, never the reader's comment
    assert source.reference_date == dt.date(2025, 3, 13)
    assert source.reference_date_from is RefDateOrigin.DATELINE


def test_metadata_date_outranks_the_dateline_but_not_a_manifest(tmp_path):
    body = ["MOSCOW, March 13, 2025 \u2013 Putin spoke on Thursday about the 30-day plan and more."]
    page = news_page("Truce talks", body, published="2025-03-14")
    source = load_page(tmp_path, page)
    assert (source.reference_date, source.reference_date_from) == (dt.date(2025, 3, 14), RefDateOrigin.HTML_META)
    (tmp_path / "sources.yaml").write_text("sources:\n  story.html: {date: 2025-03-16, outlet: Manifested}\n")
    source = load_page(tmp_path, page)
    assert (source.reference_date, source.reference_date_from) == (dt.date(2025, 3, 16), RefDateOrigin.MANIFEST)
    assert source.outlet == "Manifested"


def test_the_headline_outside_the_article_is_kept_as_title(tmp_path):
    page = news_page("Putin backs 30-day truce", PARAGRAPHS, headline_in_article=False)
    source = load_page(tmp_path, page)
    assert source.text.startswith("Putin backs 30-day truce\n")
    assert source.sections[0] == (0, len("Putin backs 30-day truce"), Section.TITLE)
    title_facts = [f for f in extract_all([source]) if f.start < len(source.title)]
    assert [f.text for f in title_facts] == ["30-day"] and title_facts[0].context.section is Section.TITLE


def test_a_legacy_charset_page_is_decoded_as_declared(tmp_path):
    page = news_page("Caf\u00e9 talks", ["Le caf\u00e9 a co\u00fbt\u00e9 3 euros \u00e0 Gen\u00e8ve, dit-il."],
                     published="2025-03-11").replace('charset="utf-8"', 'charset="iso-8859-1"')
    (tmp_path / "latin.htm").write_bytes(page.encode("latin-1"))
    (source,) = load_sources([str(tmp_path / "latin.htm")])
    assert "co\u00fbt\u00e9 3 euros \u00e0 Gen\u00e8ve" in source.text
    assert source.encoding == "iso8859-1" and "declared" in source.encoding_note


def test_xhtml_with_an_xml_declaration(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + news_page("Truce talks", PARAGRAPHS, published="2025-03-14")
    source = load_page(tmp_path, page, "story.xhtml")
    assert "1,000 km" in source.text


def test_evidence_links_to_a_text_fragment(tmp_path):
    page = news_page("Putin backs truce in principle", PARAGRAPHS, published="2025-03-14")
    source = load_page(tmp_path, page)
    fact = next(f for f in extract_all([source]) if f.text == "more than 1,000 km")
    where = evidence_location(source, fact)
    assert where == f"{tmp_path / 'story.html'}#:~:text=front%20line%20is-,more%20than%201%2C000%20km,-long%2C%20and%204"


@pytest.mark.parametrize("html", [
    "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>",
    "<html><head><title>Empty</title></head><body></body></html>",
])
def test_a_page_without_article_text_is_skipped(tmp_path, html):
    (tmp_path / "good.txt").write_text("The front line is 1,000 km long, officials said on March 13, 2025.")
    (tmp_path / "menu.html").write_text(html)
    skipped = []
    sources = load_sources([str(tmp_path)], on_skip=lambda p, why: skipped.append((p, why)))
    assert [s.id for s in sources] == ["good.txt"]
    assert skipped == [(str(tmp_path / "menu.html"), "no article text found in the page")]
