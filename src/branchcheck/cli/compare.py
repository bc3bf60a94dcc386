"""`branchcheck report PATH... --compare-rubric OLD`: the ledgers scored under their rubric
(or --rubric) and under OLD, side by side: who changes tier, and why."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine import score
from ..errors import BranchcheckError, Diagnostic
from ..formats import RenderOptions
from ..formats.rubric_compare import COMPARE_FORMATS
from ..limits import time_limit
from ..loading import load_rubric, read_ledger
from ..models.rubric import Rubric
from ..report.compare import Comparison, compare_one
from ..rubric_diff import RubricDiff, diff
from .faults import UsageError
from .output import emit, print_diagnostics, stderr_line, terminal_width
from .paths import check_names, yaml_files
from .target import check_not_input, plan_output, rubric_source


def run_compare(
    paths: list[Path],
    rubric: str | None,
    old_ref: str,
    fmt: str,
    output: Path | None,
    refused: list[str],
) -> int:
    check_names([*paths, rubric, old_ref, output])
    if fmt not in COMPARE_FORMATS:
        shown = ", ".join(COMPARE_FORMATS)
        raise UsageError("--compare-rubric", f"compares in these formats only: {shown}")
    if refused:
        raise UsageError(
            "--compare-rubric",
            f"not with {', '.join(refused)}: it compares two rubrics in one process",
        )
    target = plan_output(output)
    with time_limit(old_ref):
        old = load_rubric(old_ref)
    if rubric is not None:
        with time_limit(rubric):
            load_rubric(rubric)
    files = yaml_files(paths)
    if not files:
        stderr_line("branchcheck: error: no .yaml or .yml files found")
        return 2
    check_not_input(target, [*files, *rubric_source(rubric), *rubric_source(old_ref)])
    comparison: Comparison | None = None
    diffs: dict[int, tuple[Rubric, RubricDiff]] = {}
    errors = 0
    for path in files:
        try:
            with time_limit(str(path)):
                loaded = read_ledger(path, rubric)
                check_not_input(target, [loaded.rubric_file])
                print_diagnostics(loaded.warnings)
                new_result = score(loaded.rubric, loaded.ledger)
                try:
                    old_result = score(old, read_ledger(path, old).ledger)
                except BranchcheckError as exc:
                    raise BranchcheckError([_under(d, old) for d in exc.diagnostics]) from None
        except BranchcheckError as exc:
            print_diagnostics(exc.diagnostics)
            errors += 1
            continue
        # one diff per rubric pair (kept with its rubric, so its id is never reused)
        new_rubric, rubric_diff = diffs.setdefault(
            id(loaded.rubric), (loaded.rubric, diff(old, loaded.rubric))
        )
        if comparison is None:
            comparison = Comparison((old.id, old.version), (new_rubric.id, new_rubric.version))
        comparison.rows.append(
            compare_one(str(path), old_result, new_result, old, new_rubric, rubric_diff)
        )
    if comparison is not None:
        to_terminal = target.kind == "stdout"
        options = RenderOptions(
            width=terminal_width() if to_terminal else 200,
            color=to_terminal and sys.stdout.isatty(),
        )
        emit(COMPARE_FORMATS[fmt](comparison, options), target)
    return 2 if errors else 0


def _under(diagnostic: Diagnostic, rubric: Rubric) -> Diagnostic:
    """A problem met only under the old rubric says so."""
    return Diagnostic(
        diagnostic.file,
        diagnostic.line,
        diagnostic.col,
        f"{diagnostic.message} (under --compare-rubric {rubric.id} {rubric.version})",
        diagnostic.level,
        diagnostic.group,
    )
