"""`factcheck explain`: the chain behind one finding — spans, values, alignment, comparison."""

from __future__ import annotations

from typing import Optional

import typer

from factcheck.cli.common import app, fail
from factcheck.errors import FactcheckError


@app.command("explain")
def explain_cmd(
    paths: list[str] = typer.Argument(..., help="The sources the finding came from."),
    finding: str = typer.Option(..., "--finding", "-F",
                                help="Fingerprint (or prefix), C<n> (n-th contradiction), A<n>, U<n>, or a rule id."),
    rules: Optional[list[str]] = typer.Option(None, "--rules", "-r", help="Rule file or folder (repeatable)."),
) -> None:
    """Show why a finding was made: its spans, values, alignment and comparison.

    Per fact: its span, parsed value and normalized value.

    Then why the facts were aligned (score, shared names and words), and how the rule compared them.
    """
    from factcheck.explain import explain, find_finding
    from factcheck.pipeline import CheckOptions, check_with_rules, prepare_rules

    try:
        loaded = prepare_rules(CheckOptions(paths=paths, rules=rules or []))
        report = check_with_rules(paths, loaded)
        chosen = find_finding(report, finding)
        lines = explain(report, chosen, loaded)
    except FactcheckError as exc:
        fail(exc)
        return
    typer.echo("\n".join(lines))
