"""Pieces every report format shares: the verdict line, evidence snippets and positions, labels, groupings.

Input: a Report (and its facts and findings); output: strings and small tuples for the formatters.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from factcheck.extract.terms import name_key
from factcheck.models import (
    Fact,
    Finding,
    QuoteValue,
    Report,
    Severity,
    Source,
    Verdict,
)

SNIPPET_CHARS = 90  # context shown either side of a fact's span
MAX_LABEL_NAMES = 3  # names shown in an event label: more make a label unreadable

_CAPITALIZED = regex.compile(r"\b\p{Lu}[\p{L}'\u2019-]*")


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def headline(report: Report) -> str:
    """The one-line verdict every format opens with."""
    s = report.summary
    errors = len(report.contradictions(Severity.ERROR))
    known = f"; {plural(s.baselined, 'known contradiction')} baselined" if s.baselined else ""
    new = "new " if s.baselined else ""
    agreements = plural(s.agreements, "agreement")
    if s.contradictions == 0:
        return f"No {new}contradictions found across {plural(s.sources, 'source')} ({agreements}{known})."
    kinds = plural(errors, "error") if errors else "no errors"
    return (f"{plural(s.contradictions, new + 'contradiction')} ({kinds}) across {plural(s.sources, 'source')}; "
            f"{agreements}{known}.")


def evidence_snippet(fact: Fact) -> tuple[str, str, str]:
    """The sentence around a fact, split into (before, span, after), trimmed to a readable length."""
    sentence = fact.context.sentence
    pos = fact.start - fact.context.sentence_start
    if not (0 <= pos and sentence[pos:pos + len(fact.text)] == fact.text):
        return "", fact.text, ""
    before = sentence[:pos]
    after = sentence[pos + len(fact.text):]
    if len(before) > SNIPPET_CHARS:
        before = "…" + before[-SNIPPET_CHARS:].split(" ", 1)[-1]
    if len(after) > SNIPPET_CHARS:
        after = after[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"
    return before.replace("\n", " "), fact.text.replace("\n", " "), after.replace("\n", " ")


def single_source_facts(report: Report) -> list[Fact]:
    """Facts no cross-source finding covers (agreement, contradiction, unclear, or a baselined contradiction)."""
    findings = list(report.findings) + (report.baseline.findings if report.baseline else [])
    covered = {f.key for finding in findings if not finding.internal for f in finding.facts}
    return [f for f in report.facts if f.key not in covered]


def count_findings(findings) -> tuple[int, int, int]:
    cross = [f for f in findings if not f.internal]
    return (
        sum(f.verdict is Verdict.AGREE for f in cross),
        sum(f.verdict is Verdict.CONTRADICT for f in findings),
        sum(f.verdict is Verdict.UNCLEAR for f in cross),
    )


# ---------------------------------------------------------------- groupings


def contradictions(report: Report) -> list[Finding]:
    """Contradictions to report, cross-source and within one source, most severe first (findings are sorted)."""
    return [f for f in report.findings if f.verdict is Verdict.CONTRADICT]


def cross_findings(report: Report, verdict: Verdict) -> list[Finding]:
    return [f for f in report.findings if f.verdict is verdict and not f.internal]


def short_id(source_id: str, width: int = 12) -> str:
    """A source id short enough for a table cell or chart label, keeping its start (often a number)."""
    stem = source_id.rsplit(".", 1)[0] if "." in source_id else source_id
    return stem if len(stem) <= width else stem[: width - 1] + "…"


def sources_of(finding: Finding) -> list[str]:
    return sorted({f.source_id for f in finding.facts})


# ---------------------------------------------------------------- labels


def display_names(fact: Fact) -> dict[str, str]:
    """The fact's name keys mapped to how its sentence writes them: 'zelensk' -> 'Zelensky'; the keys of
    a full name written as one run of capitalized words map to the whole run ('Vladimir Putin')."""
    wanted = set(fact.context.names)
    out: dict[str, str] = {}
    run: list[tuple[str, str]] = []  # (key, word) of consecutive name words
    last_end = -2

    def flush() -> None:
        surface = " ".join(word for _, word in run)
        for key, _ in run:
            out.setdefault(key, surface)
        run.clear()

    for m in _CAPITALIZED.finditer(fact.context.sentence):
        word = m.group().rstrip("'\u2019-")
        if word.endswith(("'s", "\u2019s")):
            word = word[:-2]
        key = name_key(word)
        if key not in wanted:
            flush()
            continue
        if run and m.start() != last_end + 1:
            flush()
        run.append((key, word))
        last_end = m.start() + len(word)
    flush()
    return out


def event_label(facts: list[Fact]) -> str:
    """What a group of facts is about, readable: the quote's speaker and opening, or the head word and the
    names most of the facts share, as their sentences write them (`address (Zelensky, Putin)`)."""
    if not facts:
        return ""
    speakers = Counter(f.value.speaker for f in facts if isinstance(f.value, QuoteValue) and f.value.speaker)
    if speakers:
        longest = max(facts, key=lambda f: (len(f.text), f.source_id))
        words = longest.text.split()
        opening = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        return f"{speakers.most_common(1)[0][0]}: “{opening}”"
    heads = Counter(f.context.head for f in facts if f.context.head)
    head = min(heads.items(), key=lambda kv: (-kv[1], kv[0]))[0] if heads else "event"
    counts = Counter(n for f in facts for n in set(f.context.names))
    quorum = max(1, (len(facts) + 1) // 2) if len(facts) > 1 else 1
    surfaces: dict[str, str] = {}
    for f in facts:
        for key, word in display_names(f).items():
            surfaces.setdefault(key, word)
    # order: most shared first, then as the first fact's sentence names them
    first_order = {k: i for i, k in enumerate(facts[0].context.names)}
    shared = [k for k in counts if counts[k] >= quorum and k in surfaces]
    shared.sort(key=lambda k: (-counts[k], first_order.get(k, 99), k))
    names: list[str] = []
    for key in shared:
        word = surfaces[key]
        if word.lower() == head.lower() or any(word in n or n in word for n in names):
            continue
        names.append(word)
        if len(names) == MAX_LABEL_NAMES:
            break
    return f"{head} ({', '.join(names)})" if names else head


# ---------------------------------------------------------------- positions


@dataclass(frozen=True)
class Span:
    """1-based line and column (in code points) of a fact's first character and of the character after it."""

    line: int
    column: int
    end_line: int
    end_column: int


def span_of(fact: Fact, source: Source | None) -> Span:
    """Where a fact's text sits in its source file; falls back to the fact's line when the text is absent."""
    if source is None or source.text[fact.start:fact.end] != fact.text:
        return Span(fact.line, 1, fact.line, 1)
    return span_at(source.text, fact.start, fact.end)


def span_at(text: str, start: int, end: int) -> Span:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = line + text.count("\n", start, end)
    end_column = end - (text.rfind("\n", 0, end) + 1) + 1
    return Span(line, column, end_line, end_column)


def source_index(report: Report) -> dict[str, Source]:
    return {s.id: s for s in report.sources}


def rule_titles(report: Report) -> dict[str, str]:
    return {r.id: r.title for r in report.rules}
