"""Report stage: Report -> text in each output format (FORMATTERS maps a format name to its renderer)."""

from __future__ import annotations

from typing import Callable

from factcheck.models import Report
from factcheck.report.json_ import render_json
from factcheck.report.markdown import render_markdown

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "markdown": render_markdown,
}
