"""Scale benchmark (issue 7): extraction throughput, and `factcheck check` time, memory and
alignment work as the corpus grows, on the Wikipedia sample and the ECB+ clusters.

    tar xzf ../shared/corpora/wikipedia_en_sample.tar.gz -C /tmp      # once (done for you if missing)
    python benchmarks/bench_scale.py [--sizes 1000,5000,10000,all] [--jobs N] [--timeout 1800]
                                     [--sample-mb 4] [--baseline-seconds 30] [--no-ecb] [--out FILE]
    python benchmarks/bench_scale.py --profile 1000      # the hottest functions of a check (pyinstrument)

Prints Markdown tables (and writes them to --out):

1. Extraction throughput, MB/s of UTF-8 text: each stage on one core (CPU time, so other work
   on the machine does not count), `extract_facts` (all kinds, with context) on one core, and the
   runner (`--jobs N` worker processes, wall time) — on a sample of the Wikipedia articles (every
   k-th until --sample-mb) and on all of ECB+. The baseline pipeline (dateparser `search_dates` +
   quantulum3, one after the other) is time-boxed: measured on the first documents of the same
   sample for --baseline-seconds of CPU each, and its rate per MB extrapolated.
2. `factcheck check` on the first N Wikipedia articles (sorted paths) for each size: wall time
   of a cold run (empty fact cache; the files read once before, so they come from the
   operating system's page cache, not the disk), of a warm re-run (the same command: its outputs
   are read back from the cache), and of a re-run that writes its report to another file (facts
   and findings from the cache, the reports rendered again), time per stage, peak memory (RSS of
   the check process, from wait4; and of it with its worker processes, sampled from /proc every
   0.2 s), facts, candidate pairs scored by alignment, findings, and the growth exponent between
   sizes (time ~ size^b; doubling the input costs 2^b the time).
3. ECB+: every cluster checked on its own, as a newsroom would (in one process), and all 983
   articles as one run.

Each check runs as a child process (benchmarks/scale_probe.py: the real CLI with stage timers),
with the packaged generic rule pack, `--jobs N` and a fresh cache folder; a run over --timeout
seconds is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.scale_baseline import baseline_rates  # noqa: E402
from factcheck.extract import extract_facts  # noqa: E402
from factcheck.extract.dates import extract_dates  # noqa: E402
from factcheck.extract.durations import extract_durations  # noqa: E402
from factcheck.extract.quantities import extract_quantities  # noqa: E402
from factcheck.extract.quotes import extract_quotes  # noqa: E402
from factcheck.models import Source  # noqa: E402
from factcheck.runner import RunSettings, available_cores, extract_sources  # noqa: E402
from factcheck.sources import load_sources  # noqa: E402
from factcheck.text import sentence_spans  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"  # --corpora to read them elsewhere
WIKI = Path("/tmp/wikipedia_en_sample")
RULES = str(ROOT / "factcheck" / "data" / "rules")
PROBE = Path(__file__).resolve().parent / "scale_probe.py"
WORK = Path(tempfile.gettempdir()) / "factcheck_bench_scale"


# ---------------------------------------------------------------- corpora


def wiki_files(corpora: Path) -> list[Path]:
    if not (WIKI / "docs").is_dir():
        with tarfile.open(corpora / "wikipedia_en_sample.tar.gz") as tar:
            tar.extractall(WIKI.parent)  # our own corpus archive
    return sorted((WIKI / "docs").glob("*/*.txt"))


def subset(files: list[Path], n: int) -> Path:
    """A folder holding the first n articles (hard links: no copy of the text)."""
    if n >= len(files):
        return WIKI / "docs"
    folder = WORK / f"wiki_{n}"
    marker = folder / ".complete"
    if marker.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    for f in files[:n]:
        target = folder / f.parent.name / f.name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(f, target)
        except OSError:
            shutil.copy(f, target)
    marker.touch()  # hidden: the walk leaves it out
    return folder


def sample(files: list[Path], megabytes: float, stride: int = 7) -> list[Path]:
    """Every stride-th article (then the next offset) until `megabytes`: spans the whole corpus."""
    out, size = [], 0
    for offset in range(stride):
        for f in files[offset::stride]:
            out.append(f)
            size += f.stat().st_size
            if size >= megabytes * 1e6:
                return sorted(out)
    return sorted(out)


def mb_of(texts) -> float:
    return sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6


# ---------------------------------------------------------------- 1. extraction throughput

WARM_UP = Source(id="warm-up", path="warm-up", reference_date=dt.date(2025, 3, 14),
                 text="On Thursday, March 13, 2025, the 1,000 km front moved 30 km in two weeks and "
                      "cost $5 million, 12% more. “We will not stop,” he said.")

STAGES = {
    "dates": lambda s: len(extract_dates(s.text, s.reference_date)),
    "durations": lambda s: len(extract_durations(s.text)),
    "quantities": lambda s: len(extract_quantities(s.text)),
    "quotes": lambda s: len(extract_quotes(s.text, sentence_spans(s.text))),
    "extract_facts (all kinds + context)": lambda s: len(extract_facts(s)),
}


def throughput(label: str, paths: list[str], jobs: int, baseline_seconds: float) -> list[dict]:
    sources = load_sources(paths)
    mb = mb_of(s.text for s in sources)
    for fn in STAGES.values():  # the unit registry and caches load on first use: not timed
        fn(WARM_UP)
    rows = []
    for stage, fn in STAGES.items():
        t = time.process_time()
        found = sum(fn(s) for s in sources)
        cpu = time.process_time() - t
        rows.append({"corpus": label, "what": f"{stage}, 1 core", "mb": mb, "seconds": cpu, "found": found})
    for n in sorted({1, jobs}):
        fresh = load_sources(paths)
        t = time.perf_counter()
        result = extract_sources(fresh, RunSettings(jobs=n))
        wall = time.perf_counter() - t
        rows.append({"corpus": label, "what": f"runner, --jobs {n} ({result.stats.workers} worker processes), wall",
                     "mb": mb, "seconds": wall, "found": len(result.facts)})
    if baseline_seconds > 0:
        for name, (rate, done_mb, docs, found) in baseline_rates([s.text for s in sources], baseline_seconds).items():
            rows.append({"corpus": label, "what": f"baseline {name}, 1 core (measured on {docs} docs, "
                         f"{done_mb * 1000:.0f} KB; extrapolated)", "mb": mb, "seconds": mb / rate, "found": None})
    return rows


def throughput_table(rows: list[dict]) -> str:
    out = ["| corpus | what | MB | seconds | MB/s | found |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for r in rows:
        rate = r["mb"] / r["seconds"] if r["seconds"] else math.inf
        found = "" if r["found"] is None else f"{r['found']:,}"
        out.append(f"| {r['corpus']} | {r['what']} | {r['mb']:.2f} | {r['seconds']:.2f} | {rate:.3f} | {found} |")
    return "\n".join(out)


def ratios(rows: list[dict]) -> list[str]:
    """Ours against the baseline pipeline (dateparser then quantulum3 on the same text)."""
    lines = []
    for corpus in dict.fromkeys(r["corpus"] for r in rows):
        mine = {r["what"]: r for r in rows if r["corpus"] == corpus}
        base = [r for w, r in mine.items() if w.startswith("baseline")]
        if len(base) < 2:
            continue
        base_s_per_mb = sum(r["seconds"] / r["mb"] for r in base)
        one = mine["extract_facts (all kinds + context), 1 core"]
        par = [r for w, r in mine.items() if w.startswith("runner") and "--jobs 1 " not in w]
        ours = [("1 core", one)] + [(r["what"].split(",")[1].strip(), r) for r in par]
        for what, r in ours:
            lines.append(f"- {corpus}: extraction of all kinds ({what}) {r['mb'] / r['seconds']:.3f} MB/s = "
                         f"{base_s_per_mb / (r['seconds'] / r['mb']):.0f}x the baseline pipeline "
                         f"({1 / base_s_per_mb:.4f} MB/s on 1 core)")
    return lines


# ---------------------------------------------------------------- 2. check at growing sizes


def tree_rss_mb(root: int) -> float:
    """RSS of a process and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children[int(fields[1])].append(pid)
        rss[pid] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total / 2**20


