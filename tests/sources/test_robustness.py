"""Bad input met in CI (issue 8, sources part): each case has defined behaviour, a clear message,
and the rest of the run goes on. The CLI table at the end is the one in the README."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import SourceError
from factcheck.sources import decode as decode_module
from factcheck.sources import load_sources

GOOD = "Putin rejected the 30-day ceasefire on Thursday, March 13, 2025.\nThe front line is 1,000 km long.\n"


def load(paths):
    skipped: list[tuple[str, str]] = []
    sources = load_sources([str(p) for p in paths], on_skip=lambda p, why: skipped.append((p, why)))
    return sources, skipped


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_empty_and_whitespace_files_are_skipped_with_a_warning(corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.md").write_bytes(b" \r\n\t\n")
    (corpus / "bom-only.txt").write_bytes(b"\xff\xfe")
    sources, skipped = load([corpus])
    assert [s.id for s in sources] == ["a.txt"]
    assert sorted(skipped) == sorted((str(corpus / n), "empty file") for n in ("blank.md", "bom-only.txt", "empty.txt"))


def test_binary_files_are_skipped_naming_them(corpus):
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (corpus / "controls.md").write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 64)
    sources, skipped = load([corpus])
    assert [s.id for s in sources] == ["a.txt"]
    assert (str(corpus / "photo.txt"), "binary file, not text (NUL bytes)") in skipped
    assert (str(corpus / "controls.md"), "binary file, not text (control bytes)") in skipped


@pytest.mark.parametrize("data, encoding, note", [
    (b"\xef\xbb\xbf" + GOOD.encode(), "utf-8", "utf-8 (byte-order mark)"),
    (GOOD.encode("utf-16"), "utf-16", "utf-16 (byte-order mark)"),
    (GOOD.encode("utf-16-be"), "utf-16", "utf-16-be (no byte-order mark; NUL-byte pattern)"),
    (GOOD.encode("utf-16-le"), "utf-16", "utf-16-le (no byte-order mark; NUL-byte pattern)"),
    (GOOD.encode("utf-32"), "utf-32", "utf-32 (byte-order mark)"),
    (GOOD.replace("1,000 km", "1.000 km à Genève, coûté 5 €").encode("cp1252"), "cp1252",
     "cp1252 (detected by charset-normalizer; not valid UTF-8)"),
])
def test_encodings_are_decoded_and_the_decision_recorded(tmp_path, data, encoding, note):
    (tmp_path / "x.txt").write_bytes(data)
    (s,), skipped = load([tmp_path / "x.txt"])
    assert skipped == []
    assert s.encoding == encoding and s.encoding_note == note
    assert s.text.startswith("Putin rejected the 30-day ceasefire") and "\ufeff" not in s.text
    assert s.reference_date.isoformat() == "2025-03-13"


def test_crlf_text_is_kept_as_is_with_right_lines(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(GOOD.replace("\n", "\r\n").encode())
    from factcheck.pipeline import extract_all

    sources, _ = load([tmp_path / "crlf.txt"])
    assert sources[0].text == GOOD.replace("\n", "\r\n")
    facts = extract_all(sources)
    by_text = {f.text: f for f in facts}
    assert by_text["1,000 km"].line == 2 and "\r" not in by_text["1,000 km"].context.sentence
    for f in facts:
        assert sources[0].text[f.start:f.end] == f.text


def test_a_missing_path_given_is_an_error(tmp_path):
    with pytest.raises(SourceError, match="nope.txt: no such file or folder"):
        load([tmp_path / "nope.txt"])


def test_a_file_that_vanishes_mid_run_is_skipped(corpus, monkeypatch):
    (corpus / "b.txt").write_text(GOOD, encoding="utf-8")
    real = decode_module.os.open

    def vanishing_open(path, *args, **kwargs):
        if str(path).endswith("b.txt"):
            os.unlink(path)  # deleted between the folder walk and the read
        return real(path, *args, **kwargs)

    monkeypatch.setattr(decode_module.os, "open", vanishing_open)
    sources, skipped = load([corpus])
    assert [s.id for s in sources] == ["a.txt"]
    assert skipped == [(str(corpus / "b.txt"), "vanished before it could be read")]


def test_an_unreadable_file_is_skipped(corpus, monkeypatch):
    (corpus / "locked.txt").write_text(GOOD, encoding="utf-8")
    real = decode_module.os.open

    def denied(path, *args, **kwargs):  # tests run as root, where chmod 000 does not stop reading
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(decode_module.os, "open", denied)
    sources, skipped = load([corpus])
    assert [s.id for s in sources] == ["a.txt"]
    assert skipped == [(str(corpus / "locked.txt"), "cannot read (Permission denied)")]


def test_symlink_loops_are_not_followed(corpus):
    sub = corpus / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text(GOOD.replace("1,000", "1,200"), encoding="utf-8")
    (sub / "loop").symlink_to(corpus, target_is_directory=True)
    (sub / "self").symlink_to(sub, target_is_directory=True)
    started = time.monotonic()
    sources, skipped = load([corpus])
    assert time.monotonic() - started < 10
    assert [s.path for s in sources] == [str(corpus / "a.txt"), str(sub / "b.txt")]
    assert sorted(skipped) == [(str(sub / "loop"), "symbolic link loop (not followed)"),
                               (str(sub / "self"), "symbolic link loop (not followed)")]


def test_duplicate_paths_are_read_once(corpus):
    (corpus / "alias.txt").symlink_to(corpus / "a.txt")
    other = corpus.parent / f"{corpus.name}-other"
    other.mkdir()
    (other / "c.txt").write_text(GOOD, encoding="utf-8")
    sources, skipped = load([corpus / "a.txt", corpus, corpus / "a.txt", other / "c.txt"])
    assert [s.path for s in sources] == [str(corpus / "a.txt"), str(other / "c.txt")]
    first = str(corpus / "a.txt")
    assert skipped == [(str(corpus / "a.txt"), f"same file as {first} (read once)"),
                       (str(corpus / "alias.txt"), f"same file as {first} (read once)"),
                       (str(corpus / "a.txt"), f"same file as {first} (read once)")]


def test_broken_links_fifos_and_other_kinds_in_a_folder(corpus):
    (corpus / "gone.txt").symlink_to(corpus / "nowhere.txt")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "picture.png").write_bytes(b"\x89PNG" + bytes(10))  # not a source kind: not even mentioned
    (corpus / ".hidden.txt").write_text(GOOD)
    sources, skipped = load([corpus])
    assert [s.id for s in sources] == ["a.txt"]
    assert sorted(skipped) == [(str(corpus / "gone.txt"), "broken symbolic link (its target does not exist)"),
                               (str(corpus / "pipe.txt"), "not a regular file")]


def test_a_fifo_given_explicitly_does_not_hang(corpus):
    os.mkfifo(corpus / "pipe")
    sources, skipped = load([corpus / "a.txt", corpus / "pipe"])
    assert [s.id for s in sources] == ["a.txt"]
    assert skipped == [(str(corpus / "pipe"), "not a regular file")]


def test_nothing_left_to_check_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(SourceError, match="no source left to check"):
        load([tmp_path])
    (tmp_path / "sub").mkdir()
    with pytest.raises(SourceError, match="no sources found"):
        load([tmp_path / "sub"])


def _single_line(path: Path, megabytes: float) -> None:
    unit = "The convoy travelled 30 km on Thursday, March 13, 2025, and 12 people were hurt; "
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(unit * int(megabytes * 1024 * 1024 / len(unit)))


def test_loading_a_long_single_line_file_is_linear(tmp_path):
    timings = {}
    for mb in (2, 8):
        _single_line(tmp_path / f"l{mb}.txt", mb)
        started = time.perf_counter()
        (s,), _ = load([tmp_path / f"l{mb}.txt"])
        timings[mb] = time.perf_counter() - started
        assert len(s.text) > mb * 1_000_000
    # four times the text: linear work takes about 4x, quadratic work 16x
    assert timings[8] < 8 * max(timings[2], 0.05), timings


@pytest.mark.slow
def test_a_50_mb_single_line_file_loads(tmp_path):
    _single_line(tmp_path / "big.txt", 50)
    started = time.perf_counter()
    (s,), skipped = load([tmp_path / "big.txt"])
    assert skipped == [] and len(s.text) > 50_000_000
    assert time.perf_counter() - started < 60


# ------------------------------------------------------------------ the CLI table (README: bad input)

def _case(tmp: Path, name: str) -> list[str]:
    good = tmp / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    other = tmp / "other.txt"
    other.write_text(GOOD.replace("1,000 km", "1,200 km"), encoding="utf-8")
    bad = tmp / "bad"
    bad.mkdir()
    if name == "empty file":
        (bad / "x.txt").write_bytes(b"")
    elif name == "binary file":
        (bad / "x.txt").write_bytes(bytes(range(256)) * 8)
    elif name == "invalid PDF":
        (bad / "x.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    elif name == "page without article text":
        (bad / "x.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    elif name == "bad JSONL line":
        (bad / "x.jsonl").write_text('{"id": "r1", "text": "The front line is 1,100 km long."}\n{oops\n')
    elif name == "symlink loop":
        (bad / "loop").symlink_to(bad, target_is_directory=True)
    elif name == "duplicate path":
        return [str(good), str(other), str(good)]
    elif name == "missing path":
        return [str(good), str(other), str(tmp / "missing.txt")]
    elif name == "only empty files":
        (bad / "x.txt").write_bytes(b"")
        return [str(bad)]
    return [str(good), str(other), str(bad)]


CLI_CASES = [
    # case, exit status, what stderr says
    ("empty file", 1, "skipped {bad}/x.txt: empty file"),
    ("binary file", 1, "skipped {bad}/x.txt: binary file, not text (NUL bytes)"),
    ("invalid PDF", 1, "skipped {bad}/x.pdf: not a readable PDF"),
    ("page without article text", 1, "skipped {bad}/x.html: no article text found in the page"),
    ("bad JSONL line", 1, "skipped {bad}/x.jsonl:2: invalid JSON"),
    ("symlink loop", 1, "skipped {bad}/loop: symbolic link loop (not followed)"),
    ("duplicate path", 1, "skipped {tmp}/good.txt: same file as {tmp}/good.txt (read once)"),
    ("missing path", 2, "error: {tmp}/missing.txt: no such file or folder"),
    ("only empty files", 2, "error: {bad}: no source left to check"),
]


@pytest.mark.parametrize("case, status, message", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_cli_bad_input_table(tmp_path, case, status, message):
    args = _case(tmp_path, case)
    report = tmp_path / "out.md"
    result = CliRunner().invoke(app, ["check", *args, "--rules", "rules/default.yaml", "--report", str(report),
                                      "--no-color"], catch_exceptions=False)
    assert result.exit_code == status, result.output
    assert message.format(tmp=tmp_path, bad=tmp_path / "bad") in result.output
    assert report.exists() == (status != 2)  # nothing half-written on bad input


def test_a_file_over_the_size_limit_is_skipped(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2048)
    with pytest.raises(decode_module.SkipSource, match="too large"):
        decode_module.read_bytes(tmp_path / "big.txt", limit=1024)
    assert decode_module.read_bytes(tmp_path / "big.txt", limit=4096) == b"x" * 2048
