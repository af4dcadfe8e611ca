"""Document sections: which lines are not article body (title, byline, caption, comments, boilerplate).

Cases are data: small documents and the section each of their lines must get (BODY for article
text). The seeds are checked against their gold: the lines the gold names, and no line holding an
article fact may leave the article text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.extract.sections import author_name, detect_sections
from factcheck.models import Section

ROOT = Path(__file__).resolve().parents[2]
B, T, BY, CAP, COM, BP = (Section.BODY, Section.TITLE, Section.BYLINE, Section.CAPTION, Section.COMMENT,
                          Section.BOILERPLATE)
ARTICLE_TEXT = {Section.BODY, Section.TITLE, Section.CAPTION}

CASES = [
    (
        "Storm hits the coast\nBy Jane Doe and John Roe, Reuters\n"
        "The storm reached the coast on Monday, officials said.\n"
        "Residents were told to stay indoors.",
        [T, BY, B, B],
    ),
    (
        "A man walks past a flooded street in Porto Alegre, Brazil, May 6, 2024. (AP Photo/Andre Penner)\n"
        "Floods have killed at least 83 people in southern Brazil.\n"
        "Photo: Floodwater covers the main square\n"
        "Rescue teams were still searching on Tuesday.",
        [CAP, B, CAP, B],
    ),
    (
        "Prices rose again in March.\n"
        "Read more: Why inflation is sticky\n"
        "The central bank is expected to act, analysts said.\n"
        "Getty Images reported higher revenue this quarter, the company said.",
        [B, BP, B, B],
    ),
    (
        "The vote was close.\nTurnout was high across the country.\n"
        "12 comments\n"
        "Great article, thanks.\nI disagree with the premise entirely.",
        [B, B, BP, COM, COM],
    ),
    (
        "The mayor resigned on Friday.\nShe had served for six years.\n"
        "If you like my writing, please consider a paid subscription to support this newsletter.\n"
        "Jane Doe\nWebsite: janedoe.net\nTwitter: @janedoe\n"
        "Folks, this is nonsense. The mayor did nothing wrong.\n"
        "Agree with the previous comment.",
        [B, B, BP, BY, BP, BP, COM, COM],
    ),
    (
        # a name line in the middle of an article, with no sign-off around it, is a subheading
        "The talks began on Monday.\nRussian Demands\nThe Kremlin wants guarantees.\nOfficials met again.",
        [B, B, B, B],
    ),
    (
        "Watch: The moment the bridge collapsed\n\nThe bridge fell at dawn, police said.",
        [CAP, B],
    ),
    (
        "The first sentence of a story that has no headline ends with a full stop.\nA second line.",
        [B, B],
    ),
]


def _labels(text: str) -> list[Section]:
    regions = detect_sections(text)
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip())
            out.append(next((s for lo, hi, s in regions if lo <= start < hi), Section.BODY))
        pos += len(line) + 1
    return out


@pytest.mark.parametrize("text,expected", CASES)
def test_line_sections(text, expected):
    assert _labels(text) == expected


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_regions_sorted_disjoint_and_on_line_text(text):
    regions = detect_sections(text)
    for (_, hi1, _), (lo2, _, _) in zip(regions, regions[1:], strict=False):
        assert hi1 <= lo2
    for lo, hi, _ in regions:
        assert 0 <= lo < hi <= len(text)
        assert text[lo:hi] == text[lo:hi].strip()


def test_author_from_byline_and_sign_off():
    assert author_name(CASES[0][0]) == "Jane Doe"
    assert author_name(CASES[4][0]) == "Jane Doe"
    assert author_name("Just a story.\nWith two lines.") is None


# ---------------------------------------------------------------- the seeds

SEED_LINES = [
    ("000_8b0ed0f186a2d7c4.txt", {1: T, 19: BP, 20: BY, 21: BP, 22: BP, 23: BY, 24: COM, 25: COM, 26: COM, 27: COM}),
    ("001_b2ae0a5dd48a87a7.txt", {}),
    ("002_e4c44d0d936d87cd.txt", {1: T}),
    ("003_792bd40e83e483ac.txt", {1: T, 4: CAP, 12: BP}),
    ("004_a9b27d28e56e77ed.txt", {1: BY, 3: CAP}),
]


def _line_sections(text: str) -> dict[int, Section]:
    out = {}
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for n, start in enumerate(starts, 1):
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if line.strip():
            first = start + len(line) - len(line.lstrip())
            out[n] = next((s for lo, hi, s in detect_sections(text) if lo <= first < hi), Section.BODY)
    return out


@pytest.mark.parametrize("source,expected", SEED_LINES)
def test_seed_sections(source, expected):
    text = (ROOT / "seeds" / source).read_text(encoding="utf-8")
    got = _line_sections(text)
    for line, section in got.items():
        assert section == expected.get(line, Section.BODY), f"{source}:{line}"


def test_no_seed_fact_leaves_the_article_text():
    gold = yaml.safe_load((ROOT / "tests/data/gold/seeds.yaml").read_text(encoding="utf-8"))
    header = {(src, line) for src, lines in SEED_LINES for line, s in lines.items() if s is BY and line < 3}
    sections = {}
    for fact in gold["facts"]:
        if fact.get("section"):  # the gold's own non-article sections: reader_comment, related_link
            continue
        if (fact["source"], fact["line"]) in header:
            continue  # "date 2025-03-14 Laura Gozzi and Paul Kirby BBC News": metadata, not article text
        if fact["source"] not in sections:
            sections[fact["source"]] = _line_sections((ROOT / "seeds" / fact["source"]).read_text(encoding="utf-8"))
        assert sections[fact["source"]][fact["line"]] in ARTICLE_TEXT, fact["id"]


def test_comments_after_furniture_and_a_reader_addressing_opener():
    text = ("The council approved the budget on Monday.\nSpending rises by 4%.\nShare this article\n"
            "Great article, thanks for writing it.\nI think the council is wrong.")
    assert _labels(text) == [B, B, BP, COM, COM]


def test_an_opener_inside_the_article_is_body():
    text = "Thanks to the rain, the fire died down.\nExactly how it started is unclear.\nCrews stayed overnight."
    assert _labels(text) == [B, B, B]
