"""Runner, the findings cache: the same facts under the same rules give the same findings.

Input: an Extraction made with a fact cache (its per-source input keys), the run's Sources and
Rules, and the function that applies the rules. Output: the findings — from the cache when the
run's key matches, else computed and stored. Alignment compares every fact with every other,
so it is the cost of a re-run once extraction is cached; a re-run of an unchanged corpus with
unchanged rules skips it. The outputs of a run are cached too (`outputs_key`): a re-run that
would write the same files and print the same text reads them back, and neither decodes the
facts nor renders the reports.

The run's key covers everything the rules stage reads: each source's input key (its text,
reference date, sections, format and the extractor's code), id and path, in order; each rule's
specification, alignment parameters, file and line; and a hash of factcheck's own code (any
edit of a check or of alignment is a new key). Findings refer to facts by position. A finding
whose fields would not come back exactly as they are (a value JSON cannot carry) is never
stored: the run computes as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from factcheck.models import Finding, Source
from factcheck.runner.cache import FactCache
from factcheck.runner.work import extractor_key

if TYPE_CHECKING:  # the runner does not depend on the rules stage, it only reads what it is given
    from factcheck.rules.loader import Rule
    from factcheck.runner import Extraction

_PACKAGE = Path(__file__).resolve().parent.parent
FINDINGS_VERSION = 1  # bump when the encoded form changes
OUTPUTS_VERSION = 1


class Outputs(BaseModel):
    """What a run wrote: each file's text by path, what it printed, and its exit status."""

    model_config = ConfigDict(extra="forbid", strict=True)

    files: dict[str, str]
    stdout: str
    exit: int


def cached_findings(extraction: Extraction, sources: list[Source], rules: list[Rule],
                    compute: Callable[[], list[Finding]], on_note: Callable[[str], None] | None = None) -> list[Finding]:
    if extraction.cache_dir is None or extraction.input_keys is None:
        return compute()
    key = run_key(extraction.input_keys, sources, rules)
    facts = extraction.facts
    with FactCache(extraction.cache_dir, extractor_key(), on_note) as cache:
        text = cache.get_findings(key)
        if text is not None:
            try:
                findings = decode_findings(text, facts)
            except (ValueError, IndexError, TypeError):
                findings = None  # damaged: computed again, and stored over it
            if findings is not None:
                extraction.stats.findings_cached = True
                return findings
        findings = compute()
        text = encode_findings(findings, facts)
        if text is not None:
            cache.put_findings(key, text)
    return findings


def run_key(input_keys: list[str], sources: list[Source], rules: list[Rule]) -> str:
    payload = {
        "version": FINDINGS_VERSION,
        "code": code_digest(),
        "sources": [[k, s.id, s.path] for k, s in zip(input_keys, sources)],
        "rules": [[r.spec.model_dump(mode="json"), r.align.model_dump(mode="json"), r.path, r.line] for r in rules],
    }
    return _digest(payload)


def outputs_key(input_keys: list[str], sources: list[Source], rules: list[Rule], extra: dict[str, Any]) -> str:
    """The key of a run's outputs: the run's key (everything its facts and findings depend on),
    every field of every source but its text (the titles, outlets and reference dates reports
    show; the text is in the run's key), and `extra`: whatever else the caller's outputs depend
    on (the report's name, the files and formats asked for, the baseline's content). Taken
    before the run: extraction adds the reference dates it infers, which the input keys cover."""
    payload = {
        "version": OUTPUTS_VERSION,
        "run": run_key(input_keys, sources, rules),
        "sources": [s.model_dump(mode="json", exclude={"text"}) for s in sources],
        "extra": extra,
    }
    return _digest(payload)


def _digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def reuse_outputs(cache_dir: str, key: str, on_note: Callable[[str], None] | None = None) -> Outputs | None:
    """The outputs a run with this key wrote, or None (not cached, or damaged)."""
    with FactCache(cache_dir, extractor_key(), on_note) as cache:
        text = cache.get_outputs(key)
    if text is None:
        return None
    try:
        return Outputs.model_validate_json(text)
    except ValueError:
        return None  # damaged: the run computes, and stores over it


def store_outputs(cache_dir: str, key: str, outputs: Outputs, on_note: Callable[[str], None] | None = None) -> None:
    with FactCache(cache_dir, extractor_key(), on_note) as cache:
        # ASCII JSON: any text, lone surrogates included, comes back as it was
        cache.put_outputs(key, json.dumps(outputs.model_dump(mode="json"), ensure_ascii=True))


def encode_findings(findings: list[Finding], facts: list) -> str | None:
    """The findings as JSON, facts by position; None when they would not decode to themselves."""
    position = {id(f): i for i, f in enumerate(facts)}
    items: list[dict[str, Any]] = []
    for finding in findings:
        refs = [position.get(id(f)) for f in finding.facts]
        if None in refs:
            return None  # a fact the extraction did not produce: nothing to point at
        item = finding.model_dump(mode="python", exclude={"facts"})
        item["facts"] = refs
        items.append(item)
    try:
        text = json.dumps(items, separators=(",", ":"))
        back = decode_findings(text, facts)
    except (TypeError, ValueError):
        return None
    return text if back == findings else None


def decode_findings(text: str, facts: list) -> list[Finding]:
    items = json.loads(text)
    for item in items:
        refs = item["facts"]
        if not all(type(i) is int and 0 <= i < len(facts) for i in refs):
            raise ValueError("a finding points at no fact of this run")
        item["facts"] = [facts[i] for i in refs]  # the same Fact objects (never copied)
    return [Finding.model_validate(item) for item in items]


@cache
def code_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
    return h.hexdigest()[:16]
