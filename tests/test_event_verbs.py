"""Two different things that happened are not one claim: a date of "charged" and a date of
"acquitted" in the same case do not contradict each other; two dates of "charged" do."""

from __future__ import annotations

from factcheck.extract.lexicon import is_past_verb
from factcheck.models import Verdict
from factcheck.pipeline import CheckOptions, check

_A = ("Mob boss\n\nThe reputed mob boss Vincent Gigante was {verb} in {year} on charges of attempted murder "
      "in the shooting of Frank Costello in Manhattan.\n")
_B = ("Gigante obituary\n\nIn {year} Vincent Gigante was {verb} with attempted murder in the shooting of "
      "Frank Costello in Manhattan.\n")


def _contradictions(tmp_path, first, second):
    (tmp_path / "a.txt").write_text(_A.format(verb=first[0], year=first[1]), encoding="utf-8")
    (tmp_path / "b.txt").write_text(_B.format(verb=second[0], year=second[1]), encoding="utf-8")
    report = check(CheckOptions(paths=[str(tmp_path)], fetch_cache=None))
    return [f for f in report.findings if f.verdict is Verdict.CONTRADICT and not f.internal]


def test_past_verbs():
    assert is_past_verb("acquitted") and is_past_verb("charged") and is_past_verb("met")
    assert not is_past_verb("address") and not is_past_verb("used")


def test_dates_of_two_different_events_do_not_contradict(tmp_path):
    assert _contradictions(tmp_path, ("acquitted", 1958), ("charged", 1957)) == []


def test_dates_of_one_event_contradict(tmp_path):
    found = _contradictions(tmp_path, ("charged", 1958), ("charged", 1957))
    assert len(found) == 1 and {f.source_id for f in found[0].facts} == {"a.txt", "b.txt"}
