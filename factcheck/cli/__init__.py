"""Command line (typer): one module per command; `common.py` holds the app and the error exit.

Dependencies run one way: cli -> pipeline -> stages -> models.
"""

from __future__ import annotations

import signal
import sys

from factcheck.cli import baseline, check, config, explain, extract, rules  # noqa: F401  (each module registers its commands)
from factcheck.cli.common import app

EXIT_INTERRUPTED = 130  # the shell's convention for a run stopped by a signal


def _interrupted(signum, frame):  # noqa: ARG001 - signal handler signature
    # Say what happened, then unwind (temporary files of atomic writes are removed on the way:
    # fsutil) and exit 130. SystemExit, not KeyboardInterrupt: a KeyboardInterrupt that reaches
    # the interpreter's top level makes Python end itself with SIGINT (status -2, seen once in a
    # test run under load).
    name = signal.Signals(signum).name
    print(f"factcheck: interrupted ({name}); no output file was left half-written", file=sys.stderr, flush=True)
    raise SystemExit(EXIT_INTERRUPTED)


def main() -> None:
    """Run the app; SIGINT and SIGTERM stop it with one clear line and exit status 130. Files
    are written atomically (temporary file + rename), so an interrupted run leaves no partial
    report behind."""
    signal.signal(signal.SIGINT, _interrupted)
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        app()
    except KeyboardInterrupt:  # a Ctrl-C before the handlers above were in place
        sys.exit(EXIT_INTERRUPTED)


__all__ = ["app", "main"]