def run_check(paths: list[str], jobs: int, cache: Path, timeout: float, extra: list[str] = (),
              report_name: str = "report.md") -> dict:
    WORK.mkdir(parents=True, exist_ok=True)
    timings = WORK / "timings.json"
    timings.unlink(missing_ok=True)
    report = WORK / report_name
    cmd = [sys.executable, str(PROBE), str(timings), "check", *paths, "--rules", RULES, "--report", str(report),
           "--format", "json", "--jobs", str(jobs), "--cache-dir", str(cache), *extra]
    with open(WORK / "stderr.txt", "w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True, cwd=WORK)
    peak_tree = 0.0
    t0 = time.perf_counter()
    status = rusage = None
    timed_out = False
    while True:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        peak_tree = max(peak_tree, tree_rss_mb(proc.pid))
        if time.perf_counter() - t0 > timeout:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            _, status, rusage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.2)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if not timed_out and proc.returncode not in (0, 1):  # 0 clean, 1 contradictions: anything else failed
        tail = (WORK / "stderr.txt").read_text(errors="replace").strip().splitlines()[-5:]
        raise SystemExit(f"bench_scale: `factcheck check` failed (exit {proc.returncode}); its times mean "
                         "nothing:\n  " + "\n  ".join(tail))
    data = json.loads(timings.read_text()) if timings.exists() else {"stages": {}, "counts": {}}
    return {"wall": wall, "exit": proc.returncode, "timed_out": timed_out, "peak_main_mb": rusage.ru_maxrss / 1024,
            "peak_tree_mb": max(peak_tree, rusage.ru_maxrss / 1024), **data}


