"""A synthetic corpus for the scale tests: many articles made of the seeds' paragraphs, with some
figures and dates changed, so that sources agree and contradict the way real ones do."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
_NUMBER = re.compile(r"\b\d{1,3}\b")


def paragraphs() -> list[str]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        out.extend(p for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 8)
    return out


def write_corpus(folder: Path, docs: int, *, seed: int = 7, per_doc: int = 6) -> list[Path]:
    """`docs` articles of `per_doc` paragraphs each, deterministic for a seed."""
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(docs):
        picked = rng.sample(pool, k=min(per_doc, len(pool)))
        body = "\n".join(_perturb(p, rng) for p in picked)
        path = folder / f"article_{n:04d}.txt"
        path.write_text(f"date 2025-03-{rng.randint(10, 20):02d}\n{body}\n", encoding="utf-8")
        written.append(path)
    return written


def _perturb(paragraph: str, rng: random.Random) -> str:
    # one figure in five changes: the corpus holds contradictions as well as agreements
    return _NUMBER.sub(lambda m: str(int(m.group()) + rng.choice((0, 0, 0, 0, 1, 10))), paragraph)
