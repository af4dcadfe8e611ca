"""Fuzzing the extractors (issue 8): random text, real sentences and adversarial inputs.

Every extractor, on any input: never raises; returns spans inside the text, non-empty, in text
order; and finishes in time linear in the input. The default run is bounded (a few hundred
hypothesis examples, the real sentences, the adversarial inputs at 100 KB); set
FACTCHECK_FUZZ_EXAMPLES=5000 for a long run, and `-m slow` for the per-MB time bound on 1 MB
adversarial inputs. See tests/fuzz/README.md.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract.dates import extract_dates, parse_date_text
from factcheck.extract.durations import extract_durations
from factcheck.extract.mention import Mention
from factcheck.extract.numbers import extract_numbers
from factcheck.extract.quantities import extract_quantities
from factcheck.extract.quotes import extract_quotes
from factcheck.extract.refdate import infer_reference_date
from factcheck.extract.sections import detect_sections
from factcheck.models import QuoteValue
from factcheck.text import sentence_spans

REF = dt.date(2025, 3, 14)
EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "300"))
settings.register_profile(
    "fuzz", max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 300,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("fuzz")
SENTENCES = [
    line.rstrip("\n")
    for line in (Path(__file__).resolve().parents[1] / "data" / "fuzz_sentences.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]

EXTRACTORS: dict[str, Callable[[str], list[Mention]]] = {
    "dates": lambda t: extract_dates(t, REF),
    "dates_no_ref": lambda t: extract_dates(t, None),
    "durations": extract_durations,
    "quantities": extract_quantities,
    "numbers": extract_numbers,
    "quotes": lambda t: extract_quotes(t, sentence_spans(t)),
}


def check_mentions(text: str, found: list[Mention]) -> None:
    """Spans inside the text, non-empty, in text order; a quote's text is the span's own text."""
    last = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text), (m.start, m.end, len(text))
        assert m.start >= last, "mentions out of order"
        last = m.start
        if isinstance(m.value, QuoteValue):
            assert m.value.quote.strip() in " ".join(text[m.start:m.end].split()) or m.value.quote in text


def check_all(text: str) -> None:
    for fn in EXTRACTORS.values():
        check_mentions(text, fn(text))
    prev_end = 0
    for start, end, _ in detect_sections(text):
        assert prev_end <= start <= end <= len(text)
        prev_end = end
    parse_date_text(text[:80], REF)
    infer_reference_date(text[:2000])


# ---------------------------------------------------------------- random text

# the characters the grammars care about, so random text reaches deep into them
_ALPHABET = st.sampled_from(list("0123456789 ,.-/:'\"$%()\u2013\u201c\u201d\u00bd\n") + [
    " March ", " May ", " 2025 ", " Monday ", " ago", " last ", " next ", " the ", " of ", " to ", " and ",
    " km", " miles", " million", " billion", " per cent", " days", " weeks", " years", " early ", " mid-",
    " said ", " \"", "\" ", " 1, 000", " 41 / 2", " 1/2 ", " about ", " nearly ", "th", "st", " Q1 ", " '90s",
])
FRAGMENTS = st.lists(_ALPHABET, max_size=60).map("".join)


@FUZZ
@given(FRAGMENTS)
def test_grammar_fragments(text: str) -> None:
    check_all(text)


@FUZZ
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    check_all(text)


@FUZZ
@given(st.sampled_from(SENTENCES), st.sampled_from(SENTENCES), st.integers(0, 400))
def test_spliced_sentences(a: str, b: str, cut: int) -> None:
    """Two real sentences spliced at a random point: real vocabulary in broken contexts."""
    check_all(a[:cut] + b[cut // 2:])


# ---------------------------------------------------------------- real sentences


def test_real_sentences() -> None:
    assert len(SENTENCES) >= 2000
    for start in range(0, len(SENTENCES), 50):
        check_all("\n".join(SENTENCES[start:start + 50]))


# ---------------------------------------------------------------- adversarial inputs

ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits_and_commas": lambda n: ("1234567890," * (n // 11 + 1))[:n],
    "ones_and_commas": lambda n: ("1," * (n // 2 + 1))[:n],
    "spaced_groups": lambda n: ("1, 000 " * (n // 7 + 1))[:n],
    "quote_marks": lambda n: ('"\u201c\u201d\'' * (n // 4 + 1))[:n],
    "month_names": lambda n: ("March May June 12 " * (n // 18 + 1))[:n],
    "dashes_and_slashes": lambda n: ("-/" * (n // 2 + 1))[:n],
    "dates_in_a_row": lambda n: ("3/14/2025-3/15/2025 " * (n // 20 + 1))[:n],
    "number_words": lambda n: ("one hundred and twenty three thousand " * (n // 38 + 1))[:n],
    "duration_parts": lambda n: ("2 days 3 hours and " * (n // 19 + 1))[:n],
    "one_long_line": lambda n: (" ".join(SENTENCES))[:n].replace("\n", " "),
}


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    check_all(text)
    return time.perf_counter() - t0


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_complete(name: str) -> None:
    text = ADVERSARIAL[name](100_000)
    assert len(text) == 100_000 or name == "one_long_line"
    _seconds(text)


# generous: the extractors run at several MB/s on prose; 120 s per MB (all extractors together, a busy 2-core machine) only catches blow-ups
SECONDS_PER_MB = 120.0


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_linear(name: str) -> None:
    """1 MB of each input within the bound, and 1 MB costs at most ~3x ten times 100 KB (linear, not worse)."""
    small = _seconds(ADVERSARIAL[name](100_000))
    big_text = ADVERSARIAL[name](1_000_000)
    big = _seconds(big_text)
    per_mb = big / (len(big_text) / 1e6)
    print(f"{name}: {per_mb:.2f} s/MB (100 KB: {small:.2f} s)")
    assert per_mb < SECONDS_PER_MB
    assert big < 30 * max(small, 0.05)
