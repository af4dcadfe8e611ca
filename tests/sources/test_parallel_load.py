"""Reading a large run's files in worker processes gives what reading them in a loop gives."""

from __future__ import annotations

import json
import pickle
from functools import partial

import pytest

import factcheck.sources as sources_stage
from factcheck.errors import SourceError
from factcheck.runner import pool_map
from factcheck.sources import load_sources
from factcheck.sources.decode import SkipSource


def _corpus(root):
    (root / "a").mkdir()
    (root / "b").mkdir()
    (root / "a" / "sources.yaml").write_text("sources:\n  one.txt: {date: 2025-03-16, outlet: Manifested}\n")
    (root / "a" / "one.txt").write_text("Talks\n\nThe talks began on Monday, officials said.\n")
    (root / "b" / "one.txt").write_text("Other talks\n\nKYIV, March 12 (Reuters) - 30 drones were shot down.\n")
    (root / "a" / "empty.txt").write_text("  \n")
    (root / "a" / "front.md").write_text("---\ndate: 2024-05-01\ntitle: Front\n---\nIt rained 40 mm on Friday.\n")
    records = [{"id": "r1", "text": "The dam held 1,300 cubic metres.", "date": "2023-01-02"},
               {"id": "r2"},  # no text: skipped with a warning from inside the file
               {"id": "r3", "text": "Nine people were hurt on Sunday."}]
    (root / "b" / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    for k in range(7):
        (root / "b" / f"n{k}.txt").write_text(f"Note {k}\n\nThe {k + 2} reports were filed on Tuesday.\n")


def _load(root, mapper):
    skipped: list[tuple[str, str]] = []
    got = load_sources([str(root)], on_skip=lambda path, reason: skipped.append((path, reason)),
                       infer_dates=False, mapper=mapper)
    return [s.model_dump() for s in got], skipped


@pytest.fixture
def small_chunks(monkeypatch):
    # the pool runs on a small folder, several chunks per worker
    monkeypatch.setattr(sources_stage, "PARALLEL_MIN_INPUTS", 2)
    monkeypatch.setattr(sources_stage, "_CHUNK", 3)


def test_workers_read_the_same_sources_ids_and_warnings_in_order(tmp_path, small_chunks):
    _corpus(tmp_path)
    in_loop = _load(tmp_path, None)
    in_pool = _load(tmp_path, partial(pool_map, jobs=2))
    assert in_pool == in_loop
    sources, skipped = in_pool
    assert [s["id"] for s in sources] == ["front.md", "one.txt", "r1", "r3", *(f"n{k}.txt" for k in range(7)),
                                          "b/one.txt"]
    assert [(path.replace(str(tmp_path), "T"), reason.split(":")[0]) for path, reason in skipped] == \
        [("T/a/empty.txt", "empty file"), ("T/b/corpus.jsonl:2", "text")]
    assert next(s for s in sources if s["id"] == "one.txt")["outlet"] == "Manifested"  # manifest read in a worker


def test_an_error_in_a_worker_is_the_error_of_the_loop(tmp_path, small_chunks):
    _corpus(tmp_path)
    (tmp_path / "b" / "sources.yaml").write_text("sources: [not, a, mapping\n")
    errors = []
    for mapper in (None, partial(pool_map, jobs=2)):
        with pytest.raises(SourceError) as caught:
            _load(tmp_path, mapper)
        errors.append((type(caught.value), str(caught.value), caught.value.path, caught.value.line))
    assert errors[0] == errors[1] and errors[0][2] == str(tmp_path / "b" / "sources.yaml")


def test_errors_keep_their_path_and_line_across_processes():
    back = pickle.loads(pickle.dumps(SkipSource("empty file", path="x.txt", line=3)))
    assert type(back) is SkipSource and (str(back), back.bare, back.path, back.line) == \
        ("x.txt:3: empty file", "empty file", "x.txt", 3)
