"""Benchmarks for `branchcheck report` and `score`, run by hand (never in the test suite).

    python benchmarks/run.py                 # three sets of 545, then 100,000 ledgers
    python benchmarks/run.py --skip-large    # the three sets of 545 and the in-process figures
    python benchmarks/run.py --large 20000 --large-memory-only   # peak RSS of a smaller batch

Three sets of 545 ledgers, generated with `benchmarks/generate.py --seed 1`: clean
(lanzhou-6543, no warning), messy (the same branches with the mistakes real ledgers carry,
`--messy`: a warning in 24 of 25) and five-star (the five-star rubric). Every figure is a
ratio against a baseline measured in the same run, because the machine is shared and noisy:
a process that only reads the same files and loads them with PyYAML's C loader. Each set's
report runs `--repeat` times, interleaved with its baseline; the median ratio is shown with
its range over the runs. Peak memory is the largest RSS of the process or any of its
workers (wait4). For each set the counts say how many files took the slow way, and why: a
guard of the fast path, a fast path refusal, or a warning whose position needed the whole
file parsed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASELINE = """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""
SETS = {  # name: (rubric, messy)
    "clean": ("lanzhou-6543", False),
    "messy": ("lanzhou-6543", True),
    "five-star": ("five-star", False),
}
TARGETS = {"clean": "<= 0.3 (aim 0.2)", "messy": "<= 0.4 (aim 0.3)", "five-star": "<= 0.4"}

# Counted in a process of its own: which way each file of a set went (not timed).
COUNT = """
import collections, json, sys, pathlib
from branchcheck.loading import fast, read_ledger
from branchcheck.loading.source import Source
counts = collections.Counter()
whole = []
real = Source.strict
def strict(self):
    if self.pos is None:
        whole.append("positions" if self.data is not None else "schema")
    return real(self)
Source.strict = strict
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml")):
    counts["files"] += 1
    reason = fast.strict_reason(path.read_text("utf-8"))
    if reason:
        counts["guard: " + reason] += 1
    whole.clear()
    loaded = read_ledger(path)
    if "schema" in whole and not reason:
        counts["fast path refused"] += 1
    if loaded.warnings:
        counts["with warnings"] += 1
        counts["warnings placed by parsing the whole file" if whole else
               "warnings placed from lines"] += 1
print(json.dumps(counts))
"""

# In one process: load and score each messy ledger that has warnings, and the clean ledger
# of the same branch, interleaved, ROUNDS times; per-round sums, median ratio and range.
PAIRS = """
import gc, json, statistics, sys, time, pathlib
from branchcheck import score
from branchcheck.loading import read_ledger
messy, clean, rounds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3])
pairs = [(m, clean / m.name) for m in sorted(messy.glob("*.yaml"))]
pairs = [(m, c) for m, c in pairs if c.exists() and read_ledger(m).warnings]
for m, c in pairs:  # warm: rubrics cached, modules loaded
    read_ledger(m), read_ledger(c)
gc.disable()
ratios, load_ratios, per = [], [], []
for _ in range(rounds):
    t = {"mr": 0.0, "ms": 0.0, "cr": 0.0, "cs": 0.0}
    for m, c in pairs:
        for name, path in (("m", m), ("c", c)):
            a = time.perf_counter()
            loaded = read_ledger(path)
            b = time.perf_counter()
            score(loaded.rubric, loaded.ledger)
            t[name + "r"] += b - a
            t[name + "s"] += time.perf_counter() - b
    ratios.append((t["mr"] + t["ms"]) / (t["cr"] + t["cs"]))
    load_ratios.append(t["mr"] / t["cr"])
    per.append({k: v / len(pairs) * 1000 for k, v in t.items()})
print(json.dumps({"pairs": len(pairs), "ratios": ratios, "load_ratios": load_ratios,
                  "ms": {k: statistics.median(p[k] for p in per) for k in per[0]}}))
"""


