"""The gates (`--fail-under`, `--min-tier`) as one rule for every command. Pure: no I/O.

The rule:
- `--fail-under N`: a branch fails when its score is under N. N must be a finite number.
- `--min-tier T`: a branch fails when its tier is below T in its own rubric's tier order.
  T must be a tier of EVERY rubric in the run: a gate that cannot be checked for some
  branches must not pass them silently, so a tier unknown to any rubric is a usage error
  naming each rubric that lacks it.
- With no branches there is nothing to gate (and nothing to check T against).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GatedBranch:
    """What the gates need to know of one scored branch."""

    label: str  # how a failure names it: a branch id, a file
    score: float
    rubric: str  # the rubric's id
    tier: str  # the tier id reached
    tiers: Sequence[str]  # the rubric's tier ids, lowest first


class GateUsageError(ValueError):
    """A gate option that cannot be applied; `option` names it (`--min-tier`)."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        self.message = message


def check_options(fail_under: float | None) -> None:
    """What can be checked before anything is scored."""
    if fail_under is not None and not math.isfinite(fail_under):
        raise GateUsageError("--fail-under", f"not a finite number: {fail_under!r}")


def failures(
    branches: Iterable[GatedBranch], fail_under: float | None, min_tier: str | None
) -> list[str]:
    """Why each branch falls short of the gates, in the branches' order (empty: all pass).

    Raises GateUsageError for a gate that cannot be applied to every branch.
    """
    check_options(fail_under)
    records = list(branches)
    if min_tier is not None:
        _check_tier(records, min_tier)
    found: list[str] = []
    for branch in records:
        if fail_under is not None and branch.score < fail_under:
            found.append(
                f"{branch.label}: score {branch.score:g} is under --fail-under {fail_under:g}"
            )
        if min_tier is not None:
            order = list(branch.tiers)
            if order.index(branch.tier) < order.index(min_tier):
                found.append(f"{branch.label}: tier {branch.tier} is below --min-tier {min_tier}")
    return found


def _check_tier(records: list[GatedBranch], min_tier: str) -> None:
    lacking: dict[str, Sequence[str]] = {}
    for branch in records:
        if min_tier not in branch.tiers:
            lacking.setdefault(branch.rubric, branch.tiers)
    if lacking:
        raise GateUsageError(
            "--min-tier",
            "; ".join(
                f"unknown tier {min_tier!r} in rubric {rubric!r} (tiers: {', '.join(tiers)})"
                for rubric, tiers in lacking.items()
            ),
        )
