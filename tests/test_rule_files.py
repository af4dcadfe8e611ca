"""Rule files are validated strictly: every mistake is one error naming file:line and what was expected."""

from __future__ import annotations

import pytest

from factcheck.errors import RuleError
from factcheck.rules.loader import load_rule_file, load_rules

GOOD = """
version: 1
rules:
  - id: event-date
    check: same_date
    select: {kinds: [date]}
"""

BAD_CASES = [
    # (rule file, expected line, expected fragments of the message)
    ("""
rules:
  - id: a
    check: same_quantity
    params:
      tolerence: 0.1
""", 6, ['unknown key "tolerence"', "expected: rel_tolerance"]),
    ("""
rules:
  - id: a
    chek: same_date
""", 4, ['unknown key "chek"', "expected: check"]),
    ("""
rules:
  - id: a
    check: same_dat
""", 4, ['unknown check "same_dat"', 'did you mean "same_date"']),
    ("""
rules:
  - id: a
    check: same_quantity
    params: {rel_tolerance: lots}
""", 5, ["rel_tolerance", "lots"]),
    ("""
rules:
  - id: a
    check: same_date
    select:
      kinds: [dates]
""", 6, ["select.kinds.0"]),
    ("""
rules:
  - id: a
    check: same_date
  - id: a
    check: same_date
""", 5, ['duplicate rule id "a"']),
    ("""
rules:
  - id: a
    check: same_date
    select: {pattern: "([a-z"}
""", 5, ["invalid regular expression"]),
    ("""
rules:
  - id: a
    check: same_date
    check: same_quote
""", 5, ['duplicate key "check"']),
    ("""
rules:
  - id: a
    check: same_date
   severity: error
""", 5, ["YAML error"]),
    ("""
rules:
  - id: a
    check: !!python/object/apply:os.system ["echo hacked"]
""", 4, ["YAML error"]),
    ("""
rules:
  - id: a
    check: same_date
    severity: fatal
""", 5, ["severity"]),
    ("""
rules:
  - id: a
    check: same_date
    align: {treshold: 0.3}
""", 5, ['unknown key "treshold"', "expected: threshold"]),
    ("""
rules:
  - check: same_date
""", 3, ['missing key "rules.0.id"']),
]


def write(tmp_path, text: str):
    path = tmp_path / "rules.yaml"
    path.write_text(text)  # the cases start with a blank line, so line numbers count from it
    return path


def test_good_file_loads(tmp_path):
    rules = load_rule_file(write(tmp_path, GOOD))
    assert [r.id for r in rules] == ["event-date"]
    assert rules[0].check.name == "same_date"
    assert rules[0].line == 4


@pytest.mark.parametrize("text, line, fragments", BAD_CASES)
def test_bad_file_is_one_error_with_file_and_line(tmp_path, text, line, fragments):
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_rules([path])
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


def test_shipped_rule_packs_are_valid():
    rules = load_rules(["rules"])
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert {"event-date", "figure", "quote", "weekday", "zelensky-address-date"} <= set(ids)


def test_missing_rule_path_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="no such rule file"):
        load_rules([tmp_path / "nope.yaml"])
