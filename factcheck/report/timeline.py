"""Timeline of dated events across sources: which source puts which event on which day.

Input: a Report. Output: timeline rows (an event = the date facts of one date finding, or one
single-source date fact; labelled by what they date: head word + names), rendered as a Mermaid
gantt chart (GitHub draws it) and as a plain Markdown table for renderers without Mermaid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from factcheck.describe import event_label
from factcheck.models import (
    DateValue,
    Fact,
    FactKind,
    Finding,
    Granularity,
    Report,
    Section,
    Verdict,
)
from factcheck.report.common import short_id

WINDOW_BEFORE_DAYS = 14  # the chart shows the days leading up to the sources' publication
MAX_SINGLE_SOURCE_EVENTS = 30  # single-source events beyond this go unlisted (the appendix has them all)
CHECKED_SECTIONS = frozenset({Section.BODY, Section.TITLE, Section.CAPTION})

_MERMAID_UNSAFE = regex.compile(r"[:;#%`\"<>{}\[\]]+")


@dataclass
class Dating:
    """One source's date for an event."""

    fact: Fact
    start: dt.date
    end: dt.date
    written: str  # the date as the normalized value writes it (2025-03-13, 2025-02)


@dataclass
class Event:
    label: str
    verdict: Verdict | None  # None: only one source dates it
    rule: str | None
    datings: list[Dating] = field(default_factory=list)

    @property
    def first(self) -> dt.date:
        return min(d.start for d in self.datings)


def timeline(report: Report,
             labels: dict[int, str] | None = None) -> tuple[list[Event], tuple[dt.date, dt.date] | None]:
    """Events sorted by date, and the chart window (None when no date is near the publication dates).
    `labels`: event labels of this report's findings by id(finding), where a caller has them already
    (the Markdown report labels its agreements first); used, and filled in."""
    labels = {} if labels is None else labels
    cross: list[Event] = []
    grouped: set[str] = set()
    baselined = report.baseline.findings if report.baseline else []
    for finding in list(report.findings) + baselined:
        event = _event_of(finding, labels)
        if event is not None:
            cross.append(event)
            grouped.update(d.fact.key for d in event.datings)
    window = _window(report, cross)
    datings = []
    for fact in report.facts:
        # the cheap tests first (most facts are no day-precise dates), the fact's key last
        if not _is_dated(fact) or fact.context.section not in CHECKED_SECTIONS:
            continue
        if fact.value.granularity is not Granularity.DAY:
            continue
        dating = _dating(fact)
        if window and not (window[0] <= dating.start <= window[1]):
            continue
        if fact.key in grouped:
            continue
        datings.append(dating)
    # only the earliest are listed: label those (and any tied with the last one), not an archive's every date
    datings.sort(key=lambda d: d.start)
    if len(datings) > MAX_SINGLE_SOURCE_EVENTS:
        last = datings[MAX_SINGLE_SOURCE_EVENTS - 1].start
        datings = [d for d in datings if d.start <= last]
    singles = [Event(label=event_label([d.fact]), verdict=None, rule=None, datings=[d]) for d in datings]
    singles.sort(key=_event_order)
    events = sorted(cross + singles[:MAX_SINGLE_SOURCE_EVENTS], key=_event_order)
    return events, window


def _event_order(event: Event) -> tuple:
    return (event.first, event.label, min(d.fact.source_id for d in event.datings))


def _is_dated(fact: Fact) -> bool:
    v = fact.value
    return fact.kind is FactKind.DATE and isinstance(v, DateValue) and v.start is not None and v.end is not None


def _dating(fact: Fact) -> Dating:
    v = fact.value
    assert isinstance(v, DateValue) and v.start is not None and v.end is not None
    return Dating(fact=fact, start=v.start, end=v.end, written=v.date or v.start.isoformat())


def _event_of(finding: Finding, labels: dict[int, str]) -> Event | None:
    if finding.internal or not finding.facts or not all(_is_dated(f) for f in finding.facts):
        return None
    datings = sorted((_dating(f) for f in finding.facts), key=lambda d: (d.start, d.fact.source_id, d.fact.start))
    if id(finding) not in labels:
        labels[id(finding)] = event_label(finding.facts)
    return Event(label=labels[id(finding)], verdict=finding.verdict, rule=finding.rule, datings=datings)


