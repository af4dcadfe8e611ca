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


def test_include_loads_the_other_file_once(tmp_path):
    (tmp_path / "base.yaml").write_text(GOOD)
    (tmp_path / "top.yaml").write_text("include: [base.yaml]\nrules:\n  - id: figure\n    check: same_quantity\n")
    rules = load_rules([tmp_path])  # the folder holds both: base.yaml must not load twice
    assert sorted(r.id for r in rules) == ["event-date", "figure"]


@pytest.mark.parametrize("entry, fragment", [
    ("../outside.yaml", "outside the rule folder"),
    ("/etc/passwd", "outside the rule folder"),
    ("missing.yaml", "not a rule file"),
    ("top.yaml", "includes itself"),
])
def test_bad_include_is_an_error_with_file_and_line(tmp_path, entry, fragment):
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    (tmp_path / "outside.yaml").write_text(GOOD)
    top = rules_dir / "top.yaml"
    top.write_text(f"version: 1\ninclude:\n  - {entry}\nrules: []\n")
    with pytest.raises(RuleError) as info:
        load_rules([top])
    assert str(info.value).startswith(f"{top}:3: ")
    assert fragment in str(info.value)


def test_catastrophic_pattern_is_stopped_with_file_and_line(tmp_path):
    from factcheck.pipeline import check_with_rules

    path = tmp_path / "slow.yaml"
    path.write_text("rules:\n  - id: slow\n    check: same_date\n    select: {pattern: '(a|aa)+$'}\n")
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("date 2025-01-02\nOn March 3, 2024, it went " + "a" * 40 + "!\n")
    (src / "b.txt").write_text("date 2025-01-02\nIt happened on March 4, 2024.\n")
    with pytest.raises(RuleError) as info:
        check_with_rules([str(src)], load_rules([path]))
    assert str(info.value).startswith(f"{path}:2: ")
    assert "catastrophic backtracking" in str(info.value)
