"""What an extractor returns: a typed value at a span, before context and line are attached."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import FactKind, FactValue


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: FactKind
    value: FactValue
    head: str | None = None  # what the extractor knows the value measures ("villages", "front")

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start
