"""Runner, fact codec: the facts of one source <-> a compact JSON text.

Every engine passes facts through this one form: worker processes and Dask tasks return it
(a string pickles far faster than pydantic models), the fact cache stores it, and the
in-process engine round-trips through it too, so `--jobs 1`, `--jobs N`, `--engine dask` and a
cache hit give the same Facts, byte for byte. JSON, not pickle: a cache file is data someone
else may have written, never code to run.

encode(facts) -> str: each fact's fields that differ from their defaults, without `source` and
`source_id` (labels of the run, not results of extraction: a renamed file still hits the cache).
decode(text, source) -> list[Fact]: validated by pydantic (a damaged entry raises, and is
re-extracted), with the run's labels put back and repeated words and sentences shared.
with_inference / split_inference: a source's reference date inferred by the job, as one JSON
line ahead of its facts ({"reference": [date, confidence, note]} or {"reference": null}).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import TypeAdapter

from factcheck.extract.refdate import RefInference
from factcheck.models import VALUE_CLASS, Fact, FactContext

CODEC_VERSION = 1  # bump when the encoded form changes: cached entries of other versions never match

_FACTS = TypeAdapter(list[Fact])
_LABELS = {"source", "source_id"}
_WORD_LISTS = ("names", "terms", "near", "near_names")
_intern = sys.intern
_set_attr = object.__setattr__
# One "every field set" per model class, shared by all decoded facts: pydantic keeps a set of the
# fields given per instance (~0.7 KB each, three per fact), which at 400,000 facts is most of the
# memory a run holds. A fact built by the extractors has all its fields given anyway; no
# stage dumps with `exclude_unset`, and setting an attribute adds a name already there.
_ALL_FIELDS = {cls: set(cls.model_fields) for cls in (Fact, FactContext, *set(VALUE_CLASS.values()))}


def encode(facts: list[Fact]) -> str:
    items = [f.model_dump(exclude_defaults=True, exclude=_LABELS) for f in facts]
    # floats keep their repr (shortest round trip); inf and nan are written as Infinity/NaN
    # ASCII escapes: any str survives, even a lone surrogate that UTF-8 could not carry
    return json.dumps(items, default=_plain, separators=(",", ":"))


def _plain(obj: Any) -> Any:
    if isinstance(obj, dt.date):
        return obj.isoformat()
    raise TypeError(f"cannot encode {type(obj).__name__} in a fact")


def with_inference(found: RefInference | None, facts: str) -> str:
    head = None if found is None else [found.date.isoformat(), found.confidence, found.note]
    return json.dumps({"reference": head}, separators=(",", ":")) + "\n" + facts


def split_inference(payload: str) -> tuple[bool, RefInference | None, str]:
    """(whether the job inferred a date, what it found, the encoded facts); ValueError if damaged."""
    if not payload.startswith("{"):
        return False, None, payload
    head, _, facts = payload.partition("\n")
    found = json.loads(head).get("reference")
    if found is None:
        return True, None, facts
    if not (isinstance(found, list) and len(found) == 3 and all(isinstance(x, str) for x in found)):
        raise ValueError("an inferred reference date must be [date, confidence, note]")
    return True, RefInference(dt.date.fromisoformat(found[0]), found[1], found[2]), facts


def decode(text: str, source_path: str, source_id: str) -> list[Fact]:
    """The facts of one source; raises ValueError (JSON or validation) if the text is damaged."""
    items = json.loads(text)
    if not isinstance(items, list):
        raise ValueError("encoded facts must be a JSON list")
    shared: dict[str, str] = {}  # one string per distinct sentence or clause of this source
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("each encoded fact must be a JSON object")
        item["source"] = source_path
        item["source_id"] = source_id
        ctx = item.get("context")
        if isinstance(ctx, dict):
            _share_words(ctx, shared)
    facts = _FACTS.validate_python(items)
    for fact in facts:
        _set_attr(fact, "__pydantic_fields_set__", _ALL_FIELDS[Fact])
        _set_attr(fact.context, "__pydantic_fields_set__", _ALL_FIELDS[FactContext])
        value_fields = _ALL_FIELDS.get(type(fact.value))
        if value_fields is not None:
            _set_attr(fact.value, "__pydantic_fields_set__", value_fields)
    return facts


def _share_words(ctx: dict[str, Any], shared: dict[str, str]) -> None:
    # Memory at scale is the facts': 400,000 facts each holding their own copy of "russia" and of
    # their sentence would cost more than the texts they came from.
    for key in _WORD_LISTS:
        words = ctx.get(key)
        if isinstance(words, list):
            ctx[key] = [_intern(w) if type(w) is str else w for w in words]
    head = ctx.get("head")
    if type(head) is str:
        ctx["head"] = _intern(head)
    for key in ("sentence", "clause"):
        value = ctx.get(key)
        if type(value) is str:
            ctx[key] = shared.setdefault(value, value)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Building many small objects that form no cycles: the cyclic collector would rescan every
    fact built so far, again and again, for nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
