"""`factcheck extract` output: one rich table of facts per source."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck.describe import describe_value
from factcheck.models import Fact, Source
from factcheck.report.common import ref_origin


def print_fact_tables(sources: list[Source], facts: list[Fact], console: Console) -> None:
    by_source: dict[str, list[Fact]] = {s.id: [] for s in sources}
    for f in facts:
        by_source[f.source_id].append(f)
    for src in sources:
        dated = f"reference date {src.reference_date.isoformat()}, {ref_origin(src)}" if src.reference_date \
            else "no reference date"
        table = Table(title=Text(f"{src.path} — {dated}"),
                      title_justify="left", show_lines=False)
        table.add_column("line", justify="right")
        table.add_column("kind")
        table.add_column("text")
        table.add_column("value")
        table.add_column("about")
        for f in by_source[src.id]:
            about = f.context.head or ""
            if f.context.section.value != "body":
                about += f" [{f.context.section.value}]"
            # Text, not markup: "[boilerplate]" and brackets in the sources' words are shown as written
            table.add_row(str(f.line), f.kind.value, Text(f.text), Text(describe_value(f)), Text(about))
        console.print(table)
