"""The seeds as users also have them — saved web pages, one JSONL export, wrapped PDFs, CRLF or UTF-16
files — give the same findings as the plain-text seeds: same rules, verdicts, sources and values.

Offsets and line numbers may differ (the extracted text is laid out differently); what is compared
is each finding's rule, verdict and the (source stem, kind, normalized value) of its facts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.models import RefDateOrigin, SourceFormat
from factcheck.pipeline import CheckOptions, check
from factcheck.sources import evidence_location
from tests.gold import load_gold
from tests.sources.makers import jsonl, news_page, pdf_bytes, wrap

SEEDS = sorted(Path("seeds").glob("*.txt"))
GOLD_DATES = {s["id"]: s["reference_date"] for s in load_gold()["sources"]}


def _stem(source_id: str) -> str:
    return source_id.split(".")[0]


def findings_key(report) -> list[tuple]:
    out = []
    for f in report.findings:
        facts = tuple(sorted((_stem(x.source_id), x.kind.value,
                              x.value.quote if x.kind.value == "quote" else repr(sorted(x.value.contract().items())))
                             for x in f.facts))
        out.append((f.rule, f.verdict.value, f.severity.value, facts))
    return sorted(out)


@pytest.fixture(scope="module")
def text_report():
    return check(CheckOptions(paths=["seeds"], rules=["rules"]))


def _pages(tmp: Path) -> Path:
    folder = tmp / "html"
    folder.mkdir()
    for seed in SEEDS:
        lines = seed.read_text(encoding="utf-8").split("\n")
        title_at = next(i for i, ln in enumerate(lines) if ln.strip())
        paragraphs = [ln for ln in lines[title_at + 1:] if ln.strip()]
        page = news_page(lines[title_at].strip(), paragraphs, published=f"{GOLD_DATES[seed.name]}T12:00:00Z",
                         comments=["Wrong! It was a 90-day truce, signed on March 2, 2025, over 5,000 km."],
                         related=["Ceasefire talks collapse after 45 days", "Kremlin: 12 regions affected"])
        (folder / f"{seed.stem}.html").write_text(page, encoding="utf-8")
    return folder


def test_seeds_as_news_pages_give_the_same_findings(tmp_path, text_report):
    report = check(CheckOptions(paths=[str(_pages(tmp_path))], rules=["rules"]))
    assert [s.format for s in report.sources] == [SourceFormat.HTML] * len(SEEDS)
    for source in report.sources:  # the page's metadata dated it, not the text
        assert source.reference_date_from is RefDateOrigin.HTML_META
        assert source.reference_date == dt.date.fromisoformat(GOLD_DATES[source.id.replace(".html", ".txt")])
        assert "90-day truce" not in source.text and "Ceasefire talks collapse" not in source.text
    assert report.summary.contradictions == text_report.summary.contradictions >= 1
    assert findings_key(report) == findings_key(text_report)


def test_seeds_as_one_jsonl_export_give_the_same_findings(tmp_path, text_report):
    records = [{"id": seed.name, "text": seed.read_text(encoding="utf-8"), "outlet": "Example"} for seed in SEEDS]
    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text(jsonl(records), encoding="utf-8")
    report = check(CheckOptions(paths=[str(corpus)], rules=["rules"]))
    assert [s.id for s in report.sources] == [seed.name for seed in SEEDS]
    assert [s.path for s in report.sources] == [f"{corpus}#{seed.name}" for seed in SEEDS]
    # same text, same reference dates from the same evidence
    assert [(s.reference_date, s.reference_date_from) for s in report.sources] == \
        [(s.reference_date, s.reference_date_from) for s in text_report.sources]
    assert findings_key(report) == findings_key(text_report)
    fact = report.findings[0].facts[0]
    source = next(s for s in report.sources if s.id == fact.source_id)
    assert evidence_location(source, fact) == f"{corpus}#{source.id}:{fact.line}"


def encode_as(variant: str, text: str) -> bytes:
    if variant == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if variant == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(variant)


@pytest.mark.parametrize("variant", ["crlf", "utf-16", "utf-8-bom", "cp1252"])
def test_seeds_in_other_encodings_and_line_endings_give_the_same_findings(variant, tmp_path, text_report):
    folder = tmp_path / variant
    folder.mkdir()
    for seed in SEEDS:
        data = encode_as(variant, seed.read_text(encoding="utf-8"))
        (folder / seed.name).write_bytes(data)
    report = check(CheckOptions(paths=[str(folder)], rules=["rules"]))
    assert findings_key(report) == findings_key(text_report)
    # line numbers still count the file's lines, and spans are exact
    for fact in report.facts:
        source = next(s for s in report.sources if s.id == fact.source_id)
        assert source.text[fact.start:fact.end] == fact.text
        assert source.text.count("\n", 0, fact.start) + 1 == fact.line
    if variant == "crlf":
        assert all("\r\n" in s.text for s in report.sources)  # decoded text kept as is
    if variant == "cp1252":  # an all-ASCII file is valid UTF-8 and read as such
        non_ascii = [s for s in report.sources if not s.text.isascii()]
        assert len(non_ascii) >= 4 and {s.encoding for s in non_ascii} == {"cp1252"}
        assert all("detected by charset-normalizer" in s.encoding_note for s in non_ascii)


def test_seeds_as_wrapped_pdfs_find_the_same_contradictions(tmp_path, text_report):
    folder = tmp_path / "pdf"
    folder.mkdir()
    for seed in SEEDS:
        lines = wrap(seed.read_text(encoding="utf-8"), 90)
        (folder / f"{seed.stem}.pdf").write_bytes(pdf_bytes([lines[i:i + 45] for i in range(0, len(lines), 45)]))
    report = check(CheckOptions(paths=[str(folder)], rules=["rules"]))
    assert [s.format for s in report.sources] == [SourceFormat.PDF] * len(SEEDS)
    contradictions = [k for k in findings_key(report) if k[1] == "contradict"]
    assert contradictions == [k for k in findings_key(text_report) if k[1] == "contradict"]
    # Paragraphs whose last printed line is full cannot be told from wrapped lines, so a few
    # sentences are grouped differently; agreements may regroup but not vanish.
    assert report.summary.agreements == text_report.summary.agreements
