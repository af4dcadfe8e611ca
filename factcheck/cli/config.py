"""`factcheck config`: print the configuration in effect and where each value came from.

Also the options `check`, `baseline create` and `config` share (declared once, as typer Annotated
types) and how their values become the command-line layer of the configuration (factcheck/config.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from factcheck.cli.common import app, fail
from factcheck.config import Effective, FailOn, OutputFormat, resolve, show
from factcheck.errors import FactcheckError
from factcheck.models import Severity

FORMAT_NAMES = ", ".join(f.value for f in OutputFormat)

Paths = Annotated[Optional[list[str]], typer.Argument(
    help="Source files or folders (all .txt/.md files in them). Default: `paths` from the configuration.")]
RulesOpt = Annotated[Optional[list[str]], typer.Option(
    "--rules", "-r", help="Rule file or folder (repeatable). Default: ./rules, else the built-in pack.")]
SeverityOpt = Annotated[Optional[list[str]], typer.Option(
    "--severity", help="Override a rule's severity: RULE=error|warning|info (repeatable).")]
DisableOpt = Annotated[Optional[list[str]], typer.Option("--disable", help="Disable a rule by id (repeatable).")]
NameOpt = Annotated[Optional[str], typer.Option("--name", help="Report name (default: the first path's name).")]
ConfigOpt = Annotated[Optional[Path], typer.Option(
    "--config", help="Configuration file (default: the nearest factcheck.toml, or pyproject.toml with "
    "\\[tool.factcheck], from the working directory up).")]
IsolatedOpt = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
ReportOpt = Annotated[Optional[Path], typer.Option(
    "--report", help="Markdown report to write (same as --output markdown=PATH). Default: reports/<name>.md")]
NoReportOpt = Annotated[Optional[bool], typer.Option("--no-report", help="Do not write the Markdown report.")]
FormatOpt = Annotated[Optional[OutputFormat], typer.Option(
    "--format", "-f", help="What to print on stdout. Default: terminal (plain text when not a TTY).")]
OutputOpt = Annotated[Optional[list[str]], typer.Option(
    "--output", "-o", help=f"Also write a format to a file: NAME=PATH (repeatable; NAME: {FORMAT_NAMES}).")]
FailOnOpt = Annotated[Optional[FailOn], typer.Option(
    "--fail-on", help="Lowest contradiction severity that makes the exit status 1 (default: error).")]
BaselineOpt = Annotated[Optional[Path], typer.Option(
    "--baseline", help="Baseline file of known contradictions: only new ones are reported and fail.")]
NoBaselineOpt = Annotated[bool, typer.Option("--no-baseline", help="Ignore the configured baseline file.")]
NoColorOpt = Annotated[Optional[bool], typer.Option("--no-color", help="Plain text output.")]


def parse_pairs(items: list[str] | None, option: str, expected: str) -> dict[str, str] | None:
    """`A=B` items of a repeatable option as a mapping (None when the option was not given)."""
    if not items:
        return None
    out: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise typer.BadParameter(f"{item!r}: expected {expected}", param_hint=option)
        out[key.strip()] = value.strip()
    return out


def parse_severities(items: list[str] | None) -> dict[str, Severity] | None:
    pairs = parse_pairs(items, "--severity", "RULE=error|warning|info")
    if pairs is None:
        return None
    try:
        return {rule: Severity(level) for rule, level in pairs.items()}
    except ValueError:
        bad = next(f"{r}={lv}" for r, lv in pairs.items() if lv not in {s.value for s in Severity})
        raise typer.BadParameter(f"{bad!r}: expected RULE=error|warning|info", param_hint="--severity") from None


def parse_outputs(items: list[str] | None) -> dict[str, str] | None:
    pairs = parse_pairs(items, "--output", "NAME=PATH")
    if pairs is None:
        return None
    for name in pairs:
        if name not in {f.value for f in OutputFormat}:
            raise typer.BadParameter(f"unknown format {name!r} (expected one of: {FORMAT_NAMES})",
                                     param_hint="--output")
    return pairs


def cli_layer(*, paths=None, rules=None, report=None, no_report=None, fmt=None, output=None, fail_on=None,
              severity=None, disable=None, baseline=None, name=None, no_color=None) -> dict[str, Any]:
    """The values given on the command line, keyed like the configuration; None: not given."""
    return {
        "paths": paths or None, "rules": rules or None, "report": str(report) if report else None,
        "no_report": no_report, "format": fmt, "outputs": parse_outputs(output), "fail_on": fail_on,
        "severity": parse_severities(severity), "disable": disable or None,
        "baseline": str(baseline) if baseline else None, "name": name, "no_color": no_color,
    }


def effective(cli: dict[str, Any], config: Path | None, isolated: bool) -> Effective:
    """The configuration in force, or exit 2 with the file and line of what is wrong."""
    try:
        return resolve(cli, config=str(config) if config else None, isolated=isolated)
    except FactcheckError as exc:
        fail(exc)
        raise  # not reached: fail() exits


@app.command("config")
def config_cmd(
    paths: Paths = None,
    rules: RulesOpt = None,
    report: ReportOpt = None,
    no_report: NoReportOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    fail_on: FailOnOpt = None,
    severity: SeverityOpt = None,
    disable: DisableOpt = None,
    baseline: BaselineOpt = None,
    name: NameOpt = None,
    no_color: NoColorOpt = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Print the configuration in effect (as TOML) and where each value came from.

    Takes the same options as `check`, so you can see what a command line would change."""
    cli = cli_layer(paths=paths, rules=rules, report=report, no_report=no_report, fmt=fmt, output=output,
                    fail_on=fail_on, severity=severity, disable=disable, baseline=baseline, name=name,
                    no_color=no_color)
    typer.echo(show(effective(cli, config, isolated)), nl=False)
