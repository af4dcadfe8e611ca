"""Markdown report, for people: verdict, summary per source, contradictions with evidence, agreements by
subject, a timeline of dated events, checks within one source, and single-source facts.

Input: a Report. Output: Markdown text (GitHub-flavoured: tables, a Mermaid chart); deterministic.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from factcheck.describe import describe_value, event_label
from factcheck.models import Fact, FactKind, Finding, Report, Severity, Source, Verdict
from factcheck.report.common import (
    contradictions,
    cross_findings,
    evidence_snippet,
    headline,
    ref_origin,
    rule_titles,
    single_source_facts,
    source_index,
    sources_of,
    where,
)
from factcheck.report.timeline import mermaid_gantt, timeline, timeline_table

NOTE_CHARS = 160  # a reference date's note is cut here: the JSON output has it whole
TEXT_CHARS = 120  # long quotes in tables are cut here
# Single-source facts listed in the appendix: whole sources, in report order, until this many
# rows; an archive's hundreds of thousands are for the JSON output, not a page people read.
APPENDIX_MAX_FACTS = 2000

_MD_SPECIAL = regex.compile(r"([\\`*_\[\]<>|])")
_SPACES = regex.compile(r"\s+")

AGREEMENT_GROUPS: list[tuple[str, frozenset[FactKind]]] = [
    ("Dates", frozenset({FactKind.DATE, FactKind.DATE_RANGE})),
    ("Figures", frozenset({FactKind.QUANTITY, FactKind.COUNT, FactKind.MONEY, FactKind.PERCENT, FactKind.DURATION})),
    ("Quotes", frozenset({FactKind.QUOTE})),
]


def render_markdown(report: Report) -> str:
    out: list[str] = []
    w = out.append
    w(f"# Fact check: {_esc(report.name)}\n")
    w(f"**{_esc(headline(report))}**\n")
    singles = single_source_facts(report)  # the summary counts them, the appendix lists them
    labels: dict[int, str] = {}  # event labels by id(finding): the timeline shows the agreements' dates again
    _summary(w, report, singles)
    _contradictions(w, report)
    _baseline(w, report)
    _unclear(w, report)
    _agreements(w, report, labels)
    _timeline(w, report, labels)
    _internal(w, report)
    _appendix(w, report, singles)
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- sections


def _summary(w, report: Report, singles: list[Fact]) -> None:
    s = report.summary
    w("## Summary\n")
    w("| Source | Title | Reference date | From | Facts | Agreements | Contradictions | Unchecked |")
    w("| --- | --- | --- | --- | ---: | ---: | ---: | ---: |")
    facts: dict[str, int] = defaultdict(int)
    for f in report.facts:
        facts[f.source_id] += 1
    agree, contra = _per_source(report)
    unchecked: dict[str, int] = defaultdict(int)
    for f in singles:
        unchecked[f.source_id] += 1
    for src in report.sources:
        w(f"| {_code(src.path)} | {_esc(src.title or '')} | {_ref_date(src)} | {ref_origin(src)} | {facts[src.id]} "
          f"| {agree[src.id]} | {contra[src.id]} | {unchecked[src.id]} |")
    w(f"| **Total** | | | | **{s.facts}** | **{s.agreements}** | **{s.contradictions}** "
      f"| **{s.unchecked}** |")
    w("")
    w("Agreements and contradictions count the findings a source takes part in; *unchecked* facts appear in "
      f"that source only. {s.unclear} finding{'s' if s.unclear != 1 else ''} unclear. "
      f"Rules: {', '.join(_code(r) for r in report.rules_used) or 'none'}.\n")
    notes = [src for src in report.sources if src.reference_date_note or not src.reference_date]
    if notes:
        w("<details><summary>How each reference date was found</summary>\n")
        for src in notes:
            note = src.reference_date_note or "no date found; relative dates in this source stay unresolved"
            if len(note) > NOTE_CHARS:
                note = note[:NOTE_CHARS].rsplit(" ", 1)[0] + " …"
            w(f"- {_code(src.id)}: {_esc(note)}")
        w("\n</details>\n")


def _per_source(report: Report) -> tuple[dict[str, int], dict[str, int]]:
    agree: dict[str, int] = defaultdict(int)
    contra: dict[str, int] = defaultdict(int)
    for finding in report.findings:
        for src in sources_of(finding):
            if finding.verdict is Verdict.AGREE and not finding.internal:
                agree[src] += 1
            elif finding.verdict is Verdict.CONTRADICT:
                contra[src] += 1
    return agree, contra


def _contradictions(w, report: Report) -> None:
    found = contradictions(report)
    w(f"## Contradictions ({len(found)})\n")
    if not found:
        w("No contradictions between the sources" + (" that the baseline does not already list" if report.baseline
                                                      else "") + ".\n")
    titles = rule_titles(report)
    sources = source_index(report)
    for n, finding in enumerate(found, 1):
        _finding_block(w, n, finding, titles, sources)


def _baseline(w, report: Report) -> None:
    status = report.baseline
    if status is None:
        return
    w(f"## Known contradictions ({len(status.findings)} baselined in {_code(status.path)})\n")
    if status.findings:
        w("| What | Rule | Values | Reason |")
        w("| --- | --- | --- | --- |")
        for f in status.findings:
            w(f"| {_esc(event_label(f.facts))} | {_code(f.rule)} | {_values(f)} "
              f"| {_esc(status.reasons.get(f.fingerprint(), ''))} |")
        w("")
    if status.stale:
        w(f"**{len(status.stale)} stale baseline entr{'ies' if len(status.stale) != 1 else 'y'}** (no longer found; "
          "regenerate the baseline with `factcheck baseline create`):\n")
        for entry in status.stale:
            values = "; ".join(f"{x.source}: {x.value}" for x in entry.facts)
            w(f"- {_code(entry.fingerprint)} {_code(entry.rule)} {_esc(entry.subject)}"
              + (f" — {_esc(values)}" if values else ""))
        w("")


def _unclear(w, report: Report) -> None:
    unclear = cross_findings(report, Verdict.UNCLEAR)
    if not unclear:
        return
    w(f"## Unclear ({len(unclear)})\n")
    w("Values differ, but the facts may not be about the same thing.\n")
    titles = rule_titles(report)
    sources = source_index(report)
    for n, finding in enumerate(unclear, 1):
        _finding_block(w, n, finding, titles, sources)


def _agreements(w, report: Report, labels: dict[int, str]) -> None:
    agreements = cross_findings(report, Verdict.AGREE)
    w(f"## Agreements ({len(agreements)})\n")
    if not agreements:
        w("No fact is confirmed by more than one source.\n")
        return
    titles = rule_titles(report)
    for heading, kinds in AGREEMENT_GROUPS:
        group = [f for f in agreements if f.facts and f.facts[0].kind in kinds]
        if not group:
            continue
        for f in group:  # the costly part of a row: once each
            labels[id(f)] = event_label(f.facts)
        group.sort(key=lambda f: (titles.get(f.rule, f.rule), labels[id(f)], f.fingerprint()))
        w(f"### {heading} ({len(group)})\n")
        w("| About | Value | Sources | Rule |")
        w("| --- | --- | --- | --- |")
        for f in group:
            sources = ", ".join(f"{_code(x.source_id)}:{x.line}" for x in _one_per_source(f.facts))
            w(f"| {_esc(labels[id(f)])} | {_values(f)} | {sources} | {_esc(titles.get(f.rule, f.rule))} |")
        w("")


def _timeline(w, report: Report, labels: dict[int, str]) -> None:
    events, window = timeline(report, labels)
    w("## Timeline\n")
    if not events:
        w("No dated events.\n")
        return
    w("Which source puts which event on which day: one row per event, one bar per source "
      "(red: the sources contradict each other).\n")
    chart = mermaid_gantt(events, window)
    if chart:
        out = chart + [""]
        for line in out:
            w(line)
    for line in timeline_table(events, _esc):
        w(line)
    w("")


def _internal(w, report: Report) -> None:
    internal = [f for f in report.findings if f.internal and f.verdict is not Verdict.CONTRADICT]
    if not internal:
        return
    w(f"## Checks within one source ({len(internal)} passed)\n")
    w("| Source:line | Check | Detail |")
    w("| --- | --- | --- |")
    for f in internal:
        src = f.facts[0].source_id if f.facts else ""
        lines = ", ".join(str(x) for x in sorted({x.line for x in f.facts}))
        w(f"| {_code(src)}:{lines} | {_code(f.rule)} | {_esc(f.message)} |")
    w("")


def _appendix(w, report: Report, singles: list[Fact]) -> None:
    w(f"## Appendix: facts found in one source only ({len(singles)})\n")
    if not singles:
        w("Every fact was compared with another source.\n")
        return
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for f in singles:
        by_source[f.source_id].append(f)
    listed = shown = 0  # facts and sources listed so far
    for src in report.sources:
        facts = by_source.get(src.id)
        if not facts:
            continue
        if listed and listed + len(facts) > APPENDIX_MAX_FACTS:
            w(f"{len(singles) - listed} more facts of {len(by_source) - shown} more sources are not listed here "
              f"(the first {listed} are); `--format json` or `--output json=FILE` lists every fact.\n")
            return
        listed += len(facts)
        shown += 1
        w(f"### {_code(src.id)} ({len(facts)})\n")
        w("| Line | Kind | Text | Value |")
        w("| ---: | --- | --- | --- |")
        for f in facts:
            w(f"| {f.line} | {f.kind.value} | {_esc(_cut(f.text))} | {_esc(describe_value(f))} |")
        w("")


# ---------------------------------------------------------------- pieces


def _finding_block(w, n: int, finding: Finding, titles: dict[str, str], sources: dict[str, Source]) -> None:
    sev = finding.severity.value.upper() if finding.severity is not Severity.INFO else "info"
    scope = " (within one source)" if finding.internal else ""
    w(f"### {n}. {_esc(finding.title)}: {_esc(event_label(finding.facts))}{scope}\n")
    alignment = f" · alignment {finding.alignment.score:.2f}" if finding.alignment and not finding.internal else ""
    w(f"**{sev}** · rule {_code(finding.rule)} ({_esc(titles.get(finding.rule, finding.title))}){alignment} "
      f"· fingerprint {_code(finding.fingerprint())}\n")
    if finding.verdict is Verdict.CONTRADICT and not finding.internal:
        w(f"{_values(finding, ' ≠ ')}\n")
    w(f"{_esc(finding.message)}\n")
    w("| Source (file:line) | Value | Evidence |")
    w("| --- | --- | --- |")
    for fact in finding.facts:
        before, span, after = evidence_snippet(fact)
        w(f"| {_code(where(fact, sources))} | {_esc(describe_value(fact))} "
          f"| {_esc(before)}**{_esc(span)}**{_esc(after)} |")
    w("")


def _values(finding: Finding, sep: str = " / ") -> str:
    """Each distinct value with the sources that give it: `**2025-03-13** (000, 004) ≠ **2025-03-12** (002)`."""
    by_value: dict[str, list[str]] = defaultdict(list)
    for f in finding.facts:
        v = describe_value(f)
        if f.source_id not in by_value[v]:
            by_value[v].append(f.source_id)
    ordered = sorted(by_value.items(), key=lambda kv: (min(kv[1]), kv[0]))  # in source order, like the message
    parts = [f"**{_esc(v)}** ({', '.join(_code(s) for s in sorted(srcs))})" for v, srcs in ordered]
    return sep.join(parts)


def _one_per_source(facts: list[Fact]) -> list[Fact]:
    seen: dict[str, Fact] = {}
    for f in sorted(facts, key=lambda f: (f.source_id, f.start)):
        seen.setdefault(f.source_id, f)
    return list(seen.values())


def _ref_date(src: Source) -> str:
    return src.reference_date.isoformat() if src.reference_date else "—"


def _cut(text: str) -> str:
    return text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1].rsplit(" ", 1)[0] + " …"


def _esc(text: str) -> str:
    """Text safe in a table cell: Markdown specials escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def _code(text: str) -> str:
    # GFM splits table cells on | even inside code spans, so it is escaped there too
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"
