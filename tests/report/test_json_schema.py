"""The JSON output: the README contract, and the shipped JSON Schema generated from pydantic models."""

from __future__ import annotations

import json

import jsonschema
import pytest

from factcheck.report.json_ import render_json
from factcheck.report.schema import SCHEMA_PATH, schema_text


def _validator():
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_shipped_schema_is_up_to_date():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), \
        "factcheck/data/report.schema.json is stale: run `python scripts/regen_schema.py`"


def test_real_output_validates(seeds_report):
    doc = json.loads(render_json(seeds_report))
    _validator().validate(doc)
    assert {"sources", "findings", "summary"} <= set(doc)


def test_schema_rejects_a_broken_document(seeds_report):
    doc = json.loads(render_json(seeds_report))
    doc["findings"][0]["verdict"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        _validator().validate(doc)
    del doc["summary"]
    assert not _validator().is_valid(doc)


def test_contract_fields(seeds_report):
    doc = json.loads(render_json(seeds_report))
    src = doc["sources"][0]
    assert {"id", "path", "reference_date", "reference_date_from"} <= set(src)
    finding = doc["findings"][0]
    assert {"rule", "verdict", "severity", "title", "message", "facts", "fingerprint"} <= set(finding)
    assert finding["verdict"] == "contradict"
    fact = finding["facts"][0]
    assert {"source", "kind", "text", "start", "end", "line", "value"} <= set(fact)
    assert doc["summary"]["contradictions"] == sum(f["verdict"] == "contradict" for f in doc["findings"])
