"""`factcheck check`: run the pipeline, apply the baseline, write the outputs, print one format, and map
the result to an exit status.

Exit codes: 0 the check ran and found no contradiction at or above --fail-on (or all are baselined);
1 it found some; 2 bad input or usage (the message names the file, and line for rules and configs).
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.baseline import apply_baseline, load_baseline
from factcheck.cli.common import app, fail
from factcheck.cli.config import (
    BaselineOpt,
    ConfigOpt,
    DisableOpt,
    FailOnOpt,
    FormatOpt,
    IsolatedOpt,
    NameOpt,
    NoBaselineOpt,
    NoColorOpt,
    NoReportOpt,
    OutputOpt,
    Paths,
    ReportOpt,
    RulesOpt,
    SeverityOpt,
    cli_layer,
    effective,
)
from factcheck.config import OutputFormat, Settings
from factcheck.errors import FactcheckError
from factcheck.fsutil import write_atomic
from factcheck.models import Report
from factcheck.pipeline import CheckOptions, check, failed
from factcheck.report import FORMATTERS
from factcheck.report.terminal import SourceProgress, print_report, render_terminal
from factcheck.runner import DEFAULT_CACHE_DIR, Engine, RunSettings, available_cores
from factcheck.sources.fetch import DEFAULT_CACHE

CHECK_HELP = "\n\n".join((
    "Check sources against each other and report agreements and contradictions.",
    "Prints one format on stdout (--format: terminal, markdown, json, sarif, junit, github), writes the Markdown "
    "report (reports/<name>.md unless --report/--no-report) and any --output NAME=PATH files.",
    "Options can also be set in \\[tool.factcheck] of pyproject.toml or in factcheck.toml (see `factcheck config`).",
    "Exit status: 0 no contradiction at or above --fail-on (error, warning, never; default error), or all of them "
    "baselined; 1 contradictions found; 2 bad input or usage (a one-line message names the file).",
))  # one line per paragraph: the help is drawn with rich, which keeps the line breaks it is given


@app.command("check", help=CHECK_HELP)
def check_cmd(
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
    no_baseline: NoBaselineOpt = False,
    name: NameOpt = None,
    no_color: NoColorOpt = None,
    config: ConfigOpt = None,
    isolated: IsolatedOpt = False,
    fetch_cache: Path = typer.Option(Path(DEFAULT_CACHE), "--fetch-cache",
                                     help="Folder where pages fetched from URLs are kept and reused."),
    no_fetch: bool = typer.Option(False, "--no-fetch", help="Never use the network: URLs come from the cache only."),
    # scale: how extraction runs (factcheck/runner/)
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Processes that read and extract the sources (default: every core; 1: this process)."),
    cache_dir: Path = typer.Option(Path(DEFAULT_CACHE_DIR), "--cache-dir",
                                   help="Folder of the fact cache (facts.sqlite): unchanged sources are not "
                                        "extracted again."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Extract every source; neither read nor write the fact cache."),
    engine: Engine = typer.Option(Engine.LOCAL, "--engine",
                                  help="local: this machine; dask: tasks on a dask.distributed cluster "
                                       "(pip install 'factcheck\\[dask]')."),
    scheduler: str | None = typer.Option(None, "--scheduler",
                                            help="Address of the Dask scheduler (tcp://host:8786) for --engine dask; "
                                                 "without it a local cluster of --jobs workers is started."),
) -> None:
    cli = cli_layer(paths=paths, rules=rules, report=report, no_report=no_report, fmt=fmt, output=output,
                    fail_on=fail_on, severity=severity, disable=disable, baseline=baseline, name=name,
                    no_color=no_color)
    settings = effective(cli, config, isolated).settings
    if no_baseline:
        settings = settings.model_copy(update={"baseline": None})
    if scheduler and engine is not Engine.DASK:
        raise typer.BadParameter("a scheduler is for --engine dask (expected: --engine dask --scheduler ADDRESS)",
                                 param_hint="--scheduler")
    run = RunSettings(engine=engine, jobs=jobs or available_cores(), scheduler=scheduler,
                      cache_dir=None if no_cache else str(cache_dir))
    result = run_settings(settings, fetch_cache=str(fetch_cache), fetch=not no_fetch, run=run, keep_text=False)
    if settings.baseline:
        try:
            result = apply_baseline(result, load_baseline(settings.baseline), settings.baseline)
        except FactcheckError as exc:
            fail(exc)
    files = output_files(settings, result.name)
    write_outputs(result, files)
    emit(result, settings, files)
    raise typer.Exit(1 if failed(result, settings.fail_on.value) else 0)


def run_settings(settings: Settings, *, fetch_cache: str | None = DEFAULT_CACHE, fetch: bool = True,
                 run: RunSettings | None = None, keep_text: bool = True) -> Report:
    """Run the pipeline for these settings; bad input exits 2. Skipped files are warned about on stderr."""
    if not settings.paths:
        raise typer.BadParameter("give at least one source file or folder (or set `paths` in the configuration)",
                                 param_hint="PATHS")
    options = CheckOptions(paths=settings.paths, rules=settings.rules, name=settings.name,
                           severity=settings.severity, disable=settings.disable, fetch_cache=fetch_cache, fetch=fetch,
                           run=run or RunSettings(), keep_text=keep_text)
    skipped: list[str] = []
    notes: list[str] = []
    err = Console(stderr=True)
    try:
        with SourceProgress(err) as progress:
            result = check(options, progress=progress, on_skip=lambda p, why: skipped.append(f"{p}: {why}"),
                           on_note=notes.append)
    except FactcheckError as exc:
        fail(exc)
        raise  # not reached
    for line in skipped:
        typer.echo(f"factcheck: warning: skipped {line}", err=True)
    for line in notes:
        typer.echo(f"factcheck: warning: {line}", err=True)
    return result


def output_files(settings: Settings, name: str) -> dict[Path, OutputFormat]:
    """Every file to write, and its format. The Markdown report is `--report`, `--output markdown=…`,
    or reports/<name>.md, unless --no-report."""
    files = {Path(path): fmt for fmt, path in settings.outputs.items()}
    has_markdown = OutputFormat.markdown in settings.outputs
    if settings.report and not has_markdown:
        files[Path(settings.report)] = OutputFormat.markdown
    elif not settings.no_report and not has_markdown:
        files[Path("reports") / f"{name}.md"] = OutputFormat.markdown
    return dict(sorted(files.items(), key=lambda kv: str(kv[0])))


def write_outputs(result: Report, files: dict[Path, OutputFormat]) -> None:
    """Render everything first, then write each file atomically: a failure leaves no partial file."""
    rendered = {path: FORMATTERS[fmt.value](result) for path, fmt in files.items()}
    for path, text in rendered.items():
        try:
            write_atomic(path, text)
        except OSError as exc:
            fail(FactcheckError(f"cannot write output ({exc.strerror or exc})", path=str(path)))


def emit(result: Report, settings: Settings, written: dict[Path, OutputFormat]) -> None:
    """Print the stdout format: rich on a colour terminal, plain text otherwise."""
    if settings.format is not OutputFormat.terminal:
        sys.stdout.write(FORMATTERS[settings.format.value](result))
        return
    console = Console(no_color=settings.no_color, highlight=False, soft_wrap=False)
    report_path = next((str(p) for p, fmt in written.items() if fmt is OutputFormat.markdown), None)
    others = [str(p) for p in written if str(p) != report_path]
    if console.is_terminal and not settings.no_color:
        print_report(result, console, report_path=report_path, outputs=others)
    else:
        width = console.width if console.is_terminal else None
        text = render_terminal(result, report_path=report_path, outputs=others, **({"width": width} if width else {}))
        sys.stdout.write(text)


@app.command("version")
def version_cmd() -> None:
    """Print the version."""
    print(__version__)
