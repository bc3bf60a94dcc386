"""Benchmarks for `branchcheck report` and `score`, run by hand (never in the test suite).

    python benchmarks/run.py                 # 545 and 10,000 ledgers; about 6 minutes here
    python benchmarks/run.py --skip-large    # the 545-ledger figures only

Every figure is a ratio against a baseline measured in the same run, because the machine
is shared and noisy: the baseline is a process that only reads the same files and loads
them with PyYAML's C loader. Each command runs `--repeat` times, interleaved with its
baseline, and the median is kept. Peak memory is the process's own maximum RSS (wait4).
"""

from __future__ import annotations

import argparse
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


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one command, its output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(
            f"{' '.join(command)} exited {code}: {proc.stderr.read().decode()[-2000:]}"
        )
    proc.stderr.close()
    return elapsed, usage.ru_maxrss


def median_of(command: list[str], repeat: int) -> tuple[float, int]:
    runs = [run(command) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def generate(count: int, out: Path) -> Path:
    if not (out.is_dir() and len(list(out.glob("*.yaml"))) == count):
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [
                PYTHON,
                str(ROOT / "benchmarks/generate.py"),
                "--count",
                str(count),
                "--seed",
                "1",
                "--out",
                str(out),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out


def report(folder: Path, jobs: int) -> list[str]:
    return [
        PYTHON,
        "-m",
        "branchcheck",
        "report",
        str(folder),
        "--format",
        "json",
        "--jobs",
        str(jobs),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/branchcheck-bench"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-large", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true")
    args = parser.parse_args()
    small = generate(545, args.work / "545")
    sizes = [p.stat().st_size for p in small.glob("*.yaml")]
    rows: list[tuple[str, str, str, str]] = []
    print(f"545 ledgers, mean {statistics.mean(sizes) / 1024:.1f} KB", file=sys.stderr)

    base_t, _ = median_of([PYTHON, "-c", BASELINE, str(small)], args.repeat)
    rep_t, rep_m = median_of(report(small, 1), args.repeat)
    rows.append(
        (
            "report -f json, 545 ledgers, --jobs 1",
            f"{rep_t:.2f} s",
            f"{rep_t / base_t:.2f} x baseline ({base_t:.2f} s)",
            "<= 0.5 (aim 0.3)",
        )
    )

    example = ROOT / "examples/fgw/lz-fgw-01.yaml"
    cold_t, _ = median_of([PYTHON, "-m", "branchcheck", "score", str(example), "-f", "json"], 7)
    import_t, _ = median_of([PYTHON, "-c", "import branchcheck.cli"], 7)
    bare_t, _ = median_of([PYTHON, "-c", "pass"], 7)
    rows.append(
        (
            "score one example ledger, cold process",
            f"{cold_t:.3f} s",
            f"imports {import_t - bare_t:.3f} s, interpreter {bare_t:.3f} s",
            "< 0.3 s",
        )
    )

    if not args.skip_large:
        large = generate(10_000, args.work / "10000")
        # Interleaved, so that a busy minute on the shared machine hits both sides.
        ones, twos = [], []
        for _ in range(args.repeat_large):
            ones.append(run(report(large, 1)))
            twos.append(run(report(large, 2)))
        one_t, one_m = statistics.median(t for t, _ in ones), max(m for _, m in ones)
        two_t = statistics.median(t for t, _ in twos)
        rows.append(
            (
                "report -f json, 10,000 ledgers, --jobs 2 vs 1",
                f"{two_t:.1f} s vs {one_t:.1f} s",
                f"{one_t / two_t:.2f} x faster",
                ">= 1.7 x",
            )
        )
        rows.append(
            (
                "peak memory, 10,000 vs 545 ledgers (--jobs 1)",
                f"{one_m / 1024:.0f} MB vs {rep_m / 1024:.0f} MB",
                f"{one_m / rep_m:.2f} x",
                "<= 1.5 x",
            )
        )

    print("| measurement | figure | ratio | target |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
