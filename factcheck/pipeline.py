"""The pipeline: sources -> extract -> align + rules -> report. Wiring only, no logic of its own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, ConfigDict, Field

from factcheck.errors import ConfigError
from factcheck.models import Fact, Report, RuleInfo, Severity, Source, Summary, Verdict
from factcheck.report.common import count_findings, single_source_facts
from factcheck.rules.engine import apply_rules
from factcheck.rules.loader import Rule, load_rules
from factcheck.runner import (
    Engine,
    RunSettings,
    cached_findings,
    extract_sources,
    input_keys,
    paused_gc,
    pool_map,
)
from factcheck.runner import outputs_key as runner_outputs_key
from factcheck.sources import FetchSettings, corpus_anchor, load_sources
from factcheck.sources.fetch import DEFAULT_CACHE

PACKAGED_RULES = Path(__file__).parent / "data" / "rules"

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class CheckOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    paths: list[str]
    rules: list[str] = Field(default_factory=list)  # files or folders; empty: ./rules, else the packaged pack
    name: str | None = None
    severity: dict[str, Severity] = Field(default_factory=dict)  # rule id -> severity override
    disable: list[str] = Field(default_factory=list)
    fetch_cache: str | None = DEFAULT_CACHE  # where fetched URLs are kept; None: no cache
    fetch: bool = True  # False: URLs are read from the cache only, never from the network
    run: RunSettings = Field(default_factory=RunSettings)  # how extraction runs: engine, jobs, fact cache
    keep_text: bool = True  # False: source texts are set aside after extraction; only cited ones come back

    @property
    def report_name(self) -> str:
        """The report's name: `name`, else the first path's (reports/<name>.md)."""
        return self.name or report_name(self.paths)


def default_rule_paths() -> list[str]:
    local = Path("rules")
    if local.is_dir() and any(local.glob("*.yaml")):
        return [str(local)]
    return [str(PACKAGED_RULES)]


def report_name(paths: list[str]) -> str:
    first = Path(paths[0])
    name = first.name if first.is_dir() else first.stem
    return name or "report"


def prepare_rules(options: CheckOptions) -> list[Rule]:
    rules = load_rules(options.rules or default_rule_paths())
    known = {r.id for r in rules}
    for rule_id in list(options.severity) + options.disable:
        if rule_id not in known:
            raise ConfigError(f'unknown rule id "{rule_id}" (expected one of: {", ".join(sorted(known))})')
    for rule in rules:
        if rule.id in options.severity:
            rule.spec.severity = options.severity[rule.id]
        if rule.id in options.disable:
            rule.spec.enabled = False
    return rules


def extract_all(sources: list[Source], progress: Progress | None = None, run: RunSettings | None = None) -> list[Fact]:
    return extract_sources(sources, run, progress=progress).facts


@dataclass
class Prepared:
    """A run before extraction: its rules and sources, and with a fact cache, each source's key."""

    options: CheckOptions
    rules: list[Rule]
    sources: list[Source]
    anchor: dt.date | None  # the corpus anchor undated sources are dated by
    keys: list[str] | None  # the sources' fact cache keys; None without a cache


def prepare(options: CheckOptions, progress: Progress | None = None, on_skip=None) -> Prepared:
    """Load the rules and sources (bad input raises here, before any work)."""
    rules = prepare_rules(options)
    sources = load_sources(options.paths, on_skip=on_skip, infer_dates=False, progress=progress,
                           fetch_settings=FetchSettings(cache_dir=options.fetch_cache, network=options.fetch),
                           mapper=_mapper(options.run))
    anchor = corpus_anchor(sources)
    keys = input_keys(sources, infer_dates=True, anchor=anchor) if options.run.cache_dir else None
    return Prepared(options, rules, sources, anchor, keys)


def outputs_key(prepared: Prepared, extra: dict[str, Any]) -> str | None:
    """The key of this run's outputs (runner.outputs_key), the report's name included; None
    without a cache."""
    if prepared.keys is None:
        return None
    return runner_outputs_key(prepared.keys, prepared.sources, prepared.rules,
                              {"name": prepared.options.report_name, **extra})


def run(prepared: Prepared, progress: Progress | None = None, on_note=None) -> Report:
    """Extract, align, apply the rules and build the report."""
    options, sources, rules = prepared.options, prepared.sources, prepared.rules
    # The sources and facts live to the end of the run: the cyclic collector, which would walk
    # all of them again at every full collection (a tenth of an archive's run), leaves them be.
    # Freed objects still go as they always do; only cycles among these would outlive the run.
    # No collection first: extraction leaves next to none (0 unreachable objects on 10k documents
    # from the cache, 10 extracted in this process), and walking 1.3 million objects to find them
    # took 0.9 s.
    with paused_gc(freeze=True):
        # undated sources are dated by the extraction jobs: on every core, and cached with their facts
        extraction = extract_sources(sources, options.run, progress=progress, on_note=on_note,
                                     keep_text=options.keep_text, infer_dates=True, anchor=prepared.anchor,
                                     known_keys=prepared.keys)
    facts = extraction.facts
    findings = cached_findings(extraction, sources, rules, lambda: apply_rules(rules, facts, progress), on_note)
    if extraction.texts is not None:  # the reports read the texts of the sources they cite, no others
        extraction.texts.restore(sources, {f.source_id for finding in findings for f in finding.facts})
    return build_report(options.report_name, sources, facts, findings, rules)


def check(options: CheckOptions, progress: Progress | None = None, on_skip=None, on_note=None) -> Report:
    return run(prepare(options, progress, on_skip), progress, on_note)


def _mapper(run: RunSettings):
    """Reading many files on every core, as extraction does: the local engine's worker processes."""
    if run.engine is not Engine.LOCAL or run.jobs <= 1:
        return None
    return partial(pool_map, jobs=run.jobs)


def check_with_rules(paths: list[str], rules: list[Rule], name: str | None = None) -> Report:
    """Check local files with rules already loaded (rule cases, explain)."""
    sources = load_sources(paths)
    facts = extract_all(sources)
    return build_report(name or report_name(paths), sources, facts, apply_rules(rules, facts), rules)


def build_report(name, sources, facts, findings, rules) -> Report:
    agreements, contradictions, unclear = count_findings(findings)
    report = Report(
        name=name,
        sources=sources,
        facts=facts,
        findings=findings,
        summary=Summary(sources=len(sources), facts=len(facts), agreements=agreements,
                        contradictions=contradictions, unclear=unclear),
        rules_used=[r.id for r in rules if r.spec.enabled],
        rules=[rule_info(r) for r in rules if r.spec.enabled],
    )
    report.summary.unchecked = len(single_source_facts(report))
    return report


def rule_info(rule: Rule) -> RuleInfo:
    """What the reports need to know about a rule (SARIF rule metadata, help text)."""
    doc = " ".join((type(rule.check).__doc__ or "").split()) or None
    return RuleInfo(id=rule.id, title=rule.spec.title or rule.id, check=rule.spec.check, severity=rule.severity,
                    description=rule.spec.description, check_help=doc, path=rule.path, line=rule.line)


def failed(report: Report, fail_on: str) -> bool:
    """Whether the run should exit 1: contradictions at or above the threshold."""
    if fail_on == "never":
        return False
    threshold = Severity(fail_on)
    return any(f.verdict is Verdict.CONTRADICT and f.severity.rank >= threshold.rank for f in report.findings)
