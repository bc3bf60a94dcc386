#!/usr/bin/env python3
"""Long mutation-fuzz run of the CLI contract, by hand (not in CI).

    .venv/bin/python scripts/fuzz.py --cases 10000 --seed 1 --jobs 2 --keep /tmp/fuzz-findings

Each case mutates an example ledger or a built-in rubric (see tests/fuzzing.py) and runs the
command(s) in a fresh `python -m branchcheck` process with a timeout. Prints a table of
figures, writes one minimal reproducer per distinct failure into --keep, and exits 1 if the
contract was broken anywhere (0 otherwise). `--case I` reruns one case and prints its details.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import fuzzing  # noqa: E402


def signature(finding: fuzzing.Finding) -> str:
    """Distinct failures: the kind and command, and for crashes the exception and message."""
    sig = f"{finding.kind}/{finding.label}"
    if finding.kind == "internal-error":
        m = re.search(r"internal error: (\w+): (.*?)(?: \(please report|$)", finding.detail)
        if m:
            message = re.sub(r"\d+", "N", m.group(2))
            message = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", message)[:50]
            sig += f"/{m.group(1)}: {message}"
    return sig


def slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")[:90]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first case index")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per command")
    parser.add_argument(
        "--keep", type=Path, default=Path("fuzz-findings"), help="reproducers folder"
    )
    parser.add_argument("--no-reduce", action="store_true", help="keep the failing files unreduced")
    parser.add_argument("--reduce-budget", type=int, default=40, help="runs per reduction")
    parser.add_argument("--case", type=int, help="run this one case index and print everything")
    args = parser.parse_args(argv)

    seeds = fuzzing.load_seeds()
    builtin = {
        p: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in fuzzing.builtin_rubric_files().values()
    }
    examples = {s.path: hashlib.sha256(s.path.read_bytes()).hexdigest() for s in seeds}
    base = Path(tempfile.mkdtemp(prefix="branchcheck-fuzz-"))

    if args.case is not None:
        case = fuzzing.make_case(args.seed, args.case, seeds)
        result = fuzzing.run_case(case, fuzzing.subprocess_runner, base / "case", args.timeout)
        print(f"mutations: {case.mutations}")
        for run in result.runs:
            print(f"--- {run.label}: {run.argv} exit {run.code} in {run.seconds:.2f} s")
            print(run.err_text)
        for f in result.findings:
            print(f"FINDING {f.kind} [{f.label}]: {f.detail}")
        print(f"folder: {base / 'case'}")
        return 1 if result.findings else 0

    lock = threading.Lock()
    stats: dict[str, Counter[str]] = {
        "case_kind": Counter(),
        "command": Counter(),
        "runs": Counter(),
        "exit": Counter(),
        "kind_cases": Counter(),
        "kind_label": Counter(),
        "sigs": Counter(),
    }
    leaks: dict[str, set[str]] = {}
    worst: dict[str, fuzzing.CaseResult] = {}  # signature -> smallest failing case
    max_lines = (0, -1)
    slowest = (0.0, -1, "")
    done = [0]
    start = time.monotonic()

    fuzzer_errors: list[str] = []

    def one(index: int) -> fuzzing.CaseResult | None:
        folder = base / f"case-{index}"
        try:
            case = fuzzing.make_case(args.seed, index, seeds)
            return fuzzing.run_case(case, fuzzing.subprocess_runner, folder, args.timeout)
        except Exception:  # the fuzzer's own bug: report it, go on with the other cases
            fuzzer_errors.append(f"case {index}:\n{traceback.format_exc()}")
            return None
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def record(result: fuzzing.CaseResult) -> None:
        nonlocal max_lines, slowest
        case = result.case
        stats["case_kind"][case.kind] += 1
        stats["command"][case.command] += 1
        for run in result.runs:
            stats["runs"][run.label] += 1
            stats["exit"][f"{run.code if run.code is not None else 'hang'}"] += 1
            if run.stderr_lines > max_lines[0]:
                max_lines = (run.stderr_lines, case.index)
            if run.seconds > slowest[0]:
                slowest = (run.seconds, case.index, run.label)
        for kind in result.kinds:
            stats["kind_cases"][kind] += 1
        seen: set[str] = set()
        for f in result.findings:
            stats["kind_label"][f"{f.kind} [{f.label}]"] += 1
            sig = signature(f)
            if sig in seen:
                continue
            seen.add(sig)
            stats["sigs"][sig] += 1
            best = worst.get(sig)
            if best is None or len(case.data) < len(best.case.data):
                worst[sig] = result
        for stream, cps in result.leaks.items():
            leaks.setdefault(stream, set()).update(cps)

    indexes = range(args.start, args.start + args.cases)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(one, i) for i in indexes]
        for future in as_completed(futures):
            result = future.result()
            with lock:
                if result is not None:
                    record(result)
                done[0] += 1
                if done[0] % 100 == 0 or done[0] == args.cases:
                    failing = sum(stats["sigs"].values())
                    print(
                        f"[{done[0]}/{args.cases}] {time.monotonic() - start:.0f} s,"
                        f" {len(worst)} distinct failures ({failing} case-failures)",
                        file=sys.stderr,
                        flush=True,
                    )
    wall = time.monotonic() - start

    changed = [
        str(p)
        for p, digest in {**builtin, **examples}.items()
        if hashlib.sha256(p.read_bytes()).hexdigest() != digest
    ]

    # Reproducers: the smallest case per distinct failure, reduced by line deletion.
    args.keep.mkdir(parents=True, exist_ok=True)
    reduced: dict[str, fuzzing.CaseResult] = {}

    def reduce(sig: str) -> tuple[str, fuzzing.CaseResult]:
        result = worst[sig]
        kind = sig.split("/", 1)[0]
        case = result.case
        if not args.no_reduce and kind not in ("hang",):
            case = fuzzing.reduce_case(
                case, kind, fuzzing.subprocess_runner, base, args.reduce_budget, args.timeout
            )
        folder = base / f"final-{slug(sig)}"
        final = fuzzing.run_case(case, fuzzing.subprocess_runner, folder, args.timeout)
        shutil.rmtree(folder, ignore_errors=True)
        if kind not in final.kinds:  # flaky or lost by reduction: keep the original
            final = result
        return sig, final

    if worst:
        print(f"reducing {len(worst)} reproducers ...", file=sys.stderr, flush=True)
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for sig, final in pool.map(reduce, sorted(worst)):
                reduced[sig] = final
    for sig, final in sorted(reduced.items()):
        folder = args.keep / slug(sig)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        case = final.case
        (folder / Path(case.input_name).name).write_bytes(case.data)
        original = worst[sig].case
        (folder / ("original-" + Path(case.input_name).name)).write_bytes(original.data)
        if case.example is not None:
            shutil.copyfile(case.example, folder / "example.yaml")
        seed_text = original.seed_path.read_text(encoding="utf-8").splitlines(keepends=True)
        mutated = original.data.decode("utf-8", "backslashreplace").splitlines(keepends=True)
        diff = "".join(difflib.unified_diff(seed_text, mutated, original.seed, "mutated", n=1))
        if len(diff) > 8000:
            diff = diff[:8000] + "\n... (diff cut)\n"
        text = (
            f"signature: {sig}\ncases with it: {stats['sigs'][sig]}\n"
            "run in a folder holding in/ (the input as in/ledger.yaml or in/rubric.yaml,"
            " example.yaml as in/example.yaml) and out/\n\n"
            + fuzzing.describe_failure(final, sig.split("/", 1)[0])
            + "\n--- diff of the original mutated file against its seed (escaped)\n"
            + fuzzing.escaped(diff)
        )
        (folder / "README.txt").write_text(text, encoding="utf-8")

    shutil.rmtree(base, ignore_errors=True)

    def row(name: str, value: object) -> None:
        print(f"  {name:<44} {value}")

    print("\nbranchcheck fuzz summary")
    row("seed / first case", f"{args.seed} / {args.start}")
    row("cases", sum(stats["case_kind"].values()))
    row("cases by seed kind", dict(stats["case_kind"]))
    row("cases by command", dict(sorted(stats["command"].items())))
    row("runs by command", dict(sorted(stats["runs"].items())))
    row("exit codes (runs)", dict(sorted(stats["exit"].items())))
    row("internal errors (exit 3)", stats["kind_cases"]["internal-error"])
    row(f"hangs (> {args.timeout:g} s)", stats["kind_cases"]["hang"])
    row("other exit codes", stats["kind_cases"]["bad-exit"])
    row("forged stderr lines (cases)", stats["kind_cases"]["forged-line"])
    row("malformed / multi-line stderr (cases)", stats["kind_cases"]["malformed-stderr"])
    row("control chars leaked, stderr (cases)", stats["kind_cases"]["control-leak-stderr"])
    row("control chars leaked, stdout (cases)", stats["kind_cases"]["control-leak-stdout"])
    row("control chars leaked, output file (cases)", stats["kind_cases"]["control-leak-outfile"])
    for stream, cps in sorted(leaks.items()):
        row(f"  leaked in {stream}", " ".join(sorted(cps))[:200])
    kinds = stats["kind_cases"]
    row("non-UTF-8 output (cases)", kinds["non-utf8-stderr"] + kinds["non-utf8-stdout"])
    row("changed inputs (cases)", stats["kind_cases"]["input-changed"])
    row("changed seeds/built-in rubrics", len(changed))
    row("leftover files (cases)", stats["kind_cases"]["leftover-file"])
    row("bad/missing output file (cases)", kinds["bad-output-file"] + kinds["missing-output"])
    row("bad JSON on stdout (cases)", stats["kind_cases"]["bad-json-stdout"])
    row(f"stderr floods > {fuzzing.FLOOD_LINES} lines (cases)", stats["kind_cases"]["stderr-flood"])
    row("validate/show disagreements", stats["kind_cases"]["disagree-validate-show"])
    row("validate/score disagreements", stats["kind_cases"]["disagree-validate-score"])
    row("max stderr lines in one run (case)", f"{max_lines[0]} (case {max_lines[1]})")
    row("slowest run (case, command)", f"{slowest[0]:.2f} s (case {slowest[1]}, {slowest[2]})")
    row("wall time", f"{wall:.0f} s")
    row("fuzzer errors (cases not run)", len(fuzzer_errors))
    print("\nfindings by kind [command] (cases)")
    for key, n in stats["kind_label"].most_common():
        row(key, n)
    print(f"\ndistinct failures ({len(reduced)}), reproducers in {args.keep}/")
    for sig, n in stats["sigs"].most_common():
        final = reduced.get(sig)
        size = len(final.case.data) if final else "?"
        idx = final.case.index if final else "?"
        row(sig[:90], f"{n} cases; case {idx}, reproducer {size} bytes")
    if changed:
        print("CHANGED seed files:", *changed, sep="\n  ")
    if fuzzer_errors:
        print(f"\nFUZZER ERRORS ({len(fuzzer_errors)} cases not run; a bug in tests/fuzzing.py):")
        print(fuzzer_errors[0])
    breach = bool(stats["sigs"]) or bool(changed)
    return 1 if breach else 0


if __name__ == "__main__":
    raise SystemExit(main())
