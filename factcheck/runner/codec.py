"""Runner, fact codec: the facts of one source <-> a compact JSON text.

Every engine passes facts through this one form: worker processes and Dask tasks return it
(a string pickles far faster than pydantic models), the fact cache stores it, and the
in-process engine round-trips through it too, so `--jobs 1`, `--jobs N`, `--engine dask` and a
cache hit give the same Facts, byte for byte. JSON, not pickle: a cache file is data someone
else may have written, never code to run.

encode(facts) -> str: each fact's fields that differ from their defaults, without `source` and
`source_id` (labels of the run, not results of extraction: a renamed file still hits the cache).
decode(text, source) -> list[Fact]: checked field by field against the models (a damaged entry
raises, and is re-extracted), with the run's labels put back and repeated words and sentences shared.
with_inference / split_inference: a source's reference date inferred by the job, as one JSON
line ahead of its facts ({"reference": [date, confidence, note]} or {"reference": null}).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from factcheck.extract.refdate import RefInference
from factcheck.models import VALUE_CLASS, Fact, FactContext, FactKind

CODEC_VERSION = 1  # bump when the encoded form changes: cached entries of other versions never match

_LABELS = {"source", "source_id"}
_WORD_LISTS = ("names", "terms", "near", "near_names", "topic")
_intern = sys.intern
_set_attr = object.__setattr__


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
    """The facts of one source; raises ValueError if the text is damaged (not JSON, a field of
    the wrong type, a key no model has, a required field missing)."""
    items = json.loads(text)
    if type(items) is not list:
        raise ValueError("encoded facts must be a JSON list")
    shared: dict[str, str] = {}  # one string per distinct sentence or clause of this source
    try:
        return [_fact(item, source_path, source_id, shared) for item in items]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"damaged fact in the cache: {type(exc).__name__}: {exc}") from None


# ---------------------------------------------------------------- building facts from their JSON
#
# Facts come back by the hundred thousand (a warm run of an archive decodes every one), so they
# are built directly rather than validated by pydantic (which took half of a warm run's decoding):
# each field's value is checked against its annotation and converted (dates, enums, nested
# models), missing fields get their defaults, and the instance is set up as pydantic's own
# `model_construct` does. The converters are derived from the models' annotations when this
# module is imported, so a field added to a model is decoded too, and a field of a type the codec
# cannot read fails at import, not at run time. tests/scale/test_codec.py compares the result with
# pydantic's validation on every kind of fact, and feeds it damaged entries.

_NONE = type(None)
_new = object.__new__


def _fail(what: str, value: Any) -> Any:
    raise TypeError(f"expected {what}, got {type(value).__name__}")


def _str(v: Any) -> str:
    return v if type(v) is str else _fail("a string", v)


def _int(v: Any) -> int:
    return v if type(v) is int else _fail("an integer", v)


def _float(v: Any) -> float:
    if type(v) is float:
        return v
    return float(v) if type(v) is int else _fail("a number", v)


def _bool(v: Any) -> bool:
    return v if type(v) is bool else _fail("true or false", v)


def _date(v: Any) -> dt.date:
    return dt.date.fromisoformat(_str(v))


def _words(v: Any) -> list[str]:
    # the words of a fact's context, shared by every fact that names them (memory at 400,000 facts);
    # sys.intern rejects anything but a string
    return [_intern(w) for w in v] if type(v) is list else _fail("a list", v)


def _word(v: Any) -> str | None:
    return None if v is None else _intern(v)


def _converter(annotation: Any) -> Callable[[Any], Any]:
    simple = {str: _str, int: _int, float: _float, bool: _bool, dt.date: _date}
    if annotation in simple:
        return simple[annotation]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = annotation._value2member_map_
        return lambda v: members[v]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _builder(annotation)
    args = get_args(annotation)
    if get_origin(annotation) in (Union, UnionType) and len(args) == 2 and _NONE in args:
        inner = _converter(args[0] if args[1] is _NONE else args[1])
        return lambda v: None if v is None else inner(v)
    if get_origin(annotation) is list and args == (str,):
        return lambda v: [_str(w) for w in v] if type(v) is list else _fail("a list", v)
    raise TypeError(f"the fact codec cannot decode a field of type {annotation}")


def _builder(cls: type[BaseModel], special: dict[str, Callable[[Any], Any]] | None = None
             ) -> Callable[[dict[str, Any]], Any]:
    """dict -> instance of `cls`, for a model whose fields are all of types `_converter` reads."""
    convert: dict[str, Callable[[Any], Any]] = {}
    defaults: dict[str, Any] = {}
    required: list[str] = []
    fresh: list[tuple[str, Callable[[], Any]]] = []  # default factories: a new list per instance
    for name, info in cls.model_fields.items():
        convert[name] = (special or {}).get(name) or _converter(info.annotation)
        if info.default_factory is not None:
            fresh.append((name, info.default_factory))
            defaults[name] = None
        elif info.is_required():
            required.append(name)
            defaults[name] = None
        else:
            defaults[name] = info.default
    # One "every field set" per model class, shared by all decoded instances: pydantic keeps a set
    # of the fields given per instance (~0.7 KB each, three per fact), which at 400,000 facts would
    # be most of the memory a run holds. A fact built by the extractors has all its fields given
    # anyway; no stage dumps with `exclude_unset`, and setting an attribute adds a name already there.
    fields_set = set(cls.model_fields)

    def build(data: dict[str, Any]) -> Any:
        if type(data) is not dict:
            _fail(f"a {cls.__name__} object", data)
        values = defaults.copy()  # every field, in the model's order
        for key, value in data.items():
            values[key] = convert[key](value)  # KeyError: a key the model does not have
        for name in required:
            if name not in data:
                raise KeyError(f"{cls.__name__} needs {name!r}")
        for name, factory in fresh:
            if name not in data:
                values[name] = factory()
        obj = _new(cls)
        _set_attr(obj, "__dict__", values)
        _set_attr(obj, "__pydantic_fields_set__", fields_set)
        _set_attr(obj, "__pydantic_extra__", None)
        _set_attr(obj, "__pydantic_private__", None)
        return obj

    return build


_VALUE_BUILDERS = {kind: _builder(cls) for kind, cls in VALUE_CLASS.items()}
_CONTEXT = _builder(FactContext, {"head": _word, **{name: _words for name in _WORD_LISTS}})
_KINDS = FactKind._value2member_map_
_FACT_FIELDS = _builder(Fact, {"value": lambda v: v, "context": lambda v: v})


def _fact(item: Any, source_path: str, source_id: str, shared: dict[str, str]) -> Fact:
    if type(item) is not dict:
        _fail("a fact object", item)
    kind = _KINDS[item["kind"]]
    item["source"] = source_path
    item["source_id"] = source_id
    item["value"] = _VALUE_BUILDERS[kind](item["value"])
    ctx = item.get("context")
    if ctx is not None:
        if type(ctx) is not dict:
            _fail("a context object", ctx)
        for key in ("sentence", "clause"):
            value = ctx.get(key)
            if type(value) is str:
                ctx[key] = shared.setdefault(value, value)
        item["context"] = _CONTEXT(ctx)
    return _FACT_FIELDS(item)


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """Building many small objects that form no cycles: the cyclic collector would rescan every
    fact built so far, again and again, for nothing. With `freeze`, what exists at the end is
    moved out of the collector's reach (gc.freeze) before it runs again: re-enabled with a
    million new objects counted, its first pass would otherwise walk them all once (0.5 s for
    10k documents' facts)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()
