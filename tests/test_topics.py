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


_PARISH = ("Listed buildings in {place}, Shropshire\n\n{place} is a civil parish in Shropshire, England. It contains "
           "{n} listed buildings that are recorded in the National Heritage List for England.\n")
_EDITION = ("{year} Norwich Union Grand Prix\n\nThe {year} Norwich Union Grand Prix was a snooker tournament. "
            "It took place in {month} {year} in Monte Carlo, Monaco.\n")


def _write(tmp_path, texts):
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    report = check(CheckOptions(paths=[str(tmp_path)], fetch_cache=None))
    return [f for f in report.findings if f.verdict is Verdict.CONTRADICT and not f.internal]


def test_titles_of_one_pattern_with_two_names_are_two_subjects(tmp_path):
    assert _topic("Listed buildings in Badger, Shropshire") == ["listed", "badger", "shropshir"]
    texts = [_PARISH.format(place="Badger", n="eleven"), _PARISH.format(place="Barrow", n=28)]
    assert _write(tmp_path, texts) == []


def test_a_year_in_the_title_makes_each_edition_its_own_subject(tmp_path):
    assert _topic("1989 Norwich Union Grand Prix")[0] == "1989"
    texts = [_EDITION.format(year=1989, month="November"), _EDITION.format(year=1990, month="December")]
    assert _write(tmp_path, texts) == []


def test_one_title_pattern_and_one_name_still_contradicts(tmp_path):
    texts = [_PARISH.format(place="Badger", n="eleven"), _PARISH.format(place="Badger", n=28)]
    found = _write(tmp_path, texts)
    assert len(found) == 1 and {f.source_id for f in found[0].facts} == {"0.txt", "1.txt"}
