"""Command line (typer): one module per command; `common.py` holds the app and the error exit.

Dependencies run one way: cli -> pipeline -> stages -> models.
"""

from factcheck.cli import baseline, check, config, explain, extract, rules  # noqa: F401  (each module registers its commands)
from factcheck.cli.common import app


def main() -> None:
    app()


__all__ = ["app", "main"]
