"""`factcheck rules ...`: validate and test rule files."""

from __future__ import annotations

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
