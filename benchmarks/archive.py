"""The results archive at a province's scale: build it, time `trend`. Run by hand.

    python benchmarks/archive.py --out /tmp/province.db [--branches 25000] [--parents 100]

Writes BRANCHES branches × 4 quarters of 2024 (100,000 results with the defaults, each with
its 41 norms: 4.1 million norm rows) through the archive API, one batch (one transaction) per
quarter, and prints each batch's time. Then runs the whole command, cold (a new process
each time, as a user would), `branchcheck trend --archive FILE --parent P` and
`--branch ID`, five times each, and prints the median and the range. Scores and tiers are
drawn from a seeded random walk, so some branches climb, some drop and some stay.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from branchcheck.archive import Archive, Record, RubricInfo, rubric_hash
from branchcheck.loading import load_rubric
from branchcheck.report.aggregate import rubric_meta

QUARTERS = [
    ("2024-01-01", "2024-03-31"),
    ("2024-04-01", "2024-06-30"),
    ("2024-07-01", "2024-09-30"),
    ("2024-10-01", "2024-12-31"),
]


def tier_of(score: float) -> str:
    return "exemplary" if score >= 90 else "standardized" if score >= 80 else "general"


def batch(
    info: RubricInfo, quarter: int, branches: int, parents: int, seed: int
) -> Iterator[tuple[Record, RubricInfo]]:
    names = dict(info.meta.tiers)
    start, end = QUARTERS[quarter]
    norms = info.meta.norms
    for b in range(branches):
        walk = random.Random(f"{seed}-{b}")
        score = walk.uniform(65, 100)
        for _ in range(quarter):
            score = min(105.0, max(50.0, score + walk.uniform(-6, 6)))
        score = round(score, 2)
        tier = tier_of(score)
        yield (
            Record(
                file=f"p{b % parents:03d}/b{b:05d}-2024q{quarter + 1}.yaml",
                branch=f"b{b:05d}",
                name=f"第{b:05d}党支部",
                parent=f"第{b % parents:03d}机关党委",
                start=start,
                end=end,
                rubric_id=info.meta.id,
                rubric_version=info.meta.version,
                score=score,
                max=100.0,
                tier=tier,
                tier_name=names[tier],
                vetoes=(),
                alerts=(),
                norms=tuple((n.id, n.points if walk.random() < 0.8 else 0.0, "met") for n in norms),
                dimensions=tuple((d, 5.0, 5.0) for d, _ in info.meta.dimensions),
            ),
            info,
        )


CPU: dict[str, list[float]] = {}  # what, the processor time each cold run took


def cold(args: list[str], times: int = 5) -> list[float]:
    """Wall-clock seconds of each run; its CPU seconds (user + system) go to CPU, the figure
    to read on a busy machine, where the wall clock mostly measures the other processes."""
    spent, cpu = [], []
    for _ in range(times):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "branchcheck", *args], check=True, stdout=subprocess.DEVNULL
        )
        spent.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    CPU[" ".join(args)] = cpu
    return spent


def in_process(path: Path, scope: dict[str, str], fmt: str, times: int = 5) -> list[float]:
    """The command's own work, imports done: open, query, build, render."""
    from branchcheck.archive import query
    from branchcheck.archive.trend import build
    from branchcheck.formats import RenderOptions
    from branchcheck.formats.cycle import TREND_FORMATS

    spent = []
    for _ in range(times):
        began = time.perf_counter()
        with Archive.open(path, create=False) as archive:
            rows = query.results(archive, scope.get("branch"), scope.get("parent"))
            rubrics = query.rubrics(archive)
        TREND_FORMATS[fmt].render(build(rows, rubrics), RenderOptions(width=200))
        spent.append(time.perf_counter() - began)
    return spent


def line(what: str, spent: list[float]) -> str:
    cpu = CPU.pop(next(reversed(CPU)), None) if CPU else None
    extra = f"; CPU median {statistics.median(cpu):.3f} s" if cpu else ""
    return (
        f"{what}: median {statistics.median(spent):.3f} s"
        f" (range {min(spent):.3f}–{max(spent):.3f}, {len(spent)} runs{extra})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--branches", type=int, default=25_000)
    parser.add_argument("--parents", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="time trend on an existing FILE")
    args = parser.parse_args()
    if not args.keep:
        args.out.unlink(missing_ok=True)
        rubric = load_rubric("lanzhou-6543")
        info = RubricInfo(rubric_meta(rubric), rubric_hash(rubric))
        with Archive.open(args.out) as archive:
            for quarter in range(4):
                began = time.perf_counter()
                count = archive.write(batch(info, quarter, args.branches, args.parents, args.seed))
                spent = time.perf_counter() - began
                print(
                    f"batch 2024Q{quarter + 1}: {count:,} results in {spent:.2f} s"
                    f" ({spent / count * 1e6:.0f} µs a result)"
                )
        print(f"archive: {args.out.stat().st_size / 2**20:.0f} MiB")
    base = ["trend", "--archive", str(args.out), "-f"]
    for fmt in ("terminal", "json"):
        print(line(f"trend --parent ({fmt})", cold([*base, fmt, "--parent", "第007机关党委"])))
        print(line(f"trend --branch ({fmt})", cold([*base, fmt, "--branch", "b01234"])))
    print(line("branchcheck --version (start-up alone)", cold(["--version"])))
    for fmt in ("terminal", "json"):
        for name, scope in (
            ("parent", {"parent": "第007机关党委"}),
            ("branch", {"branch": "b01234"}),
        ):
            print(line(f"in-process trend --{name} ({fmt})", in_process(args.out, scope, fmt)))


if __name__ == "__main__":
    main()