def read_all(files: list[Path]) -> None:
    """Read the files once, so that the operating system holds them in memory: a cold run (empty
    fact cache) then costs what the tool does, not what the disk does (26,000 articles read from
    the disk for the first time added 9 s to the 36k run's loading)."""
    for f in files:
        f.read_bytes()


def check_rows(files: list[Path], sizes: list[int], jobs: int, timeout: float) -> list[dict]:
    rows = []
    for n in sizes:
        folder = subset(files, n)
        cache = WORK / f"cache_{n}"
        shutil.rmtree(cache, ignore_errors=True)
        read_all(files[:n])  # the disk is not what is measured: every run reads from the page cache
        cold = run_check([str(folder)], jobs, cache, timeout)
        warm = rendered = None
        if not cold["timed_out"]:
            warm = run_check([str(folder)], jobs, cache, timeout)  # the same run again: its outputs read back
            # another report file: facts and findings from the cache, the reports rendered again
            rendered = run_check([str(folder)], jobs, cache, timeout, report_name="report-again.md")
        rows.append({"docs": min(n, len(files)), "cold": cold, "warm": warm, "rendered": rendered})
        print(f"  {n} docs: cold {cold['wall']:.1f} s, warm {warm['wall'] if warm else float('nan'):.1f} s, "
              f"re-rendered {rendered['wall'] if rendered else float('nan'):.1f} s", file=sys.stderr, flush=True)
        shutil.rmtree(cache, ignore_errors=True)
    return rows


def _s(run: dict | None, stage: str) -> str:
    if run is None:
        return "—"
    value = run["stages"].get(stage)
    return "—" if value is None else f"{value:.1f}"


