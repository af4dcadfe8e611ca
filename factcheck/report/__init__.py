"""Report stage: Report -> text in each output format.

FORMATTERS maps a format name to its renderer (Report -> str); `factcheck check --format NAME` prints
one on stdout and `--output NAME=PATH` writes one to a file. Every renderer is deterministic.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.models import Report
from factcheck.report.github import render_github
from factcheck.report.json_ import render_json
from factcheck.report.junit import render_junit
from factcheck.report.markdown import render_markdown
from factcheck.report.sarif import render_sarif
from factcheck.report.terminal import render_terminal

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "terminal": render_terminal,  # plain text; on a TTY the CLI prints the rich form instead
    "markdown": render_markdown,
    "json": render_json,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
}
