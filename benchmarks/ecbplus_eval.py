"""Run the default rule pack on every ECB+ cluster and sample contradictions for reading.

ECB+ (CC BY 3.0) clusters are real multi-outlet reports of one event. Each cluster folder is
copied to a temporary folder with a `sources.yaml` manifest built from the cluster's
metadata (publication dates where the metadata has one), then checked with the given rules.

    python benchmarks/ecbplus_eval.py --sample 30 --seed 7 --out /tmp/ecb_findings.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.extract.dates import parse_date_text  # noqa: E402
from factcheck.models import Verdict  # noqa: E402
from factcheck.pipeline import CheckOptions, check  # noqa: E402
from factcheck.report.common import evidence_snippet  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus"


def manifest(meta: dict) -> dict:
    entries = {}
    for doc in meta.get("docs", []):
        entry = {}
        raw = doc.get("date")
        if raw:
            # metadata dates look like "First Published: June 13, 2013 4:59 PM EDT"
            text = re.sub(r"^\s*(?:first\s+)?(?:published|updated|posted)\s*(?:on)?\s*:?", "", raw, flags=re.I)
            value = parse_date_text(text.strip())
            if value is not None and value.start is not None and value.granularity.value == "day":
                entry["date"] = value.start.isoformat()
        if doc.get("outlet"):
            entry["outlet"] = doc["outlet"]
        if doc.get("title") and doc.get("first_line_is_title"):
            entry["title"] = doc["title"]
        if entry:
            entries[doc["file"]] = entry
    return {"sources": entries}


def run_cluster(cluster: Path, rules: list[str], tmp: Path) -> tuple[list[dict], int, int]:
    target = tmp / cluster.name
    target.mkdir()
    for f in sorted(cluster.glob("*.txt")):
        shutil.copy(f, target / f.name)
    meta_path = cluster / "metadata.json"
    if meta_path.exists():
        data = manifest(json.loads(meta_path.read_text()))
        (target / "sources.yaml").write_text(yaml.safe_dump(data, sort_keys=True))
    report = check(CheckOptions(paths=[str(target)], rules=rules, name=cluster.name))
    out = []
    for f in report.findings:
        if f.verdict is not Verdict.CONTRADICT:
            continue
        out.append({
            "cluster": cluster.name,
            "rule": f.rule,
            "internal": f.internal,
            "severity": f.severity.value,
            "message": f.message,
            "score": f.alignment.score if f.alignment else None,
            "shared": f.alignment.shared if f.alignment else [],
            "conflicts": f.detail.get("conflicts", []),
            "evidence": [
                {"source": x.source_id, "line": x.line, "text": x.text,
                 "context": "".join(evidence_snippet(x))}
                for x in f.facts
            ],
        })
    agreements = sum(1 for f in report.findings if f.verdict is Verdict.AGREE)
    return out, agreements, len(report.facts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rules", action="append", default=None, help="rule file or folder (default: rules/default.yaml)")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=None, help="write every contradiction as JSONL")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    rules = args.rules or [str(ROOT / "rules" / "default.yaml")]
    clusters = sorted(p for p in args.corpus.iterdir() if p.is_dir())
    start = time.perf_counter()
    contradictions: list[dict] = []
    agreements = facts = 0
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in clusters:
            found, agree, n = run_cluster(cluster, rules, Path(tmp))
            contradictions.extend(found)
            agreements += agree
            facts += n
    elapsed = time.perf_counter() - start
    cross = [c for c in contradictions if not c["internal"]]
    print(f"{len(clusters)} clusters, {facts} facts, {agreements} agreements, "
          f"{len(cross)} cross-source contradictions, {len(contradictions) - len(cross)} internal, {elapsed:.1f}s")
    by_rule: dict[str, int] = {}
    for c in contradictions:
        by_rule[c["rule"]] = by_rule.get(c["rule"], 0) + 1
    print("by rule:", ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())))
    if args.out:
        args.out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in contradictions))
    rng = random.Random(args.seed)
    sample = rng.sample(cross, min(args.sample, len(cross)))
    for n, c in enumerate(sample, 1):
        print(f"\n[{n}] {c['cluster']} {c['rule']} score={c['score']} shared={c['shared']}")
        print(f"    {c['message']}")
        for e in c["evidence"]:
            print(f"    - {e['source']}:{e['line']} [{e['text']}] {e['context']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