def check_table(rows: list[dict]) -> str:
    out = ["| docs | MB | facts | candidate pairs | pairs/fact | findings | cold wall s | load | extract | rules "
           "| report | warm wall s | warm load | warm/cold | re-rendered wall s | re-rendered load / extract / rules / report "
           "| re-rendered/cold | peak RSS main MB | peak RSS with workers MB |",
           "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
           "| ---: | ---: | ---: | ---: |"]
    for r in rows:
        cold, warm, again = r["cold"], r["warm"], r.get("rendered")
        c = cold["counts"]
        mb = c.get("text_bytes", 0) / 1e6
        pairs = c.get("candidate_pairs")
        facts = c.get("facts")
        wall = f"> {cold['wall']:.0f} (stopped)" if cold["timed_out"] else f"{cold['wall']:.1f}"
        report = _report_s(cold)
        ratio = f"{warm['wall'] / cold['wall']:.0%}" if warm else "—"
        again_ratio = f"{again['wall'] / cold['wall']:.0%}" if again else "—"
        again_split = (f"{_s(again, 'load')} / {_s(again, 'extract')} / {_s(again, 'rules')} / {_report_s(again):.1f}"
                       if again else "—")
        out.append(
            f"| {r['docs']:,} | {mb:.1f} | {facts if facts is not None else '—':,} | "
            f"{pairs if pairs is not None else '—':,} | {pairs / facts if pairs and facts else 0:.1f} | "
            f"{c.get('findings', '—')} | {wall} | {_s(cold, 'load')} | {_s(cold, 'extract')} | {_s(cold, 'rules')} | "
            f"{report:.1f} | {warm['wall'] if warm else float('nan'):.1f} | {_s(warm, 'load')} | {ratio} | "
            f"{again['wall'] if again else float('nan'):.1f} | {again_split} | {again_ratio} | "
            f"{cold['peak_main_mb']:.0f} | {cold['peak_tree_mb']:.0f} |")
    return "\n".join(out)


def _report_s(run: dict) -> float:
    return sum(run["stages"].get(k, 0) for k in ("build_report", "write_outputs", "print_output"))


def growth(rows: list[dict]) -> list[str]:
    lines = []
    done = [r for r in rows if not r["cold"]["timed_out"] and r["cold"]["counts"].get("text_bytes")]
    for a, b in zip(done, done[1:]):
        mb_a, mb_b = (r["cold"]["counts"]["text_bytes"] for r in (a, b))
        for what, get in (("cold wall", lambda r: r["cold"]["wall"]),
                          ("rules", lambda r: r["cold"]["stages"].get("rules", 0)),
                          ("candidate pairs", lambda r: r["cold"]["counts"].get("candidate_pairs", 0))):
            ta, tb = get(a), get(b)
            if ta > 0 and tb > 0:
                exp = math.log(tb / ta) / math.log(mb_b / mb_a)
                lines.append(f"- {a['docs']:,} -> {b['docs']:,} docs: {what} ~ size^{exp:.2f} "
                             f"(doubling the input: x{2 ** exp:.2f})")
    return lines


# ---------------------------------------------------------------- 3. ECB+


def ecb_rows(ecb: Path, jobs: int, timeout: float) -> tuple[list[str], dict]:
    from factcheck.pipeline import CheckOptions, check

    clusters = sorted(p for p in ecb.iterdir() if p.is_dir())
    times = []
    for cluster in clusters:
        t = time.perf_counter()
        check(CheckOptions(paths=[str(cluster)], rules=[RULES]))
        times.append(time.perf_counter() - t)
    times.sort()
    lines = [f"- {len(clusters)} clusters checked one by one (in one process, --jobs 1, no cache): "
             f"total {sum(times):.1f} s, median {times[len(times) // 2]:.2f} s, slowest {times[-1]:.2f} s"]
    cache = WORK / "cache_ecb"
    shutil.rmtree(cache, ignore_errors=True)
    whole = run_check([str(ecb)], jobs, cache, timeout)
    warm = run_check([str(ecb)], jobs, cache, timeout)
    shutil.rmtree(cache, ignore_errors=True)
    c = whole["counts"]
    lines.append(f"- all of ECB+ as one check ({c.get('sources', 0)} articles, {c.get('text_bytes', 0) / 1e6:.1f} MB, "
                 f"{c.get('facts', 0):,} facts, {c.get('candidate_pairs', 0):,} candidate pairs): cold "
                 f"{whole['wall']:.1f} s (load {_s(whole, 'load')}, extract {_s(whole, 'extract')}, rules "
                 f"{_s(whole, 'rules')}), warm {warm['wall']:.1f} s, peak RSS {whole['peak_main_mb']:.0f} MB "
                 f"({whole['peak_tree_mb']:.0f} MB with workers)")
    return lines, whole


