"""The report stage's shortcuts give what the plain forms they replace give (see the comments at each)."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.table import Table

from factcheck.describe import display_names, event_label, written_names
from factcheck.extract.terms import name_key
from factcheck.models import (
    Fact,
    Finding,
    Report,
    Severity,
    Summary,
    Verdict,
)
from factcheck.report import terminal
from factcheck.report.timeline import timeline
from tests.factories import day_fact

# ---------------------------------------------------------------- labels


def _written_names_reference(facts: list[Fact], wanted: list[str]) -> dict[str, str]:
    """written_names as first written: the display names of every fact, not only of those that can add one."""
    surfaces: dict[str, str] = {}
    for f in facts:
        for key, word in display_names(f).items():
            surfaces.setdefault(key, word)
    return {k: surfaces[k] for k in wanted if k in surfaces}


def _as_before(facts: list[Fact]) -> bool:
    """event_label's names are those the full scan gives, for the names it may show (any shared one)."""
    wanted = sorted({n for f in facts for n in f.context.names})
    got = written_names(facts, wanted)
    return {k: got[k] for k in wanted if k in got} == _written_names_reference(facts, wanted)


_WORDS = ["Vladimir", "Putin", "Putin's", "Zelenskyy", "Zelensky\u2019s", "Kyiv-", "Russia", "Russian", "O'Brien",
          "Trump-Zelenskyy", "The", "On", "March", "Black", "Sea", "said", "the", "a", "of", "address", "(", ",",
          "Ukraine's", "EU", "NATO", "de", "Gaulle", "Mr.", "Smith"]


def _random_fact(rnd: random.Random) -> Fact:
    words = [rnd.choice(_WORDS) for _ in range(rnd.randint(0, 14))]
    sentence = "".join(w + rnd.choice([" ", " ", " ", "  ", ", ", "-"]) for w in words)
    keys = sorted({name_key(w.rstrip("'\u2019-").removesuffix("'s").removesuffix("\u2019s")) for w in _WORDS})
    names = rnd.sample(keys, rnd.randint(0, 5))
    fact = day_fact(rnd.choice("abc"), "2025-03-13", head=rnd.choice([None, "address", "talks"]), names=names)
    fact.context.sentence = sentence
    return fact


def test_labels_as_before_on_made_up_sentences():
    rnd = random.Random(7)
    facts = [_random_fact(rnd) for _ in range(3000)]
    for _ in range(3000):
        group = rnd.sample(facts, rnd.randint(1, 6))
        assert _as_before(group)


def test_labels_as_before_on_the_seeds(seeds_report):
    for finding in seeds_report.findings:
        assert _as_before(finding.facts)
    assert event_label([]) == ""


# ---------------------------------------------------------------- timeline


def test_timeline_uses_the_labels_it_is_given(seeds_report):
    events, window = timeline(seeds_report)
    labels: dict[int, str] = {}
    assert timeline(seeds_report, labels) == (events, window)
    dated = [f for f in seeds_report.findings if id(f) in labels]
    assert dated and all(labels[id(f)] == event_label(f.facts) for f in dated)
    given = {id(f): f"given {n}" for n, f in enumerate(dated)}
    relabelled, _ = timeline(seeds_report, given)
    assert sorted(e.label for e in relabelled if e.verdict is not None) == sorted(given.values())


def test_timeline_lists_single_source_dates_not_in_a_finding():
    a, b = day_fact("a", "2025-03-12", head="talks"), day_fact("b", "2025-03-12", head="talks")
    lone = day_fact("a", "2025-03-10", head="address")
    month = day_fact("b", "2025-03", head="visit", granularity="month")
    agree = Finding(rule="r", verdict=Verdict.AGREE, severity=Severity.INFO, title="t", message="m", facts=[a, b])
    report = Report(name="x", sources=[], facts=[a, b, lone, month], findings=[agree], summary=Summary())
    events, _ = timeline(report)
    assert [(e.label, e.verdict, [d.fact.key for d in e.datings]) for e in events] == [
        ("address", None, [lone.key]), ("talks", Verdict.AGREE, [a.key, b.key])]


# ---------------------------------------------------------------- terminal


def _grid_indent(renderable) -> Table:
    """The indent as first written: a grid with an empty first column."""
    outer = Table.grid()
    outer.add_column(width=3)
    outer.add_column(ratio=1)
    outer.add_row("", renderable)
    return outer


def _odd_report(report):
    """The seeds' report with messages and titles a table cell must wrap or cut."""
    odd = report.model_copy(deep=True)
    found = [f for f in odd.findings if f.verdict is Verdict.CONTRADICT]
    found[0].message = "sources disagree: " + "x" * 150 + " then\nmore " + "https://example.com/" + "a/b" * 40
    found[0].title = "T" * 130
    found[-1].message = ""
    return odd


@pytest.mark.parametrize("width", [30, 80, 100, 200])
@pytest.mark.parametrize("colour", [False, True])
def test_findings_indented_as_by_a_grid(seeds_report, monkeypatch, width, colour):
    report = _odd_report(seeds_report)

    def render() -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, width=width, force_terminal=colour, no_color=not colour,
                          color_system="truecolor" if colour else None, highlight=False, emoji=False)
        terminal.print_report(report, console)
        return buffer.getvalue()

    padded = render()
    monkeypatch.setattr(terminal, "_indent", _grid_indent)
    assert padded == render()


def test_widest_agreements_as_by_a_full_sort(seeds_report):
    agreements = [f for f in seeds_report.findings if f.verdict is Verdict.AGREE and not f.internal]
    assert len({len({x.source_id for x in f.facts}) for f in agreements}) > 2  # ties to break, a cut to make
    expected = sorted(agreements, key=lambda f: (-len({x.source_id for x in f.facts}), f.sort_key()))
    buffer = io.StringIO()
    terminal._agreements(seeds_report, Console(file=buffer, width=200, no_color=True, color_system=None))
    shown = [line for line in buffer.getvalue().splitlines() if line.startswith("   ✓ ")]
    assert len(shown) == terminal.AGREEMENT_EXAMPLES
    for line, finding in zip(shown, expected):
        assert line.startswith(f"   ✓ {event_label(finding.facts)}: ")
        assert line.rstrip().endswith(f"({len({x.source_id for x in finding.facts})} sources)")


def test_label_of_a_fact_without_names():
    fact = day_fact("a", "2025-03-13")
    assert event_label([fact]) == "event" and event_label([fact, day_fact("b", "2025-03-13", head="talks")]) == "talks"
