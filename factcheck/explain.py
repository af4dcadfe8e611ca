"""Explain one finding: the whole chain from spans to verdict.

For each fact: where it is, the span, the value as parsed and as an interval, and the
signature alignment compared. For each pair the rule linked: the score and its parts, the
words and names it rests on, what the rule's check made of the two values, and the gates a
contradiction must pass. Input: a Report and the rules that produced it; output: text lines.
"""

from __future__ import annotations

from factcheck.align import (
    Rarity,
    local_score,
    owners_differ,
    rarity_of,
    same_claim,
    score_parts,
    signature,
    synonym_map,
)
from factcheck.describe import describe_value
from factcheck.errors import FactcheckError
from factcheck.models import (
    DateRangeValue,
    DateValue,
    Fact,
    Finding,
    QuantityValue,
    Report,
    Verdict,
)
from factcheck.rules.loader import Rule


def find_finding(report: Report, selector: str) -> Finding:
    """A finding by fingerprint (or a prefix of it), by "C3" (third contradiction), "A2"
    (second agreement), or by rule id (its first finding)."""
    sel = selector.strip()
    if len(sel) >= 2 and sel[0].upper() in "CAU" and sel[1:].isdigit():
        verdict = {"C": Verdict.CONTRADICT, "A": Verdict.AGREE, "U": Verdict.UNCLEAR}[sel[0].upper()]
        chosen = [f for f in report.findings if f.verdict is verdict]
        n = int(sel[1:])
        if 1 <= n <= len(chosen):
            return chosen[n - 1]
        raise FactcheckError(f'no finding "{sel}" ({len(chosen)} {verdict.value} findings)')
    matches = [f for f in report.findings if f.fingerprint().startswith(sel)]
    if not matches:
        matches = [f for f in report.findings if f.rule == sel]
    if not matches:
        raise FactcheckError(f'no finding "{sel}" (expected a fingerprint, C<n>, A<n>, U<n> or a rule id)')
    return matches[0]


def explain(report: Report, finding: Finding, rules: list[Rule]) -> list[str]:
    rule = next((r for r in rules if r.id == finding.rule), None)
    out = [f"finding {finding.fingerprint()}: {finding.verdict.value} ({finding.severity.value})",
           f"  {finding.message}"]
    if rule is not None:
        params = rule.check.p.model_dump(mode="json")
        out.append(f"rule {rule.id} ({rule.path}:{rule.line}): check {rule.spec.check} {params}")
        a = rule.align
        out.append(f"  alignment: threshold {a.threshold}, agree {a.agree}, corroborate {a.corroborate}, "
                   f"local {a.local}, weights head {a.weights.head} names {a.weights.names} "
                   f"terms {a.weights.terms}")
    out.append("facts:")
    for n, fact in enumerate(finding.facts, 1):
        out.extend(_fact_lines(n, fact))
    if rule is not None and not finding.internal and len(finding.facts) > 1:
        out.append("pairs:")
        out.extend(_pair_lines(finding, rule, rarity_of(report.facts, synonym_map(rule.align.synonyms))))
    return out


def _fact_lines(n: int, fact: Fact) -> list[str]:
    ctx = fact.context
    v = fact.value.contract()
    lines = [f"  [{n}] {fact.source}:{fact.line} {fact.kind.value} “{fact.text}” (chars {fact.start}-{fact.end})",
             f"      value: {describe_value(fact)}  {v}"]
    if isinstance(fact.value, DateValue) and fact.value.start:
        lines.append(f"      days: {fact.value.start} .. {fact.value.end}")
    elif isinstance(fact.value, DateRangeValue):
        lines.append(f"      days: {fact.value.start_date or 'open'} .. {fact.value.end_date or 'open'}")
    elif isinstance(fact.value, QuantityValue) and fact.value.lo is not None:
        v = fact.value
        lo = "(" if v.lo_open else "["
        hi = ")" if v.hi_open else "]"
        lines.append(f"      interval: {lo}{v.lo:g}, {v.hi:g}{hi} {v.canonical_unit or ''}".rstrip())
    lines.append(f"      about: head={ctx.head!r} names={ctx.names} terms={ctx.terms}")
    lines.append(f"      around: words={ctx.near} names={ctx.near_names} section={ctx.section.value}"
                 + (" in-quote" if ctx.in_quote else ""))
    return lines


def _pair_lines(finding: Finding, rule: Rule, rarity: Rarity) -> list[str]:
    synonyms = synonym_map(rule.align.synonyms)
    facts = finding.facts
    out = []
    for i in range(len(facts)):
        for j in range(i + 1, len(facts)):
            a, b = facts[i], facts[j]
            if a.source_id == b.source_id:
                continue
            relation = rule.check.relate(a, b).value
            line = f"  [{i + 1}]~[{j + 1}] {relation}"
            if rule.check.align_by == "text":
                pair = getattr(rule.check, "_pairs", {}).get((a.key, b.key)) or \
                    getattr(rule.check, "_pairs", {}).get((b.key, a.key))
                if pair:
                    sim, ua, ub, div = pair
                    line += f": similarity {sim:.0f}% “{ua}” / “{ub}”"
                    if div:
                        line += f"; differs in {', '.join(div.kinds)}: -{list(div.removed)} +{list(div.added)}"
                out.append(line)
                continue
            parts = score_parts(signature(a, synonyms), signature(b, synonyms), rule.align, rarity)
            total = parts.total(rule.align.weights)
            comps = ", ".join(f"{name} {value:.2f}" for name, value in
                              (("head", parts.head), ("names", parts.names), ("terms", parts.terms))
                              if value is not None)
            line += f": score {total:.2f} ({comps}); shared {list(parts.shared)}"
            if relation == "contradict":
                line += (f"; local words {local_score(a, b, rule.align, rarity):.2f}, "
                         f"other owner {'yes' if owners_differ(a, b, rule.align) else 'no'}, "
                         f"same claim {'yes' if same_claim(a, b, rule.align, rarity, synonyms) else 'no'}")
            out.append(line)
    return out
