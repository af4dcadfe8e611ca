"""`factcheck rules ...`: validate and test rule files."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from factcheck.cli.common import fail, rules_app
from factcheck.errors import FactcheckError


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
        fail(exc)
        return
    for rule in rules:
        state = "" if rule.spec.enabled else " (disabled)"
        print(f"{rule.path}:{rule.line}: {rule.id} [{rule.spec.check}, {rule.severity.value}]{state}")
    print(f"{len(rules)} rules OK")


@rules_app.command("test")
def rules_test(
    paths: Optional[list[str]] = typer.Argument(None, help="Rule files or folders (default: ./rules)."),
    cases: Path = typer.Option(Path("tests/rules"), "--cases", help="Folder of <rule-id>/cases.yaml files."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show the findings of every case."),
) -> None:
    """Run each rule's cases (small documents and the findings they must and must not yield).

    Exit status: 0 all cases pass; 1 some fail; 2 a rule or case file is invalid."""
    from factcheck.pipeline import default_rule_paths
    from factcheck.rulecases import run_all
    from factcheck.rules.loader import load_rules

    try:
        rules = load_rules(paths or default_rule_paths())
        results = run_all(rules, cases)
    except FactcheckError as exc:
        fail(exc)
        return
    if not results:
        typer.echo(f"no rule cases found under {cases}")
        raise typer.Exit(0)
    failed = 0
    for r in results:
        mark = "PASS" if r.passed else "FAIL"
        typer.echo(f"{mark} {r.rule}: {r.case}")
        for problem in r.problems:
            typer.echo(f"     {problem}")
        if verbose or not r.passed:
            for line in r.findings:
                typer.echo(f"       found {line}")
        failed += not r.passed
    typer.echo(f"{len(results) - failed} passed, {failed} failed")
    raise typer.Exit(1 if failed else 0)
