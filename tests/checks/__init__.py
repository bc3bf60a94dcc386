"""Table tests, one module per check kind: small ledgers in, (fraction, misses) out."""

from __future__ import annotations

from typing import Any

from builders import norm, rubric

from branchcheck.checks import REGISTRY
from branchcheck.checks.context import Context
from branchcheck.checks.outcome import Outcome
from branchcheck.models import Ledger


def outcome(check: dict[str, Any], book: Ledger, **rubric_top: Any) -> Outcome:
    """Run `check` as norm N01 of a one-norm rubric, the way the engine calls it."""
    model = rubric(norm(check), **rubric_top)
    ((_, only),) = model.norms
    return REGISTRY[only.check.kind](only.check, Context(book, model).for_norm(only))


def named(*names: str, **extra: Any) -> list[dict[str, Any]]:
    """Members M01.. with real-looking names, for exact `detail` strings."""
    return [{"id": f"M{i:02d}", "name": name, **extra} for i, name in enumerate(names, 1)]
