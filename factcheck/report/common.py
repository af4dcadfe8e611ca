"""Pieces every report format shares: the one-line verdict, evidence snippets, unchecked facts."""

from __future__ import annotations

from factcheck.models import Fact, Report, Severity, Verdict

SNIPPET_CHARS = 90  # context shown either side of a fact's span


def headline(report: Report) -> str:
    errors = len(report.contradictions(Severity.ERROR))
    total = report.summary.contradictions
    n = report.summary.sources
    if total == 0:
        return f"No contradictions found across {n} sources ({report.summary.agreements} agreements)."
    kinds = f"{errors} error{'s' if errors != 1 else ''}" if errors else "no errors"
    return (f"{total} contradiction{'s' if total != 1 else ''} ({kinds}) across {n} sources; "
            f"{report.summary.agreements} agreements.")


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
    return before, fact.text, after


def single_source_facts(report: Report) -> list[Fact]:
    """Facts no cross-source finding covers (agreement, contradiction or unclear)."""
    covered = {f.key for finding in report.findings if not finding.internal for f in finding.facts}
    return [f for f in report.facts if f.key not in covered]


def count_findings(findings) -> tuple[int, int, int]:
    cross = [f for f in findings if not f.internal]
    return (
        sum(f.verdict is Verdict.AGREE for f in cross),
        sum(f.verdict is Verdict.CONTRADICT for f in findings),
        sum(f.verdict is Verdict.UNCLEAR for f in cross),
    )
