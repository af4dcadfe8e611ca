"""Terminal output with rich: a summary panel, contradictions with their evidence coloured by severity,
agreements in brief, the sources and their reference dates; and a progress bar for long runs.

Input: a Report (and a rich Console). Output: printed on the console; `render_terminal` returns the
plain-text form (no colour, no box) that a non-TTY or `--no-color` gets.
"""

from __future__ import annotations

import io
from collections import Counter

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from factcheck.describe import describe_value, event_label
from factcheck.models import Fact, FactKind, Finding, Report, Severity, Source, Verdict
from factcheck.report.common import (
    contradictions,
    cross_findings,
    evidence_snippet,
    headline,
    plural,
    ref_origin,
    source_index,
    where,
)

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}
AGREEMENT_EXAMPLES = 5
PLAIN_WIDTH = 100  # plain text goes to logs and files, which do not wrap at 80
PROGRESS_MIN_SOURCES = 10  # fewer sources finish before a bar is worth drawing
MAX_SOURCE_ROWS = 25  # an archive's sources are summed up after this many rows (the Markdown report lists all)

_KIND_WORDS = {FactKind.DATE: "date", FactKind.DATE_RANGE: "date", FactKind.QUOTE: "quote"}


def print_report(report: Report, console: Console, *, report_path: str | None = None,
                 outputs: list[str] | None = None) -> None:
    """The whole terminal report; `console.no_color` or a non-terminal console gives plain text."""
    plain = console.no_color or not console.is_terminal
    _summary(report, console, plain, report_path, outputs or [])
    _contradictions(report, console)
    _baseline(report, console)
    _agreements(report, console)
    _sources(report, console)


