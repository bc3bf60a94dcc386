"""`branchcheck score`: score ledgers, print the results, gate on score or tier."""

from __future__ import annotations

import sys
from pathlib import Path

from ..engine import score
from ..errors import BranchcheckError, Diagnostic
from ..formats import SCORE_FORMATS, RenderOptions
from ..loading import read_ledger
from ..models.result import Result
from ..models.rubric import Rubric
from .output import check_output_path, emit, print_diagnostics, stderr_line, terminal_width


def gate(
    results: list[tuple[Result, Rubric]], fail_under: float | None, min_tier: str | None
) -> list[str]:
    """Why each result falls short of the gates (empty: all pass)."""
    failures = []
    for result, rubric in results:
        label = f"{result.branch.id}"
        if fail_under is not None and result.score < fail_under:
            failures.append(f"{label}: score {result.score:g} is under --fail-under {fail_under:g}")
        if min_tier is not None:
            order = [tier.id for tier in rubric.tiers]
            if min_tier not in order:
                raise BranchcheckError.at(
                    "--min-tier",
                    1,
                    1,
                    f"unknown tier {min_tier!r} in rubric {rubric.id!r}"
                    f" (tiers: {', '.join(order)})",
                )
            if order.index(result.tier.id) < order.index(min_tier):
                failures.append(f"{label}: tier {result.tier.id} is below --min-tier {min_tier}")
    return failures


def run_score(
    ledgers: list[Path],
    rubric: str | None,
    fmt: str,
    output: Path | None,
    fail_under: float | None,
    min_tier: str | None,
) -> int:
    if output is not None:
        check_output_path(output, ledgers)  # before any work
    scored: list[tuple[Result, Rubric]] = []
    errors: list[Diagnostic] = []
    for path in ledgers:
        try:
            loaded = read_ledger(path, rubric)
        except BranchcheckError as exc:
            errors += exc.diagnostics
            continue
        print_diagnostics(loaded.warnings)
        scored.append((score(loaded.rubric, loaded.ledger), loaded.rubric))
    if errors:
        print_diagnostics(errors)
        return 2
    failures = gate(scored, fail_under, min_tier)
    color = output is None and sys.stdout.isatty()
    options = RenderOptions(width=terminal_width() if output is None else 200, color=color)
    text = SCORE_FORMATS[fmt].render([r for r, _ in scored], options)
    emit(text, output, inputs=ledgers)
    for failure in failures:
        stderr_line(failure)
    return 1 if failures else 0
