"""`factcheck check`: run the pipeline, write the report, print the summary, map the result to an exit status.

Exit codes: 0 the check ran and found no contradiction at or above --fail-on;
1 it found some; 2 bad input or usage (the message names the file, and line for rules).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.cli.common import app, fail
from factcheck.errors import FactcheckError
from factcheck.fsutil import write_atomic
from factcheck.models import Severity
from factcheck.pipeline import CheckOptions, check, failed
from factcheck.report import FORMATTERS
from factcheck.report.terminal import print_report


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class CheckFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


def _parse_severities(items: list[str]) -> dict[str, Severity]:
    out = {}
    for item in items:
        rule_id, sep, level = item.partition("=")
        try:
            out[rule_id] = Severity(level)
        except ValueError:
            raise typer.BadParameter(f"{item!r}: expected RULE=error|warning|info", param_hint="--severity") from None
        if not sep:
            raise typer.BadParameter(f"{item!r}: expected RULE=LEVEL", param_hint="--severity")
    return out


@app.command("check")
def check_cmd(
    paths: list[str] = typer.Argument(..., help="Source files or folders (all .txt/.md files in them)."),
    rules: Optional[list[str]] = typer.Option(
        None, "--rules", "-r", help="Rule file or folder (repeatable). Default: ./rules, else the built-in pack."),
    report: Optional[Path] = typer.Option(
        None, "--report", help="Markdown report to write. Default: reports/<name>.md"),
    no_report: bool = typer.Option(False, "--no-report", help="Do not write the Markdown report."),
    fmt: CheckFormat = typer.Option(CheckFormat.terminal, "--format", "-f", help="What to print on stdout."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on",
                                   help="Lowest contradiction severity that makes the exit status 1."),
    severity: Optional[list[str]] = typer.Option(
        None, "--severity", help="Override a rule's severity: RULE=error|warning|info (repeatable)."),
    disable: Optional[list[str]] = typer.Option(None, "--disable", help="Disable a rule by id (repeatable)."),
    name: Optional[str] = typer.Option(None, "--name", help="Report name (default: the first path's name)."),
    no_color: bool = typer.Option(False, "--no-color", help="Plain text output."),
) -> None:
    """Check sources against each other and report agreements and contradictions.

    Exit status: 0 no contradiction at or above --fail-on; 1 contradictions found; 2 bad input or usage."""
    console = Console(no_color=no_color, highlight=False, soft_wrap=False)
    options = CheckOptions(paths=paths, rules=rules or [], name=name,
                           severity=_parse_severities(severity or []), disable=disable or [])
    skipped: list[str] = []
    try:
        result = check(options, on_skip=lambda p, why: skipped.append(f"{p}: {why}"))
    except FactcheckError as exc:
        fail(exc)
        return
    for line in skipped:
        typer.echo(f"factcheck: warning: skipped {line}", err=True)
    report_path = None
    if not no_report:
        report_path = report or Path("reports") / f"{result.name}.md"
        try:
            write_atomic(report_path, FORMATTERS["markdown"](result))
        except OSError as exc:
            fail(FactcheckError(f"cannot write report ({exc.strerror or exc})", path=str(report_path)))
    if fmt is CheckFormat.terminal:
        print_report(result, console, report_path=str(report_path) if report_path else None)
    else:
        sys.stdout.write(FORMATTERS[fmt.value](result))
    raise typer.Exit(1 if failed(result, fail_on.value) else 0)


@app.command("version")
def version_cmd() -> None:
    """Print the version."""
    print(__version__)
