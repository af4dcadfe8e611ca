"""Rules stage: facts + rules -> findings.

A cross-source rule selects facts, aligns them (factcheck/align) and lets its check judge each
group; an internal rule runs its check on the selected facts of each source. Rules that
`claim` their facts run first, and the facts they group are not re-used by later rules,
so a story pack's named facts replace the generic findings about the same facts.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from typing import Callable

from factcheck.align import Rarity, align, rarity_of, synonym_map
from factcheck.describe import subject_label
from factcheck.errors import RuleError
from factcheck.extract.terms import name_key, stem
from factcheck.models import (
    Alignment,
    Fact,
    Finding,
    QuantityValue,
    QuoteValue,
    Severity,
    Verdict,
)
from factcheck.rules.loader import Rule
from factcheck.rules.quotecheck import speaker_key

PATTERN_TIMEOUT = 0.5  # seconds a rule's regular expression may spend on one sentence


def apply_rules(rules: list[Rule], facts: list[Fact],
                progress: Callable[[str, int, int], None] | None = None) -> list[Finding]:
    """The findings of `rules` on `facts`, sorted; `progress("rules <id>", done, total)` before each rule."""
    findings: list[Finding] = []
    claimed: set[str] = set()
    rarities: dict[tuple, Rarity] = {}  # one table per synonym list: rules of a pack share it
    enabled = [r for r in sorted(rules, key=lambda r: not r.spec.claim) if r.spec.enabled]
    for done, rule in enumerate(enabled):
        if progress:
            progress(f"rules {rule.id}", done, len(enabled))
        # f.key builds a string: ask only once a claiming rule has claimed something
        selected = [f for f in facts if (not claimed or f.key not in claimed) and selects(rule, f)]
        if rule.check.scope == "internal":
            findings.extend(_internal(rule, selected))
            continue
        key = tuple(tuple(g) for g in rule.align.synonyms)
        if key not in rarities:
            rarities[key] = rarity_of(facts, synonym_map(rule.align.synonyms))
        for finding in _cross(rule, selected, rarities[key]):
            findings.append(finding)
            if rule.spec.claim:
                claimed.update(f.key for f in finding.facts)
    findings.sort(key=Finding.sort_key)
    return findings


def _cross(rule: Rule, selected: list[Fact], rarity: Rarity) -> list[Finding]:
    check = rule.check
    scorer = check.score_pairs if check.align_by == "text" else None
    out = []
    relate, screen = check.relaters(selected)
    groups = align(selected, rule.align, relate, scorer, keep_rejected=check.pairwise_contradictions,
                   rarity=rarity, screen=screen)
    for group in groups:
        judgement = check.judge(group.facts, group.links, rule.align.threshold)
        if judgement is None:
            continue
        shared = sorted({t for lk in group.links for t in lk.shared})
        best = max((lk.score for lk in group.links), default=0.0)
        out.append(Finding(
            rule=rule.id,
            verdict=judgement.verdict,
            severity=rule.severity if judgement.verdict is Verdict.CONTRADICT else _agree_severity(rule),
            title=rule.spec.title or rule.id,
            message=judgement.message,
            subject=subject_label(group.facts),
            facts=group.facts,
            alignment=Alignment(score=round(best, 3), shared=shared),
            detail=judgement.detail,
        ))
    return out


def _agree_severity(rule: Rule) -> Severity:  # noqa: ARG001 - one place to change if rules grow a knob
    return Severity.INFO


def _internal(rule: Rule, selected: list[Fact]) -> list[Finding]:
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for f in selected:
        by_source[f.source_id].append(f)
    out = []
    for source_id in sorted(by_source):
        for result in rule.check.run_internal(by_source[source_id]):
            out.append(Finding(
                rule=rule.id,
                verdict=result.verdict,
                severity=rule.severity if result.verdict is Verdict.CONTRADICT else _agree_severity(rule),
                title=rule.spec.title or rule.id,
                message=result.message,
                subject=subject_label(result.facts),
                facts=result.facts,
                internal=True,
                detail=result.detail,
            ))
    return out


def selects(rule: Rule, fact: Fact) -> bool:
    sel = rule.spec.select
    kinds = sel.kinds or rule.check.kinds
    if kinds and fact.kind not in kinds:
        return False
    ctx = fact.context
    if ctx.section not in sel.sections:
        return False
    if sel.in_quote is not None and ctx.in_quote != sel.in_quote:
        return False
    v = fact.value
    if sel.dimensions is not None and (not isinstance(v, QuantityValue) or v.dimension not in sel.dimensions):
        return False
    if sel.units is not None and (not isinstance(v, QuantityValue) or v.unit not in sel.units):
        return False
    if sel.frames is not None and (not isinstance(v, QuantityValue) or v.frame not in sel.frames):
        return False
    if sel.granularity is not None and getattr(v, "granularity", None) not in sel.granularity:
        return False
    if sel.words is not None:
        have = set(ctx.terms)
        if ctx.head:
            have.add(stem(ctx.head))
        if not any(stem(w.lower()) in have for w in sel.words):
            return False
    if sel.names is not None and not any(name_key(n) in ctx.names for n in sel.names):
        return False
    if sel.speakers is not None:
        key = speaker_key(fact) if isinstance(v, QuoteValue) else None
        if key is None or key not in {name_key(s.split()[-1]) for s in sel.speakers if s.split()}:
            return False
    if sel.sources is not None and not any(
        fnmatch.fnmatch(fact.source_id, pat) or fnmatch.fnmatch(fact.source, pat) for pat in sel.sources
    ):
        return False
    if rule.pattern is not None:
        try:
            if not rule.pattern.search(ctx.sentence, timeout=PATTERN_TIMEOUT):
                return False
        except TimeoutError as exc:
            raise RuleError(f"select.pattern took over {PATTERN_TIMEOUT}s on one sentence "
                            "(catastrophic backtracking?)", path=rule.path, line=rule.line) from exc
    return True

