"""Alignment parameters (every number a rule can set) and the relations a check reports."""

from __future__ import annotations

from enum import Enum
from typing import Callable

from pydantic import BaseModel, ConfigDict, Field

from factcheck.models import Fact


class Weights(BaseModel):
    model_config = ConfigDict(extra="forbid")

    head: float = Field(0.30, ge=0)
    names: float = Field(0.35, ge=0)
    terms: float = Field(0.35, ge=0)


class AlignParams(BaseModel):
    """How facts are matched across sources; every number here is a rule parameter."""

    model_config = ConfigDict(extra="forbid")

    threshold: float = Field(0.5, ge=0, le=1, description="score at which two facts are about the same thing, "
                             "so that different values contradict")
    agree: float = Field(0.35, ge=0, le=1, description="lower score enough to group compatible values "
                         "(a month and a day in it, overlapping intervals)")
    corroborate: float = Field(0.2, ge=0, le=1, description="lower score enough to group identical values")
    weights: Weights = Field(default_factory=Weights)
    synonyms: list[list[str]] = Field(default_factory=list, description="word groups treated as one term")
    name_similarity: float = Field(88, ge=0, le=100, description="rapidfuzz ratio at which two names match")
    local: float = Field(0.0, ge=0, le=1, description="for a contradiction: how much of the words right "
                         "around the two values must match (0 = no such test)")
    names_floor: float = Field(1.0, ge=0, description="rarity-weighted names a full name match needs")
    terms_floor: float = Field(2.0, ge=0, description="rarity-weighted words a full word match needs")
    max_block: int = Field(100, ge=2, description="signature keys shared by more facts than this are too common to block on")
    block_keys: int = Field(2, ge=0, description="candidates must share one of the N rarest keys of one of "
                            "them (0: any key); keeps the number of pairs near-linear in an archive")


class Relation(str, Enum):
    EQUAL = "equal"  # same normalized value
    AGREE = "agree"  # compatible (overlapping intervals, less precise)
    CONTRADICT = "contradict"
    INCOMPARABLE = "incomparable"  # different dimension, frame or currency: never grouped


Relate = Callable[[Fact, Fact], Relation]