# Every timed process runs as an installed package does: with its modules' bytecode cached
# (pip compiles it on install), kept apart from the tree and filled by an untimed run, so no
# figure depends on whether this shell writes bytecode (PYTHONDONTWRITEBYTECODE). Set in main.
CACHED: dict[str, str] | None = None


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB, the largest of the process and its workers)."""
    elapsed, peak, _ = run_cpu(command, CACHED)
    return elapsed, peak


def run_cpu(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KB) and CPU seconds (user + system, with the workers'): on a
    busy machine a single process's CPU time holds steadier than its wall time."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    assert proc.stderr is not None
    err = proc.stderr.read()  # drained while it runs: warnings fill a pipe
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}: {err.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def output(command: list[str]) -> str:
    return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def generate(count: int, out: Path, rubric: str = "lanzhou-6543", messy: bool = False) -> Path:
    marker = out / ".complete"
    if not marker.exists():
        shutil.rmtree(out, ignore_errors=True)
        command = [PYTHON, str(ROOT / "benchmarks/generate.py"), "--count", str(count)]
        command += ["--seed", "1", "--out", str(out), "--rubric", rubric]
        subprocess.run(command + (["--messy"] if messy else []), check=True)
        marker.write_text("")
    return out


def report(folder: Path, jobs: int) -> list[str]:
    return [PYTHON, "-m", "branchcheck", "report", str(folder), "-f", "json", "--jobs", str(jobs)]


def spread(values: list[float], digits: int = 2) -> str:
    median = statistics.median(values)
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/branchcheck-bench"))
    parser.add_argument("--count", type=int, default=545, help="ledgers in each set")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=7, help="in-process rounds")
    parser.add_argument("--large", type=int, default=100_000, help="ledgers in the large set")
    parser.add_argument("--repeat-large", type=int, default=2)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument(
        "--large-memory-only",
        action="store_true",
        help="for the large set, only its peak RSS with --jobs 2 (one run; no --jobs 1 runs)",
    )
    args = parser.parse_args()
    global CACHED
    CACHED = {**os.environ, "PYTHONPYCACHEPREFIX": str(args.work / "pycache")}
    for warm in (["-c", "import yaml"], report(ROOT / "examples", 2)[1:]):  # fill the cache
        run_cpu([PYTHON, *warm], {**CACHED, "PYTHONDONTWRITEBYTECODE": ""})
    rows: list[tuple[str, str, str, str]] = []
    folders = {
        name: generate(args.count, args.work / f"{args.count}-{name}", rubric, messy)
        for name, (rubric, messy) in SETS.items()
    }

    for name, folder in folders.items():
        sizes = [p.stat().st_size for p in folder.glob("*.yaml")]
        counts = json.loads(output([PYTHON, "-c", COUNT, str(folder)]))
        shown = ", ".join(f"{k} {v}" for k, v in counts.items() if k != "files")
        print(
            f"{name}: {counts['files']} ledgers, mean {statistics.mean(sizes) / 1024:.1f} KB;"
            f" {shown or 'all on the fast path, no warnings'}",
            file=sys.stderr,
        )

    # Every set with its own baseline, interleaved, so a busy minute hits all alike.
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in folders}
    cpus: dict[str, list[tuple[float, float]]] = {name: [] for name in folders}
    peaks: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, folder in folders.items():
            base_t, _, base_c = run_cpu([PYTHON, "-c", BASELINE, str(folder)], CACHED)
            rep_t, rep_m, rep_c = run_cpu(report(folder, 1), CACHED)
            times[name].append((rep_t, base_t))
            cpus[name].append((rep_c, base_c))
            peaks[name] = max(peaks.get(name, 0), rep_m)
    for name in folders:
        ratios = [rep / base for rep, base in times[name]]
        cpu_ratios = [rep / base for rep, base in cpus[name]]
        rep_t = statistics.median(r for r, _ in times[name])
        base_t = statistics.median(b for _, b in times[name])
        rows.append(
            (
                f"`report -f json`, {args.count} {name} ledgers",
                f"{rep_t:.2f} s vs {base_t:.2f} s",
                f"{spread(ratios)} × baseline (CPU time: {spread(cpu_ratios)})",
                TARGETS[name],
            )
        )

    pairs = json.loads(
        output(
            [PYTHON, "-c", PAIRS, str(folders["messy"]), str(folders["clean"]), str(args.rounds)]
        )
    )
    ms = pairs["ms"]
    rows.append(
        (
            f"in-process, a ledger with warnings vs the same without ({pairs['pairs']} pairs)",
            f"{ms['mr'] + ms['ms']:.2f} vs {ms['cr'] + ms['cs']:.2f} ms"
            f" (load {ms['mr']:.2f} vs {ms['cr']:.2f})",
            f"{spread(pairs['ratios'])} × (load alone {spread(pairs['load_ratios'])})",
            "<= 1.5",
        )
    )

    # The cold start with bytecode cached (CACHED); a run as this shell has it shown beside.
    example = ROOT / "examples/fgw/lz-fgw-01.yaml"
    cold = [PYTHON, "-m", "branchcheck", "score", str(example), "-f", "json"]
    cached = CACHED
    run_cpu(cold, {**cached, "PYTHONDONTWRITEBYTECODE": ""})
    colds = [run_cpu(cold, cached) for _ in range(9)]
    as_is = statistics.median(run_cpu(cold)[2] for _ in range(5))
    writes = "no bytecode written" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "as is"
    imports = [PYTHON, "-c", "import branchcheck.cli.score, branchcheck.formats.json_format"]
    import_t = statistics.median(run_cpu(imports, cached)[2] for _ in range(9))
    bare_t = statistics.median(run_cpu([PYTHON, "-c", "pass"], cached)[2] for _ in range(9))
    walls = spread([wall for wall, _, _ in colds], 3)
    cpus = spread([cpu for _, _, cpu in colds], 3)
    rows.append(
        (
            "`score` one example ledger, cold process",
            f"{walls} s (CPU {cpus} s)",
            f"CPU: its imports {import_t - bare_t:.3f} s, interpreter {bare_t:.3f} s;"
            f" {as_is:.3f} s in this shell ({writes})",
            "<= 0.3 s",
        )
    )

    if not args.skip_large:
        large = generate(args.large, args.work / str(args.large))
        _, small_m = run(report(folders["clean"], 2))
        ones, twos = [], []
        for _ in range(1 if args.large_memory_only else args.repeat_large):  # interleaved
            if not args.large_memory_only:
                ones.append(run(report(large, 1)))
            twos.append(run(report(large, 2)))
        two_m = max(m for _, m in twos)
        if ones:
            speedups = [one / two for (one, _), (two, _) in zip(ones, twos, strict=True)]
            one_t = statistics.median(t for t, _ in ones)
            two_t = statistics.median(t for t, _ in twos)
            rows.append(
                (
                    f"`report -f json`, {args.large:,} ledgers, `--jobs 2` vs `--jobs 1`",
                    f"{two_t:.0f} s vs {one_t:.0f} s",
                    f"{spread(speedups)} × faster",
                    ">= 1.7 ×",
                )
            )
        rows.append(
            (
                f"peak RSS, {args.large:,} vs {args.count} ledgers, `--jobs 2`",
                f"{two_m / 1024:.0f} MB vs {small_m / 1024:.0f} MB",
                f"{two_m / small_m:.2f} ×",
                "<= 1.5 ×",
            )
        )

    print("| measurement (2 cores, `--jobs 1` unless named) | figure | ratio | target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