def render_terminal(report: Report, *, width: int = PLAIN_WIDTH, report_path: str | None = None,
                    outputs: list[str] | None = None) -> str:
    """The plain-text terminal report, as a string: for a non-TTY, `--no-color`, `--output terminal=FILE`."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, color_system=None, highlight=False,
                      emoji=False, force_terminal=False)
    print_report(report, console, report_path=report_path, outputs=outputs)
    # rich pads table cells to the full width: trailing blanks are noise in logs and diffs
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


# ---------------------------------------------------------------- sections


def _summary(report: Report, console: Console, plain: bool, report_path: str | None, outputs: list[str]) -> None:
    s = report.summary
    bad = s.contradictions > 0
    mark, style = ("✗", "bold red") if bad else ("✓", "bold green")
    lines: list[Text] = [Text(f"{mark} {headline(report)}", style=style)]
    lines.append(Text(f"{plural(s.sources, 'source')} · {plural(s.facts, 'fact')} · "
                      f"{plural(s.agreements, 'agreement')} · {plural(s.contradictions, 'contradiction')} · "
                      f"{s.unclear} unclear · {plural(s.unchecked, 'single-source fact')}"))
    for path in ([report_path] if report_path else []) + outputs:
        lines.append(Text(f"wrote {path}", style="dim"))
    if plain:
        console.print(Text(f"factcheck · {report.name}", style="bold"))
        for line in lines:
            console.print(line)
        console.print()
        return
    console.print(Panel(Group(*lines), title=f"factcheck · {report.name}", title_align="left",
                        border_style="red" if bad else "green"))


def _contradictions(report: Report, console: Console) -> None:
    found = contradictions(report)
    if not found:
        return
    console.print(Text(f"Contradictions ({len(found)})", style="bold underline"))
    sources = source_index(report)
    for n, finding in enumerate(found, 1):
        _finding(n, finding, console, sources)


def _finding(n: int, finding: Finding, console: Console, sources: dict[str, Source]) -> None:
    sev = SEVERITY_STYLE[finding.severity]
    scope = " (within one source)" if finding.internal else ""
    console.print(Text.assemble((f"{n}. ", "bold"), (f"{finding.severity.value.upper()} ", sev),
                                (f"{finding.title}: {event_label(finding.facts)}{scope}", "bold"),
                                (f"  [{finding.rule}]", "dim")))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style=sev, max_width=28)
    grid.add_column(ratio=1)
    for fact in finding.facts:
        # Text, not markup: brackets in values, names and paths are shown as written
        grid.add_row(Text(describe_value(fact) if fact.kind is not FactKind.QUOTE else _speaker(fact)),
                     _evidence(fact, where(fact, sources)))
    # justified and cut as a table cell would be (its padding dim, a long word cut short) as before
    console.print(_indent(Group(Text(finding.message, style="dim", justify="left", overflow="ellipsis"), grid)))
    console.print()


def _baseline(report: Report, console: Console) -> None:
    status = report.baseline
    if status is None:
        return
    console.print(Text(f"{len(status.findings)} known contradiction{'s' if len(status.findings) != 1 else ''} "
                       f"baselined in {status.path}", style="dim"))
    if status.stale:
        console.print(Text(f"{len(status.stale)} stale baseline entr{'ies' if len(status.stale) != 1 else 'y'} "
                           "(no longer found; recreate with `factcheck baseline create`):", style="yellow"))
        for entry in status.stale:
            console.print(Text(f"   {entry.fingerprint}  {entry.rule}  {entry.subject}"))
    console.print()


def _agreements(report: Report, console: Console) -> None:
    agreements = cross_findings(report, Verdict.AGREE)
    if not agreements:
        return
    kinds = Counter(_KIND_WORDS.get(f.facts[0].kind, "figure") for f in agreements if f.facts)
    parts = ", ".join(plural(n, word) for word, n in sorted(kinds.items()))
    console.print(Text(f"Agreements ({len(agreements)}: {parts}), the most widely confirmed:", style="bold green"))
    n_sources = {id(f): len({x.source_id for x in f.facts}) for f in agreements}
    # sort_key (a fingerprint) only for the findings that can be among the widest: as many sources as
    # the AGREEMENT_EXAMPLES-th widest at least
    least = sorted(n_sources.values(), reverse=True)[:AGREEMENT_EXAMPLES][-1]
    widest = sorted((f for f in agreements if n_sources[id(f)] >= least),
                    key=lambda f: (-n_sources[id(f)], f.sort_key()))
    for finding in widest[:AGREEMENT_EXAMPLES]:
        srcs = n_sources[id(finding)]
        distinct = sorted({describe_value(x) for x in finding.facts})
        if finding.facts[0].kind is FactKind.QUOTE:  # the label already quotes it; wordings are in the report
            values = f"{len(distinct)} wording{'s' if len(distinct) != 1 else ''}"
        else:
            values = " / ".join(distinct)
        console.print(Text.assemble(("   ✓ ", "green"), f"{event_label(finding.facts)}: ", (values, "bold"),
                                    (f"  ({srcs} sources)", "dim")))
    console.print()


def _sources(report: Report, console: Console) -> None:
    table = Table(title="Sources and their reference dates", title_justify="left", box=None, pad_edge=False,
                  show_edge=False, header_style="bold")
    table.add_column("source", overflow="fold")
    table.add_column("reference date", no_wrap=True)
    table.add_column("from", no_wrap=True)
    table.add_column("facts", justify="right")
    counts = Counter(f.source_id for f in report.facts)
    for src in report.sources[:MAX_SOURCE_ROWS]:
        table.add_row(Text(src.path), src.reference_date.isoformat() if src.reference_date else "none",
                      ref_origin(src), str(counts[src.id]))
    console.print(table)
    rest = len(report.sources) - MAX_SOURCE_ROWS
    if rest > 0:
        origins = Counter(ref_origin(src, confidence=False) for src in report.sources)
        dated = ", ".join(f"{origin} {n:,}" for origin, n in sorted(origins.items(), key=lambda kv: (-kv[1], kv[0])))
        console.print(f"… and {rest:,} more sources (the Markdown report lists every one). "
                      f"Reference dates of all {len(report.sources):,}: {dated}.")


# ---------------------------------------------------------------- pieces


def _evidence(fact: Fact, location: str) -> Text:
    before, span, after = evidence_snippet(fact)
    return Text.assemble((location, "cyan"), "\n", before, (span, "bold underline"), after)


def _speaker(fact: Fact) -> str:
    speaker = getattr(fact.value, "speaker", None)
    return f"quote ({speaker})" if speaker else "quote"


def _indent(renderable) -> Padding:
    # the same lines as a grid with an empty first column 3 wide (not expanded: as wide as the content),
    # for 60% of the cost: a table measures its cells again, and these cells hold a table
    return Padding(renderable, (0, 0, 0, 3), expand=False)


# ---------------------------------------------------------------- progress


class SourceProgress:
    """A progress bar on stderr for runs over many sources; silent otherwise (and never on a non-TTY).
    Once drawn, it follows the later stages of the run too (the rules, one by one)."""

    def __init__(self, console: Console, minimum: int = PROGRESS_MIN_SOURCES):
        self.console = console
        self.minimum = minimum
        self.progress: Progress | None = None
        self.task = None
        self.stage: str | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.progress is None:
            if stage not in _COUNTED or not self.console.is_terminal:
                return
            if total < max(self.minimum, _COUNTED[stage][1]):
                return
            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=self.console, transient=True)
            self.progress.start()
            self.task = self.progress.add_task(_stage_label(stage), total=total)
        name = stage.partition(" ")[0]
        if name != self.stage:  # a new stage: a new count (and a new time estimate)
            self.stage = name
            # the description goes with the reset: the refresh thread may draw before the update
            self.progress.reset(self.task, total=total, description=_stage_label(stage))
        self.progress.update(self.task, completed=done, description=_stage_label(stage))

    def __enter__(self) -> SourceProgress:
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


# The stages whose count decides whether a bar is worth drawing, what they count, and how many at
# least. Loading is fast: a bar drawn that early also makes extraction start its workers from a
# fork server (a refresh thread is running), about a second more: worth it for an archive only.
_COUNTED = {"load": ("sources", 2000), "extract": ("sources", 0)}


def _stage_label(stage: str) -> str:
    """ "extract" -> "extract: sources"; "rules event-date" -> "rules: event-date"."""
    name, _, detail = stage.partition(" ")
    return f"{name}: {detail or _COUNTED.get(name, ('',))[0]}".rstrip(": ")
