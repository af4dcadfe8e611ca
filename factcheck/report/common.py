"""Pieces every report format shares: the verdict line, evidence snippets and positions, labels, groupings.

Input: a Report (and its facts and findings); output: strings and small tuples for the formatters.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import (
    Fact,
    Finding,
    Report,
    Severity,
    Source,
    Verdict,
)
from factcheck.sources.locate import evidence_location

SNIPPET_CHARS = 90  # context shown either side of a fact's span



def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def headline(report: Report) -> str:
    """The one-line verdict every format opens with."""
    s = report.summary
    errors = len(report.contradictions(Severity.ERROR))
    known = f"; {plural(s.baselined, 'known contradiction')} baselined" if s.baselined else ""
    new = "new " if s.baselined else ""
    agreements = plural(s.agreements, "agreement")
    if s.contradictions == 0:
        return f"No {new}contradictions found across {plural(s.sources, 'source')} ({agreements}{known})."
    kinds = plural(errors, "error") if errors else "no errors"
    return (f"{plural(s.contradictions, new + 'contradiction')} ({kinds}) across {plural(s.sources, 'source')}; "
            f"{agreements}{known}.")


def evidence_snippet(fact: Fact) -> tuple[str, str, str]:
    """The sentence around a fact, split into (before, span, after), trimmed to a readable length."""
    sentence = fact.context.sentence
    pos = fact.start - fact.context.sentence_start
    if not (0 <= pos and sentence[pos:pos + len(fact.text)] == fact.text):
        return "", fact.text, ""
    before = sentence[:pos]
    after = sentence[pos + len(fact.text):]
    if len(before) > SNIPPET_CHARS:
        before = "…" + before[-SNIPPET_CHARS:].split(" ", 1)[-1]
    if len(after) > SNIPPET_CHARS:
        after = after[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return before.replace("\n", " "), fact.text.replace("\n", " "), after.replace("\n", " ")


def single_source_facts(report: Report) -> list[Fact]:
    """Facts no cross-source finding covers (agreement, contradiction, unclear, or a baselined contradiction)."""
    findings = list(report.findings) + (report.baseline.findings if report.baseline else [])
    covered = {f.key for finding in findings if not finding.internal for f in finding.facts}
    return [f for f in report.facts if f.key not in covered]


def count_findings(findings) -> tuple[int, int, int]:
    cross = [f for f in findings if not f.internal]
    return (
        sum(f.verdict is Verdict.AGREE for f in cross),
        sum(f.verdict is Verdict.CONTRADICT for f in findings),
        sum(f.verdict is Verdict.UNCLEAR for f in cross),
    )


# ---------------------------------------------------------------- groupings


def contradictions(report: Report) -> list[Finding]:
    """Contradictions to report, cross-source and within one source, most severe first (findings are sorted)."""
    return [f for f in report.findings if f.verdict is Verdict.CONTRADICT]


def cross_findings(report: Report, verdict: Verdict) -> list[Finding]:
    return [f for f in report.findings if f.verdict is verdict and not f.internal]


def ref_origin(src: Source, *, confidence: bool = True) -> str:
    """Where a source's reference date came from, as reports show it: "inferred (medium)"."""
    origin = src.reference_date_from.value.replace("_", " ")
    if confidence and src.reference_date_confidence and src.reference_date:
        origin += f" ({src.reference_date_confidence})"
    return origin


def short_id(source_id: str, width: int = 12) -> str:
    """A source id short enough for a table cell or chart label, keeping its start (often a number)."""
    stem = source_id.rsplit(".", 1)[0] if "." in source_id else source_id
    return stem if len(stem) <= width else stem[: width - 1] + "…"


def sources_of(finding: Finding) -> list[str]:
    return sorted({f.source_id for f in finding.facts})


# ---------------------------------------------------------------- positions


@dataclass(frozen=True)
class Span:
    """1-based line and column (in code points) of a fact's first character and of the character after it."""

    line: int
    column: int
    end_line: int
    end_column: int


def span_of(fact: Fact, source: Source | None) -> Span:
    """Where a fact's text sits in its source file; falls back to the fact's line when the text is absent."""
    if source is None or source.text[fact.start:fact.end] != fact.text:
        return Span(fact.line, 1, fact.line, 1)
    return span_at(source.text, fact.start, fact.end)


def span_at(text: str, start: int, end: int) -> Span:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = line + text.count("\n", start, end)
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    return Span(line, column, end_line, end_column)


def source_index(report: Report) -> dict[str, Source]:
    return {s.id: s for s in report.sources}


def where(fact: Fact, sources: dict[str, Source]) -> str:
    """Where a reader can check a fact: `file.txt:12`, `report.pdf p.3:12`, or the page's URL with
    a text fragment (`…#:~:text=…`) for web pages."""
    source = sources.get(fact.source_id)
    if source is None or source.text[fact.start:fact.end] != fact.text:
        return f"{fact.source}:{fact.line}"
    return evidence_location(source, fact)


def rule_titles(report: Report) -> dict[str, str]:
    return {r.id: r.title for r in report.rules}
