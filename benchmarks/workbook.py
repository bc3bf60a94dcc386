"""How fast an .xlsx ledger loads, run by hand (never in the test suite).

    python benchmarks/workbook.py [--members 25] [--repeat 7] [--openpyxl]

A full-year ledger of about MEMBERS members (benchmarks/generate.py, lanzhou-6543, seed 1:
the generated branch closest in size) is written as YAML and converted to .xlsx with
`branchcheck convert`. Then `read_ledger` (reading, models, rules, warnings: everything
`score` does before scoring) runs on each, interleaved, REPEAT rounds of 20 loads; each
round's median per load is kept. The YAML load is the baseline measured in the same run, since
the machine is shared and noisy: the figure that travels is the ratio, the milliseconds are
this machine's at this moment. `--openpyxl` also times openpyxl's read-only mode reading the
same workbook's cells (no models), the reader this one was measured against.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402

from branchcheck.cli import main as cli  # noqa: E402
from branchcheck.loading import read_ledger  # noqa: E402

LOADS = 20


def per_load(path: Path) -> float:
    times = []
    for _ in range(LOADS):
        start = time.perf_counter()
        read_ledger(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def openpyxl_cells(path: Path) -> float:
    import openpyxl

    times = []
    for _ in range(LOADS):
        start = time.perf_counter()
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            for _row in sheet.iter_rows(values_only=True):
                pass
        book.close()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--openpyxl", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = generate(40, 1, Path(folder))

        def size(p: Path) -> int:
            return len(read_ledger(p).ledger.members)

        yaml_path = min(paths, key=lambda p: (abs(size(p) - args.members), p.name))
        xlsx_path = Path(folder) / (yaml_path.stem + ".xlsx")
        if cli(["convert", str(yaml_path), str(xlsx_path)]) != 0:
            return 1
        loaded = read_ledger(xlsx_path)
        assert loaded.ledger == read_ledger(yaml_path).ledger, "the workbook must load the same"
        ledger = loaded.ledger
        print(
            f"{yaml_path.name}: {len(ledger.members)} members, {len(ledger.events)} events,"
            f" {len(ledger.training)} training rows; {xlsx_path.stat().st_size // 1024} KB .xlsx"
        )
        ratios, yaml_ms, xlsx_ms, other_ms = [], [], [], []
        for _ in range(args.repeat):
            y = per_load(yaml_path)
            x = per_load(xlsx_path)
            yaml_ms.append(y)
            xlsx_ms.append(x)
            ratios.append(x / y)
            if args.openpyxl:
                other_ms.append(openpyxl_cells(xlsx_path))
        print(
            f"read_ledger: yaml {statistics.median(yaml_ms):.1f} ms,"
            f" xlsx {statistics.median(xlsx_ms):.1f} ms"
            f" (range {min(xlsx_ms):.1f}-{max(xlsx_ms):.1f});"
            f" xlsx/yaml {statistics.median(ratios):.1f}x"
            f" (range {min(ratios):.1f}-{max(ratios):.1f}) over {args.repeat} rounds"
        )
        if other_ms:
            ratio = statistics.median(other_ms) / statistics.median(xlsx_ms)
            print(
                f"openpyxl read-only, cells only: {statistics.median(other_ms):.1f} ms"
                f" ({ratio:.1f}x this reader's whole load)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
