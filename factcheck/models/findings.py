"""Findings and the report: what the rules concluded about aligned facts."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.models.facts import Fact, Source
from factcheck.models.values import FactKind, Severity, Verdict


class Alignment(BaseModel):
    """Why facts were put in one group: the score and the signature terms they share."""

    score: float
    shared: list[str] = Field(default_factory=list)


class FactGroup(BaseModel):
    """Facts from different sources judged to speak of the same thing."""

    rule: str
    subject: str  # a short label: the shared head or terms
    facts: list[Fact]
    alignment: Alignment | None = None


class Finding(BaseModel):
    rule: str
    verdict: Verdict
    severity: Severity
    title: str
    message: str
    subject: str = ""
    facts: list[Fact]
    alignment: Alignment | None = None
    internal: bool = False  # within one source (e.g. weekday vs date)
    detail: dict[str, Any] = Field(default_factory=dict)

    def fingerprint(self) -> str:
        """Rule + the facts' sources, kinds and normalized values; no line numbers."""
        parts = sorted(f"{f.source_id}|{f.kind}|{f.value.contract()}" for f in self.facts)
        payload = self.rule + "||" + "||".join(parts)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:20]

    def sort_key(self) -> tuple:
        # the fingerprint stays last: the JUnit report takes it from here rather than hash again
        verdict_rank = {Verdict.CONTRADICT: 0, Verdict.UNCLEAR: 1, Verdict.AGREE: 2}[self.verdict]
        first = min((f.source_id, f.start) for f in self.facts) if self.facts else ("", 0)
        return (verdict_rank, -self.severity.rank, self.rule, first, self.fingerprint())

    def contract(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "verdict": self.verdict.value,
            "severity": self.severity.value,
            "title": self.title,
            "message": self.message,
            "subject": self.subject,
            "internal": self.internal,
            "fingerprint": self.fingerprint(),
            "alignment": self.alignment.model_dump() if self.alignment else None,
            "facts": [f.contract() for f in self.facts],
        }


class Summary(BaseModel):
    sources: int = 0
    facts: int = 0
    agreements: int = 0
    contradictions: int = 0
    unclear: int = 0
    unchecked: int = 0  # facts that no cross-source finding covers
    baselined: int = 0  # contradictions a baseline file accepts (not counted in `contradictions`)


class RuleInfo(BaseModel):
    """What reports say about a rule that ran: SARIF rule metadata, JUnit suites, help text."""

    id: str
    title: str
    check: str
    severity: Severity
    description: str | None = None
    check_help: str | None = None  # what the check compares (its docstring)
    path: str | None = None  # rule file and line the rule was defined at
    line: int | None = None


class BaselineFact(BaseModel):
    """One fact of a baselined contradiction, as a reader of the baseline file needs to see it."""

    model_config = ConfigDict(extra="forbid")

    source: str  # source id (file name)
    kind: FactKind
    value: str  # the normalized value, described
    text: str = ""  # the surface, for the reader; not matched
    signature: str  # hash of source, kind and normalized value: what matching uses


class BaselineEntry(BaseModel):
    """A known contradiction: matched by fingerprint (rule + facts' sources, kinds, values), never by line."""

    model_config = ConfigDict(extra="forbid")

    fingerprint: str
    rule: str
    title: str = ""
    subject: str = ""
    facts: list[BaselineFact] = Field(default_factory=list)
    reason: str | None = None


class BaselineStatus(BaseModel):
    """What applying a baseline did: contradictions it accepted and entries that matched nothing."""

    path: str
    findings: list[Finding] = Field(default_factory=list)  # accepted contradictions, not reported as new
    reasons: dict[str, str] = Field(default_factory=dict)  # finding fingerprint -> the entry's reason
    stale: list[BaselineEntry] = Field(default_factory=list)


class Report(BaseModel):
    name: str
    sources: list[Source]
    facts: list[Fact]
    findings: list[Finding]
    summary: Summary
    rules_used: list[str] = Field(default_factory=list)
    rules: list[RuleInfo] = Field(default_factory=list)  # the enabled rules, in run order
    baseline: BaselineStatus | None = None

    def contradictions(self, at_least: Severity | None = None) -> list[Finding]:
        out = [f for f in self.findings if f.verdict is Verdict.CONTRADICT]
        if at_least is not None:
            out = [f for f in out if f.severity.rank >= at_least.rank]
        return out

    def contract(self) -> dict[str, Any]:
        return {
            "sources": [s.summary() for s in self.sources],
            "findings": [f.contract() for f in self.findings],
            "summary": self.summary.model_dump(),
        }