def _window(report: Report, cross: list[Event]) -> tuple[dt.date, dt.date] | None:
    """The days before publication: from two weeks before the earliest reference date to the latest one.
    Without reference dates, the span of the day-precise dates several sources share."""
    anchors = sorted(s.reference_date for s in report.sources if s.reference_date)
    if not anchors:
        anchors = sorted(d.start for e in cross for d in e.datings if d.fact.value.granularity is Granularity.DAY)
    if not anchors:
        return None
    return anchors[0] - dt.timedelta(days=WINDOW_BEFORE_DAYS), anchors[-1]


# ---------------------------------------------------------------- Markdown


_GANTT_KEYWORDS = frozenset({"title", "dateformat", "axisformat", "tickinterval", "excludes", "includes",
                             "todaymarker", "weekday", "section", "inclusiveenddates", "topaxis", "displaymode",
                             "click", "acctitle", "accdescr"})


def _mermaid_text(text: str) -> str:
    """A label the gantt grammar reads as text: no separators or comment marks, not a keyword first."""
    clean = " ".join(_MERMAID_UNSAFE.sub(" ", text).split()) or "event"
    if clean.split()[0].lower() in _GANTT_KEYWORDS:
        clean = "‣ " + clean
    return clean


def _day(day: dt.date) -> str:
    return f"{day:%B} {day.day}"  # no %-d: it is not portable


def mermaid_gantt(events: list[Event], window: tuple[dt.date, dt.date] | None) -> list[str]:
    """A gantt chart, one section per event, one bar per source on the day it gives; contradictions in red.
    Only day-precise dates inside the window are drawn (a month-long bar would squash the days), and only
    events several sources date when there are any (the table lists the single-source ones too)."""
    if window is None:
        return []
    if any(e.verdict is not None for e in events):
        events = [e for e in events if e.verdict is not None]
    lines = ["```mermaid", "gantt", f"    title Dated events, {_day(window[0])} to {_day(window[1])}, {window[1].year}",
             "    dateFormat YYYY-MM-DD", "    axisFormat %b %d", "    todayMarker off"]
    drawn = 0
    for event in events:
        bars = [d for d in event.datings
                if d.fact.value.granularity is Granularity.DAY and window[0] <= d.start <= window[1]]
        if not bars:
            continue
        mark = {Verdict.CONTRADICT: " ✗", Verdict.AGREE: " ✓"}.get(event.verdict, "") if event.verdict else ""
        lines.append(f"    section {_mermaid_text(event.label)}{mark}")
        tag = {Verdict.CONTRADICT: "crit, ", Verdict.AGREE: "active, "}.get(event.verdict, "") if event.verdict else ""
        for d in bars:
            name = _mermaid_text(f"{short_id(d.fact.source_id)} {d.fact.text}")
            lines.append(f"    {name} :{tag}{d.start.isoformat()}, 1d")
        drawn += 1
    lines.append("```")
    return lines if drawn else []


def timeline_table(events: list[Event], cell) -> list[str]:
    """One row per event and date: a contradiction shows as the same event on two rows."""
    rows: list[tuple[dt.date, int, str]] = []
    for event in events:
        by_day: dict[str, list[Dating]] = {}
        for d in event.datings:
            by_day.setdefault(d.written, []).append(d)
        for written, datings in by_day.items():
            where = "; ".join(f"`{d.fact.source_id}:{d.fact.line}` “{cell(d.fact.text)}”" for d in datings)
            rows.append((datings[0].start, len(rows), f"| {written} | {cell(event.label)} | {where} | {_check_cell(event)} |"))
    rows.sort()  # by day; within a day, in event order
    return ["| Date | Event | Sources (as written, file:line) | Check |", "| --- | --- | --- | --- |"] + [r for *_, r in rows]


def _check_cell(event: Event) -> str:
    if event.verdict is Verdict.CONTRADICT:
        return f"✗ contradiction (`{event.rule}`)"
    if event.verdict is Verdict.AGREE:
        return f"✓ agree (`{event.rule}`)"
    if event.verdict is Verdict.UNCLEAR:
        return f"? unclear (`{event.rule}`)"
    return "one source"
