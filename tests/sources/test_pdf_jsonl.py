"""PDF reports (text per page, evidence by page and printed line) and JSONL corpus exports."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.models import RefDateOrigin, SourceFormat
from factcheck.pipeline import extract_all
from factcheck.sources import evidence_location, load_sources
from factcheck.sources.pdf import reflow
from tests.sources.makers import jsonl, pdf_bytes

PAGE_1 = [
    "Ceasefire monitoring report",
    "",
    "The monitoring mission observed the line of contact from March 1 to March 12, 2025, and",
    "counted 312 violations of the ceasefire along a front line that is more than 1,000 km",
    "long. Most of the violations were recorded near the town of Avdiivka, where the cease-",
    "fire was weakest.",
]
PAGE_2 = [
    "Annex",
    "",
    "A second team covered 4 regions with 25 observers over a period of 30 days in total, as",
    "agreed by both sides at the talks in Riyadh on March 11, 2025.",
]


def load(paths):
    skipped = []
    sources = load_sources([str(p) for p in paths], on_skip=lambda p, why: skipped.append((p, why)))
    return sources, skipped


@pytest.fixture
def report_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([PAGE_1, PAGE_2], title="Ceasefire monitoring report", author="Mission",
                               created="D:20250314090000+01'00'"))
    return path


def test_pdf_text_is_reflowed_into_sentences(report_pdf):
    (s,), skipped = load([report_pdf])
    assert skipped == [] and s.format is SourceFormat.PDF
    assert s.title == "Ceasefire monitoring report" and s.author == "Mission"
    assert "counted 312 violations of the ceasefire along a front line that is more than 1,000 km long." in s.text
    assert "where the cease-fire was weakest." in s.text  # the hyphen kept, the break dropped
    assert s.text.startswith("Ceasefire monitoring report\n")  # a heading stays on its own line
    assert len(s.pages) == 2 and s.text[s.pages[1]:].startswith("Annex")


def test_pdf_evidence_cites_page_and_printed_line(report_pdf):
    (s,), _ = load([report_pdf])
    facts = {f.text: f for f in extract_all([s])}
    assert evidence_location(s, facts["312 violations"]) == f"{report_pdf} p.1:3"
    assert evidence_location(s, facts["more than 1,000 km"]) == f"{report_pdf} p.1:3"
    assert evidence_location(s, facts["25 observers"]) == f"{report_pdf} p.2:2"
    assert evidence_location(s, facts["March 11, 2025"]) == f"{report_pdf} p.2:3"
    for f in facts.values():
        assert s.text[f.start:f.end] == f.text


def test_pdf_creation_date_ranks_after_the_texts_own_dateline(tmp_path, report_pdf):
    (s,), _ = load([report_pdf])
    assert (s.reference_date, s.reference_date_from) == (dt.date(2025, 3, 14), RefDateOrigin.PDF_METADATA)
    dated = tmp_path / "dated.pdf"
    dated.write_bytes(pdf_bytes([["KYIV, March 12, 2025 - The mission counted 312 violations in total."]],
                                created="D:20250401000000Z"))
    (s,), _ = load([dated])
    assert (s.reference_date, s.reference_date_from) == (dt.date(2025, 3, 12), RefDateOrigin.DATELINE)


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n", "not a readable PDF"),
    (pdf_bytes([[]]), "PDF has no text layer"),
])
def test_unreadable_or_textless_pdfs_are_skipped(tmp_path, data, reason):
    (tmp_path / "ok.txt").write_text("The mission counted 312 violations on March 12, 2025.")
    (tmp_path / "x.pdf").write_bytes(data)
    sources, skipped = load([tmp_path])
    assert [s.id for s in sources] == ["ok.txt"]
    assert len(skipped) == 1 and skipped[0][0] == str(tmp_path / "x.pdf") and skipped[0][1].startswith(reason)


def test_an_encrypted_pdf_is_skipped_and_one_with_an_empty_password_is_read(tmp_path, report_pdf):
    from pypdf import PdfReader, PdfWriter

    for name, password in (("locked.pdf", "secret"), ("open.pdf", "")):
        writer = PdfWriter(clone_from=PdfReader(report_pdf))
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
        with open(tmp_path / name, "wb") as fh:
            writer.write(fh)
    sources, skipped = load([tmp_path / "locked.pdf", tmp_path / "open.pdf"])
    assert [s.id for s in sources] == ["open.pdf"] and "312 violations" in sources[0].text
    assert skipped == [(str(tmp_path / "locked.pdf"), "encrypted PDF (a password is needed to read its text)")]


def test_reflow_keeps_list_items_and_short_lines_apart():
    page = "Summary of the findings in this report for the readers of it\n" \
        "- 312 violations were counted by the monitors\n- 4 regions\nEnd."
    text, pages, starts = reflow([page])
    assert text.split("\n") == ["Summary of the findings in this report for the readers of it",
                                "- 312 violations were counted by the monitors", "- 4 regions", "End."]
    assert pages == [0] and len(starts) == 4


# ------------------------------------------------------------------ JSONL corpora

def test_a_jsonl_corpus_is_one_source_per_record(tmp_path):
    corpus = tmp_path / "export.jsonl"
    corpus.write_text(jsonl([
        {"id": "a1", "text": "Putin said on Thursday that the 30-day ceasefire is possible.", "date": "2025-03-14",
         "title": "Putin on truce", "outlet": "Wire", "url": "https://wire.example/a1", "lang": "en"},
        {"id": 17, "text": "The front line is 1,000 km long.\nIt was quiet on Thursday.",
         "date": "2025-03-14T08:00:00Z"},
        {"id": "no-date", "text": "MOSCOW, March 13, 2025 \u2013 The front line is 1,100 km long."},
    ]), encoding="utf-8")
    sources, skipped = load([corpus])
    assert skipped == []
    assert [s.id for s in sources] == ["a1", "17", "no-date"]
    a1, r17, nodate = sources
    assert a1.path == f"{corpus}#a1" and a1.format is SourceFormat.JSONL and a1.record_line == 1
    assert (a1.title, a1.outlet, a1.url) == ("Putin on truce", "Wire", "https://wire.example/a1")
    assert (a1.reference_date, a1.reference_date_from) == (dt.date(2025, 3, 14), RefDateOrigin.METADATA)
    assert r17.reference_date == dt.date(2025, 3, 14)
    assert (nodate.reference_date, nodate.reference_date_from) == (dt.date(2025, 3, 13), RefDateOrigin.DATELINE)
    fact = next(f for f in extract_all([r17]) if f.text == "Thursday")
    assert fact.line == 2 and evidence_location(r17, fact) == f"{corpus}#17:2"
    assert fact.value.date == "2025-03-13"  # resolved against the record's date


def test_bad_jsonl_lines_are_skipped_with_file_and_line(tmp_path):
    corpus = tmp_path / "export.jsonl"
    corpus.write_text(
        '{"id": "ok", "text": "The front line is 1,000 km long."}\n'
        "\n"
        "{not json\n"
        "[1, 2]\n"
        '{"text": "no id"}\n'
        '{"id": "ok", "text": "duplicate id"}\n'
        '{"id": "blank", "text": "   "}\n'
        '{"id": "odd-date", "text": "The front is 1,100 km.", "date": "sometime"}\n',
        encoding="utf-8")
    sources, skipped = load([corpus])
    assert [s.id for s in sources] == ["ok", "odd-date"]
    assert sources[1].notes[0] == 'record date "sometime" is not a day; ignored'
    assert [p for p, _ in skipped] == [f"{corpus}:{n}" for n in (3, 4, 5, 6, 7)]
    reasons = [why for _, why in skipped]
    assert reasons[0].startswith("invalid JSON") and reasons[1].startswith("not a JSON object")
    assert reasons[2].startswith("id: field required") and "used before, on line 1" in reasons[3]
    assert reasons[4] == 'record "blank" has empty text'


def test_ids_that_collide_across_corpora_are_told_apart(tmp_path):
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "c.jsonl").write_text(jsonl([{"id": "x", "text": "It is 1,000 km long."}]))
    sources, _ = load([tmp_path])
    assert [s.id for s in sources] == ["x", "c.jsonl/x"]
    assert [s.path for s in sources] == [f"{tmp_path / d / 'c.jsonl'}#x" for d in ("one", "two")]
