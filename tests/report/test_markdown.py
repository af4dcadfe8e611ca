"""The Markdown report: verdict, summary per source, contradictions with evidence, timeline, appendix."""

from __future__ import annotations

import re

from factcheck.models import DateValue, Verdict
from factcheck.pipeline import CheckOptions, check
from factcheck.report.common import headline, single_source_facts
from factcheck.report.markdown import render_markdown
from factcheck.report.timeline import timeline
from tests.report.corpus import write_corpus


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def test_opens_with_title_and_the_verdict(seeds_report):
    lines = render_markdown(seeds_report).splitlines()
    assert lines[0] == "# Fact check: seeds"
    assert lines[2] == f"**{headline(seeds_report)}**"


def test_summary_row_per_source_with_reference_date_and_origin(seeds_report):
    summary = _section(render_markdown(seeds_report), "## Summary")
    for src in seeds_report.sources:
        row = next(line for line in summary.splitlines() if line.startswith(f"| `{src.path}`"))
        assert (src.reference_date.isoformat() if src.reference_date else "—") in row
        assert src.reference_date_from.value.replace("_", " ") in row
    total = next(line for line in summary.splitlines() if line.startswith("| **Total"))
    assert f"**{seeds_report.summary.contradictions}**" in total and f"**{seeds_report.summary.unchecked}**" in total


def test_each_contradiction_shows_values_evidence_rule_and_severity(seeds_report):
    section = _section(render_markdown(seeds_report), "## Contradictions")
    found = [f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT]
    assert section.count("\n### ") == len(found) >= 1
    for finding in found:
        assert f"rule `{finding.rule}`" in section
        assert f"**{finding.severity.value.upper()}**" in section
        for fact in finding.facts:
            assert f"`{fact.source}:{fact.line}`" in section


def test_agreements_grouped_by_kind(seeds_report):
    section = _section(render_markdown(seeds_report), "## Agreements")
    agreements = [f for f in seeds_report.findings if f.verdict is Verdict.AGREE and not f.internal]
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| About")
            and not line.startswith("| ---")]
    assert len(rows) == len(agreements)
    assert "### Dates" in section or "### Figures" in section or "### Quotes" in section


def test_timeline_puts_each_source_of_a_date_contradiction_on_its_day(seeds_report):
    text = render_markdown(seeds_report)
    section = _section(text, "## Timeline")
    assert "```mermaid\ngantt" in section and "todayMarker off" in section
    date_contradictions = [f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT
                           and all(isinstance(x.value, DateValue) for x in f.facts)]
    assert date_contradictions, "the seeds date one event on two different days"
    for finding in date_contradictions:
        for fact in finding.facts:
            assert f"crit, {fact.value.start.isoformat()}, 1d" in section
            row = next(line for line in section.splitlines() if f"`{fact.source_id}:{fact.line}`" in line)
            assert row.startswith(f"| {fact.value.date} |") and "✗ contradiction" in row


def test_timeline_events_are_in_date_order(seeds_report):
    events, window = timeline(seeds_report)
    firsts = [e.first for e in events]
    assert firsts == sorted(firsts)
    assert window is not None and window[0] < window[1]


def test_appendix_lists_every_single_source_fact(seeds_report):
    section = _section(render_markdown(seeds_report), "## Appendix")
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    assert len(rows) == seeds_report.summary.unchecked


def test_table_cells_escape_markdown(tmp_path, monkeypatch):
    folder = write_corpus(tmp_path)
    text = (folder / "sources" / "b.txt").read_text().replace("City officials", "City | *officials*")
    (folder / "sources" / "b.txt").write_text(text)
    monkeypatch.chdir(folder)
    md = render_markdown(check(CheckOptions(paths=["sources"], rules=["rules.yaml"])))
    row = next(line for line in md.splitlines() if "`sources/b.txt:3`" in line)
    assert "City \\| \\*officials\\*" in row
    assert len(re.split(r"(?<!\\)\|", row)) == 5  # three cells: the pipe in the text is escaped


def test_rendering_is_deterministic(seeds_report):
    assert render_markdown(seeds_report) == render_markdown(seeds_report.model_copy(deep=True))


def test_mermaid_labels_cannot_break_the_chart():
    from factcheck.report.timeline import _mermaid_text

    assert _mermaid_text("a: b; c # d %% e") == "a b c d e"
    assert _mermaid_text("title March 3") == "‣ title March 3"
    assert _mermaid_text("title.txt March 3") == "title.txt March 3"
    assert _mermaid_text(":;") == "event"


def test_appendix_of_an_archive_lists_whole_sources_up_to_the_cap(seeds_report, monkeypatch):
    from factcheck.report import markdown

    per_source = {s.id: sum(1 for f in single_source_facts(seeds_report) if f.source_id == s.id)
                  for s in seeds_report.sources}
    first = next(n for n in per_source.values() if n)
    monkeypatch.setattr(markdown, "APPENDIX_MAX_FACTS", first + 1)
    section = _section(render_markdown(seeds_report), "## Appendix")
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2:3].isdigit()]
    assert len(rows) == first < seeds_report.summary.unchecked
    left = sum(1 for n in per_source.values() if n) - 1
    assert f"{seeds_report.summary.unchecked - first} more facts of {left} more sources are not listed" in section
