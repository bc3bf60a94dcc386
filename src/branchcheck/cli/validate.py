"""`branchcheck validate`: every problem in every rubric file, then one exit code."""

from __future__ import annotations

from pathlib import Path

from ..errors import BranchcheckError
from ..limits import time_limit
from ..loading import check_rubric_file
from .output import print_diagnostics, stderr_line
from .paths import check_names, yaml_files


def run_validate(paths: list[Path]) -> int:
    check_names(paths)
    files = yaml_files(paths)
    code = 0
    invalid = 0
    for path in files:
        try:
            with time_limit(str(path)):
                problems = check_rubric_file(path)
        except BranchcheckError as exc:
            print_diagnostics(exc.diagnostics)
            code, invalid = 2, invalid + 1
            continue
        if problems:
            print_diagnostics(sorted(problems, key=lambda d: (d.line, d.col)))
            code, invalid = max(code, 1), invalid + 1
    if not files:
        stderr_line("branchcheck: error: no .yaml or .yml files found")
        return 2
    stderr_line(f"{len(files)} rubric file(s) checked, {invalid} with problems")
    return code
