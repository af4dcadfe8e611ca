"""What the command modules share: the typer apps and how errors become exit status 2."""

from __future__ import annotations

import typer

from factcheck.errors import FactcheckError

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


def fail(exc: FactcheckError) -> None:
    """Print the error on one line (CI logs and editors parse `file:line: message`) and exit 2."""
    typer.echo(f"factcheck: error: {exc}", err=True)
    raise typer.Exit(2)