# ---------------------------------------------------------------- profile


def profile(files: list[Path], n: int, top: int = 3) -> str:
    from pyinstrument import Profiler

    from factcheck.pipeline import CheckOptions, check

    folder = subset(files, n)
    profiler = Profiler(interval=0.001)
    profiler.start()
    check(CheckOptions(paths=[str(folder)], rules=[RULES]))
    profiler.stop()
    own: dict[str, float] = defaultdict(float)
    total = 0.0

    def walk(frame) -> None:
        nonlocal total
        for child in frame.children:
            walk(child)
        if frame.identifier and not frame.is_synthetic:
            key = f"{frame.function} ({Path(frame.file_path or '?').name}:{frame.line_no})"
            own[key] += frame.total_self_time
            total += frame.total_self_time

    walk(profiler.last_session.root_frame())
    ranked = sorted(own.items(), key=lambda kv: -kv[1])[:top]
    lines = [f"Hottest functions by own time, `check` of the first {n:,} articles (--jobs 1, no cache, "
             f"{total:.1f} s sampled):"]
    lines += [f"{i}. {name}: {sec:.2f} s ({sec / total:.0%})" for i, (name, sec) in enumerate(ranked, 1)]
    return "\n".join(lines)


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000,10000,all", help="article counts for `check` (all: every one)")
    ap.add_argument("--jobs", type=int, default=available_cores())
    ap.add_argument("--timeout", type=float, default=1800, help="seconds a check may run before it is stopped")
    ap.add_argument("--sample-mb", type=float, default=4.0, help="Wikipedia text for the throughput table")
    ap.add_argument("--baseline-seconds", type=float, default=30.0, help="CPU seconds per baseline stage (0: skip)")
    ap.add_argument("--no-ecb", action="store_true", help="leave out ECB+")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--profile", type=int, metavar="N", help="only profile a check of the first N articles")
    ap.add_argument("--out", type=Path, help="also write the tables to this Markdown file")
    ap.add_argument("--corpora", type=Path, default=CORPORA, help="folder of wikipedia_en_sample.tar.gz and ecbplus/")
    args = ap.parse_args(argv)

    files = wiki_files(args.corpora)
    if args.profile:
        print(profile(files, args.profile))
        return 0
    sizes = [len(files) if s == "all" else int(s) for s in args.sizes.split(",") if s]
    parts: list[str] = []

    def emit(*lines: str) -> None:
        """Print a finished section at once, and keep --out up to date: the big sizes take long."""
        parts.extend(lines)
        print("\n".join(lines), flush=True)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text("\n".join(parts) + "\n", encoding="utf-8")

    emit(f"# Scale benchmark\n\nMachine: {available_cores()} cores, Python {platform.python_version()}, "
         f"{platform.system()}; `--jobs {args.jobs}`; rules: the packaged generic pack.\n")
    if not args.no_throughput:
        print("throughput ...", file=sys.stderr, flush=True)
        rows = throughput("wikipedia sample", [str(p) for p in sample(files, args.sample_mb)], args.jobs,
                          args.baseline_seconds)
        if not args.no_ecb:
            rows += throughput("ECB+ (all)", [str(args.corpora / "ecbplus")], args.jobs, 0)
        emit("## Extraction throughput\n", throughput_table(rows), "", *ratios(rows), "")
    print("check at sizes ...", file=sys.stderr, flush=True)
    rows = check_rows(files, sizes, args.jobs, args.timeout)
    emit("## `factcheck check` on the Wikipedia sample\n",
         "Cold: an empty fact cache (the files read once before: from the page cache, not the disk). "
         "Warm: the same command again (its outputs read back from the cache). Re-rendered: the "
         "report written to another file (facts and findings from the cache, the reports rendered again).\n",
         check_table(rows), "", *growth(rows), "")
    if not args.no_ecb:
        print("ECB+ ...", file=sys.stderr, flush=True)
        lines, _ = ecb_rows(args.corpora / "ecbplus", args.jobs, args.timeout)
        emit("## ECB+\n", *lines, "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
