"""`branchcheck score`: score ledgers, print the results, gate on score or tier."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import gates
from ..engine import score
from ..errors import BranchcheckError, Diagnostic
from ..formats import SCORE_FORMATS, RenderOptions
from ..limits import time_limit
from ..loading import read_ledger
from ..models.result import Result
from ..models.rubric import Rubric
from .output import emit, print_diagnostics, stderr_line, terminal_width
from .paths import check_names
from .rubric_ref import known_rubric
from .target import check_not_input, plan_output, rubric_source


def gate(
    results: list[tuple[Result, Rubric]], fail_under: float | None, min_tier: str | None
) -> list[str]:
    """The shared rule (gates.py) over every scored branch, named by its id."""
    branches = [
        gates.GatedBranch(
            result.branch.id,
            result.score,
            rubric.id,
            result.tier.id,
            [tier.id for tier in rubric.tiers],
        )
        for result, rubric in results
    ]
    return gates.failures(branches, fail_under, min_tier)


def run_score(
    ledgers: list[Path],
    rubric: str | None,
    fmt: str,
    output: Path | None,
    fail_under: float | None,
    min_tier: str | None,
) -> int:
    check_names([*ledgers, rubric, output])
    target = plan_output(output)  # everything about the output is checked before any work
    check_not_input(target, [*ledgers, *rubric_source(rubric)])
    gates.check_options(fail_under)
    if rubric is not None:
        with time_limit(rubric):
            known_rubric(rubric)  # a bad --rubric is one error, not one per ledger
    scored: list[tuple[Result, Rubric]] = []
    rubric_files: set[Path] = set()
    errors: list[Diagnostic] = []
    for path in ledgers:
        try:
            with time_limit(str(path)):  # no file holds the command forever
                loaded = read_ledger(path, rubric)
                result = score(loaded.rubric, loaded.ledger)
        except BranchcheckError as exc:
            errors += exc.diagnostics
            continue
        print_diagnostics(loaded.warnings)
        rubric_files.add(loaded.rubric_file)
        scored.append((result, loaded.rubric))
    if errors:
        print_diagnostics(errors)
        return 2
    check_not_input(target, sorted(rubric_files))  # the rubrics the ledgers named
    failures = gate(scored, fail_under, min_tier)
    to_terminal = target.kind == "stdout"
    color = to_terminal and sys.stdout.isatty()
    options = RenderOptions(width=terminal_width() if to_terminal else 200, color=color)
    text = SCORE_FORMATS[fmt].render([r for r, _ in scored], options)
    emit(text, target)
    for failure in failures:
        stderr_line(failure)
    return 1 if failures else 0
