"""`factcheck extract`: the facts found in each source (table or JSONL), or the benchmark protocol."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import typer
from rich.console import Console

from factcheck.cli.common import app, fail
from factcheck.errors import FactcheckError
from factcheck.report.json_ import render_jsonl


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


@app.command("extract")
def extract_cmd(
    paths: Optional[list[str]] = typer.Argument(None, help="Source files or folders."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.table, "--format", "-f", help="table or jsonl."),
    protocol: Optional[str] = typer.Option(
        None, "--protocol", help="'bench': read benchmark JSONL requests on stdin, answer on stdout."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain text output."),
) -> None:
    """Show the facts found in each source."""
    if protocol is not None:
        if protocol != "bench":
            raise typer.BadParameter(f"unknown protocol {protocol!r} (expected: bench)", param_hint="--protocol")
        from factcheck.bench import serve

        serve(sys.stdin, sys.stdout)
        raise typer.Exit(0)
    if not paths:
        raise typer.BadParameter("give at least one source file or folder", param_hint="PATHS")
    from factcheck.pipeline import extract_all
    from factcheck.sources import load_sources

    try:
        sources = load_sources(paths, on_skip=lambda p, why: typer.echo(f"factcheck: warning: skipped {p}: {why}",
                                                                         err=True))
        facts = extract_all(sources)
    except FactcheckError as exc:
        fail(exc)
        return
    if fmt is ExtractFormat.jsonl:
        sys.stdout.write(render_jsonl(facts))
        return
    from factcheck.report.tables import print_fact_tables

    print_fact_tables(sources, facts, Console(no_color=no_color, highlight=False))
