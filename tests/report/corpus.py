"""Small corpora written on the fly for report and CLI tests, with their own rule file, so tests
control exactly what is found: A and B contradict on the bridge's length (an error); C, when added,
contradicts A on its cost (a warning), a fact B does not give."""

from __future__ import annotations

from pathlib import Path

HEADER = "date 2025-03-14\n\n"

SOURCES = {
    "a.txt": "The new bridge over the Danube in Vienna is 1,200 meters long, city officials said on Thursday.\n\n"
             "The new bridge over the Danube in Vienna cost 90 million euros, the officials said.\n",
    "b.txt": "City officials said on Thursday that the new bridge over the Danube in Vienna is 1,500 meters long.\n",
}
EXTRA = {"c.txt": "Auditors said the new bridge over the Danube in Vienna cost 140 million euros.\n"}

RULES = """\
version: 1
align: {threshold: 0.0, agree: 0.0, corroborate: 0.0}
rules:
  - id: bridge-length
    title: Length of the bridge
    check: same_quantity
    severity: error
    select: {kinds: [quantity], dimensions: [length]}
  - id: bridge-cost
    title: Cost of the bridge
    check: same_quantity
    severity: warning
    select: {kinds: [money]}
"""


def write_corpus(folder: Path, *, with_c: bool = False) -> Path:
    """Sources in `folder`/sources, the rule file at `folder`/rules.yaml; returns `folder`."""
    sources = folder / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    for name, text in (SOURCES | (EXTRA if with_c else {})).items():
        (sources / name).write_text(HEADER + text, encoding="utf-8")
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


def add_c(folder: Path) -> None:
    for name, text in EXTRA.items():
        (folder / "sources" / name).write_text(HEADER + text, encoding="utf-8")
