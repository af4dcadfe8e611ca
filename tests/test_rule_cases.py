"""Every rule's cases (tests/rules/<rule-id>/cases.yaml), run by one parametrized test."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rulecases import case_dirs, load_cases, run_case
from factcheck.rules.loader import load_rules

CASES = Path(__file__).parent / "rules"
RULES = load_rules(["rules"])
PARAMS = [
    pytest.param(folder.name, case, id=f"{folder.name}: {case.name}")
    for folder in case_dirs(CASES)
    for case in load_cases(folder / "cases.yaml")
]


def test_every_case_folder_names_a_rule():
    known = {r.id for r in RULES}
    assert {folder.name for folder in case_dirs(CASES)} <= known


@pytest.mark.parametrize("rule_id, case", PARAMS)
def test_rule_case(rule_id, case):
    result = run_case(RULES, rule_id, case)
    assert result.passed, "; ".join(result.problems + result.findings)
