"""Command line: parse options, call the pipeline, print or write the outputs, map errors to exit codes.

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
from factcheck.errors import FactcheckError
from factcheck.fsutil import write_atomic
from factcheck.models import Severity
from factcheck.pipeline import CheckOptions, check, failed
from factcheck.report import FORMATTERS
from factcheck.report.json_ import render_jsonl
from factcheck.report.terminal import print_report

EXIT_CODES_HELP = (
    "Exit status: 0 no contradiction at or above --fail-on; 1 contradictions found; "
    "2 bad input or usage."
)

app = typer.Typer(
    name="factcheck",
    help="Cross-check the facts (dates, figures, durations, quotes) that several sources report.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="Validate and test rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


class CheckFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


def _fail(exc: FactcheckError) -> None:
    # one line, never wrapped: CI logs and editors parse `file:line: message`
    typer.echo(f"factcheck: error: {exc}", err=True)
    raise typer.Exit(2)


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
        _fail(exc)
        return
    for line in skipped:
        typer.echo(f"factcheck: warning: skipped {line}", err=True)
    report_path = None
    if not no_report:
        report_path = report or Path("reports") / f"{result.name}.md"
        try:
            write_atomic(report_path, FORMATTERS["markdown"](result))
        except OSError as exc:
            _fail(FactcheckError(f"cannot write report ({exc.strerror or exc})", path=str(report_path)))
    if fmt is CheckFormat.terminal:
        print_report(result, console, report_path=str(report_path) if report_path else None)
    else:
        sys.stdout.write(FORMATTERS[fmt.value](result))
    raise typer.Exit(1 if failed(result, fail_on.value) else 0)


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
        sources = load_sources(paths)
        facts = extract_all(sources)
    except FactcheckError as exc:
        _fail(exc)
        return
    if fmt is ExtractFormat.jsonl:
        sys.stdout.write(render_jsonl(facts))
        return
    from factcheck.report.tables import print_fact_tables

    print_fact_tables(sources, facts, Console(no_color=no_color, highlight=False))


@rules_app.command("validate")
def rules_validate(
    paths: Optional[list[str]] = typer.Argument(None, help="Rule files or folders (default: ./rules)."),
) -> None:
    """Check rule files for errors; print each rule found."""
    from factcheck.pipeline import default_rule_paths
    from factcheck.rules.loader import load_rules

    try:
        rules = load_rules(paths or default_rule_paths())
    except FactcheckError as exc:
        _fail(exc)
        return
    for rule in rules:
        state = "" if rule.spec.enabled else " (disabled)"
        print(f"{rule.path}:{rule.line}: {rule.id} [{rule.spec.check}, {rule.severity.value}]{state}")
    print(f"{len(rules)} rules OK")


@app.command("version")
def version_cmd() -> None:
    """Print the version."""
    print(__version__)


def main() -> None:
    app()
