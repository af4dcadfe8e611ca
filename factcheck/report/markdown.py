"""Markdown report: verdict, sources, contradictions with evidence, agreements, single-source facts."""

from __future__ import annotations

from collections import defaultdict

from factcheck.models import Fact, Finding, Report, Severity, Verdict
from factcheck.report.common import evidence_snippet, headline, single_source_facts
from factcheck.rules.describe import describe_value


def render_markdown(report: Report) -> str:
    out: list[str] = []
    w = out.append
    w(f"# Fact check: {report.name}\n")
    w(f"**{headline(report)}**\n")
    s = report.summary
    w(f"{s.sources} sources · {s.facts} facts · {s.contradictions} contradictions · "
      f"{s.agreements} agreements · {s.unclear} unclear · {s.unchecked} facts in one source only\n")

    w("## Sources\n")
    w("| Source | Title | Reference date | From | Facts |")
    w("| --- | --- | --- | --- | --- |")
    counts: dict[str, int] = defaultdict(int)
    for f in report.facts:
        counts[f.source_id] += 1
    for src in report.sources:
        ref = src.reference_date.isoformat() if src.reference_date else "—"
        origin = src.reference_date_from.value
        if src.reference_date_confidence and src.reference_date:
            origin += f" ({src.reference_date_confidence})"
        w(f"| `{src.path}` | {_cell(src.title or '')} | {ref} | {origin} | {counts[src.id]} |")
    w("")

    cross = [f for f in report.findings if not f.internal]
    internal = [f for f in report.findings if f.internal]
    contradictions = [f for f in cross if f.verdict is Verdict.CONTRADICT]
    w(f"## Contradictions ({len(contradictions)})\n")
    if not contradictions:
        w("No contradictions between sources.\n")
    for n, finding in enumerate(contradictions, 1):
        _finding_block(w, n, finding, report)

    unclear = [f for f in cross if f.verdict is Verdict.UNCLEAR]
    if unclear:
        w(f"## Unclear ({len(unclear)})\n")
        w("Values differ, but the facts may not be about the same thing.\n")
        for n, finding in enumerate(unclear, 1):
            _finding_block(w, n, finding, report)

    agreements = [f for f in cross if f.verdict is Verdict.AGREE]
    w(f"## Agreements ({len(agreements)})\n")
    if agreements:
        w("| What | Rule | Value | Sources |")
        w("| --- | --- | --- | --- |")
        for f in agreements:
            values = sorted({describe_value(x) for x in f.facts})
            sources = ", ".join(sorted({x.source_id for x in f.facts}))
            w(f"| {_cell(f.subject)} | `{f.rule}` | {_cell(' / '.join(values))} | {sources} |")
        w("")

    if internal:
        w(f"## Checks within one source ({len(internal)})\n")
        w("| Source | Check | Verdict | Detail |")
        w("| --- | --- | --- | --- |")
        for f in internal:
            src = f.facts[0].source_id if f.facts else ""
            lines = ", ".join(f"{x.line}" for x in f.facts)
            w(f"| `{src}`:{lines} | `{f.rule}` | {f.verdict.value} | {_cell(f.message)} |")
        w("")

    singles = single_source_facts(report)
    w(f"## Appendix: facts found in one source only ({len(singles)})\n")
    if singles:
        w("| Source:line | Kind | Text | Value |")
        w("| --- | --- | --- | --- |")
        for f in singles:
            w(f"| `{f.source_id}`:{f.line} | {f.kind.value} | {_cell(f.text)} | {_cell(describe_value(f))} |")
        w("")
    return "\n".join(out).rstrip() + "\n"


def _finding_block(w, n: int, finding: Finding, report: Report) -> None:
    sev = finding.severity.value.upper() if finding.severity is not Severity.INFO else "info"
    w(f"### {n}. {finding.title}: {finding.subject}\n")
    w(f"*{sev}* · rule `{finding.rule}`" + (f" · alignment {finding.alignment.score:.2f}"
                                           if finding.alignment else "") + "\n")
    w(f"{finding.message}\n")
    w("| Source | Value | Evidence |")
    w("| --- | --- | --- |")
    for fact in finding.facts:
        w(f"| `{fact.source}:{fact.line}` | {_cell(describe_value(fact))} | {_cell(_evidence(fact, report))} |")
    w("")


def _evidence(fact: Fact, report: Report) -> str:
    before, span, after = evidence_snippet(fact)
    return f"{before}**{span}**{after}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()
