"""Rule files, as data: the pydantic models a YAML rule pack must satisfy (unknown keys are errors)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from factcheck.models import FactKind, Frame, Granularity, Section, Severity

DEFAULT_SECTIONS = [Section.BODY, Section.TITLE, Section.CAPTION]


class Selector(BaseModel):
    """Which facts a rule looks at. Every list means "any of"; an omitted field selects everything."""

    model_config = ConfigDict(extra="forbid")

    kinds: list[FactKind] | None = Field(None, description="fact kinds, e.g. [date, date_range]")
    dimensions: list[str] | None = Field(None, description="quantity dimensions, e.g. [length, area]")
    units: list[str] | None = Field(None, description="units as normalized, e.g. [km, mi]")
    granularity: list[Granularity] | None = None
    words: list[str] | None = Field(None, description="any of these words in the fact's clause (stemmed)")
    names: list[str] | None = Field(None, description="any of these names in the fact's sentence")
    speakers: list[str] | None = Field(None, description="quotes by any of these speakers")
    sources: list[str] | None = Field(None, description="glob patterns on source ids")
    sections: list[Section] = Field(default_factory=lambda: list(DEFAULT_SECTIONS))
    in_quote: bool | None = Field(None, description="true: only figures inside quotes; false: only outside")
    frames: list[Frame] | None = None
    pattern: str | None = Field(None, description="regular expression the fact's sentence must match")


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    title: str | None = None
    description: str | None = None
    check: str
    severity: Severity = Severity.ERROR
    enabled: bool = True
    claim: bool = Field(False, description="facts this rule groups are not re-used by later rules")
    select: Selector = Field(default_factory=Selector)
    params: dict[str, Any] = Field(default_factory=dict)
    align: dict[str, Any] = Field(default_factory=dict)


class RulePack(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = Field(1, ge=1, le=1)
    description: str | None = None
    include: list[str] = Field(default_factory=list, description="other rule files, relative to this one, "
                               "inside its folder")
    align: dict[str, Any] = Field(default_factory=dict, description="alignment defaults for every rule in the pack")
    rules: list[RuleSpec] = Field(default_factory=list)
