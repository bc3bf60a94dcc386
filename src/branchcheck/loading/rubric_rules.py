"""The rubric rules beyond the schema, checked by `validate` and before any scoring."""

from __future__ import annotations

from collections.abc import Iterable

from ..models.checks import RatingCheck
from ..models.rubric import Deduct, Rubric
from .source import Problem

_EPSILON = 1e-6


def rubric_problems(rubric: Rubric) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique_ids(rubric)
    problems += _point_sums(rubric)
    problems += _tiers(rubric)
    for d, dim in enumerate(rubric.dimensions):
        for n, norm in enumerate(dim.norms):
            at = ("dimensions", d, "norms", n)
            if norm.requirement is None:
                problems.append(Problem(at, "every norm needs a `requirement` (shown in reports)"))
            if isinstance(norm.scoring, Deduct) and isinstance(norm.check, RatingCheck):
                problems.append(
                    Problem(
                        (*at, "scoring"),
                        "a rating norm earns its level's share of the points;"
                        " deductions do not apply",
                    )
                )
            elif isinstance(norm.scoring, Deduct) and norm.scoring.deduct > norm.points:
                problems.append(
                    Problem(
                        (*at, "scoring", "deduct"),
                        f"a deduction of {norm.scoring.deduct:g} is larger than"
                        f" the norm's {norm.points:g} points",
                    )
                )
            problems += _vocabulary(rubric, norm.check, (*at, "check"))
    return problems


def _duplicates(items: Iterable[tuple[str, tuple[str | int, ...]]], what: str) -> list[Problem]:
    seen: dict[str, tuple[str | int, ...]] = {}
    problems = []
    for ident, loc in items:
        if ident in seen:
            problems.append(Problem((*loc, "id"), f"duplicate {what} id {ident!r}"))
        seen.setdefault(ident, loc)
    return problems


def _unique_ids(rubric: Rubric) -> list[Problem]:
    dims = [(dim.id, ("dimensions", d)) for d, dim in enumerate(rubric.dimensions)]
    norms = [
        (norm.id, ("dimensions", d, "norms", n))
        for d, dim in enumerate(rubric.dimensions)
        for n, norm in enumerate(dim.norms)
    ]
    tiers = [(tier.id, ("tiers", t)) for t, tier in enumerate(rubric.tiers)]
    return _duplicates(dims, "dimension") + _duplicates(norms, "norm") + _duplicates(tiers, "tier")


def _point_sums(rubric: Rubric) -> list[Problem]:
    problems = []
    counted = sum(norm.points for _, norm in rubric.norms if not norm.bonus)
    if rubric.split is not None:
        split = rubric.split
        if abs(split.common + split.individual - rubric.total) > _EPSILON:
            problems.append(
                Problem(
                    ("split",),
                    f"common {split.common:g} + individual {split.individual:g}"
                    f" must equal total {rubric.total:g}",
                )
            )
        target, label = split.common, "split.common"
    else:
        target, label = rubric.total, "total"
    if abs(counted - target) > _EPSILON:
        problems.append(
            Problem(
                ("dimensions",),
                f"norm points (bonus norms aside) add up to {counted:g}, but {label} is {target:g}",
            )
        )
    return problems


def _tiers(rubric: Rubric) -> list[Problem]:
    problems = []
    norm_ids = {norm.id for _, norm in rubric.norms}
    bonus = sum(norm.points for _, norm in rubric.norms if norm.bonus)
    best = rubric.total + (min(bonus, rubric.bonus_cap) if rubric.bonus_cap is not None else bonus)
    previous: float | None = None
    for t, tier in enumerate(rubric.tiers):
        at = ("tiers", t)
        score = tier.min_score
        if score is not None:
            if previous is not None and score <= previous:
                problems.append(
                    Problem(
                        (*at, "min_score"),
                        f"min_score {score:g} must be above the tier below ({previous:g})",
                    )
                )
            if score > best:
                problems.append(
                    Problem(
                        (*at, "min_score"),
                        f"min_score {score:g} cannot be reached (best possible score is {best:g})",
                    )
                )
            previous = score
        elif previous is not None:
            problems.append(Problem(at, f"tier {tier.id!r} needs a min_score above {previous:g}"))
        for r, norm_id in enumerate(tier.requires):
            if norm_id not in norm_ids:
                problems.append(Problem((*at, "requires", r), f"requires unknown norm {norm_id!r}"))
    return problems


def _vocabulary(rubric: Rubric, check: object, at: tuple[str | int, ...]) -> list[Problem]:
    problems = []
    declared = set(rubric.events)
    for e, event in enumerate(getattr(check, "event", ())):
        if event not in declared:
            problems.append(
                Problem(
                    (*at, "event", e) if len(check.event) > 1 else (*at, "event"),  # type: ignore[attr-defined]
                    f"event type {event!r} is not declared in the rubric's `events`",
                )
            )
    return problems
