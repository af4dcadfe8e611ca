"""Documents about different things do not contradict each other: the topic of a document comes
from its title, and a short title of name words ("Erechthias hemiclistra") names one thing."""

from __future__ import annotations

from factcheck.extract.context import _topic
from factcheck.models import Verdict
from factcheck.pipeline import CheckOptions, check

_MOTH = ("{title}\n\n{title} is a species of moth in the family Tineidae. It was described by Edward Meyrick "
         "in {year}. This species is endemic to New Zealand.\n")


def test_short_name_titles_keep_their_small_words_long_headlines_do_not():
    assert _topic("Erechthias hemiclistra") == ["erechthias", "hemiclistr"]
    assert _topic("Putin Rejects Immediate Ceasefire in Ukraine")[0] == "putin"
    assert "the" not in _topic("Putin says the war goes on")
    assert _topic("Putin says the war goes on") == ["putin"]


def _contradictions(tmp_path, titles_years):
    for n, (title, year) in enumerate(titles_years):
        (tmp_path / f"{n}.txt").write_text(_MOTH.format(title=title, year=year), encoding="utf-8")
    report = check(CheckOptions(paths=[str(tmp_path)], fetch_cache=None))
    return [f for f in report.findings if f.verdict is Verdict.CONTRADICT and not f.internal]


def test_two_species_of_one_genus_are_different_topics(tmp_path):
    assert _contradictions(tmp_path, [("Erechthias hemiclistra", 1911), ("Erechthias macrozyga", 1916)]) == []


def test_one_species_described_in_two_years_is_a_contradiction(tmp_path):
    found = _contradictions(tmp_path, [("Erechthias hemiclistra", 1911), ("Erechthias hemiclistra", 1916)])
    assert len(found) == 1 and {f.source_id for f in found[0].facts} == {"0.txt", "1.txt"}
