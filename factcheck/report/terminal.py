"""Terminal output with rich: a summary panel, contradictions with evidence, coloured by severity."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.models import Fact, Report, Severity, Verdict
from factcheck.report.common import evidence_snippet, headline
from factcheck.rules.describe import describe_value

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_report(report: Report, console: Console, *, report_path: str | None = None) -> None:
    s = report.summary
    style = "red" if s.contradictions else "green"
    summary = Table.grid(padding=(0, 2))
    summary.add_row("sources", str(s.sources), "facts", str(s.facts))
    summary.add_row("contradictions", str(s.contradictions), "agreements", str(s.agreements))
    summary.add_row("unclear", str(s.unclear), "single-source facts", str(s.unchecked))
    body = [Text(headline(report), style=f"bold {style}"), summary]
    if report_path:
        body.append(Text(f"report: {report_path}", style="dim"))
    console.print(Panel(Group(*body), title=f"factcheck · {report.name}", border_style=style))

    for n, finding in enumerate(report.contradictions(), 1):
        sev = SEVERITY_STYLE[finding.severity]
        console.print(Text.assemble((f"{n}. {finding.severity.value.upper()} ", sev),
                                    (f"{finding.title}: {finding.subject}", "bold"),
                                    (f"  [{finding.rule}]", "dim")))
        console.print(Text("   " + finding.message))
        for fact in finding.facts:
            console.print(_evidence_line(fact))
        console.print()
    agreements = [f for f in report.findings if f.verdict is Verdict.AGREE and not f.internal]
    if agreements:
        console.print(Text(f"{len(agreements)} agreements, e.g.:", style="green"))
        for finding in agreements[:5]:
            values = " / ".join(sorted({describe_value(x) for x in finding.facts}))
            srcs = len({x.source_id for x in finding.facts})
            console.print(Text(f"   ✓ {finding.subject}: {values} ({srcs} sources)"))


def _evidence_line(fact: Fact) -> Text:
    before, span, after = evidence_snippet(fact)
    return Text.assemble(("   " + f"{fact.source}:{fact.line}  ", "dim"), (describe_value(fact), "bold"),
                         "  ", before, (span, "underline"), after)
