"""Rule cases as data: small source documents and the findings a rule must and must not yield.

Used by `factcheck rules test` and the test suite (tests/rules/<rule-id>/cases.yaml).

A case file is `<cases dir>/<rule-id>/cases.yaml`:

    cases:
      - name: same address, different day
        sources:                      # file name -> text (a header line gives the reference date)
          a.txt: "date 2025-03-14\\nIn a video address on Thursday night, Zelensky ..."
          b.txt: "date 2025-03-13\\nZelensky, in a March 12 address, ..."
        expect:                       # each must match a finding of the rule
          - {verdict: contradict, values: ["2025-03-13", "2025-03-12"]}
        forbid:                       # none may match a finding of the rule
          - {verdict: agree}

`values` lists normalized values (as the report shows them) that the finding must contain.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.describe import describe_value
from factcheck.errors import RuleError
from factcheck.models import Finding, Verdict
from factcheck.pipeline import check_with_rules
from factcheck.rules.loader import Rule

CASES_FILE = "cases.yaml"


class Expectation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verdict: Verdict
    values: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="file names the finding must cover")

    def matches(self, finding: Finding) -> bool:
        if finding.verdict is not self.verdict:
            return False
        got = {describe_value(f) for f in finding.facts}
        if not all(v in got for v in self.values):
            return False
        covered = {f.source_id for f in finding.facts}
        return all(s in covered for s in self.sources)


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    sources: dict[str, str]
    expect: list[Expectation] = Field(default_factory=list)
    forbid: list[Expectation] = Field(default_factory=list)


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    cases: list[Case]


class CaseResult(BaseModel):
    rule: str
    case: str
    passed: bool
    problems: list[str] = Field(default_factory=list)
    findings: list[str] = Field(default_factory=list)


def case_dirs(cases_root: Path) -> list[Path]:
    if not cases_root.is_dir():
        return []
    return sorted(p for p in cases_root.iterdir() if (p / CASES_FILE).is_file())


def load_cases(path: Path) -> list[Case]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return CaseFile.model_validate(data).cases
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RuleError(f"YAML error: {getattr(exc, 'problem', exc)}", path=str(path),
                        line=mark.line + 1 if mark else None) from exc
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise RuleError(f"{where}: {err['msg'].lower()} (expected: cases: [{{name, sources, expect, forbid}}])",
                        path=str(path)) from exc


def run_case(rules: list[Rule], rule_id: str, case: Case) -> CaseResult:
    """Check the case's documents with the rule's own pack (the rules of its file) and judge
    the findings of `rule_id`. Other packs are left out: a story pack's rules claim facts
    that a generic rule's cases are about."""
    home = next((r.path for r in rules if r.id == rule_id), None)
    rules = [r for r in rules if r.path == home]
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in case.sources.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        report = check_with_rules([tmp], rules, name=case.name)
    mine = [f for f in report.findings if f.rule == rule_id]
    problems = []
    for want in case.expect:
        if not any(want.matches(f) for f in mine):
            problems.append(f"expected a {want.verdict.value} finding" + (f" with {want.values}" if want.values else ""))
    for bad in case.forbid:
        for f in mine:
            if bad.matches(f):
                problems.append(f"unexpected {f.verdict.value} finding: {f.message}")
    return CaseResult(rule=rule_id, case=case.name, passed=not problems, problems=problems,
                      findings=[f"{f.verdict.value}: {f.message}" for f in mine])


def run_all(rules: list[Rule], cases_root: Path) -> list[CaseResult]:
    known = {r.id for r in rules}
    results = []
    for folder in case_dirs(cases_root):
        rule_id = folder.name
        if rule_id not in known:
            raise RuleError(f'cases for unknown rule "{rule_id}" (expected one of: {", ".join(sorted(known))})',
                            path=str(folder / CASES_FILE))
        for case in load_cases(folder / CASES_FILE):
            results.append(run_case(rules, rule_id, case))
    return results
