"""`factcheck baseline create`: record the current contradictions as known, so CI fails only on new ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.baseline import (
    BaselineFile,
    baseline_format,
    create_baseline,
    load_baseline,
    render_baseline,
)
from factcheck.cli.check import run_settings
from factcheck.cli.common import app, fail
from factcheck.cli.config import (
    ConfigOpt,
    DisableOpt,
    IsolatedOpt,
    NameOpt,
    Paths,
    RulesOpt,
    SeverityOpt,
    cli_layer,
    effective,
)
from factcheck.errors import ConfigError, FactcheckError
from factcheck.fsutil import write_atomic

baseline_app = typer.Typer(help="Record known contradictions, so `check --baseline FILE` reports only new ones.",
                           no_args_is_help=True)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("create")
def baseline_create(
    paths: Paths = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Baseline file to write (.yaml, or .json). Default: `baseline` from the "
        "configuration.")] = None,
    rules: RulesOpt = None,
    severity: SeverityOpt = None,
    disable: DisableOpt = None,
    name: NameOpt = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
) -> None:
    """Write the fingerprints of the current contradictions (rule + facts' sources, kinds and values; no
    line numbers) to a file, sorted. Reasons already in that file are kept for entries still found."""
    cli = cli_layer(paths=paths, rules=rules, severity=severity, disable=disable, name=name)
    settings = effective(cli, config, isolated).settings
    target = output or (Path(settings.baseline) if settings.baseline else None)
    if target is None:
        raise typer.BadParameter("give the baseline file to write (or set `baseline` in the configuration)",
                                 param_hint="--output")
    previous = _previous(target)
    report = run_settings(settings)
    baseline = create_baseline(report, previous)
    try:
        write_atomic(target, render_baseline(baseline, baseline_format(target)))
    except OSError as exc:
        fail(FactcheckError(f"cannot write baseline ({exc.strerror or exc})", path=str(target)))
    n = len(baseline.findings)
    kept = sum(1 for e in baseline.findings if e.reason)
    typer.echo(f"wrote {n} known contradiction{'s' if n != 1 else ''} to {target}"
               + (f" ({kept} with reasons kept)" if kept else ""), err=True)


def _previous(target: Path) -> BaselineFile | None:
    """The baseline being replaced, for its reasons; an unreadable one is an error, not silently lost."""
    if not target.exists():
        return None
    try:
        return load_baseline(target)
    except ConfigError as exc:
        fail(exc)
        raise  # not reached
