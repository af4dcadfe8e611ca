"""`factcheck check`: run the pipeline, apply the baseline, write the outputs, print one format, and map
the result to an exit status.

Exit codes: 0 the check ran and found no contradiction at or above --fail-on (or all are baselined);
1 it found some; 2 bad input or usage (the message names the file, and line for rules and configs).
"""

from __future__ import annotations

import hashlib
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
from factcheck.pipeline import (
    CheckOptions,
    Prepared,
    check,
    failed,
    outputs_key,
    prepare,
)
from factcheck.pipeline import run as run_prepared
from factcheck.report import FORMATTERS
from factcheck.report.terminal import SourceProgress, print_report, render_terminal
from factcheck.runner import (
    DEFAULT_CACHE_DIR,
    Engine,
    RunSettings,
    available_cores,
    reuse_outputs,
    store_outputs,
)
from factcheck.runner.results import Outputs
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
                                        "extracted again, and a run with unchanged sources, rules and outputs "
                                        "writes what it wrote last time."),
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
    options = check_options(settings, fetch_cache=str(fetch_cache), fetch=not no_fetch, run=run, keep_text=False)
    files = output_files(settings, options.report_name)
    with Session() as session:
        prepared = session.do(lambda: prepare(options, session.progress, session.skip))
        key = _outputs_key(prepared, settings, files)
        reused = reuse_outputs(run.cache_dir, key, session.note) if key and run.cache_dir else None
        if reused is None:
            result = session.do(lambda: run_prepared(prepared, session.progress, session.note))
    if reused is not None:  # an unchanged run: what it wrote and printed last time
        write_files({Path(path): text for path, text in reused.files.items()})
        sys.stdout.write(reused.stdout)
        raise typer.Exit(reused.exit)
    if settings.baseline:
        try:
            result = apply_baseline(result, load_baseline(settings.baseline), settings.baseline)
        except FactcheckError as exc:
            fail(exc)
    written = write_outputs(result, files)
    printed = emit(result, settings, files)
    code = 1 if failed(result, settings.fail_on.value) else 0
    if key and run.cache_dir and printed is not None:
        store_outputs(run.cache_dir, key, Outputs(files={str(p): t for p, t in written.items()}, stdout=printed,
                                                  exit=code), warn)
    raise typer.Exit(code)


def _outputs_key(prepared: Prepared, settings: Settings, files: dict[Path, OutputFormat]) -> str | None:
    """The key of what this run writes and prints (see runner.outputs_key); None when it cannot
    be reused: no cache, a report drawn on a colour terminal, or a baseline that cannot be read
    (the run reports that)."""
    colour, width = _terminal_mode(settings)
    if colour:
        return None
    baseline = None
    if settings.baseline:
        try:
            baseline = [settings.baseline, hashlib.sha256(Path(settings.baseline).read_bytes()).hexdigest()]
        except OSError:
            return None
    return outputs_key(prepared, {
        "files": {str(p): fmt.value for p, fmt in files.items()},
        "stdout": settings.format.value,
        "width": width,
        "fail_on": settings.fail_on.value,
        "baseline": baseline,
        "cwd": str(Path.cwd()),  # SARIF names sources relative to it
    })


class Session:
    """One run on the command line: its progress bar, the files it skipped and its notes (warned
    about on stderr once the run is over), and bad input turned into exit status 2."""

    def __init__(self):
        self.progress = SourceProgress(Console(stderr=True))
        self.skipped: list[str] = []
        self.notes: list[str] = []

    def skip(self, path, why) -> None:
        self.skipped.append(f"{path}: {why}")

    def note(self, message: str) -> None:
        self.notes.append(message)

    def do(self, step):
        try:
            return step()
        except FactcheckError as exc:
            self.progress.__exit__(None, None, None)  # the bar is gone before the error is printed
            fail(exc)
            raise  # not reached

    def __enter__(self) -> Session:
        self.progress.__enter__()
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.progress.__exit__(exc_type, *exc)
        if exc_type is not None:
            return  # bad input: its one-line error says it all
        for line in self.skipped:
            warn(f"skipped {line}")
        for line in self.notes:
            warn(line)


def warn(message: str) -> None:
    typer.echo(f"factcheck: warning: {message}", err=True)


def check_options(settings: Settings, *, fetch_cache: str | None = DEFAULT_CACHE, fetch: bool = True,
                  run: RunSettings | None = None, keep_text: bool = True) -> CheckOptions:
    """The pipeline's options for these settings; no paths is a usage error (exit 2)."""
    if not settings.paths:
        raise typer.BadParameter("give at least one source file or folder (or set `paths` in the configuration)",
                                 param_hint="PATHS")
    return CheckOptions(paths=settings.paths, rules=settings.rules, name=settings.name,
                        severity=settings.severity, disable=settings.disable, fetch_cache=fetch_cache, fetch=fetch,
                        run=run or RunSettings(), keep_text=keep_text)


def run_settings(settings: Settings, *, fetch_cache: str | None = DEFAULT_CACHE, fetch: bool = True,
                 run: RunSettings | None = None, keep_text: bool = True) -> Report:
    """Run the pipeline for these settings; bad input exits 2. Skipped files are warned about on stderr."""
    options = check_options(settings, fetch_cache=fetch_cache, fetch=fetch, run=run, keep_text=keep_text)
    with Session() as session:
        return session.do(lambda: check(options, progress=session.progress, on_skip=session.skip,
                                        on_note=session.note))


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


def write_outputs(result: Report, files: dict[Path, OutputFormat]) -> dict[Path, str]:
    """Render everything first, then write each file atomically: a failure leaves no partial file."""
    rendered = {path: FORMATTERS[fmt.value](result) for path, fmt in files.items()}
    write_files(rendered)
    return rendered


def write_files(rendered: dict[Path, str]) -> None:
    for path, text in rendered.items():
        try:
            write_atomic(path, text)
        except OSError as exc:
            fail(FactcheckError(f"cannot write output ({exc.strerror or exc})", path=str(path)))


def emit(result: Report, settings: Settings, written: dict[Path, OutputFormat]) -> str | None:
    """Print the stdout format: rich on a colour terminal, plain text otherwise. Returns the text
    printed, None when rich drew it."""
    if settings.format is not OutputFormat.terminal:
        text = FORMATTERS[settings.format.value](result)
        sys.stdout.write(text)
        return text
    report_path = next((str(p) for p, fmt in written.items() if fmt is OutputFormat.markdown), None)
    others = [str(p) for p in written if str(p) != report_path]
    colour, width = _terminal_mode(settings)
    if colour:
        print_report(result, Console(highlight=False, soft_wrap=False), report_path=report_path, outputs=others)
        return None
    text = render_terminal(result, report_path=report_path, outputs=others, **({"width": width} if width else {}))
    sys.stdout.write(text)
    return text


def _terminal_mode(settings: Settings) -> tuple[bool, int | None]:
    """How the terminal format is printed: (drawn in colour by rich, on a colour terminal; the
    width of the plain text, the terminal's when stdout is one). Not the terminal format: (False, None)."""
    if settings.format is not OutputFormat.terminal:
        return False, None
    console = Console()
    if not console.is_terminal:
        return False, None
    return not settings.no_color, console.width


@app.command("version")
def version_cmd() -> None:
    """Print the version."""
    print(__version__)
