"""Terminal output: plain text off a TTY; the first screen says what was found and where."""

from __future__ import annotations

import io

from rich.console import Console

from factcheck.models import Verdict
from factcheck.report.common import headline
from factcheck.report.terminal import print_report, render_terminal


def test_plain_text_has_no_escape_codes_or_trailing_blanks(seeds_report):
    text = render_terminal(seeds_report)
    assert "\x1b[" not in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_first_screen_has_verdict_then_contradictions_with_evidence(seeds_report):
    lines = render_terminal(seeds_report, width=80).splitlines()
    assert headline(seeds_report) in lines[1]
    first_screen = "\n".join(lines[:24])
    first = next(f for f in seeds_report.findings if f.verdict is Verdict.CONTRADICT)
    assert "Contradictions" in first_screen and first.title in first_screen
    assert f"{first.facts[0].source}:{first.facts[0].line}" in first_screen


def test_colour_terminal_uses_colour_by_severity(seeds_report):
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=100)
    print_report(seeds_report, console)
    out = buffer.getvalue()
    assert "\x1b[1;31m" in out  # bold red: an error
    assert "╭" in out  # the summary panel


def _progress_output(force_terminal: bool, total: int) -> str:
    from factcheck.report.terminal import SourceProgress

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=force_terminal, width=80)
    with SourceProgress(console, minimum=10) as progress:
        for done in range(1, total + 1):
            progress("extract", done, total)
    return buffer.getvalue()


def test_progress_bar_only_for_many_sources_on_a_terminal():
    assert f"{12}/{12}" in _progress_output(True, 12)
    assert _progress_output(True, 3) == ""
    assert _progress_output(False, 12) == ""


def run_small_load() -> str:
    from factcheck.report.terminal import SourceProgress

    buffer = io.StringIO()
    with SourceProgress(Console(file=buffer, force_terminal=True, width=80), minimum=10) as progress:
        progress("load", 0, 500)
        for done in range(1, 13):
            progress("extract", done, 12)
    return buffer.getvalue()


def test_progress_bar_follows_loading_extraction_and_the_rules():
    from factcheck.report.terminal import SourceProgress

    def run(sources: int) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, width=80)
        with SourceProgress(console, minimum=10) as progress:
            progress("load", 0, sources * 200)  # loading draws a bar for an archive only (2,000 inputs)
            if progress.progress is not None:
                progress.progress.refresh()
            for done in range(1, sources + 1):
                progress("extract", done, sources)
            for done, rule in enumerate(["event-date", "figure", "quote"]):
                progress(f"rules {rule}", done, 3)
                if progress.progress is not None:
                    progress.progress.refresh()  # draw each state (the bar itself redraws 10 times a second)
        return buffer.getvalue()

    out = run(12)
    assert "load: sources" in out and "extract: sources" in out
    assert "load: sources" not in run_small_load()
    assert "rules: event-date" in out and "rules: quote" in out and "2/3" in out
    assert run(3) == ""  # a small run draws no bar, not even for its rules


def test_an_archive_s_sources_are_summed_up_after_a_screenful(seeds_report, monkeypatch):
    from factcheck.report import terminal

    monkeypatch.setattr(terminal, "MAX_SOURCE_ROWS", 2)
    text = render_terminal(seeds_report, width=200)
    section = text[text.index("Sources and their reference dates"):]
    assert sum(1 for s in seeds_report.sources if s.path in section) == 2
    assert "… and 3 more sources" in section
    origins = sorted({s.reference_date_from.value for s in seeds_report.sources})
    assert all(origin in section.split("Reference dates of all 5:")[1] for origin in origins)


def test_brackets_in_paths_and_values_are_shown_as_written(seeds_report):
    """Rich reads "[draft]" as markup unless told otherwise: a path or value must never lose it."""
    report = seeds_report.model_copy(deep=True)
    source = report.sources[0]
    source.path = f"[draft] {source.path}"
    for fact in report.facts + [f for finding in report.findings for f in finding.facts]:
        if fact.source_id == source.id:
            fact.source = source.path
    text = render_terminal(report, width=200)
    section = text[text.index("Sources and their reference dates"):]
    assert f"[draft] {seeds_report.sources[0].path}" in section
