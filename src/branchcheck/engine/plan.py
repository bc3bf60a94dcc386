"""What scoring derives from the rubric alone, worked out once per rubric (not per ledger).

A batch scores hundreds of ledgers against one rubric: each norm's fixed result fields, where
its points roll up (work norm, dimension) and which alerts the rubric asks for are the same
for all of them. `Rubric.plan` makes this once and keeps it (a cached property).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..checks.outcome import Outcome
from ..checks.wording import Window, make_windows
from ..models.checks import DuesCheck, TermCheck
from ..models.ledger import Period
from ..models.result import NormResult, TierRef
from ..models.rubric import Norm, Rubric
from .norms import not_applicable_row, unmet_condition

PERIODS_KEPT = 64  # window lists kept per rubric: a batch's ledgers share one or a few periods
SHAPES_KEPT = 256  # not-applicable answers kept per rubric (one per members count, type, groups)


@dataclass(frozen=True, slots=True)
class NormPlan:
    norm: Norm
    kind: str  # the check's kind: its function in checks.REGISTRY
    # The result's fields the rubric fixes (id, name, dimension, standard, points, veto,
    # bonus): copied into each ledger's result instead of rebuilt, 41 times a ledger.
    base: dict[str, Any]
    # Its results made so far, by its check's outcome: see `norm_result`.
    results: dict[Outcome, NormResult]


@dataclass(frozen=True, slots=True)
class Rollup:
    """A work norm (or a dimension) and the indexes of its norms in `RubricPlan.norms`."""

    id: str
    name: str
    dimension: str
    norms: tuple[int, ...]
    ids: tuple[str, ...]  # their ids, in file order (validated into the result's list)
    # Its results made so far (StandardResult or DimensionResult), by the figures that decide
    # them: see `roll_up` and `score`.
    results: dict[tuple[Any, ...], Any] = field(default_factory=dict)


def norm_plan(norm: Norm, dimension: str, standard: str | None) -> NormPlan:
    """A norm's check and the result fields its rubric fixes, with an empty memo."""
    base = {
        "id": norm.id,
        "name": norm.name,
        "dimension": dimension,
        "standard": standard,
        "points": norm.points,
        "veto": norm.veto,
        "bonus": norm.bonus,
    }
    return NormPlan(norm, norm.check.kind, base, {})


class RubricPlan:
    """Per-rubric data for `score`: the norms in file order and the roll-up maps."""

    def __init__(self, rubric: Rubric) -> None:
        self.norms = tuple(
            norm_plan(norm, dim.id, std.id if std else None) for dim, std, norm, _ in rubric.placed
        )
        self.index = {p.base["id"]: i for i, p in enumerate(self.norms)}
        self.vetoes = tuple(i for i, p in enumerate(self.norms) if p.norm.veto)
        self.bonuses = tuple(i for i, p in enumerate(self.norms) if p.norm.bonus)
        self.conditional = tuple(
            (i, p.norm.when) for i, p in enumerate(self.norms) if p.norm.when is not None
        )
        self.required = tuple(dict.fromkeys(n for t in rubric.tiers for n in t.requires))
        # Each tier as a result names it: one frozen model per tier, shared by every result.
        self.tiers = tuple(TierRef(id=t.id, name=t.name) for t in rubric.tiers)
        self._shapes: dict[tuple[int, str | None, bool], list[NormResult | None]] = {}
        # Norms grouped by their work norm's id and by their dimension's id, in file order:
        # summing a group adds the same floats in the same order as filtering all norms did.
        by_standard: dict[str, list[int]] = {}
        by_dimension: dict[str, list[int]] = {}
        for i, p in enumerate(self.norms):
            if p.base["standard"] is not None:
                by_standard.setdefault(p.base["standard"], []).append(i)
            by_dimension.setdefault(p.base["dimension"], []).append(i)

        def rollup(ident: str, name: str, dimension: str, items: list[int]) -> Rollup:
            norm_ids = tuple(self.norms[i].base["id"] for i in items)
            return Rollup(ident, name, dimension, tuple(items), norm_ids)

        self.standards = tuple(
            rollup(std.id, std.name, dim.id, by_standard.get(std.id, []))
            for dim, std in rubric.standards
        )
        self.dimensions = tuple(
            rollup(dim.id, dim.name, dim.id, by_dimension.get(dim.id, []))
            for dim in rubric.dimensions
        )
        # `score` adds the norms up in one pass, dimension by dimension: that is file order,
        # as `rubric.placed` lists the norms (dimension ids are unique: loading checks it).
        in_order = [i for dim in self.dimensions for i in dim.norms]
        assert in_order == list(range(len(self.norms))), "norms not in dimension order"
        self.has_dues = any(isinstance(n.check, DuesCheck) for _, n in rubric.norms)
        self.term_years = next(
            (n.check.years for _, n in rubric.norms if isinstance(n.check, TermCheck)), None
        )
        self.norm_names = {norm.id: norm.name for _, norm in rubric.norms}
        self._windows: dict[tuple[str, dt.date, dt.date], list[Window]] = {}

    def not_applicable(
        self, full_members: int, branch_type: str | None, has_groups: bool
    ) -> list[NormResult | None]:
        """Per norm, its whole not-applicable result when its `when` does not hold, else None.
        `when` reads only these three values of a ledger, so a batch's ledgers share a few
        answers (saves rebuilding the reason and the row, ~0.03 ms a ledger). Read-only."""
        key = (full_members, branch_type, has_groups)
        found = self._shapes.get(key)
        if found is None:
            if len(self._shapes) >= SHAPES_KEPT:
                self._shapes.clear()
            found = [None] * len(self.norms)
            for i, when in self.conditional:
                reason = unmet_condition(when, full_members, branch_type, has_groups)
                if reason:
                    found[i] = NormResult.model_validate(not_applicable_row(self.norms[i], reason))
            self._shapes[key] = found
        return found

    def windows(self, per: str, period: Period) -> list[Window]:
        """The whole months (quarters, …) of a period, made once for all the rubric's ledgers
        of that period (a batch's ledgers share it: saves ~25 µs a ledger)."""
        key = (per, period.start, period.end)
        found = self._windows.get(key)
        if found is None:
            if len(self._windows) >= PERIODS_KEPT:  # many periods: start over, stay small
                self._windows.clear()
            found = self._windows[key] = make_windows(per, period.start, period.end)
        return found
